import { averageScore } from './emotion.ts';
import { countKpiStatuses, type KpiStatus } from './kpi.ts';
import type { Journey, Stage } from './model.ts';

export interface StageSummary {
  stage: Stage;
  /** Mean emotion of the stage's touchpoints, undefined when it has none. */
  averageEmotion: number | undefined;
  touchpoints: number;
  painPoints: number;
  kpis: Record<KpiStatus, number>;
}

/** Per stage of a journey: average emotion, touchpoints, pain points and KPI status counts. */
export function summarizeStages(journey: Journey): StageSummary[] {
  return journey.stages.map((stage) => ({
    stage,
    averageEmotion: averageScore(stage.touchpoints.map((t) => t.data.emotion)),
    touchpoints: stage.touchpoints.length,
    painPoints: stage.touchpoints.reduce((sum, t) => sum + t.painPoints.length, 0),
    kpis: countKpiStatuses(stage.kpis.map((k) => k.status)),
  }));
}
