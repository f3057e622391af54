/**
 * How fresh KPI values are: the date of a KPI's newest value, and whether it is older than the
 * report allows on the reference day. The reference day is pinned (ITINERA_TODAY, or the
 * report's `kpiReferenceDate`) so a build or a test gives the same pages whatever day it runs.
 */
import type { KpiData } from './schema/kpi.ts';
import type { ReportData } from './schema/report.ts';

const DAY = 86_400_000;

/** The environment variable that pins the day freshness is judged on (YYYY-MM-DD). */
export const referenceDateVariable = 'ITINERA_TODAY';

/** A day written strictly as YYYY-MM-DD, at UTC midnight; `undefined` otherwise. */
function parseDay(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text.trim() ? date : undefined;
}

/** UTC midnight of a moment. */
function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/**
 * The day KPI freshness is judged on: ITINERA_TODAY when set, else the report's
 * `kpiReferenceDate`, else the day of the build (UTC). Throws a readable error when
 * ITINERA_TODAY is not a YYYY-MM-DD day.
 */
export function freshnessReferenceDate(
  report: Pick<ReportData, 'kpiReferenceDate'>,
  env: NodeJS.ProcessEnv = process.env,
  now = new Date(),
): Date {
  const pinned = env[referenceDateVariable]?.trim();
  if (pinned) {
    const day = parseDay(pinned);
    if (!day)
      throw new Error(
        `${referenceDateVariable}="${pinned}" is not a day: write it as YYYY-MM-DD, e.g. ${referenceDateVariable}=2026-03-31, or unset it to use the build day`,
      );
    return day;
  }
  return startOfDay(report.kpiReferenceDate ?? now);
}

/** The date of the newest sample in a history, if it has any. */
export function newestSampleDate(history: readonly { date: Date }[]): Date | undefined {
  let newest: Date | undefined;
  for (const sample of history) if (!newest || sample.date > newest) newest = sample.date;
  return newest;
}

export interface KpiFreshness {
  /** The newest value's date; missing for a KPI with no dated value. */
  asOf?: Date;
  /** Whole days from `asOf` to the reference day. */
  ageDays?: number;
  /** How old the value may be: the KPI's `staleAfterDays`, else the report's `kpiStaleAfterDays`. */
  staleAfterDays: number;
  /** Older than `staleAfterDays` on the reference day. A KPI with no dated value is never stale. */
  stale: boolean;
}

/** The freshness of a KPI's own measurements on `today`. */
export function kpiFreshness(
  kpi: Pick<KpiData, 'history' | 'staleAfterDays'>,
  report: Pick<ReportData, 'kpiStaleAfterDays'>,
  today: Date,
): KpiFreshness {
  const staleAfterDays = kpi.staleAfterDays ?? report.kpiStaleAfterDays;
  const asOf = newestSampleDate(kpi.history);
  if (!asOf) return { staleAfterDays, stale: false };
  const ageDays = Math.floor((startOfDay(today).getTime() - startOfDay(asOf).getTime()) / DAY);
  return { asOf, ageDays, staleAfterDays, stale: ageDays > staleAfterDays };
}

/** When the report's KPI data was last refreshed: the newest `asOf` of all KPIs. */
export function lastRefreshed(kpis: Iterable<{ asOf?: Date }>): Date | undefined {
  return newestSampleDate([...kpis].flatMap((k) => (k.asOf ? [{ date: k.asOf }] : [])));
}
