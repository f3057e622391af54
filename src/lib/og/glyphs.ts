import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { cardSfntFaces, type CardFontStyle } from './fonts.ts';

/** The part of harfbuzzjs (satori's shaper, HarfBuzz in WebAssembly) that cards use. */
interface HarfBuzz {
  createBlob(data: Uint8Array): { destroy(): void };
  createFace(blob: unknown, index: number): { upem: number };
  createFont(face: unknown): HbFont;
  createBuffer(): {
    addText(text: string): void;
    guessSegmentProperties(): void;
    json(): { g: number; cl: number; ax: number; dx: number; dy: number }[];
    destroy(): void;
  };
  shape(font: HbFont, buffer: unknown): void;
}
interface HbFont {
  glyphToPath(glyph: number): string;
  glyphExtents(
    glyph: number,
  ): { xBearing: number; yBearing: number; width: number; height: number } | null;
}

const require = createRequire(import.meta.url);
let harfBuzz: Promise<HarfBuzz> | undefined;

interface ShapingFace extends CardFontStyle {
  font: HbFont;
  upem: number;
  codePoints: Set<number>;
  ascent: number;
  descent: number;
}
let faces: ShapingFace[] | undefined;

/** Loads HarfBuzz and the card faces into it; call once before drawing text. */
export async function loadShaping(): Promise<void> {
  harfBuzz ??= require('harfbuzzjs') as Promise<HarfBuzz>;
  const hb = await harfBuzz;
  loadedHarfBuzz = hb;
  faces ??= cardSfntFaces().map(({ sfnt, ...metrics }) => {
    const face = hb.createFace(hb.createBlob(sfnt), 0);
    return { ...metrics, upem: face.upem, font: hb.createFont(face) };
  });
}

/** One glyph of shaped text: its face, id and pen offset from the start of the word, in font units. */
interface PlacedGlyph {
  face: ShapingFace;
  glyph: number;
  x: number;
  y: number;
}

/** A shaped word: its glyphs, and what satori measures of it when one face has all of it. */
interface ShapedWord {
  glyphs: PlacedGlyph[];
  /** The sum of the advances, in font units. */
  advance: number;
  /** HarfBuzz clusters: satori adds the letter spacing after each. */
  clusters: number;
  /** Whether every character is in the first face of the style (satori's only face for it). */
  firstFaceOnly: boolean;
}

const shapedWords = new Map<string, ShapedWord>();
const WORDS_KEPT = 20_000;

/**
 * A word shaped the way resvg shapes it (HarfBuzz rules, each character from the first face of
 * its style that has it: the Latin subset, else Latin Extended), cached by style and text.
 */
function shapeWord(text: string, weight: number, style: string, hb: HarfBuzz): ShapedWord {
  const key = `${weight}${style}\u0000${text}`;
  const cached = shapedWords.get(key);
  if (cached) return cached;
  const styleFaces = faces!.filter((face) => face.weight === weight && face.style === style);
  const faceOf = (char: string) =>
    styleFaces.find((face) => face.codePoints.has(char.codePointAt(0)!)) ?? styleFaces[0]!;
  const shaped: ShapedWord = {
    glyphs: [],
    advance: 0,
    clusters: 0,
    firstFaceOnly: [...text].every((char) => styleFaces[0]!.codePoints.has(char.codePointAt(0)!)),
  };
  let run = '';
  let runFace: ShapingFace | undefined;
  const flush = () => {
    if (!runFace || run === '') return;
    const buffer = hb.createBuffer();
    buffer.addText(run);
    buffer.guessSegmentProperties();
    hb.shape(runFace.font, buffer);
    const glyphs = buffer.json();
    glyphs.forEach(({ g, ax, dx, dy, cl }, i) => {
      shaped.glyphs.push({ face: runFace!, glyph: g, x: shaped.advance + dx, y: dy });
      shaped.advance += ax;
      if (glyphs[i + 1]?.cl !== cl) shaped.clusters++;
    });
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
  // Words repeat across cards (kinds, names, common words); a big report's rare ones would not.
  if (shapedWords.size >= WORDS_KEPT) shapedWords.clear();
  shapedWords.set(key, shaped);
  return shaped;
}

/**
 * Text's width as satori 0.63 measures it (`FontLoader.measure`): HarfBuzz advances of the face
 * scaled to the size, plus the letter spacing after each cluster. Undefined when a character is
 * not in the style's first face, which is the only one satori's font lookup finds.
 */
export function measureText(
  text: string,
  { size, weight, style, letterSpacing }: Omit<TextRun, 'text' | 'x' | 'y' | 'color'>,
): number | undefined {
  const shaped = shapeWord(text, weight, style, harfBuzzLoaded());
  if (!shaped.firstFaceOnly) return undefined;
  const upem = firstFace(weight, style).upem;
  return (shaped.advance / upem) * size + letterSpacing * shaped.clusters;
}

function firstFace(weight: number, style: string): ShapingFace {
  const face = faces?.find((f) => f.weight === weight && f.style === style);
  if (!face) throw new Error(`no card face of weight ${weight}, style ${style}`);
  return face;
}

/** A style's first face's ascent and descent (negative) in pixels at `size`, as satori scales them. */
export function faceExtent(size: number, weight: number, style: string) {
  const { ascent, descent, upem } = firstFace(weight, style);
  return { ascent: (ascent / upem) * size, descent: (descent / upem) * size };
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
/** Masks by face, glyph, size and phase (`maskKey`); null for a glyph that draws nothing (a space). */
const glyphMasks = new Map<number | string, GlyphMask | null>();

/**
 * A mask's key: one small integer for the usual whole sizes under 256 px (hashing a string per
 * glyph and card cost more than blending it), else a string.
 */
function maskKey(face: number, glyph: number, size: number, phaseX: number, phaseY: number) {
  if (Number.isInteger(size) && size > 0 && size < 256 && glyph < 65536)
    return ((face * 65536 + glyph) * 256 + size) * 16 + phaseX * PHASES + phaseY;
  return `${face}:${glyph}:${size}:${phaseX}:${phaseY}`;
}

/** A glyph at one place of a card: integer pen position, and the phase (in quarters) of its origin. */
interface GlyphUse {
  face: ShapingFace;
  glyph: number;
  size: number;
  penX: number;
  penY: number;
  phaseX: number;
  phaseY: number;
  key: number | string;
  run: TextRun;
}

/** Where a glyph's mask sits from the pen (a pixel of room on each side), or null if it draws nothing. */
function maskBox(use: GlyphUse): Omit<GlyphMask, 'alpha'> | null {
  const extents = use.face.font.glyphExtents(use.glyph);
  if (!extents || extents.width === 0 || extents.height === 0) return null;
  const scale = use.size / use.face.upem;
  const [ox, oy] = [use.phaseX / PHASES, use.phaseY / PHASES];
  const left = Math.floor(ox + extents.xBearing * scale) - 1;
  const top = Math.floor(oy - extents.yBearing * scale) - 1;
  const width = Math.ceil(ox + (extents.xBearing + extents.width) * scale) + 1 - left;
  const height = Math.ceil(oy - (extents.yBearing + extents.height) * scale) + 1 - top;
  return { left, top, width, height };
}

/**
 * Rasterises the glyphs not seen before, all in one resvg call (a strip with one cell each):
 * resvg's set-up per call cost more than drawing a glyph.
 */
function rasteriseMissing(uses: GlyphUse[]): void {
  const cells: { key: number | string; box: Omit<GlyphMask, 'alpha'>; at: number }[] = [];
  const paths: string[] = [];
  let stripWidth = 0;
  let stripHeight = 0;
  for (const use of uses) {
    if (glyphMasks.has(use.key)) continue;
    const box = maskBox(use);
    glyphMasks.set(use.key, null);
    if (!box) continue;
    const scale = use.size / use.face.upem;
    paths.push(
      `<path transform="translate(${stripWidth - box.left + use.phaseX / PHASES} ${-box.top + use.phaseY / PHASES}) scale(${scale} ${-scale})" d="${use.face.font.glyphToPath(use.glyph)}"/>`,
    );
    cells.push({ key: use.key, box, at: stripWidth });
    stripWidth += box.width + 1;
    stripHeight = Math.max(stripHeight, box.height);
  }
  if (cells.length === 0) return;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${stripWidth}" height="${stripHeight}">${paths.join('')}</svg>`;
  const rgba = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
  for (const { key, box, at } of cells) {
    const alpha = new Uint8Array(box.width * box.height);
    for (let y = 0; y < box.height; y++)
      for (let x = 0; x < box.width; x++)
        alpha[y * box.width + x] = rgba[(y * stripWidth + at + x) * 4 + 3]!;
    glyphMasks.set(key, { ...box, alpha });
  }
}

/** Rows of an opaque PNG image before compression: each starts with a filter-type byte, then RGB pixels. */
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

/** Every glyph of the words, shaped and placed at a quarter pixel. */
function glyphUses(runs: TextRun[], hb: HarfBuzz): GlyphUse[] {
  return runs.flatMap((run) =>
    shapeWord(run.text, run.weight, run.style, hb).glyphs.map((placed, index) => {
      const scale = run.size / placed.face.upem;
      const x =
        Math.round((run.x + placed.x * scale + index * run.letterSpacing) * PHASES) / PHASES;
      const y = Math.round((run.y - placed.y * scale) * PHASES) / PHASES;
      const [phaseX, phaseY] = [(x - Math.floor(x)) * PHASES, (y - Math.floor(y)) * PHASES];
      const key = maskKey(faces!.indexOf(placed.face), placed.glyph, run.size, phaseX, phaseY);
      return {
        face: placed.face,
        glyph: placed.glyph,
        size: run.size,
        penX: Math.floor(x),
        penY: Math.floor(y),
        phaseX,
        phaseY,
        key,
        run,
      };
    }),
  );
}

/** Blends a glyph's coverage in its colour over opaque pixels; returns the rows it touched. */
function blit(
  target: Scanlines,
  mask: GlyphMask,
  left: number,
  top: number,
  [r, g, b]: [number, number, number],
): [number, number] {
  const stride = target.width * 3 + 1;
  const { rows } = target;
  const { alpha, width } = mask;
  const [firstX, endX] = [Math.max(0, -left), Math.min(width, target.width - left)];
  const endY = Math.min(mask.height, target.height - top);
  for (let my = Math.max(0, -top); my < endY; my++) {
    const rowStart = (top + my) * stride + 1 + left * 3;
    for (let mx = firstX, from = my * width + firstX; mx < endX; mx++, from++) {
      const a = alpha[from]!;
      if (a === 0) continue;
      const at = rowStart + mx * 3;
      if (a === 255) {
        // Full coverage: the blend below gives the colour itself.
        rows[at] = r;
        rows[at + 1] = g;
        rows[at + 2] = b;
        continue;
      }
      const rest = 255 - a;
      rows[at] = (r * a + rows[at]! * rest + 127) / 255;
      rows[at + 1] = (g * a + rows[at + 1]! * rest + 127) / 255;
      rows[at + 2] = (b * a + rows[at + 2]! * rest + 127) / 255;
    }
  }
  return [Math.max(0, top), Math.min(target.height - 1, top + mask.height - 1)];
}

/** Draws words over opaque pixels from cached glyph masks; returns the rows touched, [first, last]. */
export function drawText(target: Scanlines, runs: TextRun[]): [number, number] {
  const uses = glyphUses(runs, harfBuzzLoaded());
  rasteriseMissing(uses);
  let [first, last] = [target.height, -1];
  for (const use of uses) {
    const mask = glyphMasks.get(use.key);
    if (!mask) continue;
    const [top, bottom] = blit(
      target,
      mask,
      use.penX + mask.left,
      use.penY + mask.top,
      use.run.color,
    );
    [first, last] = [Math.min(first, top), Math.max(last, bottom)];
  }
  return [first, last];
}

let loadedHarfBuzz: HarfBuzz | undefined;
function harfBuzzLoaded(): HarfBuzz {
  if (!loadedHarfBuzz) throw new Error('loadShaping() must be awaited before drawing text');
  return loadedHarfBuzz;
}
