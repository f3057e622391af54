/**
 * The saved mapping from an export's column names to KPI ids (`kpiColumns:` in report.yaml),
 * read and written through the `yaml` Document API so the report keeps its comments.
 */
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { normalizeName, scalarText } from './mergeYaml.ts';
import type { ImportProblem } from './readCsv.ts';

/** The report field holding the mapping. */
export const kpiColumnsField = 'kpiColumns';

/** Mapped to this instead of a KPI id, a column is skipped on every import. */
export const ignoredColumn = 'ignore';

/** One column → KPI pair, from report.yaml (`line` set) or from `--map` (no line). */
export interface ColumnMapping {
  column: string;
  kpi: string;
  line?: number;
}

/** Reads `--map "Views=cc-views"`; the column name may itself hold `=`, the id cannot. */
export function parseMapOption(option: string): ColumnMapping | undefined {
  const at = option.lastIndexOf('=');
  const column = option.slice(0, at).trim();
  const kpi = option.slice(at + 1).trim();
  return at > 0 && column !== '' && kpi !== '' ? { column, kpi } : undefined;
}

/** The report file parsed with line numbers, or the problem that stops reading it. */
export function parseReportFile(
  path: string,
  text: string,
): { doc?: Document; lines: LineCounter; problem?: ImportProblem } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const error = doc.errors[0];
  if (!error) return { doc, lines };
  return {
    lines,
    problem: {
      file: path,
      line: error.linePos?.[0].line ?? 1,
      message: "the report file can't be read: fix it first (npm run check:content)",
    },
  };
}

/** The mapping saved in the report, each pair with its line. */
export function savedColumnMap(doc: Document, lines: LineCounter): ColumnMapping[] {
  const map = doc.get(kpiColumnsField, true);
  if (!isMap(map)) return [];
  return map.items.flatMap((pair) => {
    const column = scalarText(pair.key);
    const kpi = scalarText(pair.value);
    if (!column || !kpi) return [];
    const offset = (pair.key as { range?: [number, number, number] } | null)?.range?.[0];
    return [{ column, kpi, line: offset === undefined ? undefined : lines.linePos(offset).line }];
  });
}

/** The mapping as used: saved pairs, overridden by `--map` pairs for the same column. */
export function mergeColumnMaps(
  saved: readonly ColumnMapping[],
  given: readonly ColumnMapping[],
): Map<string, ColumnMapping> {
  return new Map([...saved, ...given].map((m) => [normalizeName(m.column), m]));
}

/** Writes `--map` pairs into the report's `kpiColumns:`, created at the end when missing. */
export function saveColumnMap(doc: Document, given: readonly ColumnMapping[]): void {
  if (!isMap(doc.get(kpiColumnsField, true))) doc.set(kpiColumnsField, doc.createNode({}));
  const map = doc.get(kpiColumnsField, true);
  if (!isMap(map)) return;
  for (const { column, kpi } of given) {
    // A column already saved under another spelling ("views" for "Views") is replaced, not doubled.
    const existing = map.items.find(
      (pair) => normalizeName(scalarText(pair.key) ?? '') === normalizeName(column),
    );
    if (existing) existing.value = doc.createNode(kpi);
    else map.set(column, kpi);
  }
}
