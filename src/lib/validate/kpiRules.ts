import { suggest } from '../closest.ts';
import { freshnessReferenceDate, kpiFreshness, referenceDateVariable } from '../freshness.ts';
import { isoDate } from '../format.ts';
import { ignoredColumn } from '../import/kpis/columnMap.ts';
import type { ReportSources } from '../model.ts';
import type { Problem } from '../problems.ts';
import type { FailedEntries } from './failedEntries.ts';
import type { ParsedFile } from './parseFile.ts';
import { locator } from './rules.ts';

/** The day freshness is judged on, or the problem with ITINERA_TODAY. */
function referenceDay(sources: ReportSources, env: NodeJS.ProcessEnv): Date | Problem {
  try {
    return freshnessReferenceDate(sources.report.data, env);
  } catch (error) {
    return {
      severity: 'error',
      file: `${referenceDateVariable} (environment variable)`,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * KPI rules across the report: the saved column mapping (`kpiColumns`) names existing KPIs
 * (a KPI that failed validation has its own error), and a KPI whose newest value is older than
 * its limit on the reference day is a warning.
 */
export function checkKpiRules(
  sources: ReportSources,
  files: Map<string, ParsedFile>,
  failed: FailedEntries,
  env: NodeJS.ProcessEnv = process.env,
): Problem[] {
  const at = locator(files);
  const problems: Problem[] = [];
  const { report } = sources;
  const ids = sources.kpis.map((k) => k.id);
  for (const [column, id] of Object.entries(report.data.kpiColumns)) {
    if (id === ignoredColumn || ids.includes(id) || failed.has('kpi', id)) continue;
    problems.push(
      at(report, ['kpiColumns', column], {
        message: `column "${column}" is mapped to an unknown KPI "${id}"`,
        expected: `the id of a KPI in the kpis/ files, or "${ignoredColumn}" to skip the column`,
        found: `"${id}"`,
        hint: suggest(id, ids, 'KPI'),
      }),
    );
  }
  const today = referenceDay(sources, env);
  if (!(today instanceof Date)) return [...problems, today];
  for (const kpi of sources.kpis) {
    const { asOf, ageDays, staleAfterDays, stale } = kpiFreshness(kpi.data, report.data, today);
    if (!stale) continue;
    const field =
      kpi.data.staleAfterDays === undefined
        ? `the report's kpiStaleAfterDays`
        : 'its staleAfterDays';
    problems.push(
      at(
        kpi,
        ['history'],
        {
          message: `the KPI is stale: its newest value is from ${isoDate(asOf!)}, ${ageDays} days before ${isoDate(today)} (${field} allows ${staleAfterDays})`,
          hint: `import the latest export (npm run import -- kpis FILE.csv), or set staleAfterDays on a KPI measured less often`,
        },
        'warning',
      ),
    );
  }
  return problems;
}
