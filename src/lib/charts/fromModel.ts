import type { Translate } from '../i18n/index.ts';
import type { JourneyDiff } from '../compare/journeyDiff.ts';
import type { Journey, Stage, Touchpoint } from '../model.ts';
import type { EmotionScale } from '../schema/report.ts';
import type { CurveSeries, EmotionCurveInput } from './emotionCurve.ts';
import { chartId, type TimelineInput } from './timeline.ts';

/** How a journey's chart is drawn. */
export interface JourneyChartOptions {
  /** The small version for overview pages. */
  compact?: boolean;
  /** Colours of the series, in order (the brand's when set). */
  colors?: readonly string[];
}

/** The timeline of a journey, with each mark linking where `hrefOf` says. */
export function journeyTimelineInput(
  journey: Journey,
  scale: EmotionScale,
  hrefOf: (t: Touchpoint) => string,
  t: Translate,
  { compact = false }: Pick<JourneyChartOptions, 'compact'> = {},
): TimelineInput {
  const lanes = new Map(
    journey.touchpoints.map((t) => [
      t.channel.id,
      { id: t.channel.id, name: t.channel.data.name, kind: t.channel.data.kind },
    ]),
  );
  return {
    id: chartId(compact ? 'timeline-compact' : 'timeline', journey.id),
    title: t('charts.timelineTitle', { journey: journey.data.title }),
    stages: journey.stages.map((s) => ({ id: s.id, name: s.data.name })),
    lanes: [...lanes.values()],
    marks: journey.touchpoints.map((tp) => ({
      id: tp.id,
      title: tp.data.title,
      stageId: tp.stage.id,
      laneId: tp.channel.id,
      score: tp.data.emotion,
      href: hrefOf(tp),
      momentOfTruth: tp.data.momentOfTruth,
      painPoints: tp.painPoints.length,
    })),
    scale,
    compact,
    t,
  };
}

/**
 * The emotion series of a journey: one per persona when touchpoints score personas separately,
 * else one for the journey. A persona's series holds only the touchpoints scored for that
 * persona: a missing score is a gap, never the journey's overall score.
 */
export function journeyEmotionSeries(journey: Journey): CurveSeries[] {
  const point = (t: Touchpoint, score: number) => ({
    id: t.id,
    label: t.data.title,
    stageId: t.stage.id,
    score,
  });
  const perPersona =
    journey.personas.length > 1 &&
    journey.touchpoints.some((t) => Object.keys(t.data.emotionByPersona).length > 0);
  if (!perPersona)
    return [
      {
        name: journey.data.title,
        points: journey.touchpoints.map((t) => point(t, t.data.emotion)),
      },
    ];
  return journey.personas.map((persona) => ({
    name: persona.data.name,
    points: journey.touchpoints.flatMap((t) => {
      const score = t.data.emotionByPersona[persona.id];
      return score === undefined ? [] : [point(t, score)];
    }),
  }));
}

export function journeyCurveInput(
  journey: Journey,
  scale: EmotionScale,
  t: Translate,
  { compact = false, colors }: JourneyChartOptions = {},
): EmotionCurveInput {
  return {
    id: chartId(compact ? 'curve-compact' : 'curve', journey.id),
    title: t('charts.curveTitle', { journey: journey.data.title }),
    stages: journey.stages.map((s) => ({ id: s.id, name: s.data.name })),
    series: journeyEmotionSeries(journey),
    scale,
    compact,
    t,
    colors,
  };
}

/**
 * Today's and the future-state emotion curves on one chart: the stages of both journeys on one
 * axis (matched stages share a band), each touchpoint in its stage's band.
 */
export function comparisonCurveInput(
  diff: JourneyDiff,
  scale: EmotionScale,
  t: Translate,
  { colors }: Pick<JourneyChartOptions, 'colors'> = {},
): EmotionCurveInput {
  const axisId = new Map<Stage, string>();
  for (const stage of diff.stages)
    for (const side of [stage.current, stage.future]) if (side) axisId.set(side, stage.id);
  const series = (name: string, journey: Journey): CurveSeries => ({
    name,
    points: journey.touchpoints.map((tp) => ({
      id: tp.id,
      label: tp.data.title,
      stageId: axisId.get(tp.stage)!,
      score: tp.data.emotion,
    })),
  });
  return {
    id: chartId('curve-compare', diff.future.id),
    title: t('compare.curveTitle', { journey: diff.current.data.title }),
    stages: diff.stages.map((s) => ({ id: s.id, name: s.name })),
    series: [series(t('compare.today'), diff.current), series(t('compare.future'), diff.future)],
    scale,
    t,
    colors,
  };
}
