import { closestMatches, suggest } from '../../closest.ts';
import type { ReportSources, SourceEntry, StageSource } from '../../model.ts';
import { nonReservedStageId, reservedStagePage } from '../../paths.ts';
import { suggestPhase } from '../../portfolio/phases.ts';
import type { Problem } from '../../problems.ts';
import { stageKey } from '../../sources.ts';
import {
  duplicateIdProblems,
  folderOf,
  referenceProblems,
  type Finding,
  type RuleContext,
} from './context.ts';

/** A stage's `phase` must be one of the report's lifecycle phases; the hint names the closest. */
function phaseProblem(
  phase: string,
  stageName: string,
  report: ReportSources['report'],
): Finding | undefined {
  const ids = report.data.lifecycle.map((p) => p.id);
  if (ids.includes(phase)) return undefined;
  const close = closestMatches(phase, ids);
  // A phase written in words ("acquisto", "checkout"), or else the stage's name, points to a phase.
  const named =
    suggestPhase(phase, report.data.lifecycle) ?? suggestPhase(stageName, report.data.lifecycle);
  return {
    message: `unknown phase "${phase}"`,
    expected: `one of the report's lifecycle phases: ${ids.join(', ')}`,
    found: `"${phase}"`,
    hint:
      close.length > 0
        ? suggest(phase, ids, 'phase')
        : named
          ? `did you mean "${named}"?`
          : `use one of the phases above, or add "${phase}" to lifecycle in ${report.file}`,
  };
}

/** One stage: a known journey whose folder it sits in, a known phase, an order no earlier stage of its journey has. */
function stageProblems(
  ctx: RuleContext,
  stage: StageSource,
  orderSeen: Map<string, SourceEntry<unknown>>,
): Problem[] {
  const { at } = ctx;
  const { journey } = stage.data;
  const problems = referenceProblems(ctx, stage, ['journey'], 'journey', journey);
  const folder = folderOf(stage.file);
  if (folder !== journey && ctx.known.journey.has(journey)) {
    problems.push(
      at(
        stage,
        ['journey'],
        {
          message: `the stage belongs to journey "${journey}" but sits in folder "${folder}"`,
          hint: `move the file to stages/${journey}/`,
        },
        'warning',
      ),
    );
  }
  if (stage.data.phase !== undefined) {
    const problem = phaseProblem(stage.data.phase, stage.data.name, ctx.sources.report);
    if (problem) problems.push(at(stage, ['phase'], problem));
  }
  const orderKey = `${journey}#${stage.data.order}`;
  const earlier = orderSeen.get(orderKey);
  if (earlier) {
    problems.push(
      at(stage, ['order'], {
        message: `duplicate stage order ${stage.data.order} in journey "${journey}"`,
        found: `also used by ${earlier.file}`,
        hint: 'give every stage of a journey its own order number',
      }),
    );
  } else orderSeen.set(orderKey, stage);
  return problems;
}

/** A stage without touchpoints is a warning (unless a touchpoint meant for it failed validation). */
function emptyStageProblems(ctx: RuleContext): Problem[] {
  // A touchpoint's journey and stage are the reference to its stage.
  const withTouchpoints = new Set(ctx.sources.touchpoints.map((t) => stageKey(t.data)));
  return ctx.sources.stages.flatMap((stage) =>
    withTouchpoints.has(stageKey(stage.ref)) || ctx.failed.hasTouchpointIn(stage.ref)
      ? []
      : [
          ctx.at(
            stage,
            [],
            {
              message: 'the stage has no touchpoints',
              hint: `add touchpoints with "journey: ${stage.ref.journey}" and "stage: ${stage.ref.stage}"`,
            },
            'warning',
          ),
        ],
  );
}

/** A stage id the site keeps for a page of its own cannot be used. */
function reservedIdProblems(ctx: RuleContext): Problem[] {
  return ctx.sources.stages.flatMap((stage) => {
    const id = stage.ref.stage;
    const page = reservedStagePage(id);
    if (page === undefined) return [];
    return [
      ctx.at(stage, [], {
        message: `"${id}" cannot be a stage id: journeys/<journey>/${id}/ is ${page}`,
        hint: `rename the stage file, e.g. to "${nonReservedStageId(id)}.mdx"`,
      }),
    ];
  });
}

/** Stages: unique per journey, in a known journey and its folder, a known phase, unique order, not empty, not a reserved id. */
export function stageRules(ctx: RuleContext): Problem[] {
  const { stages } = ctx.sources;
  const orderSeen = new Map<string, SourceEntry<unknown>>();
  return [
    ...duplicateIdProblems(ctx, 'stage', stages),
    ...stages.flatMap((stage) => stageProblems(ctx, stage, orderSeen)),
    ...emptyStageProblems(ctx),
    ...reservedIdProblems(ctx),
  ];
}
