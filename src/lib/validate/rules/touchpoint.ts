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
import { judgedAsFutureState, unknownImprovesProblem } from './futureState.ts';

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

/** How future touchpoints pair with current ones, filled in as the touchpoints are checked. */
interface Pairing {
  touchpointsOf: (journey: string) => TouchpointSource[];
  /** The first future touchpoint that improves each current one, by the current one's id. */
  improvedBy: Map<string, SourceEntry<unknown>>;
}

/**
 * A future-state touchpoint `improves` a touchpoint of the journey its journey improves, one
 * future touchpoint per current one: a second is kept, and warned about, as an added touchpoint.
 */
function improvesProblems(
  ctx: RuleContext,
  touchpoint: TouchpointSource,
  { touchpointsOf, improvedBy }: Pairing,
): Problem[] {
  const { journey, improves } = touchpoint.data;
  if (improves === undefined) return [];
  const current = ctx.improvements.improved.get(journey);
  const candidates = current === undefined ? [] : touchpointsOf(current).map((t) => t.id);
  const isCandidate = candidates.includes(improves);
  if (current === undefined || (!isCandidate && !ctx.failed.has('touchpoint', improves))) {
    return [
      unknownImprovesProblem(ctx, touchpoint, {
        kind: 'touchpoint',
        journey,
        current,
        improves,
        candidates,
      }),
    ];
  }
  if (!isCandidate) return [];
  const earlier = improvedBy.get(improves);
  if (!earlier) {
    improvedBy.set(improves, touchpoint);
    return [];
  }
  return [
    ctx.at(
      touchpoint,
      ['improves'],
      {
        message: `touchpoint "${improves}" is already improved by "${earlier.id}"`,
        hint: 'the comparison pairs one future touchpoint with one current touchpoint; this one will show as added',
      },
      'warning',
    ),
  ];
}

/** Only a future-state touchpoint `addresses` opportunities, and only ones that exist. */
function addressesProblems(ctx: RuleContext, touchpoint: TouchpointSource): Problem[] {
  const { data } = touchpoint;
  const isFuture = ctx.journeyById.get(data.journey)?.data.state === 'future';
  return data.addresses.flatMap((id, i): Problem[] => {
    if (!isFuture) {
      return [
        ctx.at(touchpoint, ['addresses'], {
          message: 'only touchpoints of a future-state journey can address opportunities',
          hint: `add "state: future" to journey "${data.journey}", or remove "addresses:"`,
        }),
      ];
    }
    if (ctx.opportunityIds.has(id) || ctx.failed.has('opportunity', id)) return [];
    return [
      ctx.at(touchpoint, ['addresses', i], {
        message: `unknown opportunity "${id}"`,
        expected: 'the "id:" of an opportunity on a current-state touchpoint',
        found: `"${id}"`,
        hint: suggest(id, [...ctx.opportunityIds], 'opportunity'),
      }),
    ];
  });
}

/** A touchpoint's future-state fields: what it improves, then what it addresses. */
function futureStateProblems(
  ctx: RuleContext,
  touchpoint: TouchpointSource,
  pairing: Pairing,
): Problem[] {
  if (!judgedAsFutureState(ctx, touchpoint.data.journey)) return [];
  return [...improvesProblems(ctx, touchpoint, pairing), ...addressesProblems(ctx, touchpoint)];
}

/** Touchpoints: unique ids, then each touchpoint's own rules, then the future-state ones. */
export function touchpointRules(ctx: RuleContext): Problem[] {
  const { touchpoints } = ctx.sources;
  const byJourney = groupByJourney(touchpoints);
  const pairing: Pairing = {
    touchpointsOf: (journey) => byJourney.get(journey) ?? [],
    improvedBy: new Map(),
  };
  return [
    ...duplicateIdProblems(ctx, 'touchpoint', touchpoints),
    ...touchpoints.flatMap((touchpoint) => touchpointProblems(ctx, touchpoint)),
    ...touchpoints.flatMap((touchpoint) => futureStateProblems(ctx, touchpoint, pairing)),
  ];
}
