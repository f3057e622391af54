import type { Journey, Stage, StageSource } from '../model.ts';
import { stageKey } from '../sources.ts';
import { lookup } from './lookup.ts';

/** Stages, each added to its journey in stage order; touchpoints and KPIs fill in later. */
export function resolveStages(
  sources: readonly StageSource[],
  journeyById: Map<string, Journey>,
): { stages: Stage[]; stageByKey: Map<string, Stage> } {
  const stages: Stage[] = sources.map((s) => {
    const journey = lookup(journeyById, s.ref.journey, 'journey', s.file);
    return {
      key: stageKey(s.ref),
      id: s.ref.stage,
      data: s.data,
      file: s.file,
      journey,
      touchpoints: [],
      kpis: [],
    };
  });
  for (const stage of stages) stage.journey.stages.push(stage);
  for (const journey of journeyById.values())
    journey.stages.sort((a, b) => a.data.order - b.data.order);
  return { stages, stageByKey: new Map(stages.map((s) => [s.key, s])) };
}
