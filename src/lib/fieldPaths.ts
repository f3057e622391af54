/**
 * Dotted field paths into the content schemas (`touchpoints.evidence.note`): checking that a
 * path names a real field, and what the field reads as when it is left out. Lists are looked
 * through, so `touchpoints.opportunities.owner` is the owner of every opportunity.
 */
import { z } from 'astro/zod';
import { closestMatches } from './closest.ts';

/** The schema each first segment of a path starts from (`touchpoints` → the touchpoint schema). */
export type FieldRoots = Record<string, z.ZodType>;

/** The schema inside optional, default and transform wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodNullable
    )
      current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
    else return current;
  }
}

/** The object a step goes into: lists are looked through, and a union is read as its object form. */
function containerOf(schema: z.ZodType): z.ZodType {
  let current = unwrap(schema);
  if (current instanceof z.ZodArray) current = unwrap(current.element as z.ZodType);
  if (current instanceof z.ZodUnion) {
    const objects = (current.options as z.ZodType[])
      .map(unwrap)
      .filter((o) => o instanceof z.ZodObject);
    if (objects[0]) current = objects[0];
  }
  return current;
}

/** A field a path leads to. */
export interface FieldAtPath {
  schema: z.ZodType;
  /** Whether the field is a key of a free-form record (a lane id, a demographic), which may simply be absent. */
  inRecord: boolean;
}

/** What is wrong with a path, and how to fix it. */
export interface FieldPathProblem {
  message: string;
  hint: string;
}

export const isFieldPathProblem = (
  found: FieldAtPath | FieldPathProblem,
): found is FieldPathProblem => 'message' in found;

/** The field a dotted path names, or why it names none (with a did-you-mean). `skip` lists fields a path may not name. */
export function fieldAtPath(
  path: string,
  roots: FieldRoots,
  skip: readonly string[] = [],
): FieldAtPath | FieldPathProblem {
  const [root, ...rest] = path.split('.');
  const start = roots[root!];
  if (!start || rest.length === 0) {
    const close = closestMatches(root!, Object.keys(roots)).filter((c) => c !== root);
    const kinds = Object.keys(roots).join(', ');
    return {
      message: `"${path}" is not a field path`,
      hint: `write <kind>.<field>, e.g. "touchpoints.owner" (kinds: ${kinds})${close[0] ? `; did you mean "${close[0]}"?` : ''}`,
    };
  }
  let found: FieldAtPath = { schema: start, inRecord: false };
  for (const [position, key] of rest.entries()) {
    const container = containerOf(found.schema);
    const done = [root, ...rest.slice(0, position)].join('.');
    if (container instanceof z.ZodRecord) {
      found = { schema: container.valueType as z.ZodType, inRecord: true };
      continue;
    }
    if (!(container instanceof z.ZodObject))
      return { message: `"${done}" has no fields inside`, hint: `list "${done}" itself` };
    const shape = container.shape as Record<string, z.ZodType>;
    const fields = Object.keys(shape).filter((field) => !skip.includes(field));
    if (!fields.includes(key)) {
      const close = closestMatches(key, fields);
      return {
        message: `"${done}" has no field "${key}"`,
        hint: close[0]
          ? `did you mean "${done}.${close[0]}"?`
          : `fields of ${done}: ${fields.join(', ')}`,
      };
    }
    found = { schema: shape[key]!, inRecord: false };
  }
  return found;
}

/** What a field reads as when it is left out: absent, or its schema's default (`[]`, `{}`); not ok for a required field. */
export function leftOutValue(field: FieldAtPath): { ok: true; value: unknown } | { ok: false } {
  if (field.inRecord) return { ok: true, value: undefined };
  const empty = field.schema.safeParse(undefined);
  return empty.success ? { ok: true, value: empty.data } : { ok: false };
}
