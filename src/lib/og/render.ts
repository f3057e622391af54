import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import type { KpiStatus } from '../kpi.ts';
import type { OgCard } from './cards.ts';
import { drawableText, resvgFontFiles, satoriFonts } from './fonts.ts';
import { drawShapes, fillRects, splitLayout, textBlockHeights } from './compose.ts';
import { drawText, loadShaping, type Scanlines, type TextRun } from './glyphs.ts';
import { layoutTextColumn, type SolidRect } from './textLayout.ts';
import { deflateRows, encodePngRows, encodeRgbaPng, type DeflatedRows } from './png.ts';

// A change to how cards look must bump LAYOUT_VERSION in cache.ts, or builds publish old cards.
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** Inter has no ✓ or ✗: the marks are drawn as strokes (24 px boxes, like the 24 px label). */
const statusStyle: Record<KpiStatus, { mark: string; color: string }> = {
  met: { mark: 'M5 12.5l4.5 4.5L19 7', color: '#0f6e3a' },
  'at-risk': { mark: 'M12 5v9M12 18.5v.5', color: '#7a4b00' },
  missed: { mark: 'M6.5 6.5l11 11M17.5 6.5l-11 11', color: '#a1261a' },
};

function statusMark(status: KpiStatus): CardNode {
  const { mark, color } = statusStyle[status];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24"><path d="${mark}" fill="none" stroke="${color}" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
  return {
    type: 'img',
    props: {
      width: 24,
      height: 24,
      src: svgDataUri(svg),
      style: { width: 24, height: 24, marginRight: 6 },
    },
  };
}

function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export type CardNode = { type: string; props: Record<string, unknown> };
const h = (
  type: string,
  style: Record<string, unknown>,
  ...children: (CardNode | string | false | undefined)[]
): CardNode => ({
  type,
  props: { style, children: children.filter((c) => c !== false && c !== undefined) },
});

/**
 * Drawable text of at most `max` characters, cut with an ellipsis: between words, unless the
 * last space is in the first half (one very long word), so no word is left half drawn.
 */
export function clamp(text: string, max: number): string {
  const drawn = drawableText(text);
  if (drawn.length <= max) return drawn;
  let cut = drawn.slice(0, max - 1);
  const lastSpace = cut.search(/\s\S*$/);
  if (!/\s/.test(drawn[max - 1]!) && lastSpace > max / 2) cut = cut.slice(0, lastSpace);
  return `${cut.replace(/[\s,;:.\u2013\u2014-]+$/, '')}…`;
}

/** The brand band: report title and client on the brand colour, the same on every card of a report. */
export function bandTree(card: OgCard): CardNode {
  return h(
    'div',
    { width: OG_WIDTH, display: 'flex', flexDirection: 'column', fontFamily: 'Inter' },
    h(
      'div',
      {
        display: 'flex',
        justifyContent: 'space-between',
        alignItems: 'center',
        background: card.brandColor,
        color: '#ffffff',
        padding: '28px 56px',
        fontSize: 28,
      },
      h('div', { fontWeight: 700 }, clamp(card.reportTitle, 60)),
      h('div', {}, clamp(card.client, 40)),
    ),
  );
}

function figureTree(card: OgCard): CardNode | undefined {
  if (card.curveSvg)
    return {
      type: 'img',
      props: {
        src: svgDataUri(card.curveSvg),
        style: { width: 1040, height: 200, objectFit: 'contain' },
      },
    };
  if (!card.kpis) return undefined;
  return h(
    'div',
    { display: 'flex', gap: 24 },
    ...card.kpis.map(({ status, label, count }) =>
      h(
        'div',
        {
          display: 'flex',
          flexDirection: 'column',
          border: '2px solid #d0d7de',
          borderRadius: 12,
          padding: '12px 24px',
        },
        h('div', { fontSize: 48, fontWeight: 700 }, String(count)),
        h(
          'div',
          { display: 'flex', alignItems: 'center', fontSize: 24, color: statusStyle[status].color },
          statusMark(status),
          clamp(label, 40),
        ),
      ),
    ),
  );
}

/** The body's column of blocks: its padding and the gap between blocks, in pixels. */
const COLUMN = { top: 40, side: 56, gap: 16 };

/** The white body `height` high holding the column of blocks, spaced by `spacing`. */
function bodyColumn(
  height: number,
  spacing: Record<string, unknown>,
  ...blocks: (CardNode | string | false | undefined)[]
): CardNode {
  return h(
    'div',
    {
      width: OG_WIDTH,
      height,
      display: 'flex',
      flexDirection: 'column',
      background: '#ffffff',
      fontFamily: 'Inter',
      color: '#1b1f24',
    },
    h('div', { display: 'flex', flexDirection: 'column', ...spacing, flexGrow: 1 }, ...blocks),
  );
}

/**
 * Everything under the band, `height` pixels high: the entity, and its picture or figures
 * (left out with `figure: false`, for the figure to be laid out apart).
 */
export function bodyTree(card: OgCard, height: number, { figure = true } = {}): CardNode {
  return bodyColumn(
    height,
    { padding: `${COLUMN.top}px ${COLUMN.side}px`, gap: COLUMN.gap },
    h(
      'div',
      { fontSize: 26, color: '#4d5761', textTransform: 'uppercase', letterSpacing: 2 },
      clamp(card.kind, 70),
    ),
    h('div', { fontSize: 60, fontWeight: 700, lineHeight: 1.1 }, clamp(card.title, 90)),
    card.subtitle !== undefined &&
      h('div', { fontSize: 28, color: '#4d5761' }, clamp(card.subtitle, 160)),
    card.quote !== undefined &&
      h(
        'div',
        {
          fontSize: 30,
          fontStyle: 'italic',
          borderLeft: `6px solid ${card.brandColor}`,
          paddingLeft: 20,
        },
        clamp(`“${card.quote}”`, 140),
      ),
    figure && figureTree(card),
  );
}

/**
 * Satori's layout of `tree` as SVG. Text is left as text for resvg to shape: turning every
 * glyph into a path in satori cost more than the whole layout.
 */
export function layoutSvg(
  tree: CardNode,
  size: { width: number; height?: number },
): Promise<string> {
  return satori(tree, { ...size, fonts: satoriFonts(), embedFont: false });
}

/** A figure laid out by satori alone, where it sits in the body, and the lowest row it reaches. */
interface FigureLayout {
  svg: string;
  bottom: number;
}
/** Figures laid out so far, by figure, top and body height: stage cards often share KPI counts. */
const figureLayouts = new Map<string, Promise<FigureLayout>>();
const FIGURES_KEPT = 64;

/**
 * The figure alone on a white body `height` high, its top at `top`. Fractions are kept: satori
 * rounds positions on the whole page, so only the same top gives the same pixels.
 */
function figureLayout(card: OgCard, figure: CardNode, top: number, height: number) {
  const key = JSON.stringify([card.kpis, card.curveSvg, top, height]);
  let layout = figureLayouts.get(key);
  if (layout) return layout;
  // The body's own nesting, with the column's padding where the text blocks would be.
  const tree = bodyColumn(
    height,
    { paddingTop: top, paddingLeft: COLUMN.side, paddingRight: COLUMN.side },
    figure,
  );
  let bottom = 0;
  const onNodeDetected = (node: { top: number; height: number }) => {
    if (node.height < height) bottom = Math.max(bottom, node.top + node.height);
  };
  layout = satori(tree, {
    width: OG_WIDTH,
    height,
    fonts: satoriFonts(),
    embedFont: false,
    onNodeDetected,
  }).then((svg) => ({ svg, bottom }));
  if (figureLayouts.size >= FIGURES_KEPT) figureLayouts.delete(figureLayouts.keys().next().value!);
  figureLayouts.set(key, layout);
  return layout;
}

/**
 * Satori's layout of the body, as one SVG or two: the text blocks, then the figure laid out on
 * its own where the column puts it (its layout reused across cards). Laying out the KPI boxes
 * or the curve took about half of satori's time on those cards. Whenever the column might not
 * fit (where satori would shrink blocks), or the text blocks cannot be told apart, the whole
 * body is laid out at once as before. `test/ogCards.test.ts` checks both give the same card.
 */
export async function bodyLayouts(card: OgCard, height: number): Promise<string[]> {
  const size = { width: OG_WIDTH, height };
  const figure = figureTree(card);
  if (!figure) return [await layoutSvg(bodyTree(card, height), size)];
  const text = await layoutSvg(bodyTree(card, height, { figure: false }), size);
  const blocks = textBlockHeights(text);
  const expected = 2 + Number(card.subtitle !== undefined) + Number(card.quote !== undefined);
  const below = blocks.length === expected && (await figureBelow(card, figure, blocks, height));
  return below ? [text, below] : [await layoutSvg(bodyTree(card, height), size)];
}

/**
 * The figure's layout under text blocks of these heights, or undefined when the column might
 * not fit (a pixel to spare: satori rounds the figure's height, and shrinks blocks that overflow).
 */
async function figureBelow(
  card: OgCard,
  figure: CardNode,
  blocks: number[],
  height: number,
): Promise<string | undefined> {
  const top = blocks.reduce((y, block) => y + block + COLUMN.gap, COLUMN.top);
  const laidOut = await figureLayout(card, figure, top, height);
  return laidOut.bottom + 1 <= height - COLUMN.top ? laidOut.svg : undefined;
}

/** What the body is drawn from: words, shapes for resvg, and solid rectangles (the quote bar). */
export interface BodyDrawing {
  runs: TextRun[];
  shapes: string[];
  rects: SolidRect[];
}

/** Layouts split into words and shapes, or undefined when one holds something only resvg can draw. */
function drawingOf(svgs: string[], height: number): BodyDrawing | undefined {
  const layouts = svgs.map((svg) => splitLayout(svg, OG_WIDTH, height));
  if (layouts.some((layout) => layout === undefined)) return undefined;
  return {
    runs: layouts.flatMap((layout) => layout!.runs),
    shapes: layouts.flatMap((layout) => (layout!.shapes ? [layout!.shapes] : [])),
    rects: [],
  };
}

/**
 * The body to draw: its text column laid out here without satori when `layoutTextColumn`
 * accepts it (the figure still by satori, reused), else satori's layouts as `bodyLayouts` makes
 * them. Undefined when only resvg can draw it. Shaping must be loaded (`loadShaping`).
 */
export async function bodyDrawing(
  card: OgCard,
  height: number,
  { fastText = true } = {},
): Promise<BodyDrawing | undefined> {
  const size = { width: OG_WIDTH, height };
  const column = fastText
    ? layoutTextColumn(bodyTree(card, height, { figure: false }), size)
    : undefined;
  if (column) {
    const figure = figureTree(card);
    if (!figure) return { ...column, shapes: [] };
    const below = await figureBelow(card, figure, column.blocks, height);
    const drawn = below && drawingOf([below], height);
    if (drawn)
      return { runs: [...column.runs, ...drawn.runs], shapes: drawn.shapes, rects: column.rects };
  }
  return drawingOf(await bodyLayouts(card, height), height);
}

/** RGBA pixels of an SVG drawn by resvg. */
export function rasterise(svg: string): { pixels: Buffer; height: number } {
  const image = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: resvgFontFiles(), defaultFontFamily: 'Inter' },
  }).render();
  return { pixels: image.pixels, height: image.height };
}

/** Bands drawn so far, by report title, client and colour (a build draws one). */
const bands = new Map<string, Promise<{ pixels: Buffer; height: number }>>();

function bandKeyOf(card: OgCard): string {
  return JSON.stringify([card.reportTitle, card.client, card.brandColor]);
}

function band(card: OgCard) {
  const key = bandKeyOf(card);
  let drawn = bands.get(key);
  if (!drawn)
    bands.set(key, (drawn = layoutSvg(bandTree(card), { width: OG_WIDTH }).then(rasterise)));
  return drawn;
}

/** The card being drawn, as PNG rows: the band on top, the body under it, reused from card to card. */
interface CardCanvas {
  rows: Buffer;
  bandKey: string;
  /** Rows of the band's height. */
  top: number;
  /** Body rows the previous card drew on, [first, last], to make white again. */
  dirty: [number, number];
  /** The band and the white rows under it down to a card's first drawn row, deflated once, by row. */
  starts: Map<number, DeflatedRows>;
}
let canvas: CardCanvas | undefined;
/** Opaque cards are encoded as RGB: a quarter fewer bytes to deflate than RGBA. */
const ROW_BYTES = OG_WIDTH * 3 + 1;
/** Distinct first drawn rows kept (a card's first row is where its kind line starts: one or two). */
const STARTS_KEPT = 8;

/** The canvas with this band on top and a white body, `height` rows high (the card's last rows). */
function cleanCanvas(bandKey: string, top: { pixels: Buffer; height: number }): Scanlines {
  if (!canvas || canvas.bandKey !== bandKey) {
    // Every row starts with filter type 0 (none); the body starts white.
    const rows = Buffer.alloc(ROW_BYTES * OG_HEIGHT, 255);
    for (let y = 0; y < OG_HEIGHT; y++) rows[y * ROW_BYTES] = 0;
    for (let y = 0; y < top.height; y++)
      for (let x = 0; x < OG_WIDTH; x++)
        top.pixels.copy(
          rows,
          y * ROW_BYTES + 1 + x * 3,
          (y * OG_WIDTH + x) * 4,
          (y * OG_WIDTH + x) * 4 + 3,
        );
    canvas = { rows, bandKey, top: top.height, dirty: [0, -1], starts: new Map() };
  }
  const body = canvas.rows.subarray(top.height * ROW_BYTES);
  for (let y = canvas.dirty[0]; y <= canvas.dirty[1]; y++)
    body.fill(255, y * ROW_BYTES + 1, (y + 1) * ROW_BYTES);
  canvas.dirty = [0, -1];
  return { rows: body, width: OG_WIDTH, height: OG_HEIGHT - top.height };
}

/** Draws the body onto the canvas: shapes and rectangles over white, then the words over them. */
function drawBody(bandKey: string, top: { pixels: Buffer; height: number }, drawing: BodyDrawing) {
  const body = cleanCanvas(bandKey, top);
  // The quote bar and the figure never overlap, so each can be drawn over white.
  const touched = [
    ...drawing.shapes.map((shapes) => drawShapes(body, shapes)),
    fillRects(body, drawing.rects),
    drawText(body, drawing.runs),
  ];
  for (const rows of touched)
    if (rows && rows[1] >= rows[0])
      canvas!.dirty =
        canvas!.dirty[1] < 0
          ? rows
          : [Math.min(canvas!.dirty[0], rows[0]), Math.max(canvas!.dirty[1], rows[1])];
}

/** The canvas as a PNG file; the rows above the first one drawn on are deflated once per band. */
function encodeCanvas(card: CardCanvas): Buffer {
  const firstDrawn = card.top + (card.dirty[1] < 0 ? OG_HEIGHT - card.top : card.dirty[0]);
  let start = card.starts.get(firstDrawn);
  if (!start) {
    if (card.starts.size >= STARTS_KEPT) card.starts.clear();
    start = deflateRows(card.rows.subarray(0, firstDrawn * ROW_BYTES));
    card.starts.set(firstDrawn, start);
  }
  return encodePngRows(card.rows, OG_WIDTH, OG_HEIGHT, { channels: 3, start });
}

/**
 * Renders a card to PNG: the band is drawn once and reused; under it the body's text column is
 * laid out here when `layoutTextColumn` accepts it, by satori otherwise, and figures by satori;
 * words are drawn from cached glyphs (shaped by HarfBuzz, rasterised once by resvg), the quote
 * bar as a rectangle, other shapes by resvg on their bounding box. `fastText: false` lays the
 * text out with satori always (tests compare the two).
 */
export async function renderCard(card: OgCard, { fastText = true } = {}): Promise<Buffer> {
  await loadShaping();
  const bandKey = bandKeyOf(card);
  const top = await band(card);
  const height = OG_HEIGHT - top.height;
  const drawing = await bodyDrawing(card, height, { fastText });
  // From here to the encoding nothing awaits: the shared canvas holds one card at a time.
  if (drawing) {
    drawBody(bandKey, top, drawing);
    return encodeCanvas(canvas!);
  }
  const whole = await layoutSvg(bodyTree(card, height), { width: OG_WIDTH, height });
  return encodeRgbaPng(Buffer.concat([top.pixels, rasterise(whole).pixels]), OG_WIDTH, OG_HEIGHT);
}
