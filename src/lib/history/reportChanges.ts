import { matchItems } from '../compare/match.ts';
import { compareTouchpoints, type TouchpointChange } from '../compare/touchpointChanges.ts';
import type { Journey, Kpi, ResolvedReport, Touchpoint } from '../model.ts';

export interface KpiChange {
  kind: 'added' | 'removed' | 'changed';
  before?: Kpi;
  after?: Kpi;
  /** New value minus old value, when both versions measure it. */
  valueDelta?: number;
  /** New target minus old target. */
  targetDelta?: number;
}

export interface JourneyChanges {
  kind: 'added' | 'removed' | 'changed';
  before?: Journey;
  after?: Journey;
  /** Touchpoints added, removed or changed; unchanged ones are left out. */
  touchpoints: TouchpointChange[];
  kpis: KpiChange[];
}

function compareKpis(before: readonly Kpi[], after: readonly Kpi[]): KpiChange[] {
  const previous = new Map(before.map((k) => [k.id, k]));
  const changes: KpiChange[] = [];
  for (const kpi of after) {
    const old = previous.get(kpi.id);
    previous.delete(kpi.id);
    if (!old) {
      changes.push({ kind: 'added', after: kpi });
      continue;
    }
    const valueDelta = kpi.value - old.value;
    const targetDelta = kpi.data.target - old.data.target;
    if (valueDelta !== 0 || targetDelta !== 0)
      changes.push({ kind: 'changed', before: old, after: kpi, valueDelta, targetDelta });
  }
  for (const old of previous.values()) changes.push({ kind: 'removed', before: old });
  return changes;
}

/**
 * What changed between two versions of a report, journey by journey: touchpoints (paired by id,
 * then by title, so a renamed id is a change, not a removal and an addition) with their emotion
 * deltas, and KPIs (by id) with value and target deltas. Journeys without changes are left out.
 */
export function diffReports(before: ResolvedReport, after: ResolvedReport): JourneyChanges[] {
  const changes: JourneyChanges[] = [];
  for (const journey of after.journeys) {
    const old = before.journeyById.get(journey.id);
    if (!old) {
      changes.push({ kind: 'added', after: journey, touchpoints: [], kpis: [] });
      continue;
    }
    const oldIds = new Set(old.touchpoints.map((t) => t.id));
    const pairs = matchItems(old.touchpoints, journey.touchpoints, {
      id: (t: Touchpoint) => t.id,
      title: (t) => t.data.title,
      // A touchpoint whose id is new may still be an old one renamed: let the title pair it.
      reference: (t) => (oldIds.has(t.id) ? t.id : undefined),
    });
    const touchpoints = compareTouchpoints(
      old.touchpoints,
      journey.touchpoints,
      pairs,
      (b, a) => b.stage.id === a.stage.id,
    ).filter((c) => c.kind !== 'unchanged');
    const kpis = compareKpis(old.kpis, journey.kpis);
    if (touchpoints.length > 0 || kpis.length > 0)
      changes.push({ kind: 'changed', before: old, after: journey, touchpoints, kpis });
  }
  for (const journey of before.journeys) {
    if (!after.journeyById.has(journey.id))
      changes.push({ kind: 'removed', before: journey, touchpoints: [], kpis: [] });
  }
  return changes;
}
