import { journeyEmotionSeries } from '../charts/fromModel.ts';
import { idPart } from '../charts/svg.ts';
import type { Journey, Touchpoint } from '../model.ts';
import type { EmotionScale } from '../schema/report.ts';
import type { CanvasCurveInput } from './curve.ts';

/** The emotion curve's input for a journey's canvas: its stages, and one series per persona (real scores only) or one for the journey. */
export function canvasCurveInput(journey: Journey, scale: EmotionScale): CanvasCurveInput {
  return {
    stages: journey.stages.map((stage) => ({ id: stage.id, touchpoints: stage.touchpoints.map((t) => t.id) })),
    series: journeyEmotionSeries(journey).map((s) => ({ name: s.name, scores: new Map(s.points.map((p) => [p.id, p.score])) })),
    scale,
  };
}

export const evidenceLevels = ['evidenced', 'inferred', 'asserted', 'none'] as const;
export type EvidenceLevel = (typeof evidenceLevels)[number];

/** How well research backs a touchpoint: its strongest evidence, or `none`. */
export function evidenceLevel(touchpoint: Pick<Touchpoint, 'data'>): EvidenceLevel {
  const strengths = new Set(touchpoint.data.evidence.map((e) => e.strength));
  return evidenceLevels.find((level) => strengths.has(level as never)) ?? 'none';
}

/** Stable element id of a canvas cell (or of the canvas itself with no parts), unique on a page holding several journeys. */
export function canvasAnchor(journeyId: string, ...parts: string[]): string {
  return ['canvas', journeyId, ...parts].map(idPart).join('-');
}
