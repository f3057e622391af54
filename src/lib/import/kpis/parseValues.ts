/**
 * Reading the numbers and dates of analytics exports, written the Italian or the English way.
 */

/** `1.234.567` or `1,234,567`: digit groups of three after a first group of one to three. */
function isGrouped(integer: string, separator: string): boolean {
  const groups = integer.split(separator);
  return /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/** Digits with `.` and `,` marks as a plain decimal number text, or `undefined`. */
function normalizeMarks(s: string): string | undefined {
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (dots > 0 && commas > 0) {
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    const at = s.lastIndexOf(decimal);
    const integer = s.slice(0, at);
    const fraction = s.slice(at + 1);
    if (integer.includes(decimal) || !isGrouped(integer, thousands) || !/^\d+$/.test(fraction))
      return undefined;
    return `${integer.split(thousands).join('')}.${fraction}`;
  }
  if (dots + commas === 0) return s;
  const mark = dots > 0 ? '.' : ',';
  if (dots + commas === 1) return s.replace(mark, '.');
  return isGrouped(s, mark) ? s.split(mark).join('') : undefined;
}

/**
 * Reads a number written in either the Italian or the English way: `3,2`, `1.234,5`, `3.2`,
 * `1,234.5`, `12%`, `€ 89,50`, `-0,5`, `1 234,5`, `1.5e3`. Spaces, `%` and currency signs are
 * dropped. When both `.` and `,` appear, the last one is the decimal mark and the other must
 * group thousands. A single `,` is a decimal comma (in a `;` or tab export that is the
 * locale; in a `,` export the value had to be quoted, and a quoted `"1,234"` is still read as
 * 1.234: write `1,234.0` or no separator for thousands). A single `.` is a decimal point. A
 * mark that appears several times groups thousands (`1.234.567`). Returns `undefined` for
 * anything else.
 */
export function parseLocaleNumber(text: string): number | undefined {
  let s = text
    .replace(/[\s\u00a0\u2007\u202f]/g, '')
    .replace(/[€$£]/g, '')
    .replace(/%$/, '')
    .replace(/^\u2212/, '-');
  // A sign may stand before or after a currency sign (`-€5`, `€-5`): it was kept, only the sign moved.
  let sign = 1;
  if (/^[+-]/.test(s)) {
    if (s.startsWith('-')) sign = -1;
    s = s.slice(1);
  }
  if (s === '') return undefined;
  if (/^[.,]\d/.test(s)) s = `0${s}`;
  if (/^\d+(\.\d+)?e[+-]?\d+$/i.test(s)) return sign * Number(s);
  if (!/^[\d.,]+$/.test(s) || !/^\d/.test(s) || !/\d$/.test(s)) return undefined;
  const normalized = normalizeMarks(s);
  if (normalized === undefined) return undefined;
  const value = sign * Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}

function utcDate(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return undefined;
  return date;
}

/** The last day of a month: a monthly figure is dated when its month ends. */
function monthEnd(year: number, month: number | undefined): Date | undefined {
  if (month === undefined || month < 1 || month > 12) return undefined;
  return new Date(Date.UTC(year, month, 0));
}

/** The Sunday ending ISO week `week` of `year`, or `undefined` when the year has no such week. */
function isoWeekEnd(year: number, week: number): Date | undefined {
  const january4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * 86_400_000;
  const sunday = new Date(mondayOfWeek1 + ((week - 1) * 7 + 6) * 86_400_000);
  // A week belongs to the year its Thursday falls in.
  const thursday = new Date(sunday.getTime() - 3 * 86_400_000);
  return week >= 1 && thursday.getUTCFullYear() === year ? sunday : undefined;
}

const englishMonths = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const italianMonths = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
];

/** Month names in English and Italian, full and in three letters (`mar`, `set`), plus `sept`. */
const monthNumbers = new Map<string, number>([
  ...[...englishMonths, ...italianMonths].flatMap((name, i): [string, number][] => [
    [name, (i % 12) + 1],
    [name.slice(0, 3), (i % 12) + 1],
  ]),
  ['sept', 9],
]);

/** The accepted date forms, for messages. */
export const kpiDateFormats =
  'YYYY-MM-DD, DD/MM/YYYY, DD.MM.YYYY, YYYYMMDD, a month (YYYY-MM, MM/YYYY, Mar 2026, marzo 2026) or an ISO week (2026-W13)';

const datePatterns: [RegExp, (m: string[]) => Date | undefined][] = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (m) => utcDate(Number(m[1]), Number(m[2]), Number(m[3]))],
  [/^(\d{1,2})([/.])(\d{1,2})\2(\d{4})$/, (m) => utcDate(Number(m[4]), Number(m[3]), Number(m[1]))],
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => utcDate(Number(m[1]), Number(m[2]), Number(m[3]))],
  [/^(\d{4})-(\d{1,2})$/, (m) => monthEnd(Number(m[1]), Number(m[2]))],
  [/^(\d{1,2})\/(\d{4})$/, (m) => monthEnd(Number(m[2]), Number(m[1]))],
  [
    /^(\p{L}+)\.?[ -](\d{4})$/u,
    (m) => monthEnd(Number(m[2]), monthNumbers.get(m[1]!.toLowerCase())),
  ],
  [/^(\d{4})-?W(\d{1,2})$/i, (m) => isoWeekEnd(Number(m[1]), Number(m[2]))],
];

/**
 * Reads a date as analytics tools write it: a day (`2026-03-31`, `31/03/2026` day first as in
 * Italy, `31.03.2026`, `20260331`), a month (`2026-03`, `03/2026`, `Mar 2026`, `March 2026`,
 * `marzo 2026`, `mar-2026`), dated its last day, or an ISO week (`2026-W13`, `2026W13`), dated
 * its Sunday. A time after a day (`2026-04-30T00:00`, `30/04/2026 00:00`) is ignored. Returns
 * a UTC-midnight Date, or `undefined` for anything else or a day that does not exist.
 */
export function parseKpiDate(text: string): Date | undefined {
  const s = text.trim().replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  for (const [pattern, read] of datePatterns) {
    const m = pattern.exec(s);
    if (m) return read(m);
  }
  return undefined;
}
