import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { create, type Font } from 'fontkitten';

const require = createRequire(import.meta.url);

/** A weight and style a card uses; each comes in @fontsource's Latin and Latin Extended subsets. */
export interface CardFontStyle {
  weight: 400 | 700;
  style: 'normal' | 'italic';
}

/** Regular and bold for names and figures, italic for quotes. */
export const cardFontStyles: readonly CardFontStyle[] = [
  { weight: 400, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 400, style: 'italic' },
];

const subsets = ['latin', 'latin-ext'] as const;

interface CardFace extends CardFontStyle {
  /** Inter as WOFF (satori reads WOFF, not WOFF2). */
  woff: Buffer;
  name: string;
}

let faces: CardFace[] | undefined;

function cardFaces(): CardFace[] {
  faces ??= cardFontStyles.flatMap(({ weight, style }) =>
    subsets.map((subset) => {
      const name = `inter-${subset}-${weight}-${style}`;
      return {
        weight,
        style,
        name,
        woff: readFileSync(require.resolve(`@fontsource/inter/files/${name}.woff`)),
      };
    }),
  );
  return faces;
}

/** The fonts in the form satori takes. */
export function satoriFonts() {
  return cardFaces().map(({ woff, weight, style }) => ({
    name: 'Inter',
    data: woff,
    weight,
    style,
  }));
}

/** A WOFF 1.0 font as the TrueType/OpenType file it wraps (resvg reads only those). */
function woffToSfnt(woff: Buffer): Buffer {
  const tableCount = woff.readUInt16BE(12);
  const tables = Array.from({ length: tableCount }, (_, i) => {
    const entry = 44 + i * 20;
    const [tag, offset, compressed, original, checksum] = [0, 4, 8, 12, 16].map((at) =>
      woff.readUInt32BE(entry + at),
    ) as [number, number, number, number, number];
    const stored = woff.subarray(offset, offset + compressed);
    return { tag, checksum, data: compressed < original ? inflateSync(stored) : stored };
  });
  const header = Buffer.alloc(12 + 16 * tableCount);
  const searchRange = 2 ** Math.floor(Math.log2(tableCount));
  header.writeUInt32BE(woff.readUInt32BE(4), 0);
  header.writeUInt16BE(tableCount, 4);
  header.writeUInt16BE(searchRange * 16, 6);
  header.writeUInt16BE(Math.log2(searchRange), 8);
  header.writeUInt16BE((tableCount - searchRange) * 16, 10);
  const parts = [header];
  let offset = header.length;
  tables.forEach(({ tag, checksum, data }, i) => {
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    [tag, checksum, offset, data.length].forEach((value, field) =>
      header.writeUInt32BE(value, 12 + i * 16 + field * 4),
    );
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/** A face of the cards' fonts as TrueType data, with the code points it has (for shaping text outside resvg). */
export interface CardSfntFace extends CardFontStyle {
  sfnt: Buffer;
  codePoints: Set<number>;
  /** The hhea ascent and descent (negative), in font units: satori's "normal" line height. */
  ascent: number;
  descent: number;
}

let sfntFaces: CardSfntFace[] | undefined;

/** Every face as TrueType, Latin before Latin Extended for each style (the order to look for a glyph in). */
export function cardSfntFaces(): CardSfntFace[] {
  sfntFaces ??= cardFaces().map(({ weight, style, woff }) => {
    const font = create(woff) as Font;
    return {
      weight,
      style,
      sfnt: woffToSfnt(woff),
      codePoints: new Set(font.characterSet),
      ascent: font.ascent,
      descent: font.descent,
    };
  });
  return sfntFaces;
}

let fontFiles: string[] | undefined;

/** The fonts as TrueType files for resvg, converted once into the system's temporary folder. */
export function resvgFontFiles(): string[] {
  fontFiles ??= cardFaces().map(({ name, woff }) => {
    const dir = join(tmpdir(), 'itinera-card-fonts');
    const file = join(dir, `${name}-${woff.length}.ttf`);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      // Written aside and renamed: card workers may convert the same font at the same time.
      const partial = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}`;
      writeFileSync(partial, woffToSfnt(woff));
      renameSync(partial, file);
    }
    return file;
  });
  return fontFiles;
}

let drawable: Set<number> | undefined;

/** Code points every card style can draw: in the Latin or Latin Extended subset of each style. */
export function drawableCodePoints(): Set<number> {
  if (drawable) return drawable;
  const parsed = cardFaces().map((face) => ({ face, font: create(face.woff) as Font }));
  const perStyle = cardFontStyles.map(
    ({ weight, style }) =>
      new Set(
        parsed
          .filter(({ face }) => face.weight === weight && face.style === style)
          .flatMap(({ font }) => font.characterSet),
      ),
  );
  drawable = new Set(
    [...perStyle[0]!].filter((codePoint) => perStyle.every((set) => set.has(codePoint))),
  );
  return drawable;
}

/**
 * Text as a card can draw it: white space of any kind becomes one space, and characters the
 * fonts lack (emoji, other scripts) are left out rather than drawn as empty boxes.
 */
export function drawableText(text: string): string {
  const codePoints = drawableCodePoints();
  return [...text.replace(/\s+/gu, ' ')]
    .filter((char) => codePoints.has(char.codePointAt(0)!))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}
