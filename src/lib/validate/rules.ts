import type { ReportSources } from '../model.ts';
import type { Problem } from '../problems.ts';
import type { FailedEntries } from './failedEntries.ts';
import type { ParsedFile } from './parseFile.ts';
import { channelRules } from './rules/channel.ts';
import { ruleContext } from './rules/context.ts';
import { journeyRules } from './rules/journey.ts';
import { kpiRules } from './rules/kpi.ts';
import { opportunityRules } from './rules/opportunity.ts';
import { personaRules } from './rules/persona.ts';
import { reportRules } from './rules/report.ts';
import { stageRules } from './rules/stage.ts';
import { touchpointRules } from './rules/touchpoint.ts';

export { locator } from './rules/context.ts';

/** The rule set of each kind of entry, in the order their problems are listed. */
const entityRules = [
  reportRules,
  channelRules,
  personaRules,
  journeyRules,
  stageRules,
  touchpointRules,
  opportunityRules,
  kpiRules,
];

/**
 * Rules that span files, one rule set per kind of entry (src/lib/validate/rules/): references
 * resolve, ids are unique, stage orders are unique per journey, scores sit on the report's scale,
 * every journey has stages, future-state journeys improve current-state ones. References to
 * entries that failed validation are not reported: their own error is the one to fix.
 */
export function checkReportRules(
  sources: ReportSources,
  files: Map<string, ParsedFile>,
  projectRoot: string,
  failed: FailedEntries,
): Problem[] {
  const ctx = ruleContext(sources, files, projectRoot, failed);
  return entityRules.flatMap((rules) => rules(ctx));
}
