import {
  seriesDashes,
  seriesShapes,
  chartBand,
  chartGrid,
  chartInk,
  chartMuted,
} from '../charts/palette.ts';
import { marker } from '../charts/shapes.ts';
import { chartRoot, el, round, text } from '../charts/svg.ts';
import type { CanvasCurve } from './curve.ts';

/** One lane of the exported canvas: a text per stage (one entry per line), or the curve, or the line of visibility. */
export interface CanvasSvgLane {
  id: string;
  label: string;
  kind: 'text' | 'curve' | 'visibility';
  /** Per stage, in stage order: its lines (text lanes only). */
  cells: string[][];
}

export interface CanvasSvgInput {
  id: string;
  title: string;
  description: string;
  stages: { id: string; name: string; goal: string }[];
  lanes: CanvasSvgLane[];
  curve: CanvasCurve;
  colors: readonly string[];
  /** Header background (the brand's primary colour). */
  primary: string;
}

const HEAD = 160;
const COLUMN = 240;
const PAD = 10;
const FONT = 12;
const LINE = 16;
const CURVE_HEIGHT = 150;

/**
 * Splits text into lines of at most `maxWidth` pixels at `fontSize` (an average glyph width),
 * cutting nothing: words longer than a line are broken across lines.
 */
export function wrapText(value: string, maxWidth: number, fontSize: number): string[] {
  const maxChars = Math.max(1, Math.floor(maxWidth / (fontSize * 0.56)));
  const lines: string[] = [];
  let current = '';
  for (const word of value.split(/\s+/).filter(Boolean)) {
    const chars = [...word];
    for (let start = 0; start < chars.length; start += maxChars) {
      const piece = chars.slice(start, start + maxChars).join('');
      const candidate = current ? `${current} ${piece}` : piece;
      if ([...candidate].length <= maxChars) current = candidate;
      else {
        lines.push(current);
        current = piece;
      }
    }
  }
  if (current) lines.push(current);
  return lines;
}

/**
 * Where each row of the canvas starts and how tall it is, from the wrapped text of its cells.
 * `column` is a stage column's width (the SVG's own unless told; embeds size their frame with the page's).
 */
export function layoutCanvasRows(
  input: Pick<CanvasSvgInput, 'stages' | 'lanes'>,
  column = COLUMN,
): {
  header: number;
  rows: { top: number; height: number; cells: string[][][] }[];
  height: number;
  width: number;
} {
  const wrap = (lines: string[], width: number, size: number) =>
    lines.map((line) => wrapText(line, width - 2 * PAD, size));
  const headerLines = input.stages.map((s) => [
    ...wrapText(s.name, column - 2 * PAD, FONT + 2),
    ...wrapText(s.goal, column - 2 * PAD, FONT - 1),
  ]);
  const header = PAD * 2 + Math.max(2, ...headerLines.map((l) => l.length)) * LINE;
  let top = header;
  const rows = input.lanes.map((lane) => {
    const cells = input.stages.map((_, s) => wrap(lane.cells[s] ?? [], column, FONT));
    const labelLines = wrapText(lane.label, HEAD - 2 * PAD, FONT).length;
    const textLines = Math.max(
      labelLines,
      ...cells.map(
        (c) => c.reduce((n, entry) => n + entry.length, 0) + Math.max(0, c.length - 1) * 0.5,
      ),
    );
    const height =
      lane.kind === 'curve'
        ? CURVE_HEIGHT
        : lane.kind === 'visibility'
          ? 24
          : PAD * 2 + textLines * LINE;
    const row = { top, height, cells };
    top += height;
    return row;
  });
  return { header, rows, height: top, width: HEAD + column * input.stages.length };
}

function curveParts(input: CanvasSvgInput, top: number): string[] {
  const x = (unit: number) => HEAD + unit * COLUMN;
  const y = (percent: number) => top + (percent / 100) * CURVE_HEIGHT;
  const scaled = (d: string) =>
    d.replace(
      /(-?[\d.]+),(-?[\d.]+)/g,
      (_, px: string, py: string) => `${round(x(Number(px)))},${round(y(Number(py)))}`,
    );
  const parts = [
    el('line', {
      x1: HEAD,
      x2: x(input.stages.length),
      y1: y(input.curve.neutralY),
      y2: y(input.curve.neutralY),
      stroke: chartMuted,
      'stroke-dasharray': '4 3',
    }),
  ];
  input.curve.series.forEach((series, i) => {
    const color = input.colors[i % input.colors.length]!;
    parts.push(
      el('path', {
        d: scaled(series.path),
        fill: 'none',
        stroke: color,
        'stroke-width': 2.5,
        'stroke-dasharray': seriesDashes[i % seriesDashes.length] || undefined,
      }),
    );
    for (const p of series.points)
      parts.push(
        marker(seriesShapes[i % seriesShapes.length]!, x(p.stageIndex + p.x), y(p.y), 4.5, {
          fill: color,
          stroke: '#ffffff',
          'stroke-width': 1,
        }),
      );
  });
  return parts;
}

/** Lines of text from (x, y) down, one <tspan> each: text stays text in design tools. */
function textBlock(
  lines: string[],
  x: number,
  y: number,
  attrs: Record<string, string | number> = {},
): string {
  return el(
    'text',
    { x, y, 'font-size': FONT, fill: chartInk, ...attrs },
    ...lines.map((line, i) => el('tspan', { x, dy: i === 0 ? 0 : LINE }, text(line))),
  );
}

type CanvasRows = ReturnType<typeof layoutCanvasRows>;

/** Stage columns: every second one shaded, each headed by its number, name and goal on the brand colour. */
function canvasStageHeaders(input: CanvasSvgInput, layout: CanvasRows): string[] {
  return input.stages.flatMap((stage, s) => {
    const x = HEAD + s * COLUMN;
    const name = wrapText(`${s + 1}. ${stage.name}`, COLUMN - 2 * PAD, FONT + 2);
    const header = [
      el('rect', {
        x,
        y: 0,
        width: COLUMN,
        height: layout.header,
        fill: input.primary,
        stroke: '#ffffff',
      }),
      textBlock(name, x + PAD, PAD + FONT + 2, {
        'font-size': FONT + 2,
        'font-weight': 700,
        fill: '#ffffff',
      }),
      textBlock(
        wrapText(stage.goal, COLUMN - 2 * PAD, FONT - 1),
        x + PAD,
        PAD + FONT + 2 + name.length * LINE,
        { 'font-size': FONT - 1, fill: '#ffffff' },
      ),
    ];
    if (s % 2 === 0) return header;
    const shade = el('rect', {
      x,
      y: layout.header,
      width: COLUMN,
      height: layout.height - layout.header,
      fill: chartBand,
    });
    return [shade, ...header];
  });
}

/**
 * A lane: a rule above it (dashed and stronger for the line of visibility), its label in the
 * head column, then the curve or each stage's entries stacked in its cell.
 */
function canvasLaneRow(
  input: CanvasSvgInput,
  lane: CanvasSvgLane,
  row: CanvasRows['rows'][number],
  width: number,
): string[] {
  const visibility = lane.kind === 'visibility';
  const parts = [
    el('line', {
      x1: 0,
      x2: width,
      y1: row.top,
      y2: row.top,
      stroke: visibility ? chartMuted : chartGrid,
      'stroke-dasharray': visibility ? '6 4' : undefined,
      'stroke-width': visibility ? 2 : 1,
    }),
    textBlock(wrapText(lane.label, HEAD - 2 * PAD, FONT), PAD, row.top + PAD + FONT, {
      'font-weight': 700,
      fill: chartMuted,
    }),
  ];
  if (lane.kind === 'curve') parts.push(...curveParts(input, row.top));
  row.cells.forEach((entries, s) => {
    let y = row.top + PAD + FONT;
    for (const lines of entries) {
      parts.push(textBlock(lines, HEAD + s * COLUMN + PAD, y));
      y += (lines.length + 0.5) * LINE;
    }
  });
  return parts;
}

/** The journey map canvas as one standalone SVG, for design tools and slides. */
export function buildCanvasSvg(input: CanvasSvgInput): string {
  const layout = layoutCanvasRows(input);
  // A rule left of every stage column and after the last one.
  const columnRules = Array.from({ length: input.stages.length + 1 }, (_, s) =>
    el('line', {
      x1: HEAD + s * COLUMN,
      x2: HEAD + s * COLUMN,
      y1: 0,
      y2: layout.height,
      stroke: chartGrid,
    }),
  );
  const svg = chartRoot(
    {
      id: input.id,
      width: layout.width,
      height: layout.height,
      role: 'img',
      className: 'canvas-export',
      title: input.title,
      description: input.description,
    },
    el('rect', { x: 0, y: 0, width: layout.width, height: layout.height, fill: '#ffffff' }),
    ...canvasStageHeaders(input, layout),
    ...input.lanes.flatMap((lane, l) => canvasLaneRow(input, lane, layout.rows[l]!, layout.width)),
    ...columnRules,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}

/**
 * How far the printed map is scaled down to fit one A3 landscape page, from how tall its text
 * makes it at a fixed width (0.6 is calibrated on the example report's printed maps).
 */
export function canvasPrintZoom(layout: { width: number; height: number }): number {
  return round(Math.min(0.72, 0.6 / (layout.height / layout.width)));
}
