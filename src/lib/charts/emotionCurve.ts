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
 * Places a series' points evenly in their stage's band, marks its lowest ones and draws the
 * monotone curve through them. Points whose stage is not in the chart are left out rather than
 * drawn at a guessed place.
 */
function placeSeries(
  s: CurveSeries,
  bands: CurveGeometry['bands'],
  y: (score: number) => number,
): CurveGeometry['series'][number] {
  const placed: PlacedPoint[] = [];
  for (const band of bands) {
    const inStage = s.points.filter((p) => p.stageId === band.stage.id);
    const step = (band.x1 - band.x0) / inStage.length;
    inStage.forEach((p, i) =>
      placed.push({ ...p, x: band.x0 + step * (i + 0.5), y: y(p.score), lowest: false }),
    );
  }
  const min = Math.min(...placed.map((p) => p.score));
  for (const p of placed) p.lowest = placed.length > 1 && p.score === min;
  const path = line<PlacedPoint>()
    .x((p) => round(p.x))
    .y((p) => round(p.y))
    .curve(curveMonotoneX)(placed);
  return { name: s.name, points: placed, path: path ?? '' };
}

/**
 * A tick per whole score of the scale (every n-th one on scales wider than 10, so at most about
 * ten), labelled with the scale's word for it where it has one.
 */
export function scoreTicks(
  scale: EmotionScale,
  y: (score: number) => number,
  locale: string,
): CurveGeometry['ticks'] {
  const ticks = [];
  const step = scale.max - scale.min > 10 ? Math.ceil((scale.max - scale.min) / 10) : 1;
  for (let score = Math.ceil(scale.min); score <= scale.max; score += step) {
    const labelled = scale.labels.find((l) => l.score === score);
    const number = formatNumber(score, locale);
    ticks.push({ score, y: y(score), label: labelled ? `${number} ${labelled.label}` : number });
  }
  return ticks;
}

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

  const series = input.series.map((s) => placeSeries(s, bands, y));

  const ticks = scoreTicks(input.scale, y, input.t.locale);
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

type Geometry = CurveGeometry;
type PlacedSeries = CurveGeometry['series'][number];

/** The stages of a journey as alternate bands across the plot, each named above (wrapped to two lines at full size). */
function stageBandMarks(g: Geometry, compact: boolean): string[] {
  const headroom = compact ? 26 : 40;
  return g.bands.flatMap((band, i) => {
    const lines = compact
      ? [fitLabel(band.stage.name, band.x1 - band.x0 - 6, 10)]
      : wrapLabel(band.stage.name, band.x1 - band.x0 - 8, 11.5, 2);
    const name = el(
      'text',
      {
        x: band.x0 + 4,
        y: g.plot.top - (compact ? 14 : 26),
        'font-size': compact ? 10 : 11.5,
        'font-weight': 600,
        fill: chartInk,
      },
      ...lines.map((l, j) => el('tspan', { x: band.x0 + 4, dy: j === 0 ? 0 : 13 }, text(l))),
    );
    if (i % 2 !== 0) return [name];
    const shade = el('rect', {
      x: band.x0,
      y: g.plot.top - headroom,
      width: band.x1 - band.x0,
      height: g.plot.bottom - g.plot.top + headroom,
      fill: chartBand,
    });
    return [shade, name];
  });
}

/** A grid line per score tick, labelled with the number (and the scale's word for it at full size). */
function scoreAxisMarks(g: Geometry, compact: boolean, t: Translate): string[] {
  return g.ticks.flatMap((tick) => [
    el('line', {
      x1: g.plot.left,
      x2: g.plot.right,
      y1: tick.y,
      y2: tick.y,
      stroke: chartGrid,
      'stroke-width': 1,
    }),
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
  ]);
}

/** The dashed neutral line, named at its right end except in the compact chart. */
function neutralLineMarks(g: Geometry, compact: boolean, t: Translate): string[] {
  const rule = el('line', {
    x1: g.plot.left,
    x2: g.plot.right,
    y1: g.neutralY,
    y2: g.neutralY,
    stroke: chartMuted,
    'stroke-width': 1.5,
    'stroke-dasharray': '4 3',
    class: 'chart-neutral',
  });
  if (compact) return [rule];
  const label = el(
    'text',
    {
      x: g.plot.right,
      y: g.neutralY - 4,
      'text-anchor': 'end',
      'font-size': 10.5,
      fill: chartMuted,
    },
    text(t('charts.neutral')),
  );
  return [rule, label];
}

/** A point's tooltip: series (when several), touchpoint, score and its word, and whether it is the lowest. */
export function curvePointTitle(
  point: PlacedPoint,
  seriesName: string | undefined,
  input: Pick<EmotionCurveInput, 'scale' | 't'>,
): string {
  const t = input.t;
  const prefix = seriesName === undefined ? '' : `${seriesName}: `;
  const score = formatNumber(point.score, t.locale);
  const lowest = point.lowest ? `, ${t('charts.lowestPoint')}` : '';
  return `${prefix}${point.label}: ${score} (${emotionLabel(point.score, input.scale, t)})${lowest}`;
}

/** How the series at `index` is drawn: colour, marker shape and dash pattern, each cycling on its own. */
function seriesStyle(index: number, colors: readonly string[]) {
  return {
    color: colors[index % colors.length]!,
    shape: seriesShapes[index % seriesShapes.length]!,
    dash: seriesDashes[index % seriesDashes.length] || undefined,
  };
}

/** The score above (or, for every second series, below) a point, and "lowest" under a lone series' lowest. */
function pointLabels(p: PlacedPoint, index: number, g: Geometry, t: Translate): (string | false)[] {
  // Overlaid series put their score labels on alternate sides of the point.
  const score = el(
    'text',
    {
      x: p.x,
      y: p.y + (index % 2 === 0 ? -10 : 17),
      'text-anchor': 'middle',
      'font-size': 10,
      fill: chartInk,
    },
    text(formatNumber(p.score, t.locale)),
  );
  const lowest =
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
    );
  return [score, lowest];
}

/** One series: its curve, then a group per point (tooltip, ring when lowest, marker, labels). */
function seriesMarks(
  s: PlacedSeries,
  index: number,
  g: Geometry,
  input: EmotionCurveInput,
  colors: readonly string[],
): string[] {
  const compact = input.compact ?? false;
  const { color, shape, dash } = seriesStyle(index, colors);
  const curve = el('path', {
    d: s.path,
    fill: 'none',
    stroke: color,
    'stroke-width': compact ? 2 : 2.5,
    'stroke-dasharray': dash,
    class: 'chart-curve',
  });
  const seriesName = input.series.length > 1 ? s.name : undefined;
  const points = s.points.map((p) =>
    el(
      'g',
      { class: 'chart-point', 'data-touchpoint': p.id },
      el('title', {}, text(curvePointTitle(p, seriesName, input))),
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
      ...(compact ? [] : pointLabels(p, index, g, input.t)),
    ),
  );
  return [curve, ...points];
}

/** A key below the plot: each series' line, dash and marker beside its name. */
function curveLegend(g: Geometry, colors: readonly string[]): string {
  const items = g.series.map((s, i) => {
    const { color, shape, dash } = seriesStyle(i, colors);
    const x = g.plot.left + i * 170;
    return el(
      'g',
      { class: 'chart-legend__item' },
      el('line', {
        x1: x,
        x2: x + 28,
        y1: g.height - 8,
        y2: g.height - 8,
        stroke: color,
        'stroke-width': 2.5,
        'stroke-dasharray': dash,
      }),
      marker(shape, x + 14, g.height - 8, 4.5, { fill: color }),
      el(
        'text',
        { x: x + 34, y: g.height - 4, 'font-size': 11, fill: chartInk },
        text(fitLabel(s.name, 130, 11)),
      ),
    );
  });
  return el('g', { class: 'chart-legend' }, ...items);
}

/**
 * The emotion curve: one smooth line per series across the journey's touchpoints in stage
 * order, a neutral line, stage bands, every point labelled with its score and the lowest
 * points ringed. Several series (personas, current vs future) overlay with a legend; each has
 * its own colour, dash pattern and marker shape.
 */
export function buildEmotionCurve(input: EmotionCurveInput): Chart {
  const g = layoutEmotionCurve(input);
  const compact = input.compact ?? false;
  const colors = input.colors ?? seriesColors;
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
    ...stageBandMarks(g, compact),
    ...scoreAxisMarks(g, compact, input.t),
    ...neutralLineMarks(g, compact, input.t),
    ...g.series.flatMap((s, i) => seriesMarks(s, i, g, input, colors)),
    g.series.length > 1 && curveLegend(g, colors),
  );
  return { svg, width: g.width, height: g.height };
}
