import { journeyEmotionSeries } from '../charts/fromModel.ts';
import { formatNumber } from '../format.ts';
import type { Translate } from '../i18n/index.ts';
import type { Journey, Stage, Touchpoint } from '../model.ts';
import { paths } from '../paths.ts';
import type { EmotionScale } from '../schema/report.ts';
import type { CanvasCurveInput } from './curve.ts';
import { laneCell, laneLabel, type CanvasLane } from './lanes.ts';
import type { CanvasSvgInput, CanvasSvgLane } from './svg.ts';

/** The emotion curve's input for a journey's canvas: its stages, and one series per persona (real scores only) or one for the journey. */
export function canvasCurveInput(journey: Journey, scale: EmotionScale): CanvasCurveInput {
  return {
    stages: journey.stages.map((stage) => ({
      id: stage.id,
      touchpoints: stage.touchpoints.map((t) => t.id),
    })),
    series: journeyEmotionSeries(journey).map((s) => ({
      name: s.name,
      scores: new Map(s.points.map((p) => [p.id, p.score])),
    })),
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

/** A touchpoint's line in the touchpoints lane: title, channel, score, moment of truth, evidence. */
function touchpointSummary(tp: Touchpoint, t: Translate): string {
  return [
    tp.data.title,
    `${tp.channel.data.name} (${t(`channelKind.${tp.channel.data.kind}`)})`,
    formatNumber(tp.data.emotion, t.locale, 1),
    tp.data.momentOfTruth && t('table.momentOfTruth'),
    `${t('canvas.evidenceOf')} ${t(`canvas.evidence.${evidenceLevel(tp)}`)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The lines of one stage's cell in a text lane, as the page shows them: the stage's own lines
 * first, then each touchpoint's, prefixed with the touchpoint's number in the journey.
 */
function stageLaneLines(
  stage: Stage,
  laneId: string,
  number: ReadonlyMap<string, number>,
  t: Translate,
): string[] {
  const cell = laneCell(stage, laneId);
  const own = (tp: Touchpoint, line: string) => `${number.get(tp.id)}. ${line}`;
  switch (laneId) {
    case 'touchpoints':
      return stage.touchpoints.map((tp) => own(tp, touchpointSummary(tp, t)));
    case 'pain-points':
      return [
        ...cell.stageLines,
        ...stage.touchpoints.flatMap((tp) =>
          tp.painPoints.map((p) => own(tp, `${t(`severity.${p.severity}`)}: ${p.title}`)),
        ),
      ];
    case 'opportunities':
      return [
        ...cell.stageLines,
        ...stage.touchpoints.flatMap((tp) =>
          tp.opportunities.map((o) =>
            own(tp, `${o.data.title} (${t(`opportunityStatus.${o.data.status}`)})`),
          ),
        ),
      ];
    case 'kpis':
      return stage.kpis.map((kpi) => `${kpi.data.name}: ${t(`status.${kpi.status}`)}`);
    default:
      return [
        ...cell.stageLines,
        ...cell.touchpoints.map((c) =>
          own(c.touchpoint, laneId === 'feeling' ? `“${c.lines.join(' ')}”` : c.lines.join(' · ')),
        ),
      ];
  }
}

/** Each lane's cells as plain lines, for the downloadable SVG: what the page shows, as text. */
export function canvasSvgLanes(
  journey: Journey,
  lanes: CanvasLane[],
  t: Translate,
): CanvasSvgLane[] {
  const number = new Map(journey.touchpoints.map((tp, i) => [tp.id, i + 1]));
  return lanes.map((lane) => ({
    id: lane.id,
    label: laneLabel(lane, t),
    kind: lane.id === 'emotion' ? 'curve' : lane.id === 'visibility' ? 'visibility' : 'text',
    cells:
      lane.id === 'emotion' || lane.id === 'visibility'
        ? []
        : journey.stages.map((stage) => stageLaneLines(stage, lane.id, number, t)),
  }));
}

/** The stages of a journey as the SVG export and the print estimate take them. */
export function canvasSvgStages(journey: Journey): CanvasSvgInput['stages'] {
  return journey.stages.map((s) => ({ id: s.id, name: s.data.name, goal: s.data.customerGoal }));
}

/** Where the build publishes a journey's canvas as SVG, relative to the site's base. */
export function canvasSvgPath(journeyId: string): string {
  return `${paths.journey(journeyId)}canvas.svg`;
}

/** The narrowest a stage column of the map may get (rem): a busy stage widens them all so its points keep apart. */
export function canvasColumnMinRem(touchpointsPerStage: readonly number[]): number {
  return Math.max(7, Math.max(1, ...touchpointsPerStage) * 0.7);
}
