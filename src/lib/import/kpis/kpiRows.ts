/**
 * The dated KPI values in a CSV export, in either shape analytics tools write:
 * - long: a KPI column, a date column and a value column, one value per row;
 * - wide: a date column and one column per metric, one date per row.
 */
import { parseKpiDate, kpiDateFormats, parseLocaleNumber } from './parseValues.ts';
import { readCsvTable, type CsvLine, type ImportProblem } from './readCsv.ts';

/** One dated value read from the CSV. `line` is the CSV line the row starts on (1-based). */
export interface KpiCsvRow {
  /** The KPI as the export names it: the KPI column's text (long), or the metric column's header (wide). */
  kpi: string;
  /** The sample's date, at UTC midnight. */
  date: Date;
  value: number;
  line: number;
}

export interface ParsedKpiCsv {
  rows: KpiCsvRow[];
  problems: ImportProblem[];
  /** In a wide export: the metric columns' headers and the header's line. */
  columns?: { names: string[]; line: number };
}

/** Accepted header names per column, compared lower-case with `_` and `-` read as spaces. */
export const kpiCsvColumns = {
  kpi: ['kpi', 'id', 'kpi id', 'name', 'indicatore'],
  date: [
    'date',
    'data',
    'month',
    'mese',
    'period',
    'periodo',
    'week',
    'settimana',
    'day',
    'giorno',
  ],
  value: ['value', 'valore'],
} as const;

type Column = keyof typeof kpiCsvColumns;

/** Labels of a totals or summary row, compared lower-case: such a row is not a date. */
export const totalsLabels = [
  'total',
  'totals',
  'grand total',
  'sum',
  'subtotal',
  'totale',
  'totali',
  'totale complessivo',
  'totale generale',
  'somma',
  'subtotale',
];

function normalizeHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
}

/** A KPI name or column header as one line of text. */
function collapse(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function describeColumns(): string {
  return (Object.keys(kpiCsvColumns) as Column[])
    .map(
      (column) => `${column} (or ${kpiCsvColumns[column].filter((n) => n !== column).join(', ')})`,
    )
    .join(', ');
}

/** A row labelled "Total", "Grand total", "Totale"... whose date cell is no date. */
function isTotalsRow(cells: string[], dateCell: string): boolean {
  return (
    !parseKpiDate(dateCell) &&
    cells.some((cell) => totalsLabels.includes(normalizeHeader(cell).replace(/:$/, '')))
  );
}

/** The date of a row, or the problem with it. */
function readDate(text: string, header: string): { date?: Date; problem?: string } {
  if (text === '') return { problem: `the date is missing in column ${header}` };
  const date = parseKpiDate(text);
  return date
    ? { date }
    : { problem: `"${text}" is not a date in column ${header} (use ${kpiDateFormats})` };
}

/** Rows of a long export: one KPI, date and value per row. */
function readLongRows(
  header: CsvLine,
  data: CsvLine[],
  index: Record<Column, number>,
): ParsedKpiCsv {
  const rows: KpiCsvRow[] = [];
  const problems: ImportProblem[] = [];
  const headerName = (column: Column): string => header.cells[index[column]]!.trim();
  for (const { cells, line } of data) {
    const cell = (column: Column): string => (cells[index[column]] ?? '').trim();
    if (cells.every((c) => c.trim() === '') || isTotalsRow(cells, cell('date'))) continue;
    const kpi = collapse(cell('kpi'));
    const valueText = cell('value');
    const rowProblems: string[] = [];
    if (kpi === '') rowProblems.push(`the KPI is missing in column ${headerName('kpi')}`);
    const { date, problem } = readDate(cell('date'), headerName('date'));
    if (problem) rowProblems.push(problem);
    const value = parseLocaleNumber(valueText);
    if (valueText === '') rowProblems.push(`the value is missing in column ${headerName('value')}`);
    else if (value === undefined)
      rowProblems.push(`"${valueText}" is not a number in column ${headerName('value')}`);
    if (rowProblems.length > 0) problems.push({ line, message: rowProblems.join('; ') });
    else rows.push({ kpi, date: date!, value: value!, line });
  }
  return { rows, problems };
}

/** Rows of a wide export: one date per row, one value per metric column; empty cells are no value. */
function readWideRows(header: CsvLine, data: CsvLine[], dateIndex: number): ParsedKpiCsv {
  const rows: KpiCsvRow[] = [];
  const problems: ImportProblem[] = [];
  const dateHeader = header.cells[dateIndex]!.trim();
  const metrics = header.cells.flatMap((name, i) =>
    i === dateIndex || name.trim() === '' ? [] : [{ name: collapse(name), i }],
  );
  for (const { cells, line } of data) {
    const dateText = (cells[dateIndex] ?? '').trim();
    if (cells.every((c) => c.trim() === '') || isTotalsRow(cells, dateText)) continue;
    const { date, problem } = readDate(dateText, dateHeader);
    const rowProblems = problem ? [problem] : [];
    for (const metric of metrics) {
      const text = (cells[metric.i] ?? '').trim();
      if (text === '') continue;
      const value = parseLocaleNumber(text);
      if (value === undefined)
        rowProblems.push(`"${text}" is not a number in column ${metric.name}`);
      else if (date) rows.push({ kpi: metric.name, date, value, line });
    }
    if (rowProblems.length > 0) problems.push({ line, message: rowProblems.join('; ') });
  }
  return { rows, problems, columns: { names: metrics.map((m) => m.name), line: header.line } };
}

/**
 * Reads a CSV export of KPI values. With a KPI, a date and a value column (see
 * `kpiCsvColumns`; other columns are ignored) it is long; with a date column and neither a KPI
 * nor a value column, every other column is a metric (wide). Totals rows are left out. Never
 * throws: every row that can't be read becomes a problem with its line number.
 */
export function parseKpiCsv(text: string): ParsedKpiCsv {
  const table = readCsvTable(text, describeColumns());
  const { header, delimiter } = table;
  if (!header) return { rows: [], problems: table.problems };
  const names = header.cells.map(normalizeHeader);
  // The first accepted name that appears wins: `kpi` over `name` when a file has both.
  const found = (column: Column) =>
    kpiCsvColumns[column].map((n) => names.indexOf(n)).find((i) => i >= 0);
  const index = { kpi: found('kpi'), date: found('date'), value: found('value') };
  const missing = (Object.keys(index) as Column[]).filter((column) => index[column] === undefined);
  let parsed: ParsedKpiCsv;
  if (missing.length === 0)
    parsed = readLongRows(header, table.rows, index as Record<Column, number>);
  else if (index.kpi === undefined && index.value === undefined && index.date !== undefined)
    parsed = readWideRows(header, table.rows, index.date);
  else {
    const shown = header.cells.map((h) => `"${h}"`).join(', ');
    const separator = delimiter === '\t' ? 'tabs' : `"${delimiter}"`;
    const message =
      `the header (${shown}, separated by ${separator}) has no ${missing.join(', ')} column: the accepted column names are ${describeColumns()}` +
      (index.date === undefined
        ? '; a wide export needs a date column and one column per KPI'
        : '');
    return { rows: [], problems: [...table.problems, { line: header.line, message }] };
  }
  return {
    ...parsed,
    problems: [...table.problems, ...parsed.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}
