import { max } from 'd3-array';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import {
  chartGrid,
  chartInk,
  chartMuted,
  seriesColors,
  seriesDashes,
  seriesShapes,
} from './palette.ts';
import { marker } from './shapes.ts';
import { chartRoot, el, round, text } from './svg.ts';
import type { Chart } from './timeline.ts';

export interface LineChartInput {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  series: { name: string; points: { x: number; y: number }[] }[];
}

const WIDTH = 720;
const HEIGHT = 400;
const M = { left: 64, right: 24, top: 24, bottom: 72 };

type Scale = ScaleLinear<number, number>;

/** Both axes from 0 to the largest value (rounded up to a nice number), 0-1 when there is none. */
export function lineChartScales(series: LineChartInput['series']): { x: Scale; y: Scale } {
  const all = series.flatMap((s) => s.points);
  const x = scaleLinear()
    .domain([0, max(all, (p) => p.x) ?? 1])
    .nice()
    .range([M.left, WIDTH - M.right]);
  const y = scaleLinear()
    .domain([0, max(all, (p) => p.y) ?? 1])
    .nice()
    .range([HEIGHT - M.bottom, M.top]);
  return { x, y };
}

/** A grid line and number per y tick, a number per x tick, then the axis names (y written upwards). */
function lineChartAxes(x: Scale, y: Scale, input: LineChartInput): string[] {
  const tick = { 'font-size': 11, fill: chartMuted };
  const yTicks = y.ticks(6).flatMap((value) => [
    el('line', {
      x1: M.left,
      x2: WIDTH - M.right,
      y1: y(value),
      y2: y(value),
      stroke: chartGrid,
    }),
    el('text', { x: M.left - 8, y: y(value) + 4, 'text-anchor': 'end', ...tick }, String(value)),
  ]);
  const xTicks = x
    .ticks(6)
    .map((value) =>
      el(
        'text',
        { x: x(value), y: HEIGHT - M.bottom + 18, 'text-anchor': 'middle', ...tick },
        String(value),
      ),
    );
  const middleY = (M.top + HEIGHT - M.bottom) / 2;
  const title = { 'text-anchor': 'middle', 'font-size': 12, fill: chartInk };
  return [
    ...yTicks,
    ...xTicks,
    el(
      'text',
      { x: (M.left + WIDTH - M.right) / 2, y: HEIGHT - M.bottom + 38, ...title },
      text(input.xLabel),
    ),
    el(
      'text',
      { x: 14, y: middleY, ...title, transform: `rotate(-90 14 ${middleY})` },
      text(input.yLabel),
    ),
  ];
}

/** A series: its line and a marker per point, then its key in the legend row at the bottom. */
function lineSeriesMarks(
  s: LineChartInput['series'][number],
  index: number,
  x: Scale,
  y: Scale,
): string[] {
  const color = seriesColors[index % seriesColors.length]!;
  const dash = seriesDashes[index % seriesDashes.length] || undefined;
  const path = line<{ x: number; y: number }>()
    .x((p) => round(x(p.x)))
    .y((p) => round(y(p.y)))(s.points);
  const legendX = M.left + index * 220;
  return [
    el('path', {
      d: path ?? '',
      fill: 'none',
      stroke: color,
      'stroke-width': 2.5,
      'stroke-dasharray': dash,
    }),
    ...s.points.map((p) =>
      marker(seriesShapes[index % seriesShapes.length]!, x(p.x), y(p.y), 4.5, { fill: color }),
    ),
    el('line', {
      x1: legendX,
      x2: legendX + 28,
      y1: HEIGHT - 12,
      y2: HEIGHT - 12,
      stroke: color,
      'stroke-width': 2.5,
      'stroke-dasharray': dash,
    }),
    el('text', { x: legendX + 34, y: HEIGHT - 8, 'font-size': 12, fill: chartInk }, text(s.name)),
  ];
}

/** The chart in words: what is plotted against what, then every series' points. */
export function describeLineChart(input: LineChartInput): string {
  const series = input.series
    .map((s) => `${s.name}: ${s.points.map((p) => `${p.x} → ${p.y}`).join(', ')}`)
    .join('; ');
  return `${input.xLabel} against ${input.yLabel}. ${series}.`;
}

/** Numbers against numbers, one labelled line per series (the benchmark's build-time plot). */
export function buildLineChart(input: LineChartInput): Chart {
  const { x, y } = lineChartScales(input.series);
  const svg = chartRoot(
    {
      id: input.id,
      width: WIDTH,
      height: HEIGHT,
      role: 'img',
      className: 'chart chart--line',
      title: input.title,
      description: describeLineChart(input),
    },
    el('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: '#ffffff' }),
    ...lineChartAxes(x, y, input),
    ...input.series.flatMap((s, i) => lineSeriesMarks(s, i, x, y)),
  );
  return { svg, width: WIDTH, height: HEIGHT };
}
