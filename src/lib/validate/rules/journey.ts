import { suggest } from '../../closest.ts';
import type { SourceEntry } from '../../model.ts';
import type { Problem } from '../../problems.ts';
import type { JourneyData } from '../../schema/journey.ts';
import type { FailedEntries } from '../failedEntries.ts';
import {
  duplicateIdProblems,
  referenceProblems,
  type Locate,
  type RuleContext,
} from './context.ts';

export interface JourneyImprovements {
  /** The current-state journey a journey improves, when that reference is sound. */
  improved: Map<string, string>;
  /** Journeys whose own `improves` is wrong: their items' references are not checked again. */
  misreferenced: Set<string>;
  /** What is wrong with the `improves` of each journey. */
  problems: Problem[];
}

/** `improves` names a current-state journey, and only a future-state journey has it. */
export function journeyImprovements(
  journeys: readonly SourceEntry<JourneyData>[],
  journeyById: Map<string, SourceEntry<JourneyData>>,
  failed: FailedEntries,
  at: Locate,
): JourneyImprovements {
  const result: JourneyImprovements = {
    improved: new Map(),
    misreferenced: new Set(),
    problems: [],
  };
  for (const journey of journeys) {
    const target = journey.data.improves;
    if (target === undefined) continue;
    result.misreferenced.add(journey.id);
    const current = journeyById.get(target);
    if (journey.data.state !== 'future') {
      result.problems.push(
        at(journey, ['improves'], {
          message: 'only a future-state journey can improve another journey',
          found: `state: ${journey.data.state}`,
          hint: 'add "state: future" to this journey, or remove "improves:"',
        }),
      );
    } else if (!current && failed.has('journey', target)) {
      continue;
    } else if (!current) {
      result.problems.push(
        at(journey, ['improves'], {
          message: `unknown journey "${target}"`,
          expected: 'the id of a current-state journey',
          found: `"${target}"`,
          hint: suggest(target, [...journeyById.keys()], 'journey'),
        }),
      );
    } else if (current.data.state !== 'current') {
      result.problems.push(
        at(journey, ['improves'], {
          message: `journey "${target}" is not a current-state journey`,
          expected: 'the id of a journey with "state: current"',
          hint: 'a future state improves the journey as it is today',
        }),
      );
    } else {
      result.improved.set(journey.id, target);
      result.misreferenced.delete(journey.id);
    }
  }
  return result;
}

/** Journeys: unique ids, known personas, at least one stage, a sound `improves`. */
export function journeyRules(ctx: RuleContext): Problem[] {
  const { sources, failed, at } = ctx;
  const problems = duplicateIdProblems(ctx, 'journey', sources.journeys);
  for (const journey of sources.journeys) {
    journey.data.personas.forEach((persona, i) =>
      problems.push(...referenceProblems(ctx, journey, ['personas', i], 'persona', persona)),
    );
    if (!ctx.stagesOfJourney.has(journey.id) && !failed.hasStageIn(journey.id)) {
      problems.push(
        at(journey, [], {
          message: 'the journey has no stages',
          hint: `add stage files in stages/${journey.id}/ (\`npm run new -- stage\`)`,
        }),
      );
    }
  }
  return [...problems, ...ctx.improvements.problems];
}
