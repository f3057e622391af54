import { z } from 'astro/zod';

/** Lower-case words joined by hyphens: the form every id and reference takes (`click-collect`). */
export const ID_FORM = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An id or a reference to one. */
export const idSchema = z
  .string()
  .regex(ID_FORM, 'use lower-case letters, digits and hyphens, e.g. "store-visit"');

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-10-05` as a UTC-midnight Date; undefined unless the text is that form and a real day. */
function parseIsoDay(text: string): Date | undefined {
  const m = ISO_DAY.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The fix for a date written another way: both readings of `05/10/2026`, since either may be meant. */
function dateHint(text: string): string {
  const m = DAY_MONTH_YEAR.exec(text.trim());
  if (m) {
    const [first, second, year] = [Number(m[1]), Number(m[2]), m[3]!];
    const readings = new Set<string>();
    for (const [month, day] of [
      [second, first],
      [first, second],
    ] as const) {
      const iso = `${year}-${pad(month)}-${pad(day)}`;
      if (parseIsoDay(iso)) readings.add(`${iso} for ${day} ${MONTHS[month - 1]!}`);
    }
    if (readings.size > 0) return `write ${[...readings].join(', or ')}`;
  }
  if (ISO_DAY.test(text.trim()))
    return 'that day is not in the calendar: check the month and the day';
  return 'write the year, month and day with hyphens, e.g. 2026-10-05 for 5 October 2026';
}

/**
 * A calendar date written as YYYY-MM-DD (Astro's YAML reader may already have made it a Date).
 * Nothing else is read as a date: `05/10/2026` is ambiguous and `ottobre 2026` has no day, and
 * guessing would publish a wrong date without a word.
 */
export const dateSchema = z.unknown().transform((value, ctx) => {
  if (value instanceof Date) return value;
  if (typeof value !== 'string') {
    ctx.addIssue({
      code: 'invalid_type',
      expected: 'date',
      input: value,
      message: 'expected a date',
    });
    return z.NEVER;
  }
  const date = parseIsoDay(value.trim());
  if (date) return date;
  ctx.addIssue({
    code: 'custom',
    message: 'not a date in the form YYYY-MM-DD',
    input: value,
    params: { expected: 'a date written YYYY-MM-DD, e.g. 2026-10-05', hint: dateHint(value) },
  });
  return z.NEVER;
});

/** Non-empty text. */
export const textSchema = z.string().trim().min(1, 'must not be empty');

/** A list of short texts; absent means empty. */
export const textListSchema = z.array(textSchema).default([]);

/** Versions such as `1.2` are often parsed by YAML as numbers: keep them as text. */
export const versionSchema = z.union([z.string(), z.number()]).transform(String);
