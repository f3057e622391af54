import { z } from 'astro/zod';
import { fieldAtPath, isFieldPathProblem, leftOutValue, type FieldRoots } from '../fieldPaths.ts';

/** The editions a report can be built as: `internal` shows everything, `client` leaves internal content out. */
export const audiences = ['internal', 'client'] as const;
export type Audience = (typeof audiences)[number];

/** Fields left out of the client edition when the report does not list its own. */
export const defaultInternalFields = [
  'journeys.owner',
  'touchpoints.owner',
  'touchpoints.backstage',
  'touchpoints.support',
  'touchpoints.systems',
  'touchpoints.lanes.backstage',
  'touchpoints.lanes.support',
  'touchpoints.evidence.note',
  'touchpoints.opportunities.owner',
  'stages.lanes.backstage',
  'stages.lanes.support',
  'personas.demographics',
  'report.researchSources.notes',
];

/** Why a path cannot be listed in `internalFields`, or undefined when it can. */
export function internalFieldProblem(
  path: string,
  roots: FieldRoots,
): { message: string; hint: string } | undefined {
  const found = fieldAtPath(path, roots, ['internal']);
  if (isFieldPathProblem(found)) return found;
  if (leftOutValue(found).ok) return undefined;
  return {
    message: `"${path}" is required, so it cannot be left out`,
    hint: `mark whole ${path.split('.')[0]} entries \`internal: true\` instead`,
  };
}

/**
 * The report's `audience` setting. `roots` gives the schemas field paths start from; it is a
 * function because the report's own schema is one of them.
 */
export function audienceSettingSchema(roots: () => FieldRoots) {
  const fieldPath = z
    .string()
    .trim()
    .superRefine((path, ctx) => {
      const problem = internalFieldProblem(path, roots());
      if (problem)
        ctx.addIssue({
          code: 'custom',
          message: problem.message,
          input: path,
          params: { expected: 'a field path such as "touchpoints.owner"', hint: problem.hint },
        });
    });
  return z.object({
    /** The edition `npm run build` makes when ITINERA_AUDIENCE is not set: `internal` (everything) or `client`. */
    default: z.enum(audiences).default('internal'),
    /**
     * Fields the client edition leaves out, as `<kind>.<field>` paths (kinds: report, personas,
     * journeys, stages, touchpoints, kpis, channels; lists are looked through, so
     * `touchpoints.evidence.note` is every evidence note). Replaces the default list.
     */
    internalFields: z.array(fieldPath).default(defaultInternalFields),
  });
}

export type AudienceSetting = z.infer<ReturnType<typeof audienceSettingSchema>>;
