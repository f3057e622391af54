import { english, type Translate } from '../i18n/index.ts';
import type { MermaidJourney } from '../mermaid/parseJourney.ts';
import type { EmotionScale } from '../schema/report.ts';
import type { EmotionCurveInput } from './emotionCurve.ts';
import { chartId, type TimelineInput } from './timeline.ts';

/** Mermaid journeys score 1-5, like Itinera's default scale. */
export const mermaidScale: EmotionScale = { min: 1, max: 5, labels: [] };

const EVERYONE = 'Everyone';

/**
 * Chart inputs for a Mermaid journey: sections are stages, tasks are touchpoints, and each
 * task sits in the lane of its first actor (tasks without actors share one lane).
 */
export function mermaidChartInputs(journey: MermaidJourney, key: string, t: Translate = english): { timeline: TimelineInput; curve: EmotionCurveInput } {
  const title = journey.title ?? journey.accTitle ?? 'Journey';
  const stages = journey.sections.map((section, i) => ({ id: `section-${i + 1}`, name: section.name }));
  const tasks = journey.sections.flatMap((section, i) => section.tasks.map((task, j) => ({ task, stageId: stages[i]!.id, id: `${key}-task-${i + 1}-${j + 1}` })));
  const laneNames = [...new Set(tasks.map(({ task }) => task.actors[0] ?? EVERYONE))];
  return {
    timeline: {
      id: chartId('mermaid-timeline', key),
      title: t('charts.timelineTitle', { journey: title }),
      stages,
      lanes: laneNames.map((name) => ({ id: chartId(name), name, kind: 'online' as const })),
      marks: tasks.map(({ task, stageId, id }) => ({ id, title: task.name, stageId, laneId: chartId(task.actors[0] ?? EVERYONE), score: task.score, momentOfTruth: false, painPoints: 0 })),
      scale: mermaidScale,
      t,
    },
    curve: {
      id: chartId('mermaid-curve', key),
      title: t('charts.curveTitle', { journey: title }),
      stages,
      series: [{ name: title, points: tasks.map(({ task, stageId, id }) => ({ id, label: task.name, stageId, score: task.score })) }],
      scale: mermaidScale,
      t,
    },
  };
}
