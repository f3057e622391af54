import { idPart } from '../charts/svg.ts';
import type { MermaidJourney } from '../import/mermaid/parseJourney.ts';
import type { EmotionScale } from '../schema/report.ts';
import type { CanvasCurveInput } from './curve.ts';

/** Mermaid journeys score 1-5, like Itinera's default scale. */
export const mermaidScale: EmotionScale = { min: 1, max: 5, labels: [] };

export interface MermaidCanvasTask {
  id: string;
  /** Position in the whole journey, from 1. */
  number: number;
  name: string;
  score: number;
  actors: string[];
}

export interface MermaidCanvas {
  /** Unique on the page, in place of a journey id: the canvas's element ids are built from it. */
  id: string;
  title: string;
  stages: { id: string; name: string; tasks: MermaidCanvasTask[] }[];
  curve: CanvasCurveInput;
}

/**
 * A Mermaid journey as a journey map canvas: sections are stage columns, tasks are touchpoints
 * (numbered `section-1`, `task-1-2`); `key` tells this diagram apart from others on its page.
 */
export function mermaidCanvas(journey: MermaidJourney, key: string): MermaidCanvas {
  let number = 0;
  const stages = journey.sections.map((section, i) => ({
    id: `section-${i + 1}`,
    name: section.name,
    tasks: section.tasks.map((task, j) => ({
      id: `task-${i + 1}-${j + 1}`,
      number: ++number,
      name: task.name,
      score: task.score,
      actors: task.actors,
    })),
  }));
  const tasks = stages.flatMap((stage) => stage.tasks);
  const title = journey.title ?? journey.accTitle ?? 'Journey';
  return {
    id: idPart(`mermaid-${key}`),
    title,
    stages,
    curve: {
      stages: stages.map((stage) => ({
        id: stage.id,
        touchpoints: stage.tasks.map((task) => task.id),
      })),
      series: [{ name: title, scores: new Map(tasks.map((task) => [task.id, task.score])) }],
      scale: mermaidScale,
    },
  };
}
