import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
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

/** Numbers against numbers, one labelled line per series (the benchmark's build-time plot). */
export function buildLineChart(input: LineChartInput): Chart {
  const all = input.series.flatMap((s) => s.points);
  const x = scaleLinear()
    .domain([0, max(all, (p) => p.x) ?? 1])
    .nice()
    .range([M.left, WIDTH - M.right]);
  const y = scaleLinear()
    .domain([0, max(all, (p) => p.y) ?? 1])
    .nice()
    .range([HEIGHT - M.bottom, M.top]);
  const parts: string[] = [];
  for (const tick of y.ticks(6)) {
    parts.push(
      el('line', { x1: M.left, x2: WIDTH - M.right, y1: y(tick), y2: y(tick), stroke: chartGrid }),
    );
    parts.push(
      el(
        'text',
        { x: M.left - 8, y: y(tick) + 4, 'text-anchor': 'end', 'font-size': 11, fill: chartMuted },
        String(tick),
      ),
    );
  }
  for (const tick of x.ticks(6))
    parts.push(
      el(
        'text',
        {
          x: x(tick),
          y: HEIGHT - M.bottom + 18,
          'text-anchor': 'middle',
          'font-size': 11,
          fill: chartMuted,
        },
        String(tick),
      ),
    );
  parts.push(
    el(
      'text',
      {
        x: (M.left + WIDTH - M.right) / 2,
        y: HEIGHT - M.bottom + 38,
        'text-anchor': 'middle',
        'font-size': 12,
        fill: chartInk,
      },
      text(input.xLabel),
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
      text(input.yLabel),
    ),
  );
  input.series.forEach((s, i) => {
    const color = seriesColors[i % seriesColors.length]!;
    const path = line<{ x: number; y: number }>()
      .x((p) => round(x(p.x)))
      .y((p) => round(y(p.y)))(s.points);
    parts.push(
      el('path', {
        d: path ?? '',
        fill: 'none',
        stroke: color,
        'stroke-width': 2.5,
        'stroke-dasharray': seriesDashes[i % seriesDashes.length] || undefined,
      }),
    );
    for (const p of s.points)
      parts.push(
        marker(seriesShapes[i % seriesShapes.length]!, x(p.x), y(p.y), 4.5, { fill: color }),
      );
    const legendX = M.left + i * 220;
    parts.push(
      el('line', {
        x1: legendX,
        x2: legendX + 28,
        y1: HEIGHT - 12,
        y2: HEIGHT - 12,
        stroke: color,
        'stroke-width': 2.5,
        'stroke-dasharray': seriesDashes[i % seriesDashes.length] || undefined,
      }),
    );
    parts.push(
      el('text', { x: legendX + 34, y: HEIGHT - 8, 'font-size': 12, fill: chartInk }, text(s.name)),
    );
  });
  const description = input.series
    .map((s) => `${s.name}: ${s.points.map((p) => `${p.x} → ${p.y}`).join(', ')}`)
    .join('; ');
  return {
    svg: chartRoot(
      {
        id: input.id,
        width: WIDTH,
        height: HEIGHT,
        role: 'img',
        className: 'chart chart--line',
        title: input.title,
        description: `${input.xLabel} against ${input.yLabel}. ${description}.`,
      },
      el('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: '#ffffff' }),
      ...parts,
    ),
    width: WIDTH,
    height: HEIGHT,
  };
}
