/**
 * Formats numbers, KPI values and dates for the report's locale with Intl. A displayed negative
 * number always has U+2212 MINUS SIGN, in every language (Intl writes a hyphen); machine-readable
 * output (data attributes, CSV, JSON) keeps ASCII.
 */

const ISO_CURRENCY = /^[A-Z]{3}$/;
const MINUS_SIGN = '\u2212';

/**
 * One Intl formatter per locale and options, kept for the process: building one costs far more
 * than formatting with it, and a build formats tens of thousands of numbers (docs/performance.md).
 */
function memoised<O extends object, F>(
  make: (locale: string, options: O) => F,
): (locale: string, options: O) => F {
  const made = new Map<string, F>();
  return (locale, options) => {
    const key = `${locale}\u0000${JSON.stringify(options)}`;
    let formatter = made.get(key);
    if (!formatter) made.set(key, (formatter = make(locale, options)));
    return formatter;
  };
}

const numberFormat = memoised(
  (locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options),
);
const dateFormat = memoised(
  (locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options),
);
const listFormat = memoised(
  (locale, options: Intl.ListFormatOptions) => new Intl.ListFormat(locale, options),
);

/** Numbers already written, by locale, options and value: a report writes the same few values (scores, counts) thousands of times. */
const written = new Map<string, string>();

/** Intl's formatting with the minus sign of the report. */
function format(value: number, locale: string, options: Intl.NumberFormatOptions): string {
  const key = `${locale}\u0000${JSON.stringify(options)}\u0000${value}`;
  let text = written.get(key);
  if (text === undefined) {
    // 'negative': zero, or a negative number that rounds to zero, is written without a sign ("0", never "−0").
    text = numberFormat(locale, { signDisplay: 'negative', ...options })
      .formatToParts(value)
      .map((part) => (part.type === 'minusSign' ? MINUS_SIGN : part.value))
      .join('');
    written.set(key, text);
  }
  return text;
}

export function formatNumber(value: number, locale: string, maximumFractionDigits = 2): string {
  return format(value, locale, { maximumFractionDigits });
}

/**
 * A KPI value with its unit: `%` values are written as percentages (3.2 means 3.2 %), three
 * capital letters are a currency code (`EUR`), anything else follows the number.
 */
export function formatKpiValue(value: number, unit: string, locale: string): string {
  if (unit === '%')
    return format(value / 100, locale, { style: 'percent', maximumFractionDigits: 2 });
  if (ISO_CURRENCY.test(unit))
    return format(value, locale, { style: 'currency', currency: unit, maximumFractionDigits: 2 });
  const number = formatNumber(value, locale);
  return unit ? `${number} ${unit}` : number;
}

/** A signed difference (`+1.5 pp`, `−3 min`) for deltas to target. */
export function formatKpiDelta(delta: number, unit: string, locale: string): string {
  const sign = delta > 0 ? '+' : delta < 0 ? MINUS_SIGN : '±';
  const magnitude = Math.abs(delta);
  const body =
    unit === '%'
      ? `${formatNumber(magnitude, locale)} pp`
      : formatKpiValue(magnitude, unit, locale);
  return `${sign}${body}`;
}

/** `a, b and c` in the report's language. */
export function formatList(items: readonly string[], locale: string): string {
  return listFormat(locale, { type: 'conjunction' }).format(items);
}

export function formatDate(date: Date, locale: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** `2026-03-01` for `<time datetime>`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
