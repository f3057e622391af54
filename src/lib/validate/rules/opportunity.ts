import { formatFieldPath, type Problem } from '../../problems.ts';
import type { SourceEntry } from '../../model.ts';
import type { RuleContext } from './context.ts';

/** Opportunities: author-given ids are unique across the report (future-state touchpoints `address` them). */
export function opportunityRules(ctx: RuleContext): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, SourceEntry<unknown>>();
  for (const touchpoint of ctx.sources.touchpoints) {
    touchpoint.data.opportunities.forEach((opportunity, i) => {
      if (opportunity.id === undefined) return;
      const located = { ...touchpoint, path: [...(touchpoint.path ?? []), 'opportunities', i] };
      const earlier = first.get(opportunity.id);
      if (earlier) {
        problems.push(
          ctx.at(located, ['id'], {
            message: `duplicate opportunity id "${opportunity.id}"`,
            found: `also used in ${earlier.file}${earlier.path ? ` (${formatFieldPath(earlier.path)})` : ''}`,
            hint: 'ids must be unique across the report: rename one of them',
          }),
        );
      } else first.set(opportunity.id, located);
    });
  }
  return problems;
}
