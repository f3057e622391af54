import { readReportHistory, type ReportHistory } from '../lib/history/index.ts';
import { getReport } from './report.ts';

let cached: Promise<ReportHistory> | undefined;

/** The report's git history, read once per build. */
export function getHistory(): Promise<ReportHistory> {
  cached ??= getReport().then((report) =>
    readReportHistory(
      report,
      import.meta.env.ITINERA_CONTENT_DIR,
      import.meta.env.ITINERA_PROJECT_ROOT,
    ),
  );
  return cached;
}
