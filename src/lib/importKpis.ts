/**
 * Importing KPI histories from CSV analytics exports (`npm run import -- kpis FILE.csv`).
 *
 * Pure logic: the caller reads the CSV and the KPI list files and writes the returned texts.
 * The KPI files are edited through the `yaml` Document API, so the author's comments and
 * layout survive.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { closestMatches, suggest } from './closest.ts';

/** One dated value read from the CSV. `line` is the CSV line the row starts on (1-based). */
export interface KpiCsvRow {
  /** The KPI column as written: an id or a display name. */
  kpi: string;
  /** The sample's date, at UTC midnight. */
  date: Date;
  value: number;
  line: number;
}

/** A problem found while importing. `file` is set when it concerns a KPI file, not the CSV. */
export interface ImportProblem {
  line: number;
  message: string;
  file?: string;
}

export interface ParsedKpiCsv {
  rows: KpiCsvRow[];
  problems: ImportProblem[];
}

/** Accepted header names per column, compared lower-case with `_` and `-` read as spaces. */
export const kpiCsvColumns = {
  kpi: ['kpi', 'id', 'kpi id', 'name', 'indicatore'],
  date: ['date', 'data', 'month', 'mese', 'period'],
  value: ['value', 'valore'],
} as const;

type Column = keyof typeof kpiCsvColumns;

const delimiters = [';', '\t', ','] as const;

// ---------------------------------------------------------------------------------------------
// Numbers

/** `1.234.567` or `1,234,567`: digit groups of three after a first group of one to three. */
function isGrouped(integer: string, separator: string): boolean {
  const groups = integer.split(separator);
  return /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
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
  let s = text.replace(/[\s\u00a0\u2007\u202f]/g, '').replace(/[€$£]/g, '').replace(/%$/, '').replace(/^\u2212/, '-');
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

  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  let normalized: string;
  if (dots > 0 && commas > 0) {
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    const at = s.lastIndexOf(decimal);
    const integer = s.slice(0, at);
    const fraction = s.slice(at + 1);
    if (integer.includes(decimal) || !isGrouped(integer, thousands) || !/^\d+$/.test(fraction)) return undefined;
    normalized = `${integer.split(thousands).join('')}.${fraction}`;
  } else if (dots + commas === 0) {
    normalized = s;
  } else {
    const mark = dots > 0 ? '.' : ',';
    const count = dots + commas;
    if (count === 1) normalized = s.replace(mark, '.');
    else if (isGrouped(s, mark)) normalized = s.split(mark).join('');
    else return undefined;
  }
  const value = sign * Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}

// ---------------------------------------------------------------------------------------------
// Dates

function utcDate(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date;
}

/** The accepted date formats, for messages. */
export const kpiDateFormats = 'YYYY-MM-DD, DD/MM/YYYY, DD.MM.YYYY, YYYY-MM or YYYYMMDD';

/**
 * Reads `YYYY-MM-DD`, `DD/MM/YYYY` (day first, as in Italy), `DD.MM.YYYY`, `YYYY-MM` (the last
 * day of that month) and `YYYYMMDD` (GA4 exports). A time after the date (`2026-04-30T00:00`,
 * `30/04/2026 00:00`) is ignored. Returns a UTC-midnight Date, or `undefined` when the text is
 * none of these or not a real calendar day.
 */
export function parseKpiDate(text: string): Date | undefined {
  const s = text.trim().replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return utcDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})$/.exec(s);
  if (m) return utcDate(Number(m[4]), Number(m[3]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    return new Date(Date.UTC(Number(m[1]), month, 0));
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return utcDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

/** `YYYY-MM-DD` of a UTC date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// CSV

function normalizeHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
}

/** Counts a character outside double quotes. */
function countOutsideQuotes(line: string, char: string): number {
  let count = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) count++;
  }
  return count;
}

/** The separator the header line uses most: `;`, tab or `,` (`,` when it has none). */
export function detectDelimiter(headerLine: string): ';' | '\t' | ',' {
  let best: ';' | '\t' | ',' = ',';
  let bestCount = 0;
  for (const d of delimiters) {
    const count = countOutsideQuotes(headerLine, d);
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function describeColumns(): string {
  return (Object.keys(kpiCsvColumns) as Column[])
    .map((column) => `${column} (or ${kpiCsvColumns[column].filter((n) => n !== column).join(', ')})`)
    .join(', ');
}

/** The line a record starts on, from the line it ends on and its raw text. */
function startLine(endLine: number, raw: string | undefined): number {
  if (raw === undefined) return endLine;
  const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$|\r$/, '');
  return endLine - (body.match(/\n/g)?.length ?? 0);
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
  raw?: string;
}

/**
 * Reads a CSV export with a KPI, a date and a value column (see `kpiCsvColumns`; other columns
 * are ignored). The separator (`;`, `,` or tab) is taken from the header line; an Excel
 * `sep=;` first line is honoured. Never throws: every row that can't be read becomes a
 * problem with its line number.
 */
export function parseKpiCsv(text: string): ParsedKpiCsv {
  const problems: ImportProblem[] = [];
  const rows: KpiCsvRow[] = [];
  let body = text.replace(/^\uFEFF/, '');
  let lineOffset = 0;
  let delimiter: string | undefined;
  const sepLine = /^sep=(.)\r?\n/i.exec(body);
  if (sepLine) {
    delimiter = sepLine[1];
    body = body.slice(sepLine[0].length);
    lineOffset = 1;
  }
  const leadingBlank = /^(?:[ \t]*\r?\n)*/.exec(body)![0];
  const headerLine = body.slice(leadingBlank.length).split(/\r?\n|\r/, 1)[0] ?? '';
  if (headerLine.trim() === '') {
    problems.push({ line: 1, message: `the file is empty: it needs a header line with the columns ${describeColumns()}` });
    return { rows, problems };
  }
  delimiter ??= detectDelimiter(headerLine);

  let records: CsvRecord[];
  try {
    records = parseCsv(body, {
      delimiter,
      bom: true,
      info: true,
      raw: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error, raw) => {
        const line = error && 'lines' in error && typeof error.lines === 'number' ? error.lines : 1;
        const message =
          error?.code === 'CSV_QUOTE_NOT_CLOSED'
            ? 'a quoted field starting here is never closed: a " is missing'
            : `this row is not valid CSV (${error?.message ?? 'unreadable'})`;
        problems.push({ line: startLine(line, raw) + lineOffset, message });
        return undefined;
      },
    }) as unknown as CsvRecord[];
  } catch (error) {
    const line = error instanceof Error && 'lines' in error && typeof error.lines === 'number' ? error.lines : 1;
    problems.push({ line: line + lineOffset, message: `the file is not valid CSV: ${error instanceof Error ? error.message : String(error)}` });
    return { rows, problems };
  }

  const [header, ...data] = records;
  if (!header) {
    problems.push({ line: 1 + lineOffset, message: `the file has no header line: it needs the columns ${describeColumns()}` });
    return { rows, problems };
  }
  const headerLineNo = startLine(header.info.lines, header.raw) + lineOffset;
  const names = header.record.map(normalizeHeader);
  const index = {} as Record<Column, number>;
  const missing: Column[] = [];
  for (const column of Object.keys(kpiCsvColumns) as Column[]) {
    // The first accepted name that appears wins: `kpi` over `name` when a file has both.
    const found = kpiCsvColumns[column].map((n) => names.indexOf(n)).find((i) => i >= 0);
    if (found === undefined) missing.push(column);
    else index[column] = found;
  }
  if (missing.length > 0) {
    const shown = header.record.map((h) => `"${h}"`).join(', ');
    problems.push({
      line: headerLineNo,
      message:
        `the header (${shown}, separated by ${delimiter === '\t' ? 'tabs' : `"${delimiter}"`}) has no ${missing.join(', ')} column: ` +
        `the accepted column names are ${describeColumns()}`,
    });
    return { rows, problems };
  }
  const headerName = (column: Column): string => header.record[index[column]]!.trim();

  for (const { record, info, raw } of data) {
    if (record.every((cell) => cell.trim() === '')) continue;
    const line = startLine(info.lines, raw) + lineOffset;
    const cell = (column: Column): string => (record[index[column]] ?? '').trim();
    const kpi = cell('kpi').replace(/\s+/g, ' ');
    const dateText = cell('date');
    const valueText = cell('value');
    const rowProblems: string[] = [];
    if (kpi === '') rowProblems.push(`the KPI is missing in column ${headerName('kpi')}`);
    const date = parseKpiDate(dateText);
    if (dateText === '') rowProblems.push(`the date is missing in column ${headerName('date')}`);
    else if (!date) rowProblems.push(`"${dateText}" is not a date in column ${headerName('date')} (use ${kpiDateFormats})`);
    const value = parseLocaleNumber(valueText);
    if (valueText === '') rowProblems.push(`the value is missing in column ${headerName('value')}`);
    else if (value === undefined) rowProblems.push(`"${valueText}" is not a number in column ${headerName('value')}`);
    if (rowProblems.length > 0) problems.push({ line, message: rowProblems.join('; ') });
    else rows.push({ kpi, date: date!, value: value!, line });
  }
  return { rows, problems };
}

// ---------------------------------------------------------------------------------------------
// Merging into a KPI list file

export interface KpiUpdate {
  id: string;
  /** Samples with a date the history did not have. */
  added: number;
  /** Samples whose date was there with another value. */
  replaced: number;
  /** The KPI's value after the merge: the newest sample's. */
  value: number;
  /** Whether the file's `value` was changed. */
  valueChanged: boolean;
}

function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

function scalarText(node: unknown): string | undefined {
  const value = isScalar(node) ? node.value : node;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return isoDay(value);
  return undefined;
}

/** The KPI maps of a parsed KPI list file (`kpis:`), with their id and name. */
function kpiNodes(doc: Document): { node: YAMLMap; id: string; name: string }[] {
  const list = doc.get('kpis');
  if (!isSeq(list)) return [];
  return list.items.flatMap((node) => {
    if (!isMap(node)) return [];
    const id = scalarText(node.get('id', true));
    if (!id) return [];
    return [{ node, id, name: scalarText(node.get('name', true)) ?? '' }];
  });
}

/**
 * Which of `kpis` the CSV text `key` names: the KPI whose id equals it (case aside), else the
 * one whose name equals it case-insensitively. Several name matches give all of them.
 */
function matchKpis<T extends { id: string; name: string }>(kpis: T[], key: string): T[] {
  const wanted = normalizeName(key);
  const byId = kpis.filter((k) => k.id.toLowerCase() === wanted);
  if (byId.length > 0) return byId;
  return kpis.filter((k) => normalizeName(k.name) === wanted);
}

/**
 * Merges CSV rows into a parsed KPI list file (`journey:` + `kpis:`), in place. A row belongs
 * to the KPI whose `id` equals its KPI column, or whose `name` does case-insensitively (rows
 * that match no KPI of this file, or several by name, are left out). Per KPI: a sample on a
 * date already in `history` replaces that value, others are added, the history is kept
 * oldest first with dates written YYYY-MM-DD, and `value` (when the file has one) becomes the
 * newest sample's value. A KPI without `value` keeps none, since the newest history sample
 * is its value. Comments and layout of untouched parts survive.
 */
export function mergeKpiHistory(doc: Document, rows: readonly KpiCsvRow[]): { updated: KpiUpdate[]; changed: boolean } {
  const kpis = kpiNodes(doc);
  const byKpi = new Map<(typeof kpis)[number], KpiCsvRow[]>();
  for (const row of rows) {
    const matches = matchKpis(kpis, row.kpi);
    if (matches.length !== 1) continue;
    const list = byKpi.get(matches[0]!) ?? [];
    list.push(row);
    byKpi.set(matches[0]!, list);
  }

  const updated: KpiUpdate[] = [];
  let changed = false;
  for (const [kpi, kpiRows] of byKpi) {
    let history = kpi.node.get('history');
    if (!isSeq(history)) {
      history = doc.createNode([]) as YAMLSeq;
      kpi.node.set('history', history);
      changed = true;
    }
    const seq = history as YAMLSeq;
    const entryDay = (entry: unknown): string | undefined => {
      if (!isMap(entry)) return undefined;
      const text = scalarText(entry.get('date', true));
      const date = text === undefined ? undefined : parseKpiDate(text);
      return date ? isoDay(date) : undefined;
    };
    let added = 0;
    let replaced = 0;
    for (const row of kpiRows) {
      const day = isoDay(row.date);
      const existing = seq.items.find((entry) => entryDay(entry) === day);
      if (existing && isMap(existing)) {
        const old = existing.get('value');
        if (old !== row.value) {
          existing.set('value', row.value);
          replaced++;
        }
      } else {
        seq.items.push(doc.createNode({ date: day, value: row.value }));
        added++;
      }
    }
    // Oldest first. Entries whose date can't be read keep the file's order, after the others.
    const keyed = seq.items.map((entry, i) => ({ entry, i, day: entryDay(entry) ?? '\uffff' }));
    keyed.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.i - b.i));
    if (keyed.some((k, i) => k.entry !== seq.items[i])) changed = true;
    seq.items = keyed.map((k) => k.entry);

    const newest = [...keyed].reverse().find((k) => k.day !== '\uffff' && isMap(k.entry));
    const newestValue = newest && isMap(newest.entry) ? newest.entry.get('value') : undefined;
    const value = typeof newestValue === 'number' ? newestValue : kpiRows.at(-1)!.value;
    const valueChanged = kpi.node.has('value') && kpi.node.get('value') !== value;
    if (valueChanged) kpi.node.set('value', value);
    if (added > 0 || replaced > 0 || valueChanged) changed = true;
    updated.push({ id: kpi.id, added, replaced, value, valueChanged });
  }
  return { updated, changed };
}

// ---------------------------------------------------------------------------------------------
// The whole import

export interface KpiFile {
  path: string;
  text: string;
}

export interface KpiImportResult {
  /** Every given file, with its new text; `changed` when the text differs. Unchanged when there are problems. */
  files: (KpiFile & { changed: boolean })[];
  /** One line per KPI in the CSV: `conversion-rate: +4 samples, 1 replaced, value now 3.1`. */
  report: string[];
  /** CSV problems (by CSV line) and KPI-file problems (`file` set). Nothing may be written when there are any. */
  problems: ImportProblem[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One report line. */
export function formatKpiUpdate(update: KpiUpdate): string {
  if (update.added === 0 && update.replaced === 0) {
    return update.valueChanged ? `${update.id}: history up to date, value now ${update.value}` : `${update.id}: up to date, value ${update.value}`;
  }
  const parts: string[] = [];
  if (update.added > 0) parts.push(`+${plural(update.added, 'sample')}`);
  if (update.replaced > 0) parts.push(`${update.replaced} replaced`);
  return `${update.id}: ${parts.join(', ')}, value now ${update.value}`;
}

/**
 * Parses `csvText`, finds the KPI file holding each KPI it names (by id or by name, see
 * `mergeKpiHistory`), and returns the files' new texts with a report. An unknown KPI is a
 * problem that suggests the closest existing ids. When there is any problem, no file is
 * changed.
 */
export function importKpiCsv(csvText: string, kpiFiles: readonly KpiFile[]): KpiImportResult {
  const { rows, problems } = parseKpiCsv(csvText);
  const unchanged = (): KpiImportResult['files'] => kpiFiles.map((f) => ({ ...f, changed: false }));

  const docs: (Document | undefined)[] = [];
  const known: { id: string; name: string; file: number }[] = [];
  kpiFiles.forEach((file, i) => {
    const doc = parseDocument(file.text);
    const error = doc.errors[0];
    if (error) {
      problems.push({ file: file.path, line: error.linePos?.[0].line ?? 1, message: `this KPI file can't be read (${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}): fix it first (npm run check:content)` });
      docs.push(undefined);
      return;
    }
    docs.push(doc);
    for (const kpi of kpiNodes(doc)) known.push({ id: kpi.id, name: kpi.name, file: i });
  });

  // Resolve every KPI the CSV names, once, to one KPI of one file.
  const resolved = new Map<string, { id: string; file: number } | undefined>();
  for (const row of rows) {
    if (resolved.has(row.kpi)) continue;
    const matches = matchKpis(known, row.kpi);
    const distinct = [...new Map(matches.map((m) => [`${m.file}:${m.id}`, m])).values()];
    if (distinct.length === 1) {
      resolved.set(row.kpi, { id: distinct[0]!.id, file: distinct[0]!.file });
      continue;
    }
    resolved.set(row.kpi, undefined);
    // With a KPI file unreadable, the KPI may well be in it: that file's problem is enough.
    if (docs.includes(undefined)) continue;
    const count = rows.filter((r) => r.kpi === row.kpi).length;
    const more = count > 1 ? ` (${plural(count, 'row')})` : '';
    if (distinct.length > 1) {
      const where = distinct.map((m) => `"${m.id}" in ${kpiFiles[m.file]!.path}`).join(', ');
      problems.push({ line: row.line, message: `"${row.kpi}" names several KPIs${more}: ${where}. Write the KPI's id instead` });
    } else {
      const ids = [...new Set(known.map((k) => k.id))];
      const wanted = normalizeName(row.kpi);
      const byName = new Map(known.map((k) => [normalizeName(k.name), k.id]));
      const close = [
        ...new Set(closestMatches(wanted, [...ids, ...byName.keys()]).map((c) => byName.get(c) ?? c)),
      ];
      const hint = close.length > 0 ? `did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : suggest(wanted, ids, 'KPI');
      problems.push({ line: row.line, message: `there is no KPI "${row.kpi}" in the kpis/ files${more}: ${hint}` });
    }
  }

  // The same KPI and day twice with different values: which one is right is not ours to guess.
  const seen = new Map<string, KpiCsvRow>();
  for (const row of rows) {
    const target = resolved.get(row.kpi);
    if (!target) continue;
    const key = `${target.file}:${target.id}:${isoDay(row.date)}`;
    const earlier = seen.get(key);
    if (earlier && earlier.value !== row.value) {
      problems.push({ line: row.line, message: `${target.id} on ${isoDay(row.date)} is ${row.value} here but ${earlier.value} on line ${earlier.line}: keep one` });
    } else if (!earlier) seen.set(key, row);
  }

  if (problems.length > 0) {
    problems.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.line - b.line);
    return { files: unchanged(), report: [], problems };
  }

  const updates = new Map<string, KpiUpdate>();
  const files = kpiFiles.map((file, i) => {
    const doc = docs[i]!;
    const fileRows = rows.flatMap((row) => {
      const target = resolved.get(row.kpi);
      return target && target.file === i ? [{ ...row, kpi: target.id }] : [];
    });
    if (fileRows.length === 0) return { ...file, changed: false };
    const { updated, changed } = mergeKpiHistory(doc, fileRows);
    for (const u of updated) updates.set(u.id, u);
    if (!changed) return { ...file, changed: false };
    const text = doc.toString({ lineWidth: 0 });
    return { path: file.path, text, changed: text !== file.text };
  });

  // Report in the order the KPIs first appear in the CSV.
  const order = [...new Set(rows.map((r) => resolved.get(r.kpi)!.id))];
  const report = order.flatMap((id) => {
    const u = updates.get(id);
    return u ? [formatKpiUpdate(u)] : [];
  });
  return { files, report, problems };
}
