import { extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { Translate } from '../i18n/index.ts';
import { chartMuted, seriesColors } from './palette.ts';
import { chartRoot, el, round } from './svg.ts';
import type { Chart } from './timeline.ts';

export interface SparklineInput {
  id: string;
  /** What the line shows, e.g. "Conversion rate, last 6 months". */
  title: string;
  /** Samples, in any order: drawn oldest to newest. */
  samples: { date: Date; value: number }[];
  target?: number;
  /** Words for a value, e.g. "3.2 %", for the description. */
  formatValue: (value: number) => string;
  /** Formats a date for the description (ISO date when absent). */
  formatDate?: (date: Date) => string;
  /** Interface text in the report's language. */
  t: Translate;
  /** Line colour (the brand's); the default palette's first when absent. */
  color?: string;
}

const WIDTH = 120;
const HEIGHT = 32;
const PAD = 4;

type Sample = SparklineInput['samples'][number];

/**
 * Samples oldest to newest across the width; values (and the target) fill the height, a flat
 * series still getting a visible band around it.
 */
export function sparklineScales(
  samples: readonly Sample[],
  target: number | undefined,
): { x: (index: number) => number; y: (value: number) => number } {
  const values = samples.map((s) => s.value);
  const [low, high] = extent(target === undefined ? values : [...values, target]) as [
    number,
    number,
  ];
  const padding = high === low ? Math.max(1, Math.abs(high) * 0.1) : 0;
  const y = scaleLinear()
    .domain([low - padding, high + padding])
    .range([HEIGHT - PAD, PAD]);
  const x = scaleLinear()
    .domain([0, Math.max(1, samples.length - 1)])
    .range([PAD, WIDTH - PAD]);
  return { x, y };
}

/** The trend in words: how many samples from when to when, first and last value, and the target. */
export function describeSparkline(samples: readonly Sample[], input: SparklineInput): string {
  const t = input.t;
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last) return t('charts.noHistory');
  const date = input.formatDate ?? ((d: Date) => d.toISOString().slice(0, 10));
  const trend = t('charts.sparkline', {
    count: samples.length,
    from: date(first.date),
    to: date(last.date),
    first: input.formatValue(first.value),
    last: input.formatValue(last.value),
  });
  const target =
    input.target === undefined
      ? ''
      : t('charts.sparklineTarget', { target: input.formatValue(input.target) });
  return `${trend}${target}.`;
}

/** A small trend line of a KPI's history, with its target as a dashed line. */
export function buildSparkline(input: SparklineInput): Chart {
  const samples = [...input.samples].sort((a, b) => a.date.getTime() - b.date.getTime());
  const { x, y } = sparklineScales(samples, input.target);
  const path = line<{ value: number }>()
    .x((_, i) => round(x(i)))
    .y((s) => round(y(s.value)))(samples);
  const last = samples.at(-1);
  const color = input.color ?? seriesColors[0];
  const svg = chartRoot(
    {
      id: input.id,
      width: WIDTH,
      height: HEIGHT,
      role: 'img',
      className: 'chart chart--sparkline',
      title: input.title,
      description: describeSparkline(samples, input),
    },
    input.target !== undefined &&
      el('line', {
        x1: PAD,
        x2: WIDTH - PAD,
        y1: y(input.target),
        y2: y(input.target),
        stroke: chartMuted,
        'stroke-dasharray': '3 2',
        'stroke-width': 1,
      }),
    path !== null && el('path', { d: path, fill: 'none', stroke: color, 'stroke-width': 1.75 }),
    last && el('circle', { cx: x(samples.length - 1), cy: y(last.value), r: 2.5, fill: color }),
  );
  return { svg, width: WIDTH, height: HEIGHT };
}
