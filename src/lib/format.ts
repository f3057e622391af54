/** Formats numbers, KPI values and dates for the report's locale with Intl. */

const ISO_CURRENCY = /^[A-Z]{3}$/;

export function formatNumber(value: number, locale: string, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

/**
 * A KPI value with its unit: `%` values are written as percentages (3.2 means 3.2 %), three
 * capital letters are a currency code (`EUR`), anything else follows the number.
 */
export function formatKpiValue(value: number, unit: string, locale: string): string {
  if (unit === '%') return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
  if (ISO_CURRENCY.test(unit)) {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: unit, maximumFractionDigits: 2 }).format(value);
  }
  const number = formatNumber(value, locale);
  return unit ? `${number} ${unit}` : number;
}

/** A signed difference (`+1.5 pp`, `−3 min`) for deltas to target. */
export function formatKpiDelta(delta: number, unit: string, locale: string): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const magnitude = Math.abs(delta);
  const body = unit === '%' ? `${formatNumber(magnitude, locale)} pp` : formatKpiValue(magnitude, unit, locale);
  return `${sign}${body}`;
}

/** `a, b and c` in the report's language. */
export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

export function formatDate(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** `2026-03-01` for `<time datetime>`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
