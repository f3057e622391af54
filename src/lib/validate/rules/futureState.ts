import { suggest } from '../../closest.ts';
import type { SourceEntry } from '../../model.ts';
import type { Problem } from '../../problems.ts';
import type { RuleContext } from './context.ts';

/**
 * Whether the future-state rules judge an entry of `journey`: entries of an unknown journey, or
 * of one whose `improves` is wrong, are left to that error.
 */
export function judgedAsFutureState(ctx: RuleContext, journey: string): boolean {
  return !ctx.improvements.misreferenced.has(journey) && ctx.journeyById.has(journey);
}

/** Where a future-state entry's `improves:` points to nothing: what it may name instead. */
export interface UnknownImproves {
  /** How the problem names the entry: `touchpoint` or `KPI`. */
  kind: string;
  /** The future-state journey the entry belongs to. */
  journey: string;
  /** The current-state journey that journey improves, if any. */
  current: string | undefined;
  /** What the entry's `improves:` says. */
  improves: string;
  /** Ids of the entries of `current` it could improve. */
  candidates: string[];
}

/**
 * An `improves:` that names no entry of the journey its journey improves, or that cannot, because
 * its journey improves none.
 */
export function unknownImprovesProblem(
  ctx: RuleContext,
  entry: SourceEntry<unknown>,
  { kind, journey, current, improves, candidates }: UnknownImproves,
): Problem {
  if (current === undefined)
    return ctx.at(entry, ['improves'], {
      message: `this ${kind}'s journey does not improve a current-state journey`,
      hint: `add "improves: <current journey id>" to journey "${journey}", or remove "improves:" here`,
    });
  return ctx.at(entry, ['improves'], {
    message: `journey "${current}" has no ${kind} "${improves}"`,
    expected: `the id of a ${kind} of "${current}"`,
    found: `"${improves}"`,
    hint: suggest(improves, candidates, kind),
  });
}
