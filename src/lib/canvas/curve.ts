import { curveMonotoneX, line } from 'd3-shape';
import { neutralScore } from '../emotion.ts';
import type { EmotionScale } from '../schema/report.ts';
import { round } from '../charts/svg.ts';

export interface CanvasCurveInput {
  /** Stages in order, each with its touchpoint ids in journey order. */
  stages: { id: string; touchpoints: string[] }[];
  /** One series per persona (or one for the journey): real scores only, by touchpoint id. */
  series: { name: string; scores: ReadonlyMap<string, number> }[];
  scale: Pick<EmotionScale, 'min' | 'max'>;
}

export interface CanvasCurvePoint {
  touchpoint: string;
  stage: string;
  stageIndex: number;
  /** Position inside the stage's column, 0 (left edge) to 1 (right edge). */
  x: number;
  /** Distance from the top of the curve row, 0 to 100 (%). */
  y: number;
  score: number;
}

export interface CanvasCurve {
  /**
   * Each series' path in canvas units: x runs from 0 to the number of stages (stage i covers
   * [i, i + 1]), y from 0 to 100. A stage's cell draws the path through a viewBox of its own
   * unit, so every band is exactly its column. Unscored touchpoints break the line.
   */
  series: { name: string; path: string; points: CanvasCurvePoint[]; unscored: string[] }[];
  neutralY: number;
  /** y of a score, for the scale's labels. */
  yOf: (score: number) => number;
}

/** Room above the best and below the worst score, in % of the row, so markers are never cut. */
const PAD = 10;

/** Where every touchpoint's point sits: spread evenly in its own stage column, y on the report's scale. */
export function layoutCanvasCurve(input: CanvasCurveInput): CanvasCurve {
  const { min, max } = input.scale;
  const yOf = (score: number) =>
    round(PAD + ((max - Math.min(max, Math.max(min, score))) / (max - min)) * (100 - 2 * PAD));
  const slots = input.stages.flatMap((stage, stageIndex) =>
    stage.touchpoints.map((touchpoint, i) => ({
      touchpoint,
      stage: stage.id,
      stageIndex,
      x: round((i + 0.5) / stage.touchpoints.length),
    })),
  );
  const series = input.series.map((s) => {
    const placed = slots.map((slot) => {
      const score = s.scores.get(slot.touchpoint);
      return score === undefined ? undefined : { ...slot, y: yOf(score), score };
    });
    const path = line<CanvasCurvePoint | undefined>()
      .defined((p) => p !== undefined)
      .x((p) => round(p!.stageIndex + p!.x))
      .y((p) => p!.y)
      .curve(curveMonotoneX)(placed);
    return {
      name: s.name,
      path: path ?? '',
      points: placed.filter((p): p is CanvasCurvePoint => p !== undefined),
      unscored: slots.filter((_, i) => placed[i] === undefined).map((slot) => slot.touchpoint),
    };
  });
  return { series, neutralY: yOf(neutralScore(input.scale)), yOf };
}
