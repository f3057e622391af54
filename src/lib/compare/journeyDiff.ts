import { mean } from 'd3-array';
import type { Journey, Kpi, OpportunityItem, Stage, Touchpoint } from '../model.ts';
import { deriveKpiStatus, kpiMargin, type KpiStatus } from '../kpi.ts';
import { matchItems } from './match.ts';
import {
  comparePainPoints,
  compareTouchpoints,
  type PainPointChange,
  type TouchpointChange,
} from './touchpointChanges.ts';

export interface StageComparison {
  /** Id on the comparison's shared stage axis: the future stage's id, or the only side's id. */
  id: string;
  name: string;
  current?: Stage;
  future?: Stage;
  /** Mean emotion of the stage's touchpoints today. */
  currentMean?: number;
  futureMean?: number;
  /** `futureMean - currentMean`, when both sides have touchpoints. */
  delta?: number;
}

export interface KpiComparison {
  /** The future-state KPI, with its target. */
  kpi: Kpi;
  /** The current-state KPI it improves, when there is one. */
  current?: Kpi;
  /** Today's value: the current KPI's, else the future KPI's own. */
  today: number;
  /** How far today is from the future target, positive when it already meets it. */
  margin: number;
  /** Today's value judged against the future target. */
  status: KpiStatus;
}

export interface JourneyDiff {
  current: Journey;
  future: Journey;
  stages: StageComparison[];
  touchpoints: TouchpointChange[];
  /** How many touchpoints of each kind. */
  counts: Record<TouchpointChange['kind'], number>;
  painPoints: { resolved: PainPointChange[]; introduced: PainPointChange[] };
  kpis: KpiComparison[];
  /** Current-state KPIs that no future-state KPI improves. */
  untrackedKpis: Kpi[];
  /** Opportunities the future state delivers, each with the touchpoints that deliver it. */
  opportunities: { opportunity: OpportunityItem; by: Touchpoint[] }[];
  /** Mean emotion over the whole journey, today and in the future state. */
  emotion: { current?: number; future?: number };
}

const meanEmotion = (touchpoints: readonly Touchpoint[]) =>
  mean(touchpoints, (t) => t.data.emotion);

/** Matches stages by id, then by name, and lays them on one axis in journey order. */
function compareStages(current: Journey, future: Journey): StageComparison[] {
  const currentIds = new Set(current.stages.map((s) => s.id));
  const pairs = matchItems(current.stages, future.stages, {
    id: (s: Stage) => s.id,
    title: (s) => s.data.name,
    reference: (s) => (currentIds.has(s.id) ? s.id : undefined),
  });
  const paired = new Set(pairs.values());
  const placed = new Set<Stage>();
  const axis: StageComparison[] = [];
  const side = (stage: Stage, which: 'current' | 'future'): StageComparison => ({
    id: stage.id,
    name: stage.data.name,
    [which]: stage,
    [`${which}Mean`]: meanEmotion(stage.touchpoints),
  });
  for (const stage of future.stages) {
    const counterpart = pairs.get(stage);
    if (!counterpart) {
      axis.push(side(stage, 'future'));
      continue;
    }
    // Current stages the future dropped keep their place before the next matched stage.
    for (const earlier of current.stages.slice(0, current.stages.indexOf(counterpart))) {
      if (placed.has(earlier) || paired.has(earlier)) continue;
      axis.push(side(earlier, 'current'));
      placed.add(earlier);
    }
    placed.add(counterpart);
    const currentMean = meanEmotion(counterpart.touchpoints);
    const futureMean = meanEmotion(stage.touchpoints);
    axis.push({
      id: stage.id,
      name: stage.data.name,
      current: counterpart,
      future: stage,
      currentMean,
      futureMean,
      delta:
        currentMean !== undefined && futureMean !== undefined
          ? futureMean - currentMean
          : undefined,
    });
  }
  for (const stage of current.stages) if (!placed.has(stage)) axis.push(side(stage, 'current'));
  return axis;
}

/**
 * Compares a future-state journey with the current-state journey it improves: stages side by
 * side with their emotion, touchpoints added, removed and changed (paired by `improves:` or by
 * title), pain points resolved, KPI targets against today's values, opportunities delivered.
 */
export function diffJourneys(current: Journey, future: Journey): JourneyDiff {
  const stages = compareStages(current, future);
  const axisIdOf = new Map<Stage, string>();
  for (const stage of stages) {
    if (stage.current) axisIdOf.set(stage.current, stage.id);
    if (stage.future) axisIdOf.set(stage.future, stage.id);
  }
  const pairs = matchItems(current.touchpoints, future.touchpoints, {
    id: (t: Touchpoint) => t.id,
    title: (t) => t.data.title,
    reference: (t) => t.data.improves,
  });
  const touchpoints = compareTouchpoints(
    current.touchpoints,
    future.touchpoints,
    pairs,
    (b, a) => axisIdOf.get(b.stage) === axisIdOf.get(a.stage),
  );
  const counts: JourneyDiff['counts'] = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const change of touchpoints) counts[change.kind]++;

  const kpis = future.kpis.map((kpi): KpiComparison => {
    const counterpart = kpi.improves?.journey === current ? kpi.improves : undefined;
    const today = counterpart?.value ?? kpi.value;
    const { target, direction } = kpi.data;
    return {
      kpi,
      current: counterpart,
      today,
      margin: kpiMargin(today, target, direction),
      status: deriveKpiStatus(today, target, direction, kpi.tolerance),
    };
  });
  const tracked = new Set(kpis.map((k) => k.current));
  const delivered = new Map<OpportunityItem, Touchpoint[]>();
  for (const touchpoint of future.touchpoints) {
    for (const opportunity of touchpoint.addresses)
      delivered.set(opportunity, [...(delivered.get(opportunity) ?? []), touchpoint]);
  }

  return {
    current,
    future,
    stages,
    touchpoints,
    counts,
    painPoints: comparePainPoints(touchpoints),
    kpis,
    untrackedKpis: current.kpis.filter((k) => !tracked.has(k)),
    opportunities: [...delivered].map(([opportunity, by]) => ({ opportunity, by })),
    emotion: { current: meanEmotion(current.touchpoints), future: meanEmotion(future.touchpoints) },
  };
}
