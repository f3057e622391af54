import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { cardSfntFaces, type CardFontStyle } from './fonts.ts';

/** The part of harfbuzzjs (satori's shaper, HarfBuzz in WebAssembly) that cards use. */
interface HarfBuzz {
  createBlob(data: Uint8Array): { destroy(): void };
  createFace(blob: unknown, index: number): { upem: number };
  createFont(face: unknown): HbFont;
  createBuffer(): { addText(text: string): void; guessSegmentProperties(): void; json(): { g: number; cl: number; ax: number; dx: number; dy: number }[]; destroy(): void };
  shape(font: HbFont, buffer: unknown): void;
}
interface HbFont {
  glyphToPath(glyph: number): string;
  glyphExtents(glyph: number): { xBearing: number; yBearing: number; width: number; height: number } | null;
}

const require = createRequire(import.meta.url);
let harfBuzz: Promise<HarfBuzz> | undefined;

interface ShapingFace extends CardFontStyle {
  font: HbFont;
  upem: number;
  codePoints: Set<number>;
}
let faces: ShapingFace[] | undefined;

/** Loads HarfBuzz and the card faces into it; call once before drawing text. */
export async function loadShaping(): Promise<void> {
  harfBuzz ??= require('harfbuzzjs') as Promise<HarfBuzz>;
  const hb = await harfBuzz;
  loadedHarfBuzz = hb;
  faces ??= cardSfntFaces().map(({ weight, style, sfnt, codePoints }) => {
    const face = hb.createFace(hb.createBlob(sfnt), 0);
    return { weight, style, codePoints, upem: face.upem, font: hb.createFont(face) };
  });
}

/** One glyph of shaped text: its face, id and pen offset from the start of the word, in font units. */
interface PlacedGlyph {
  face: ShapingFace;
  glyph: number;
  x: number;
  y: number;
}

const shapedWords = new Map<string, PlacedGlyph[]>();

/**
 * A word shaped the way resvg shapes it (HarfBuzz rules, each character from the first face of
 * its style that has it: the Latin subset, else Latin Extended), cached by style and text.
 */
function shapeWord(text: string, weight: number, style: string, hb: HarfBuzz): PlacedGlyph[] {
  const key = `${weight}${style}\u0000${text}`;
  const cached = shapedWords.get(key);
  if (cached) return cached;
  const styleFaces = faces!.filter((face) => face.weight === weight && face.style === style);
  const faceOf = (char: string) => styleFaces.find((face) => face.codePoints.has(char.codePointAt(0)!)) ?? styleFaces[0]!;
  const placed: PlacedGlyph[] = [];
  let pen = 0;
  let run = '';
  let runFace: ShapingFace | undefined;
  const flush = () => {
    if (!runFace || run === '') return;
    const buffer = hb.createBuffer();
    buffer.addText(run);
    buffer.guessSegmentProperties();
    hb.shape(runFace.font, buffer);
    for (const { g, ax, dx, dy } of buffer.json()) {
      placed.push({ face: runFace, glyph: g, x: pen + dx, y: dy });
      pen += ax;
    }
    buffer.destroy();
  };
  for (const char of text) {
    const face = faceOf(char);
    if (face !== runFace) {
      flush();
      run = '';
      runFace = face;
    }
    run += char;
  }
  flush();
  shapedWords.set(key, placed);
  return placed;
}

/** A glyph's coverage (0-255) at one size and sub-pixel position, and where it sits from the pen. */
interface GlyphMask {
  left: number;
  top: number;
  width: number;
  height: number;
  alpha: Uint8Array;
}

/** Sub-pixel steps a glyph is drawn at: positions are rounded to a quarter pixel. */
const PHASES = 4;
const glyphMasks = new Map<string, GlyphMask | null>();

/** The glyph rasterised by resvg at `size` px, its origin at (`phaseX`, `phaseY`) of a pixel. */
function glyphMask(face: ShapingFace, glyph: number, size: number, phaseX: number, phaseY: number): GlyphMask | null {
  const key = `${faces!.indexOf(face)}:${glyph}:${size}:${phaseX}:${phaseY}`;
  const cached = glyphMasks.get(key);
  if (cached !== undefined) return cached;
  const extents = face.font.glyphExtents(glyph);
  let mask: GlyphMask | null = null;
  if (extents && extents.width !== 0 && extents.height !== 0) {
    const scale = size / face.upem;
    const [ox, oy] = [phaseX / PHASES, phaseY / PHASES];
    const left = Math.floor(ox + extents.xBearing * scale) - 1;
    const top = Math.floor(oy - extents.yBearing * scale) - 1;
    const width = Math.ceil(ox + (extents.xBearing + extents.width) * scale) + 1 - left;
    const height = Math.ceil(oy - (extents.yBearing + extents.height) * scale) + 1 - top;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${left} ${top} ${width} ${height}"><path transform="translate(${ox} ${oy}) scale(${scale} ${-scale})" d="${face.font.glyphToPath(glyph)}"/></svg>`;
    const rgba = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
    const alpha = new Uint8Array(width * height);
    for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[i * 4 + 3]!;
    mask = { left, top, width, height, alpha };
  }
  glyphMasks.set(key, mask);
  return mask;
}

/** Rows of a PNG image before compression: each starts with a filter-type byte, then RGBA pixels. */
export interface Scanlines {
  rows: Buffer;
  width: number;
  height: number;
}

/** A word of text as satori laid it out: baseline origin, font and colour. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  size: number;
  weight: number;
  style: string;
  letterSpacing: number;
  color: [number, number, number];
}

/** Draws a word over opaque pixels; returns the rows it touched, [first, last]. */
export function drawText(target: Scanlines, run: TextRun): [number, number] {
  const hb = harfBuzzLoaded();
  const stride = target.width * 4 + 1;
  const [r, g, b] = run.color;
  let [first, last] = [target.height, -1];
  shapeWord(run.text, run.weight, run.style, hb).forEach((placed, index) => {
    const scale = run.size / placed.face.upem;
    const x = Math.round((run.x + placed.x * scale + index * run.letterSpacing) * PHASES) / PHASES;
    const y = Math.round((run.y - placed.y * scale) * PHASES) / PHASES;
    const mask = glyphMask(placed.face, placed.glyph, run.size, (x - Math.floor(x)) * PHASES, (y - Math.floor(y)) * PHASES);
    if (!mask) return;
    const [left, top] = [Math.floor(x) + mask.left, Math.floor(y) + mask.top];
    for (let my = Math.max(0, -top); my < mask.height && top + my < target.height; my++) {
      const rowStart = (top + my) * stride + 1;
      for (let mx = Math.max(0, -left); mx < mask.width && left + mx < target.width; mx++) {
        const a = mask.alpha[my * mask.width + mx]!;
        if (a === 0) continue;
        const at = rowStart + (left + mx) * 4;
        const rows = target.rows;
        rows[at] = (r * a + rows[at]! * (255 - a) + 127) / 255;
        rows[at + 1] = (g * a + rows[at + 1]! * (255 - a) + 127) / 255;
        rows[at + 2] = (b * a + rows[at + 2]! * (255 - a) + 127) / 255;
      }
    }
    first = Math.min(first, Math.max(0, top));
    last = Math.max(last, Math.min(target.height - 1, top + mask.height - 1));
  });
  return [first, last];
}

let loadedHarfBuzz: HarfBuzz | undefined;
function harfBuzzLoaded(): HarfBuzz {
  if (!loadedHarfBuzz) throw new Error('loadShaping() must be awaited before drawing text');
  return loadedHarfBuzz;
}
