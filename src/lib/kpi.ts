import type { Kpi } from './model.ts';
import type { KpiData } from './schema/kpi.ts';

export type KpiStatus = 'met' | 'at-risk' | 'missed';
export const kpiStatuses: readonly KpiStatus[] = ['met', 'at-risk', 'missed'];

/** A symbol per status, so status never relies on colour alone. */
export const kpiStatusSymbol: Record<KpiStatus, string> = { met: '✓', 'at-risk': '!', missed: '✗' };

/** The KPI's current value: `value` when given, else the newest history sample. */
export function currentKpiValue(kpi: Pick<KpiData, 'value' | 'history'>): number | undefined {
  if (kpi.value !== undefined) return kpi.value;
  if (kpi.history.length === 0) return undefined;
  return [...kpi.history].sort((a, b) => a.date.getTime() - b.date.getTime()).at(-1)!.value;
}

/** Signed distance to target, positive when the KPI is better than its target. */
export function kpiMargin(value: number, target: number, direction: KpiData['direction']): number {
  return direction === 'higher-is-better' ? value - target : target - value;
}

/**
 * Met when the value reaches the target in the KPI's direction; at risk when it falls short by
 * no more than `tolerance` times the target's size; missed otherwise.
 */
export function deriveKpiStatus(
  value: number,
  target: number,
  direction: KpiData['direction'],
  tolerance: number,
): KpiStatus {
  const margin = kpiMargin(value, target, direction);
  if (margin >= 0) return 'met';
  // A small epsilon keeps "exactly 10 % short" at risk despite floating-point noise.
  return -margin <= tolerance * Math.abs(target) + 1e-9 ? 'at-risk' : 'missed';
}

/** Counts per status, with every status present. */
export function countKpiStatuses(statuses: Iterable<KpiStatus>): Record<KpiStatus, number> {
  const counts: Record<KpiStatus, number> = { met: 0, 'at-risk': 0, missed: 0 };
  for (const status of statuses) counts[status]++;
  return counts;
}

/**
 * The measurements a KPI's trend shows, oldest first: its own, or for a future-state KPI without
 * measurements of its own, those of the KPI it improves.
 */
export function kpiTrend(kpi: Kpi): KpiData['history'] {
  const history =
    kpi.data.history.length > 0 || !kpi.improves ? kpi.data.history : kpi.improves.data.history;
  return [...history].sort((a, b) => a.date.getTime() - b.date.getTime());
}
