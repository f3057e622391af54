import { scaleLinear } from 'd3-scale';
import { formatNumber } from '../format.ts';
import type { Translate } from '../i18n/index.ts';
import { chartBand, chartGrid, chartInk, chartMuted, seriesColors } from './palette.ts';
import { chartRoot, el, text } from './svg.ts';
import type { Chart } from './timeline.ts';

export interface MatrixItem {
  id: string;
  /** Number shown in the mark and in the table beside the chart. */
  number: number;
  title: string;
  /** 1-5: mean of customer and business value. */
  value: number;
  /** 1-5. */
  effort: number;
  href: string;
}

export interface MatrixInput {
  id: string;
  title: string;
  items: MatrixItem[];
  /** Interface text in the report's language. */
  t: Translate;
  /** Mark colour (the brand's); the default palette's first when absent. */
  color?: string;
}

export type Quadrant = 'quick-win' | 'big-bet' | 'fill-in' | 'money-pit';

export const quadrants: readonly Quadrant[] = ['quick-win', 'big-bet', 'fill-in', 'money-pit'];

/** High value and low effort is a quick win; the midpoint 3 counts as high value and low effort. */
export function quadrantOf(value: number, effort: number): Quadrant {
  if (value >= 3) return effort <= 3 ? 'quick-win' : 'big-bet';
  return effort <= 3 ? 'fill-in' : 'money-pit';
}

const WIDTH = 640;
const HEIGHT = 480;
const M = { left: 56, right: 16, top: 16, bottom: 48 };
/** Effort from left to right and value from bottom to top, 1-5, kept 14px inside the frame. */
const effortX = scaleLinear()
  .domain([1, 5])
  .range([M.left + 14, WIDTH - M.right - 14]);
const valueY = scaleLinear()
  .domain([1, 5])
  .range([HEIGHT - M.bottom - 14, M.top + 14]);

/** The frame, the quick-win and money-pit quadrants shaded, and the dashed midlines at 3. */
function quadrantGrid(): string[] {
  const midX = effortX(3);
  const midY = valueY(3);
  const midline = { stroke: chartMuted, 'stroke-dasharray': '4 3' };
  return [
    el('rect', {
      x: M.left,
      y: M.top,
      width: midX - M.left,
      height: midY - M.top,
      fill: chartBand,
    }),
    el('rect', {
      x: midX,
      y: midY,
      width: WIDTH - M.right - midX,
      height: HEIGHT - M.bottom - midY,
      fill: chartBand,
    }),
    el('rect', {
      x: M.left,
      y: M.top,
      width: WIDTH - M.left - M.right,
      height: HEIGHT - M.top - M.bottom,
      fill: 'none',
      stroke: chartGrid,
    }),
    el('line', { x1: midX, x2: midX, y1: M.top, y2: HEIGHT - M.bottom, ...midline }),
    el('line', { x1: M.left, x2: WIDTH - M.right, y1: midY, y2: midY, ...midline }),
  ];
}

/** Each quadrant's name in its outer corner. */
function quadrantNames(t: Translate): string[] {
  const corner = (q: Quadrant, x: number, y: number, anchor: string) =>
    el(
      'text',
      { x, y, 'text-anchor': anchor, 'font-size': 13, 'font-weight': 700, fill: chartMuted },
      text(t(`quadrant.${q}`)),
    );
  return [
    corner('quick-win', M.left + 8, M.top + 18, 'start'),
    corner('big-bet', WIDTH - M.right - 8, M.top + 18, 'end'),
    corner('fill-in', M.left + 8, HEIGHT - M.bottom - 8, 'start'),
    corner('money-pit', WIDTH - M.right - 8, HEIGHT - M.bottom - 8, 'end'),
  ];
}

/** The numbers 1-5 along both axes, then the axis names (value written upwards). */
function matrixAxes(t: Translate): string[] {
  const tick = { 'font-size': 11, fill: chartMuted };
  const numbers = [1, 2, 3, 4, 5].flatMap((v) => [
    el('text', { x: M.left - 8, y: valueY(v) + 4, 'text-anchor': 'end', ...tick }, String(v)),
    el(
      'text',
      { x: effortX(v), y: HEIGHT - M.bottom + 16, 'text-anchor': 'middle', ...tick },
      String(v),
    ),
  ]);
  const middleY = (M.top + HEIGHT - M.bottom) / 2;
  const title = { 'text-anchor': 'middle', 'font-size': 12, fill: chartInk };
  return [
    ...numbers,
    el(
      'text',
      { x: (M.left + WIDTH - M.right) / 2, y: HEIGHT - 10, ...title },
      text(t('charts.effortAxis')),
    ),
    el(
      'text',
      { x: 14, y: middleY, ...title, transform: `rotate(-90 14 ${middleY})` },
      text(t('charts.valueAxis')),
    ),
  ];
}

/**
 * Where each opportunity's mark goes, grouped by spot (in the order spots first appear).
 * Opportunities at the same spot are set around it on a small ring, the first at the top and
 * the ring wider the more it holds, so every number shows.
 */
export function placeMatrixMarks(
  items: readonly MatrixItem[],
): { item: MatrixItem; cx: number; cy: number }[] {
  const spots = new Map<string, MatrixItem[]>();
  for (const item of items) {
    const key = `${item.value}|${item.effort}`;
    spots.set(key, [...(spots.get(key) ?? []), item]);
  }
  return [...spots.values()].flatMap((spot) =>
    spot.map((item, i) => {
      const angle = (2 * Math.PI * i) / spot.length - Math.PI / 2;
      const ring = spot.length === 1 ? 0 : 11 + spot.length * 1.5;
      return {
        item,
        cx: effortX(item.effort) + ring * Math.cos(angle),
        cy: valueY(item.value) + ring * Math.sin(angle),
      };
    }),
  );
}

/** An opportunity: a numbered circle linking to it, its title and scores in the tooltip. */
function matrixMark(item: MatrixItem, cx: number, cy: number, input: MatrixInput): string {
  const t = input.t;
  const tooltip = t('charts.matrixMark', {
    number: item.number,
    title: item.title,
    value: formatNumber(item.value, t.locale),
    effort: formatNumber(item.effort, t.locale),
    quadrant: t(`quadrant.${quadrantOf(item.value, item.effort)}`),
  });
  return el(
    'a',
    { href: item.href, class: 'chart-mark', 'data-opportunity': item.id },
    el('title', {}, text(tooltip)),
    el('circle', {
      cx,
      cy,
      r: 10,
      fill: input.color ?? seriesColors[0],
      stroke: '#ffffff',
      'stroke-width': 1.5,
      class: 'chart-mark__shape',
    }),
    el(
      'text',
      {
        x: cx,
        y: cy + 4,
        'text-anchor': 'middle',
        'font-size': 10.5,
        'font-weight': 700,
        fill: '#ffffff',
      },
      String(item.number),
    ),
  );
}

/** The matrix in words: how many opportunities, and how many in each quadrant. */
export function describeMatrix(input: Pick<MatrixInput, 'items' | 't'>): string {
  const t = input.t;
  const counts = quadrants.map((q) =>
    t(`quadrantCount.${q}`, {
      count: input.items.filter((i) => quadrantOf(i.value, i.effort) === q).length,
    }),
  );
  return t('charts.matrixSummary', { count: input.items.length, counts: counts.join(', ') });
}

/** Value against effort, each opportunity a numbered, linked mark in a named quadrant. */
export function buildOpportunityMatrix(input: MatrixInput): Chart {
  const svg = chartRoot(
    {
      id: input.id,
      width: WIDTH,
      height: HEIGHT,
      role: 'group',
      className: 'chart chart--matrix',
      title: input.title,
      description: describeMatrix(input),
    },
    ...quadrantGrid(),
    ...quadrantNames(input.t),
    ...matrixAxes(input.t),
    ...placeMatrixMarks(input.items).map(({ item, cx, cy }) => matrixMark(item, cx, cy, input)),
  );
  return { svg, width: WIDTH, height: HEIGHT };
}
