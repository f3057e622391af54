/** Minimal, deterministic SVG markup helpers: escaped text, rounded numbers, stable attribute order. */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Rounds to two decimals so output is byte-stable and free of float noise. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export type Attributes = Record<string, string | number | undefined | false>;

function attributes(attrs: Attributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new Error(`SVG attribute ${name} is ${value}`);
    out += ` ${name}="${typeof value === 'number' ? round(value) : escapeXml(value)}"`;
  }
  return out;
}

/** An element; children are already-built markup strings. */
export function el(
  tag: string,
  attrs: Attributes = {},
  ...children: (string | false | undefined)[]
): string {
  const inner = children.filter((c): c is string => typeof c === 'string').join('');
  return inner === '' && tag !== 'text' && tag !== 'title' && tag !== 'desc'
    ? `<${tag}${attributes(attrs)}/>`
    : `<${tag}${attributes(attrs)}>${inner}</${tag}>`;
}

/** A text node, escaped. */
export function text(content: string): string {
  return escapeXml(content);
}

/**
 * Shortens a label to fit `maxWidth` pixels at `fontSize`, ending in an ellipsis. The width
 * per character is an average for sans-serif text: labels stay inside their box, and the
 * full text is always in the mark's <title>.
 */
export function fitLabel(label: string, maxWidth: number, fontSize: number): string {
  const maxChars = Math.max(1, Math.floor(maxWidth / (fontSize * 0.58)));
  const chars = [...label];
  if (chars.length <= maxChars) return label;
  return `${chars
    .slice(0, Math.max(1, maxChars - 1))
    .join('')
    .trimEnd()}…`;
}

/** Splits a label into at most `maxLines` lines that fit `maxWidth`, the last one shortened. */
export function wrapLabel(
  label: string,
  maxWidth: number,
  fontSize: number,
  maxLines: number,
): string[] {
  const maxChars = Math.max(1, Math.floor(maxWidth / (fontSize * 0.58)));
  const lines: string[] = [];
  let current = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if ([...candidate].length <= maxChars || current === '') current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines.map((line) => fitLabel(line, maxWidth, fontSize));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fitLabel(
    `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`,
    maxWidth,
    fontSize,
  );
  if (!kept[maxLines - 1]!.endsWith('…'))
    kept[maxLines - 1] = `${fitLabel(kept[maxLines - 1]!, maxWidth - fontSize, fontSize)}…`;
  return kept.map((line) => fitLabel(line, maxWidth, fontSize));
}

/** Id-safe form of any text, for ids inside a chart. */
export function idPart(value: string): string {
  return (
    value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  );
}

export interface ChartRootOptions {
  /** Unique on the page; prefixes the title and desc ids. */
  id: string;
  width: number;
  height: number;
  /** `img` for pictures; `group` for charts holding links, which `img` would hide from assistive technology. */
  role: 'img' | 'group';
  className: string;
  title: string;
  /** The chart summarised in words. */
  description: string;
}

/** The outer <svg> of every chart: viewBox, size, role, and <title>/<desc> wired by id. */
export function chartRoot(
  options: ChartRootOptions,
  ...children: (string | false | undefined)[]
): string {
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${round(options.width)} ${round(options.height)}`,
      width: options.width,
      height: options.height,
      role: options.role,
      'aria-labelledby': titleId,
      'aria-describedby': descId,
      class: options.className,
      id: options.id,
      'font-family': 'system-ui, sans-serif',
    },
    el('title', { id: titleId }, text(options.title)),
    el('desc', { id: descId }, text(options.description)),
    ...children,
  );
}
