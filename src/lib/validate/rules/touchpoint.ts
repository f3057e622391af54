import { closestMatches, suggest } from '../../closest.ts';
import type { ReportSources, SourceEntry } from '../../model.ts';
import type { Problem } from '../../problems.ts';
import {
  duplicateIdProblems,
  folderOf,
  groupByJourney,
  referenceProblems,
  scoreProblems,
  stageReferenceProblems,
  type RuleContext,
} from './context.ts';

type TouchpointSource = ReportSources['touchpoints'][number];

/** A score for a persona the journey does not list; silent when that follows from another error. */
function personaScoreProblems(
  ctx: RuleContext,
  touchpoint: TouchpointSource,
  persona: string,
): Problem[] {
  const { journey } = touchpoint.data;
  const journeyData = ctx.journeyById.get(journey)?.data;
  // An unknown journey, a persona file that failed, or a journey that misspells this persona: each has its own error.
  if (!journeyData || journeyData.personas.includes(persona) || ctx.failed.has('persona', persona))
    return [];
  const journeyPersonas = [...new Set(journeyData.personas)];
  if (
    closestMatches(
      persona,
      journeyData.personas.filter((p) => !ctx.known.persona.has(p)),
    ).length > 0
  )
    return [];
  // A persona of the report is a correct key: the journey may lack it, but renaming the key would be wrong.
  const hint = ctx.known.persona.has(persona)
    ? `add "${persona}" to the personas of journey "${journey}", or remove this score`
    : suggest(persona, journeyPersonas, 'persona');
  return [
    ctx.at(touchpoint, ['emotionByPersona', persona], {
      message: `persona "${persona}" is not in journey "${journey}"`,
      expected: `one of the journey's personas: ${journeyPersonas.join(', ')}`,
      hint,
    }),
  ];
}

/** One touchpoint: in its journey's folder, known journey, stage, channel and research sources, scores on the scale. */
function touchpointProblems(ctx: RuleContext, touchpoint: TouchpointSource): Problem[] {
  const { data } = touchpoint;
  const problems: Problem[] = [];
  const folder = folderOf(touchpoint.file);
  if (folder !== data.journey && ctx.known.journey.has(data.journey)) {
    // A list file's entries share its one `journey:` line: point there, once.
    problems.push(
      ctx.at(
        { ...touchpoint, path: undefined },
        ['journey'],
        {
          message: `the touchpoint belongs to journey "${data.journey}" but sits in folder "${folder}"`,
          hint: `move the file to touchpoints/${data.journey}/`,
        },
        'warning',
      ),
    );
  }
  problems.push(
    ...referenceProblems(ctx, touchpoint, ['journey'], 'journey', data.journey),
    ...stageReferenceProblems(ctx, touchpoint, data),
    ...referenceProblems(ctx, touchpoint, ['channel'], 'channel', data.channel),
    ...scoreProblems(ctx, touchpoint, ['emotion'], data.emotion),
  );
  for (const [persona, value] of Object.entries(data.emotionByPersona)) {
    problems.push(
      ...scoreProblems(ctx, touchpoint, ['emotionByPersona', persona], value),
      ...personaScoreProblems(ctx, touchpoint, persona),
    );
  }
  data.evidence.forEach((evidence, i) =>
    problems.push(
      ...referenceProblems(ctx, touchpoint, ['evidence', i, 'source'], 'source', evidence.source),
    ),
  );
  return problems;
}

/**
 * A future-state touchpoint `improves` a touchpoint of the journey its journey improves (one
 * future touchpoint per current one) and `addresses` existing opportunities. Touchpoints of an
 * unknown journey, or of one whose `improves` is wrong, are left to that error.
 */
function futureStateProblems(
  ctx: RuleContext,
  touchpoint: TouchpointSource,
  touchpointsOf: (journey: string) => TouchpointSource[],
  improvedBy: Map<string, SourceEntry<unknown>>,
): Problem[] {
  const { data } = touchpoint;
  const { at, failed } = ctx;
  if (ctx.improvements.misreferenced.has(data.journey) || !ctx.journeyById.has(data.journey))
    return [];
  const problems: Problem[] = [];
  const current = ctx.improvements.improved.get(data.journey);
  if (data.improves !== undefined) {
    const candidates = current === undefined ? [] : touchpointsOf(current).map((t) => t.id);
    if (current === undefined) {
      problems.push(
        at(touchpoint, ['improves'], {
          message: "this touchpoint's journey does not improve a current-state journey",
          hint: `add "improves: <current journey id>" to journey "${data.journey}", or remove "improves:" here`,
        }),
      );
    } else if (!candidates.includes(data.improves) && !failed.has('touchpoint', data.improves)) {
      problems.push(
        at(touchpoint, ['improves'], {
          message: `journey "${current}" has no touchpoint "${data.improves}"`,
          expected: `the id of a touchpoint of "${current}"`,
          found: `"${data.improves}"`,
          hint: suggest(data.improves, candidates, 'touchpoint'),
        }),
      );
    } else if (candidates.includes(data.improves)) {
      const earlier = improvedBy.get(data.improves);
      if (earlier) {
        problems.push(
          at(
            touchpoint,
            ['improves'],
            {
              message: `touchpoint "${data.improves}" is already improved by "${earlier.id}"`,
              hint: 'the comparison pairs one future touchpoint with one current touchpoint; this one will show as added',
            },
            'warning',
          ),
        );
      } else improvedBy.set(data.improves, touchpoint);
    }
  }
  const isFuture = ctx.journeyById.get(data.journey)?.data.state === 'future';
  data.addresses.forEach((id, i) => {
    if (!isFuture) {
      problems.push(
        at(touchpoint, ['addresses'], {
          message: 'only touchpoints of a future-state journey can address opportunities',
          hint: `add "state: future" to journey "${data.journey}", or remove "addresses:"`,
        }),
      );
    } else if (!ctx.opportunityIds.has(id) && !failed.has('opportunity', id)) {
      problems.push(
        at(touchpoint, ['addresses', i], {
          message: `unknown opportunity "${id}"`,
          expected: 'the "id:" of an opportunity on a current-state touchpoint',
          found: `"${id}"`,
          hint: suggest(id, [...ctx.opportunityIds], 'opportunity'),
        }),
      );
    }
  });
  return problems;
}

/** Touchpoints: unique ids, then each touchpoint's own rules, then the future-state ones. */
export function touchpointRules(ctx: RuleContext): Problem[] {
  const { touchpoints } = ctx.sources;
  const byJourney = groupByJourney(touchpoints);
  const touchpointsOf = (journey: string) => byJourney.get(journey) ?? [];
  const improvedBy = new Map<string, SourceEntry<unknown>>();
  return [
    ...duplicateIdProblems(ctx, 'touchpoint', touchpoints),
    ...touchpoints.flatMap((touchpoint) => touchpointProblems(ctx, touchpoint)),
    ...touchpoints.flatMap((touchpoint) =>
      futureStateProblems(ctx, touchpoint, touchpointsOf, improvedBy),
    ),
  ];
}
