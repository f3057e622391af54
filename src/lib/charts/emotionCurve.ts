import { scaleLinear } from 'd3-scale';
import { curveMonotoneX, line } from 'd3-shape';
import { emotionLabel, neutralScore } from '../emotion.ts';
import { formatNumber } from '../format.ts';
import type { Translate } from '../i18n/index.ts';
import type { EmotionScale } from '../schema/report.ts';
import {
  chartBand,
  chartGrid,
  chartInk,
  chartMuted,
  seriesColors,
  seriesDashes,
  seriesShapes,
  toneColor,
} from './palette.ts';
import { marker } from './shapes.ts';
import { chartRoot, el, fitLabel, round, text, wrapLabel } from './svg.ts';
import type { Chart, TimelineStage } from './timeline.ts';

export interface CurvePoint {
  id: string;
  label: string;
  stageId: string;
  score: number;
}

export interface CurveSeries {
  name: string;
  /** Points in journey order (by stage, then within the stage). */
  points: CurvePoint[];
}

export interface EmotionCurveInput {
  /** Prefix for every id inside the chart, unique on the page. */
  id: string;
  title: string;
  stages: TimelineStage[];
  series: CurveSeries[];
  scale: EmotionScale;
  /** Smaller, without point labels: for cards and the overview. */
  compact?: boolean;
  /** Interface text in the report's language. */
  t: Translate;
  /** Series colours (the brand's); the default palette when absent. */
  colors?: readonly string[];
}

export interface PlacedPoint extends CurvePoint {
  x: number;
  y: number;
  lowest: boolean;
}

export interface CurveGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  bands: { stage: TimelineStage; x0: number; x1: number }[];
  series: { name: string; points: PlacedPoint[]; path: string }[];
  neutralY: number;
  ticks: { score: number; y: number; label: string }[];
}

const SLOT = 34;

/**
 * Places every point: stages are bands as wide as the busiest series needs, points spread
 * evenly in their band, y on the report's scale. The curve is monotone between points, so it
 * never overshoots the scale.
 */
export function layoutEmotionCurve(input: EmotionCurveInput): CurveGeometry {
  const compact = input.compact ?? false;
  const slotsPerStage = input.stages.map((stage) =>
    Math.max(1, ...input.series.map((s) => s.points.filter((p) => p.stageId === stage.id).length)),
  );
  const totalSlots = slotsPerStage.reduce((a, b) => a + b, 0);
  const margin = compact
    ? { left: 44, right: 12, top: 34, bottom: 16 }
    : { left: 112, right: 24, top: 52, bottom: 28 };
  const slot = compact ? 22 : SLOT;
  const width = Math.max(compact ? 360 : 960, margin.left + margin.right + totalSlots * slot);
  const height = compact ? 180 : 320;
  const plot = {
    left: margin.left,
    right: width - margin.right,
    top: margin.top,
    bottom: height - margin.bottom,
  };
  const y = scaleLinear().domain([input.scale.min, input.scale.max]).range([plot.bottom, plot.top]);
  const slotWidth = (plot.right - plot.left) / totalSlots;

  const bands: CurveGeometry['bands'] = [];
  let cursor = plot.left;
  input.stages.forEach((stage, i) => {
    const x1 = cursor + slotsPerStage[i]! * slotWidth;
    bands.push({ stage, x0: cursor, x1 });
    cursor = x1;
  });
  const bandOf = new Map(bands.map((b) => [b.stage.id, b]));

  const series = input.series.map((s) => {
    const placed: PlacedPoint[] = [];
    for (const band of bands) {
      const inStage = s.points.filter((p) => p.stageId === band.stage.id);
      const step = (band.x1 - band.x0) / inStage.length;
      inStage.forEach((p, i) =>
        placed.push({ ...p, x: band.x0 + step * (i + 0.5), y: y(p.score), lowest: false }),
      );
    }
    // Points whose stage is not in the chart are left out rather than drawn at a guessed place.
    const placedIn = placed.filter((p) => bandOf.has(p.stageId));
    const min = Math.min(...placedIn.map((p) => p.score));
    for (const p of placedIn) p.lowest = placedIn.length > 1 && p.score === min;
    const path = line<PlacedPoint>()
      .x((p) => round(p.x))
      .y((p) => round(p.y))
      .curve(curveMonotoneX)(placedIn);
    return { name: s.name, points: placedIn, path: path ?? '' };
  });

  const ticks = [];
  const step =
    input.scale.max - input.scale.min > 10
      ? Math.ceil((input.scale.max - input.scale.min) / 10)
      : 1;
  for (let score = Math.ceil(input.scale.min); score <= input.scale.max; score += step) {
    const labelled = input.scale.labels.find((l) => l.score === score);
    const number = formatNumber(score, input.t.locale);
    ticks.push({ score, y: y(score), label: labelled ? `${number} ${labelled.label}` : number });
  }
  return { width, height, plot, bands, series, neutralY: y(neutralScore(input.scale)), ticks };
}

export function describeEmotionCurve(input: EmotionCurveInput): string {
  const t = input.t;
  const stageName = new Map(input.stages.map((st) => [st.id, st.name]));
  const at = (p: CurvePoint) =>
    t('charts.scoreAt', {
      score: formatNumber(p.score, t.locale),
      label: emotionLabel(p.score, input.scale, t),
      title: p.label,
      stage: stageName.get(p.stageId) ?? p.stageId,
    });
  const parts = input.series.map((s) => {
    if (s.points.length === 0) return t('charts.curveNoScores', { series: s.name });
    const lowest = s.points.reduce((a, b) => (b.score < a.score ? b : a));
    const highest = s.points.reduce((a, b) => (b.score > a.score ? b : a));
    const summary = t('charts.curveSeries', {
      count: s.points.length,
      min: input.scale.min,
      max: input.scale.max,
      lowest: at(lowest),
      highest: at(highest),
    });
    return `${input.series.length > 1 ? `${s.name}: ` : ''}${summary}`;
  });
  return `${t('charts.curveSummary', { stages: input.stages.map((s) => s.name).join(', ') })} ${parts.join(' ')}`;
}

/**
 * The emotion curve: one smooth line per series across the journey's touchpoints in stage
 * order, a neutral line, stage bands, every point labelled with its score and the lowest
 * points ringed. Several series (personas, current vs future) overlay with a legend; each has
 * its own colour, dash pattern and marker shape.
 */
export function buildEmotionCurve(input: EmotionCurveInput): Chart {
  const t = input.t;
  const g = layoutEmotionCurve(input);
  const compact = input.compact ?? false;
  const parts: string[] = [];

  g.bands.forEach((band, i) => {
    if (i % 2 === 0)
      parts.push(
        el('rect', {
          x: band.x0,
          y: g.plot.top - (compact ? 26 : 40),
          width: band.x1 - band.x0,
          height: g.plot.bottom - g.plot.top + (compact ? 26 : 40),
          fill: chartBand,
        }),
      );
    const lines = compact
      ? [fitLabel(band.stage.name, band.x1 - band.x0 - 6, 10)]
      : wrapLabel(band.stage.name, band.x1 - band.x0 - 8, 11.5, 2);
    parts.push(
      el(
        'text',
        {
          x: band.x0 + 4,
          y: g.plot.top - (compact ? 14 : 26),
          'font-size': compact ? 10 : 11.5,
          'font-weight': 600,
          fill: chartInk,
        },
        ...lines.map((l, j) => el('tspan', { x: band.x0 + 4, dy: j === 0 ? 0 : 13 }, text(l))),
      ),
    );
  });
  for (const tick of g.ticks) {
    parts.push(
      el('line', {
        x1: g.plot.left,
        x2: g.plot.right,
        y1: tick.y,
        y2: tick.y,
        stroke: chartGrid,
        'stroke-width': 1,
      }),
    );
    parts.push(
      el(
        'text',
        {
          x: g.plot.left - 6,
          y: tick.y + 4,
          'text-anchor': 'end',
          'font-size': compact ? 9.5 : 11,
          fill: chartMuted,
        },
        text(
          compact ? formatNumber(tick.score, t.locale) : fitLabel(tick.label, g.plot.left - 10, 11),
        ),
      ),
    );
  }
  parts.push(
    el('line', {
      x1: g.plot.left,
      x2: g.plot.right,
      y1: g.neutralY,
      y2: g.neutralY,
      stroke: chartMuted,
      'stroke-width': 1.5,
      'stroke-dasharray': '4 3',
      class: 'chart-neutral',
    }),
  );
  if (!compact)
    parts.push(
      el(
        'text',
        {
          x: g.plot.right,
          y: g.neutralY - 4,
          'text-anchor': 'end',
          'font-size': 10.5,
          fill: chartMuted,
        },
        text(t('charts.neutral')),
      ),
    );

  const colors = input.colors ?? seriesColors;
  g.series.forEach((s, i) => {
    const color = colors[i % colors.length]!;
    const shape = seriesShapes[i % seriesShapes.length]!;
    parts.push(
      el('path', {
        d: s.path,
        fill: 'none',
        stroke: color,
        'stroke-width': compact ? 2 : 2.5,
        'stroke-dasharray': seriesDashes[i % seriesDashes.length] || undefined,
        class: 'chart-curve',
      }),
    );
    for (const p of s.points) {
      parts.push(
        el(
          'g',
          { class: 'chart-point', 'data-touchpoint': p.id },
          el(
            'title',
            {},
            text(
              `${input.series.length > 1 ? `${s.name}: ` : ''}${p.label}: ${formatNumber(p.score, t.locale)} (${emotionLabel(p.score, input.scale, t)})${p.lowest ? `, ${t('charts.lowestPoint')}` : ''}`,
            ),
          ),
          p.lowest &&
            el('circle', {
              cx: p.x,
              cy: p.y,
              r: compact ? 6.5 : 9,
              fill: 'none',
              stroke: toneColor.negative,
              'stroke-width': 2,
            }),
          marker(shape, p.x, p.y, compact ? 3.5 : 4.5, {
            fill: color,
            stroke: '#ffffff',
            'stroke-width': 1,
          }),
          // Overlaid series put their score labels on alternate sides of the point.
          !compact &&
            el(
              'text',
              {
                x: p.x,
                y: p.y + (i % 2 === 0 ? -10 : 17),
                'text-anchor': 'middle',
                'font-size': 10,
                fill: chartInk,
              },
              text(formatNumber(p.score, t.locale)),
            ),
          !compact &&
            p.lowest &&
            g.series.length === 1 &&
            el(
              'text',
              {
                x: p.x,
                y: p.y + 22,
                'text-anchor': 'middle',
                'font-size': 10,
                'font-weight': 700,
                fill: toneColor.negative,
              },
              text(t('charts.lowest')),
            ),
        ),
      );
    }
  });

  if (g.series.length > 1) {
    const items = g.series.map((s, i) => {
      const x = g.plot.left + i * 170;
      return el(
        'g',
        { class: 'chart-legend__item' },
        el('line', {
          x1: x,
          x2: x + 28,
          y1: g.height - 8,
          y2: g.height - 8,
          stroke: colors[i % colors.length],
          'stroke-width': 2.5,
          'stroke-dasharray': seriesDashes[i % seriesDashes.length] || undefined,
        }),
        marker(seriesShapes[i % seriesShapes.length]!, x + 14, g.height - 8, 4.5, {
          fill: colors[i % colors.length]!,
        }),
        el(
          'text',
          { x: x + 34, y: g.height - 4, 'font-size': 11, fill: chartInk },
          text(fitLabel(s.name, 130, 11)),
        ),
      );
    });
    parts.push(el('g', { class: 'chart-legend' }, ...items));
  }

  const svg = chartRoot(
    {
      id: input.id,
      width: g.width,
      height: g.height,
      role: 'img',
      className: `chart chart--curve${compact ? ' chart--compact' : ''}`,
      title: input.title,
      description: describeEmotionCurve(input),
    },
    ...parts,
  );
  return { svg, width: g.width, height: g.height };
}
