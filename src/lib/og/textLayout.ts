import { createRequire } from 'node:module';
import { hexColor } from './compose.ts';
import { faceExtent, measureText, type TextRun } from './glyphs.ts';

/**
 * The card body's column of text blocks laid out without satori, the way satori 0.63.2 lays it
 * out (src/text/index.ts `flow`, src/font.ts `measure`, `height`, `baseline`), for the one tree
 * shape `bodyTree(card, height, { figure: false })` builds. Anything else, or anything where
 * the two might differ, is declined (undefined) and left to satori.
 */

/** The part of the `linebreak` package (UAX 14, satori's line breaker) used here. */
interface LineBreaker {
  nextBreak(): { position: number; required: boolean } | null;
}
const require = createRequire(import.meta.url);
const LineBreakerClass = require('linebreak') as new (text: string) => LineBreaker;
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
/**
 * The satori whose text flow this follows. Under another version satori lays out every card
 * (and the tests, which want the fast path on nearly every card, fail until it is checked again).
 */
const FOLLOWED_SATORI = '0.63.2';
const satoriFollowed =
  (require('satori/package.json') as { version: string }).version === FOLLOWED_SATORI;

/** A node of the tree satori is given. */
interface TreeNode {
  type: string;
  props: Record<string, unknown>;
}

/** A block's text style, in satori's terms. */
interface BlockStyle {
  font: Omit<TextRun, 'text' | 'x' | 'y' | 'color'>;
  color: [number, number, number];
  uppercase: boolean;
  lineHeight: number | 'normal';
  /** The left border drawn as a bar (width and colour), and the padding after it. */
  border?: { width: number; color: [number, number, number] };
  paddingLeft: number;
}

/** A solid rectangle of the body, in whole pixels. */
export interface SolidRect {
  left: number;
  top: number;
  width: number;
  height: number;
  color: [number, number, number];
}

/** The column laid out: its words, the block heights (`textBlockHeights`), the quote bars. */
export interface TextColumn {
  runs: TextRun[];
  blocks: number[];
  rects: SolidRect[];
}

const blockKeys = new Set([
  'fontSize',
  'fontWeight',
  'fontStyle',
  'color',
  'textTransform',
  'letterSpacing',
  'lineHeight',
  'borderLeft',
  'paddingLeft',
]);

function numberOr<T>(value: unknown, fallback: T): number | T | undefined {
  if (value === undefined) return fallback;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A block's style, or undefined for any style this does not lay out like satori. */
function blockStyle(style: Record<string, unknown>, inherited: [number, number, number]) {
  if (Object.keys(style).some((key) => !blockKeys.has(key))) return undefined;
  const size = numberOr(style.fontSize, undefined);
  const weight = numberOr(style.fontWeight, 400);
  const letterSpacing = numberOr(style.letterSpacing, 0);
  const lineHeight = style.lineHeight === undefined ? 'normal' : numberOr(style.lineHeight, 0);
  const paddingLeft = numberOr(style.paddingLeft, 0);
  const fontStyle = style.fontStyle ?? 'normal';
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const color = style.color === undefined ? inherited : hexColor(text(style.color));
  const border = /^(\d+)px solid (#[\da-f]{3}|#[\da-f]{6})$/i.exec(text(style.borderLeft));
  const borderColor = border && hexColor(border[2]!);
  if (
    !size ||
    (weight !== 400 && weight !== 700) ||
    (fontStyle !== 'normal' && fontStyle !== 'italic') ||
    ![undefined, 'uppercase'].includes(style.textTransform as string) ||
    letterSpacing === undefined ||
    lineHeight === undefined ||
    paddingLeft === undefined ||
    !color ||
    (style.borderLeft !== undefined && !borderColor)
  )
    return undefined;
  return {
    font: { size, weight, style: fontStyle, letterSpacing },
    color,
    uppercase: style.textTransform === 'uppercase',
    lineHeight,
    border: borderColor ? { width: Number(border[1]), color: borderColor } : undefined,
    paddingLeft,
  } satisfies BlockStyle;
}

/** Satori's line box of a face: its height and baseline, rounded as `flow` rounds them. */
function lineBox(style: BlockStyle): { height: number; baseline: number } {
  const { size, weight, style: fontStyle } = style.font;
  const { ascent, descent } = faceExtent(size, weight, fontStyle);
  // As satori's `height` (no line gap) and `baseline` (Chrome's rounding) compute them.
  const height = style.lineHeight === 'normal' ? ascent - descent + 0 : size * style.lineHeight;
  const [asc, desc] = [Math.round(ascent), Math.round(-descent)];
  return { height: Math.round(height), baseline: asc + Math.floor((height - asc - desc) / 2) };
}

/**
 * The text's words as satori's `preprocess` makes them: upper-cased if asked, spaces collapsed,
 * split after each UAX 14 break opportunity. Undefined for a required break inside the text or
 * a word of spaces only (satori handles both apart).
 */
function lineBreakWords(text: string, uppercase: boolean): string[] | undefined {
  const content = (uppercase ? text.toLocaleUpperCase() : text)
    .replace(/([ ]|\t)+/g, ' ')
    .replace(/^[ ]|[ ]$/g, '');
  if (content === '' || /[\n\u00a0\t]/.test(content)) return undefined;
  const breaker = new LineBreakerClass(content);
  const words: string[] = [];
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    if (bk.required && bk.position < content.length) return undefined;
    const word = content.slice(last, bk.position);
    if (word.trim() === '') return undefined;
    words.push(word);
    last = bk.position;
  }
  return words;
}

/** A piece of a line (satori draws each `Intl.Segmenter` word apart), x from the line's start. */
interface Piece {
  text: string;
  x: number;
}

/** How close a line-break decision may come to the edge before it is not trusted. */
const EDGE = 1e-3;

/**
 * The lines satori's `flow` makes of the words in `width`: a word goes on the line when it fits
 * without its trailing spaces; x is `currentWidth - w` and each piece adds its own width, in
 * the same floating-point order. Undefined when a word is wider than the column (satori would
 * overflow or shrink it), a decision is too close to call, or a character is outside the face.
 */
function flowLines(words: string[], font: BlockStyle['font'], width: number) {
  const measure = (text: string) => measureText(text, font);
  const lines: Piece[][] = [[]];
  let currentWidth = 0;
  for (const [i, word] of words.entries()) {
    const w = measure(word);
    const trimmed = word.trimEnd();
    const visible = trimmed === word ? w : measure(trimmed);
    if (w === undefined || visible === undefined || visible > width - 1) return undefined;
    const endingSpaces = w - visible;
    const overflow = currentWidth + w - (width + endingSpaces);
    if (i > 0 && Math.abs(overflow) < EDGE) return undefined;
    if (i > 0 && overflow > 0) {
      lines.push([]);
      currentWidth = w;
    } else currentWidth += w;
    let x = currentWidth - w;
    for (const { segment } of wordSegmenter.segment(word)) {
      const pieceWidth = measure(segment);
      if (pieceWidth === undefined) return undefined;
      lines.at(-1)!.push({ text: segment, x });
      x += pieceWidth;
    }
  }
  return lines;
}

/** The root, the column and its blocks of `bodyTree(card, height, { figure: false })`, checked. */
function columnOf(tree: TreeNode, size: { width: number; height: number }) {
  const rootStyle = tree.props.style as Record<string, unknown>;
  const [column, ...others] = tree.props.children as TreeNode[];
  const expected = {
    width: size.width,
    height: size.height,
    display: 'flex',
    flexDirection: 'column',
    background: '#ffffff',
    fontFamily: 'Inter',
  };
  const { color, ...rest } = rootStyle;
  if (tree.type !== 'div' || others.length > 0 || !column || column.type !== 'div') return;
  if (JSON.stringify(rest) !== JSON.stringify(expected)) return;
  const { padding, gap, ...columnRest } = column.props.style as Record<string, unknown>;
  const [top, side] = /^(\d+)px (\d+)px$/.exec(String(padding))?.slice(1).map(Number) ?? [];
  const columnExpected = { display: 'flex', flexDirection: 'column', flexGrow: 1 };
  const inherited = hexColor(String(color));
  if (JSON.stringify(columnRest) !== JSON.stringify(columnExpected) || top === undefined) return;
  if (typeof gap !== 'number' || !inherited) return;
  return { top, side: side!, gap, inherited, blocks: column.props.children as TreeNode[] };
}

/** One block laid out at `top`: its words as runs, its height, and its left border as a bar. */
function layoutBlock(
  block: TreeNode,
  at: { left: number; top: number; width: number },
  inherited: [number, number, number],
) {
  const children = block.props.children as unknown[];
  const style = blockStyle(block.props.style as Record<string, unknown>, inherited);
  if (block.type !== 'div' || children.length !== 1 || typeof children[0] !== 'string') return;
  if (!style) return;
  const inset = (style.border?.width ?? 0) + style.paddingLeft;
  const words = lineBreakWords(children[0], style.uppercase);
  const lines = words && flowLines(words, style.font, at.width - inset);
  if (!lines) return;
  const box = lineBox(style);
  const left = at.left + inset;
  const runs = lines.flatMap((pieces, line) =>
    pieces
      .filter((piece) => piece.text.trim() !== '')
      .map((piece): TextRun => ({
        text: piece.text,
        x: left + piece.x,
        y: at.top + line * box.height + box.baseline,
        ...style.font,
        color: style.color,
      })),
  );
  const height = lines.length * box.height;
  const bar = style.border && {
    left: at.left,
    top: at.top,
    width: style.border.width,
    height,
    color: style.border.color,
  };
  return { runs, height, bar };
}

/**
 * The text column of a body tree without a figure, laid out as satori lays it out, or undefined
 * where this is not sure to match: another satori version, an unexpected tree or style, a
 * character outside the fonts' first faces, a word wider than the column, or a column too tall
 * for the body (satori would shrink blocks). Shaping must be loaded (`loadShaping`).
 */
export function layoutTextColumn(
  tree: TreeNode,
  size: { width: number; height: number },
): TextColumn | undefined {
  const column = satoriFollowed ? columnOf(tree, size) : undefined;
  if (!column) return undefined;
  const laidOut: TextColumn = { runs: [], blocks: [], rects: [] };
  let top = column.top;
  for (const block of column.blocks) {
    const at = { left: column.side, top, width: size.width - 2 * column.side };
    const result = layoutBlock(block, at, column.inherited);
    if (!result) return undefined;
    laidOut.runs.push(...result.runs);
    laidOut.blocks.push(result.height);
    if (result.bar) laidOut.rects.push(result.bar);
    top += result.height + column.gap;
  }
  // Blocks that fit are never shrunk; the last gap is not part of the column.
  if (top - column.gap + column.top > size.height) return undefined;
  return laidOut;
}
