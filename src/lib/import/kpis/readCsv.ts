/**
 * Reading a CSV export into cells with their line numbers: the separator is guessed, an Excel
 * `sep=;` line is honoured, and the `#` comment lines and blank lines analytics tools write
 * before the header are skipped.
 */
import { parse as parseCsv } from 'csv-parse/sync';

/**
 * A problem found while importing. `file` is set when it concerns a KPI or report file, or a
 * command-line option, not the CSV; `line` is missing when it concerns no line.
 */
export interface ImportProblem {
  line?: number;
  message: string;
  file?: string;
}

/** One record of the CSV, trimmed cells, with the line it starts on (1-based, in the whole file). */
export interface CsvLine {
  cells: string[];
  line: number;
}

export interface CsvTable {
  /** The first record after the preamble; missing when the file has none. */
  header?: CsvLine;
  rows: CsvLine[];
  delimiter: string;
  problems: ImportProblem[];
}

const delimiters = [';', '\t', ','] as const;

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

/** The line a record starts on, from the line it ends on and its raw text. */
function startLine(endLine: number, raw: string | undefined): number {
  if (raw === undefined) return endLine;
  const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$|\r$/, '');
  return endLine - (body.match(/\n/g)?.length ?? 0);
}

/** Blank lines and lines starting with `#` before the header: what is left, and how many lines went. */
function skipPreamble(body: string): { rest: string; lines: number } {
  const skipped = /^(?:[ \t]*(?:#[^\r\n]*)?(?:\r\n|\n|\r))*/.exec(body)![0];
  return { rest: body.slice(skipped.length), lines: skipped.match(/\r\n|\n|\r/g)?.length ?? 0 };
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
  raw?: string;
}

/** csv-parse over the body; rows it can't read become problems. `undefined` when the whole file can't be read. */
function parseRecords(
  body: string,
  delimiter: string,
  lineOffset: number,
  problems: ImportProblem[],
): CsvLine[] | undefined {
  try {
    const records = parseCsv(body, {
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
    return records.map((r) => ({
      cells: r.record,
      line: startLine(r.info.lines, r.raw) + lineOffset,
    }));
  } catch (error) {
    const line =
      error instanceof Error && 'lines' in error && typeof error.lines === 'number'
        ? error.lines
        : 1;
    problems.push({
      line: line + lineOffset,
      message: `the file is not valid CSV: ${error instanceof Error ? error.message : String(error)}`,
    });
    return undefined;
  }
}

/**
 * Splits a CSV export into a header and rows. The separator (`;`, `,` or tab) is taken from
 * the header line. Never throws: what can't be read becomes a problem with its line number.
 * `describeColumns` says, for the empty-file message, which columns the header needs.
 */
export function readCsvTable(text: string, describeColumns: string): CsvTable {
  const problems: ImportProblem[] = [];
  let body = text.replace(/^\uFEFF/, '');
  let lineOffset = 0;
  let delimiter: string | undefined;
  const sepLine = /^sep=(.)\r?\n/i.exec(body);
  if (sepLine) {
    delimiter = sepLine[1];
    body = body.slice(sepLine[0].length);
    lineOffset = 1;
  }
  const preamble = skipPreamble(body);
  body = preamble.rest;
  lineOffset += preamble.lines;
  const headerLine = body.split(/\r?\n|\r/, 1)[0] ?? '';
  if (headerLine.trim() === '') {
    const what =
      preamble.lines > 0 ? 'the file has only comment or blank lines' : 'the file is empty';
    problems.push({
      line: 1,
      message: `${what}: it needs a header line with the columns ${describeColumns}`,
    });
    return { rows: [], delimiter: delimiter ?? ',', problems };
  }
  delimiter ??= detectDelimiter(headerLine);
  const records = parseRecords(body, delimiter, lineOffset, problems) ?? [];
  const [header, ...rows] = records;
  return { header, rows, delimiter, problems };
}
