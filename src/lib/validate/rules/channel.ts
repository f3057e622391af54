import type { Problem } from '../../problems.ts';
import { duplicateIdProblems, type RuleContext } from './context.ts';

/** Channels: unique ids among those the report lists (built-in channels it does not override are not listed). */
export function channelRules(ctx: RuleContext): Problem[] {
  return duplicateIdProblems(
    ctx,
    'channel',
    ctx.sources.channels.filter((c) => c.path !== undefined),
  );
}
