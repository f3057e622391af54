import { Resvg } from '@resvg/resvg-js';
import type { Scanlines, TextRun } from './glyphs.ts';

const TEXT_ELEMENT = /<text ([^>]*)>([^<]*)<\/text>/g;
const ATTRIBUTE = /([\w-]+)="([^"]*)"/g;
/** The attributes satori gives a word; a word with any other (a clip, a transform) is left to resvg. */
const understood = new Set([
  'x',
  'y',
  'width',
  'height',
  'font-weight',
  'font-style',
  'font-size',
  'font-family',
  'letter-spacing',
  'fill',
]);
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    return entities[name] ?? whole;
  });
}

/** A `#rgb` or `#rrggbb` colour as RGB; undefined for any other form. */
export function hexColor(fill: string): [number, number, number] | undefined {
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(fill)?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16)) as [number, number, number];
}

function attributesOf(attributes: string): Record<string, string> {
  return Object.fromEntries(
    [...attributes.matchAll(ATTRIBUTE)].map(([, name, value]) => [name!, value!]),
  );
}

function textRun(attributes: string, content: string): TextRun | undefined {
  const attrs = attributesOf(attributes);
  if (Object.keys(attrs).some((name) => !understood.has(name))) return undefined;
  const weight =
    attrs['font-weight'] === 'normal' || attrs['font-weight'] === undefined
      ? 400
      : attrs['font-weight'] === 'bold'
        ? 700
        : Number(attrs['font-weight']);
  const style = attrs['font-style'] ?? 'normal';
  const color = hexColor(attrs.fill ?? '#000000');
  if (![400, 700].includes(weight) || !['normal', 'italic'].includes(style) || !color)
    return undefined;
  return {
    text: decodeEntities(content),
    x: Number(attrs.x),
    y: Number(attrs.y),
    size: Number(attrs['font-size']),
    weight,
    style,
    letterSpacing: Number(attrs['letter-spacing'] ?? 0),
    color,
  };
}

/**
 * Satori's SVG of a card, split into the words (drawn from cached glyphs) and the rest, without
 * its white background, for resvg (undefined when nothing else is drawn). Undefined when the SVG
 * holds something this cannot draw exactly, so the caller lets resvg draw the whole.
 */
export function splitLayout(
  svg: string,
  width: number,
  height: number,
): { runs: TextRun[]; shapes: string | undefined } | undefined {
  const runs: TextRun[] = [];
  for (const [, attributes, content] of svg.matchAll(TEXT_ELEMENT)) {
    if (content!.trim() === '') continue;
    const run = textRun(attributes!, content!);
    if (!run) return undefined;
    runs.push(run);
  }
  const background = `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`;
  if (!svg.includes(background)) return undefined;
  const shapes = svg.replace(TEXT_ELEMENT, '').replace(background, '');
  // Masks, clips and definitions draw nothing by themselves.
  const drawn = shapes
    .replace(/<(mask|clipPath|defs)\b[\s\S]*?<\/\1>/g, '')
    .replace(/<\/?svg[^>]*>/g, '');
  return { runs, shapes: drawn.trim() === '' ? undefined : shapes };
}

/**
 * The height of each block of text in satori's SVG, in order: the sum of its lines' heights,
 * each the tallest of its words' `height` rounded to a pixel, as satori's text flow adds them.
 * Blocks are told apart by their style, so two blocks in a row must not share one.
 */
export function textBlockHeights(svg: string): number[] {
  const blocks: { style: string; lines: Map<string, number> }[] = [];
  for (const [, attributes] of svg.matchAll(TEXT_ELEMENT)) {
    const attrs = attributesOf(attributes!);
    const style = ['font-size', 'font-weight', 'font-style', 'letter-spacing', 'fill']
      .map((name) => attrs[name])
      .join(' ');
    let block = blocks.at(-1);
    if (block?.style !== style) blocks.push((block = { style, lines: new Map() }));
    const height = Math.round(Number(attrs.height));
    block.lines.set(attrs.y!, Math.max(block.lines.get(attrs.y!) ?? 0, height));
  }
  return blocks.map(({ lines }) => [...lines.values()].reduce((sum, line) => sum + line, 0));
}

/** Room left around resvg's bounding box, which leaves out strokes' outer halves. */
const BOX_MARGIN = 8;

/**
 * Shapes drawn by resvg, as they look over the white body: runs of pixels of each row that are
 * not transparent, already blended (RGB), and the rows they cover.
 */
interface ShapesImage {
  top: number;
  bottom: number;
  /** Per run: its row, first column and length in pixels. */
  runs: Int32Array;
  /** Every run's blended RGB pixels, one after the other. */
  rgb: Buffer;
}

/** The last shapes drawn, by their SVG: many cards have the same quote bar or KPI boxes in the same place. */
const recentShapes = new Map<string, ShapesImage | null>();
const SHAPES_KEPT = 32;

/** resvg's RGBA pixels of a box at (left, top), as runs of blended pixels over white. */
function blendedRuns(
  pixels: Buffer,
  box: { left: number; top: number; width: number; height: number },
): ShapesImage {
  const runs: number[] = [];
  const rgb: number[] = [];
  for (let y = 0; y < box.height; y++) {
    let runStart = -1;
    for (let x = 0; x <= box.width; x++) {
      const a = x < box.width ? pixels[(y * box.width + x) * 4 + 3]! : 0;
      if (a !== 0 && runStart < 0) runStart = x;
      if (a === 0 && runStart >= 0) {
        runs.push(box.top + y, box.left + runStart, x - runStart);
        runStart = -1;
      }
      if (a === 0) continue;
      // The blend of drawing over the body, whose pixels are white (255) before any shape.
      for (let c = 0; c < 3; c++)
        rgb.push(
          Math.trunc((pixels[(y * box.width + x) * 4 + c]! * a + 255 * (255 - a) + 127) / 255),
        );
    }
  }
  return {
    top: box.top,
    bottom: box.top + box.height - 1,
    runs: Int32Array.from(runs),
    rgb: Buffer.from(rgb),
  };
}

/**
 * The non-text shapes as runs of pixels. resvg renders only their bounding box, on a
 * transparent canvas: a full canvas cost about as much as the rest of a card.
 */
function shapesImage(
  shapes: string,
  canvasWidth: number,
  canvasHeight: number,
): ShapesImage | null {
  const resvg = new Resvg(shapes, { font: { loadSystemFonts: false } });
  const box = resvg.getBBox();
  if (!box) return null;
  const left = Math.max(0, Math.floor(box.x) - BOX_MARGIN);
  const top = Math.max(0, Math.floor(box.y) - BOX_MARGIN);
  const right = Math.min(canvasWidth, Math.ceil(box.x + box.width) + BOX_MARGIN);
  const bottom = Math.min(canvasHeight, Math.ceil(box.y + box.height) + BOX_MARGIN);
  if (right <= left || bottom <= top) return null;
  Object.assign(box, { x: left, y: top, width: right - left, height: bottom - top });
  resvg.cropByBBox(box);
  const pixels = resvg.render().pixels;
  return blendedRuns(pixels, { left, top, width: right - left, height: bottom - top });
}

/**
 * Draws the non-text shapes onto the white body, before any text; returns the rows touched,
 * [first, last], or undefined when nothing was drawn.
 */
export function drawShapes(target: Scanlines, shapes: string): [number, number] | undefined {
  let image = recentShapes.get(shapes);
  if (image === undefined) image = shapesImage(shapes, target.width, target.height);
  recentShapes.delete(shapes);
  recentShapes.set(shapes, image);
  if (recentShapes.size > SHAPES_KEPT) recentShapes.delete(recentShapes.keys().next().value!);
  if (!image) return undefined;
  const { runs, rgb } = image;
  const stride = target.width * 3 + 1;
  let from = 0;
  for (let i = 0; i < runs.length; i += 3) {
    const bytes = runs[i + 2]! * 3;
    rgb.copy(target.rows, runs[i]! * stride + 1 + runs[i + 1]! * 3, from, from + bytes);
    from += bytes;
  }
  return [image.top, image.bottom];
}

/**
 * Fills solid rectangles in whole pixels onto the body, as resvg draws a shape whose edges are
 * on pixel boundaries (every pixel fully covered); returns the rows touched, [first, last].
 */
export function fillRects(
  target: Scanlines,
  rects: { left: number; top: number; width: number; height: number; color: number[] }[],
): [number, number] | undefined {
  let touched: [number, number] | undefined;
  const stride = target.width * 3 + 1;
  for (const { left, top, width, height, color } of rects) {
    const pixel = Buffer.from(color);
    const [firstY, endY] = [Math.max(0, top), Math.min(target.height, top + height)];
    const [firstX, endX] = [Math.max(0, left), Math.min(target.width, left + width)];
    for (let y = firstY; y < endY; y++)
      for (let x = firstX; x < endX; x++) pixel.copy(target.rows, y * stride + 1 + x * 3);
    if (endY > firstY && endX > firstX)
      touched = [Math.min(touched?.[0] ?? firstY, firstY), Math.max(touched?.[1] ?? 0, endY - 1)];
  }
  return touched;
}
