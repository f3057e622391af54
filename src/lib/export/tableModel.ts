/**
 * The table model every "Download data" file is written from: columns with headers in the
 * report's language, rows of machine-readable values; and its CSV and JSON forms.
 */

export type Cell = string | number | boolean | null;

export interface DataTable {
  /** Column keys (the JSON property names) and their headers in the report's language. */
  columns: { key: string; header: string }[];
  /** One record per row, keyed by column key. */
  rows: Record<string, Cell>[];
}

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180); empty for null. */
function csvField(value: Cell): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header row and CRLF line ends; a byte-order mark so spreadsheets read it as UTF-8. */
export function tableToCsv(table: DataTable): string {
  const lines = [
    table.columns.map((c) => csvField(c.header)),
    ...table.rows.map((row) => table.columns.map((c) => csvField(row[c.key] ?? null))),
  ];
  return `\uFEFF${lines.map((fields) => fields.join(',')).join('\r\n')}\r\n`;
}

/** A computed difference without floating-point noise: 7.9 − 9.5 is −1.6, not −1.5999999999999996. */
export const differenceCell = (value: number): number => Number(value.toPrecision(12));

/** A computed mean, to three decimals (2.86, not 2.8600000000000003); null when there is nothing to average. */
export const meanCell = (mean: number | undefined): number | null =>
  mean === undefined ? null : Math.round(mean * 1000) / 1000;

/** A record with only the table's columns, so the JSON holds what the CSV holds. */
export function pick(
  row: Record<string, Cell>,
  columns: DataTable['columns'],
): Record<string, Cell> {
  return Object.fromEntries(columns.map((c) => [c.key, row[c.key] ?? null]));
}

export function tableToJson(table: DataTable): string {
  return `${JSON.stringify(table, null, 2)}\n`;
}

/** Several names in one field, joined by "; "; null when there are none. */
export const joinNames = (names: readonly string[]): string | null => names.join('; ') || null;
