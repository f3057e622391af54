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

/** Value against effort, each opportunity a numbered, linked mark in a named quadrant. */
export function buildOpportunityMatrix(input: MatrixInput): Chart {
  const t = input.t;
  const name = (q: Quadrant) => t(`quadrant.${q}`);
  const x = scaleLinear()
    .domain([1, 5])
    .range([M.left + 14, WIDTH - M.right - 14]);
  const y = scaleLinear()
    .domain([1, 5])
    .range([HEIGHT - M.bottom - 14, M.top + 14]);
  const midX = x(3);
  const midY = y(3);
  const parts: string[] = [
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
    el('line', {
      x1: midX,
      x2: midX,
      y1: M.top,
      y2: HEIGHT - M.bottom,
      stroke: chartMuted,
      'stroke-dasharray': '4 3',
    }),
    el('line', {
      x1: M.left,
      x2: WIDTH - M.right,
      y1: midY,
      y2: midY,
      stroke: chartMuted,
      'stroke-dasharray': '4 3',
    }),
  ];
  const corner = (label: string, px: number, py: number, anchor: string) =>
    el(
      'text',
      {
        x: px,
        y: py,
        'text-anchor': anchor,
        'font-size': 13,
        'font-weight': 700,
        fill: chartMuted,
      },
      text(label),
    );
  parts.push(
    corner(name('quick-win'), M.left + 8, M.top + 18, 'start'),
    corner(name('big-bet'), WIDTH - M.right - 8, M.top + 18, 'end'),
    corner(name('fill-in'), M.left + 8, HEIGHT - M.bottom - 8, 'start'),
    corner(name('money-pit'), WIDTH - M.right - 8, HEIGHT - M.bottom - 8, 'end'),
  );
  for (let v = 1; v <= 5; v++) {
    parts.push(
      el(
        'text',
        { x: M.left - 8, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: chartMuted },
        String(v),
      ),
    );
    parts.push(
      el(
        'text',
        {
          x: x(v),
          y: HEIGHT - M.bottom + 16,
          'text-anchor': 'middle',
          'font-size': 11,
          fill: chartMuted,
        },
        String(v),
      ),
    );
  }
  parts.push(
    el(
      'text',
      {
        x: (M.left + WIDTH - M.right) / 2,
        y: HEIGHT - 10,
        'text-anchor': 'middle',
        'font-size': 12,
        fill: chartInk,
      },
      text(t('charts.effortAxis')),
    ),
  );
  parts.push(
    el(
      'text',
      {
        x: 14,
        y: (M.top + HEIGHT - M.bottom) / 2,
        'text-anchor': 'middle',
        'font-size': 12,
        fill: chartInk,
        transform: `rotate(-90 14 ${(M.top + HEIGHT - M.bottom) / 2})`,
      },
      text(t('charts.valueAxis')),
    ),
  );

  // Opportunities at the same spot are set around it on a small ring so every number shows.
  const groups = new Map<string, MatrixItem[]>();
  for (const item of input.items) {
    const key = `${item.value}|${item.effort}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  for (const group of groups.values()) {
    group.forEach((item, i) => {
      const angle = (2 * Math.PI * i) / group.length - Math.PI / 2;
      const ring = group.length === 1 ? 0 : 11 + group.length * 1.5;
      const cx = x(item.effort) + ring * Math.cos(angle);
      const cy = y(item.value) + ring * Math.sin(angle);
      parts.push(
        el(
          'a',
          { href: item.href, class: 'chart-mark', 'data-opportunity': item.id },
          el(
            'title',
            {},
            text(
              t('charts.matrixMark', {
                number: item.number,
                title: item.title,
                value: formatNumber(item.value, t.locale),
                effort: formatNumber(item.effort, t.locale),
                quadrant: name(quadrantOf(item.value, item.effort)),
              }),
            ),
          ),
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
        ),
      );
    });
  }
  const counts = quadrants.map((q) =>
    t(`quadrantCount.${q}`, {
      count: input.items.filter((i) => quadrantOf(i.value, i.effort) === q).length,
    }),
  );
  const svg = chartRoot(
    {
      id: input.id,
      width: WIDTH,
      height: HEIGHT,
      role: 'group',
      className: 'chart chart--matrix',
      title: input.title,
      description: t('charts.matrixSummary', {
        count: input.items.length,
        counts: counts.join(', '),
      }),
    },
    ...parts,
  );
  return { svg, width: WIDTH, height: HEIGHT };
}
