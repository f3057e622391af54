/**
 * Importing KPI histories from CSV analytics exports (`npm run import -- kpis FILE.csv`).
 *
 * Pure logic: the caller reads the CSV, the KPI list files and report.yaml, and writes the
 * returned texts. Nothing is changed when there is any problem.
 */
import { parseDocument, type Document } from 'yaml';
import { closestMatches, suggest } from '../../closest.ts';
import { isoDate } from '../../format.ts';
import {
  ignoredColumn,
  mergeColumnMaps,
  parseReportFile,
  saveColumnMap,
  savedColumnMap,
  type ColumnMapping,
} from './columnMap.ts';
import { parseKpiCsv, type KpiCsvRow } from './kpiRows.ts';
import {
  formatKpiUpdate,
  kpiNodes,
  matchKpis,
  mergeKpiHistory,
  normalizeName,
  type KpiUpdate,
} from './mergeYaml.ts';
import type { ImportProblem } from './readCsv.ts';

export { parseMapOption, ignoredColumn, kpiColumnsField, type ColumnMapping } from './columnMap.ts';
export { kpiCsvColumns, parseKpiCsv, totalsLabels, type KpiCsvRow } from './kpiRows.ts';
export { formatKpiUpdate, mergeKpiHistory, type KpiUpdate } from './mergeYaml.ts';
export { kpiDateFormats, parseKpiDate, parseLocaleNumber } from './parseValues.ts';
export type { ImportProblem } from './readCsv.ts';

export interface KpiFile {
  path: string;
  text: string;
}

export interface KpiImportOptions {
  /** report.yaml, whose `kpiColumns` maps column names to KPI ids. */
  report?: KpiFile;
  /** Pairs given with `--map`; they win over the saved ones. */
  map?: ColumnMapping[];
  /** Write the `--map` pairs into the report's `kpiColumns`. */
  save?: boolean;
}

export interface KpiImportResult {
  /** Every KPI file (and report.yaml when given), with its new text; `changed` when it differs. Unchanged when there are problems. */
  files: (KpiFile & { changed: boolean })[];
  /** What the import did, one line each: columns used, then `conversion-rate: +4 samples, value now 3.1` per KPI. */
  report: string[];
  /** CSV problems (by CSV line) and KPI or report file problems (`file` set). Nothing may be written when there are any. */
  problems: ImportProblem[];
}

interface KnownKpi {
  id: string;
  name: string;
  file: number;
}

/** Where a name of the export leads: a KPI of one file, or nowhere on purpose. */
type Target = { id: string; file: number } | typeof ignoredColumn;

/** One name the export uses for a KPI: a KPI cell's text (long) or a column header (wide). */
interface ExportKey {
  key: string;
  line: number;
  rows: number;
  column: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** KPI ids close to a name: by id, or by a KPI's name. */
function closeKpiIds(name: string, known: readonly KnownKpi[]): string[] {
  const wanted = normalizeName(name);
  const byName = new Map(known.map((k) => [normalizeName(k.name), k.id]));
  return [
    ...new Set(
      closestMatches(wanted, [...new Set(known.map((k) => k.id)), ...byName.keys()]).map(
        (c) => byName.get(c) ?? c,
      ),
    ),
  ];
}

function didYouMean(close: readonly string[]): string {
  return `did you mean ${close.map((c) => `"${c}"`).join(' or ')}?`;
}

/** The problem of a name that leads to no KPI. */
function unknownKeyProblem(key: ExportKey, known: readonly KnownKpi[]): ImportProblem {
  const close = closeKpiIds(key.key, known);
  if (!key.column) {
    const more = key.rows > 1 ? ` (${plural(key.rows, 'row')})` : '';
    const hint =
      close.length > 0
        ? didYouMean(close)
        : suggest(normalizeName(key.key), [...new Set(known.map((k) => k.id))], 'KPI');
    return {
      line: key.line,
      message: `there is no KPI "${key.key}" in the kpis/ files${more}: ${hint}`,
    };
  }
  const map = (id: string) => `--map "${key.key}=${id}" --save`;
  const hint =
    close.length > 0
      ? `${didYouMean(close)} Map it with ${map(close[0]!)}`
      : `Map it to a KPI id with ${map('<kpi id>')}`;
  return {
    line: key.line,
    message: `column "${key.key}" is not mapped to a KPI: ${hint}, or skip it with ${map(ignoredColumn)}`,
  };
}

/** Follows a mapping pair to its KPI, or says why it leads nowhere. */
function followMapping(
  mapping: ColumnMapping,
  known: readonly KnownKpi[],
  reportPath: string,
): Target | ImportProblem {
  if (mapping.kpi === ignoredColumn) return ignoredColumn;
  const target = known.find((k) => k.id === mapping.kpi);
  if (target) return { id: target.id, file: target.file };
  const close = closeKpiIds(mapping.kpi, known);
  const hint =
    close.length > 0
      ? didYouMean(close)
      : suggest(mapping.kpi, [...new Set(known.map((k) => k.id))], 'KPI');
  const where =
    mapping.line === undefined
      ? { file: `--map "${mapping.column}=${mapping.kpi}"` }
      : { file: reportPath, line: mapping.line };
  return {
    ...where,
    message: `"${mapping.column}" is mapped to "${mapping.kpi}", which is no KPI in the kpis/ files: ${hint}`,
  };
}

/** Resolves every name the export uses, once, to one KPI of one file (or to "ignored"). */
function resolveKeys(
  keys: readonly ExportKey[],
  known: readonly KnownKpi[],
  mapping: Map<string, ColumnMapping>,
  context: { files: readonly KpiFile[]; reportPath: string; unreadable: boolean },
) {
  const targets = new Map<string, Target>();
  const problems: ImportProblem[] = [];
  for (const key of keys) {
    const mapped = mapping.get(normalizeName(key.key));
    if (mapped) {
      const followed = followMapping(mapped, known, context.reportPath);
      if (typeof followed === 'object' && 'message' in followed) problems.push(followed);
      else targets.set(key.key, followed);
      continue;
    }
    const distinct = [
      ...new Map(matchKpis([...known], key.key).map((m) => [`${m.file}:${m.id}`, m])).values(),
    ];
    if (distinct.length === 1)
      targets.set(key.key, { id: distinct[0]!.id, file: distinct[0]!.file });
    // With a KPI file unreadable, the KPI may well be in it: that file's problem is enough.
    else if (context.unreadable) continue;
    else if (distinct.length > 1) {
      const where = distinct.map((m) => `"${m.id}" in ${context.files[m.file]!.path}`).join(', ');
      const more = key.rows > 1 ? ` (${plural(key.rows, 'row')})` : '';
      problems.push({
        line: key.line,
        message: `"${key.key}" names several KPIs${more}: ${where}. Write the KPI's id instead`,
      });
    } else problems.push(unknownKeyProblem(key, known));
  }
  return { targets, problems };
}

/** The names the export uses, each with its first line and how many rows use it. */
function exportKeys(
  rows: readonly KpiCsvRow[],
  columns: { names: string[]; line: number } | undefined,
): ExportKey[] {
  if (columns)
    return columns.names.map((key) => ({
      key,
      line: columns.line,
      rows: rows.filter((r) => r.kpi === key).length,
      column: true,
    }));
  const keys = new Map<string, ExportKey>();
  for (const row of rows) {
    const key = keys.get(row.kpi);
    if (key) key.rows++;
    else keys.set(row.kpi, { key: row.kpi, line: row.line, rows: 1, column: false });
  }
  return [...keys.values()];
}

/** The same KPI and day twice with different values: which one is right is not ours to guess. */
function conflictingRows(
  rows: readonly KpiCsvRow[],
  targets: Map<string, Target>,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Map<string, KpiCsvRow>();
  for (const row of rows) {
    const target = targets.get(row.kpi);
    if (!target || target === ignoredColumn) continue;
    const key = `${target.file}:${target.id}:${isoDate(row.date)}`;
    const earlier = seen.get(key);
    if (earlier && earlier.value !== row.value) {
      problems.push({
        line: row.line,
        message: `${target.id} on ${isoDate(row.date)} is ${row.value} here but ${earlier.value} on line ${earlier.line}: keep one`,
      });
    } else if (!earlier) seen.set(key, row);
  }
  return problems;
}

/** `--map` pairs naming a column (or KPI name) the export does not have: a typo would be saved. */
function unusedMappings(
  given: readonly ColumnMapping[],
  keys: readonly ExportKey[],
): ImportProblem[] {
  const names = new Set(keys.map((k) => normalizeName(k.key)));
  const shown = keys.map((k) => `"${k.key}"`).join(', ');
  return given
    .filter((m) => !names.has(normalizeName(m.column)))
    .map((m) => ({
      file: `--map "${m.column}=${m.kpi}"`,
      message: `the export has no column or KPI named "${m.column}"${shown ? `: it has ${shown}` : ''}`,
    }));
}

/** The KPI files parsed, with the KPIs they hold; unreadable files become problems. */
function readKpiFiles(kpiFiles: readonly KpiFile[]) {
  const docs: (Document | undefined)[] = [];
  const known: KnownKpi[] = [];
  const problems: ImportProblem[] = [];
  kpiFiles.forEach((file, i) => {
    const doc = parseDocument(file.text);
    const error = doc.errors[0];
    if (error) {
      const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      problems.push({
        file: file.path,
        line: error.linePos?.[0].line ?? 1,
        message: `this KPI file can't be read (${reason}): fix it first (npm run check:content)`,
      });
    } else for (const kpi of kpiNodes(doc)) known.push({ id: kpi.id, name: kpi.name, file: i });
    docs.push(error ? undefined : doc);
  });
  return { docs, known, problems };
}

/** The KPI files with the rows merged, and one report line per KPI in the order the export names them. */
function mergeRows(
  kpiFiles: readonly KpiFile[],
  docs: readonly (Document | undefined)[],
  rows: readonly KpiCsvRow[],
  targets: Map<string, Target>,
) {
  const updates = new Map<string, KpiUpdate>();
  const files = kpiFiles.map((file, i) => {
    const fileRows = rows.flatMap((row) => {
      const target = targets.get(row.kpi);
      return target && target !== ignoredColumn && target.file === i
        ? [{ ...row, kpi: target.id }]
        : [];
    });
    if (fileRows.length === 0) return { ...file, changed: false };
    const { updated, changed } = mergeKpiHistory(docs[i]!, fileRows);
    for (const u of updated) updates.set(u.id, u);
    const text = changed ? docs[i]!.toString({ lineWidth: 0 }) : file.text;
    return { path: file.path, text, changed: text !== file.text };
  });
  const order = new Set(
    rows.map((r) => targets.get(r.kpi)).flatMap((t) => (t && t !== ignoredColumn ? [t.id] : [])),
  );
  return {
    files,
    lines: [...order].flatMap((id) => (updates.has(id) ? [formatKpiUpdate(updates.get(id)!)] : [])),
  };
}

/** One line per column of a wide export: the KPI it fills, or that it is skipped. */
function columnLines(keys: readonly ExportKey[], targets: Map<string, Target>): string[] {
  return keys
    .filter((k) => k.column)
    .map((k) => {
      const target = targets.get(k.key);
      return target === ignoredColumn
        ? `column "${k.key}": skipped (mapped to "${ignoredColumn}")`
        : `column "${k.key}" → ${target ? target.id : '?'}`;
    });
}

/**
 * Parses `csvText` (long or wide, see `parseKpiCsv`), leads every KPI name or column it uses to
 * one KPI (the report's `kpiColumns` and `--map` pairs first, then a KPI's id or name), and
 * returns the KPI files' new texts with a report; with `save`, report.yaml gains the `--map`
 * pairs. An unknown KPI or unmapped column is a problem that suggests the closest KPI ids.
 */
export function importKpiCsv(
  csvText: string,
  kpiFiles: readonly KpiFile[],
  options: KpiImportOptions = {},
): KpiImportResult {
  const given = options.map ?? [];
  const all = options.report ? [...kpiFiles, options.report] : kpiFiles;
  const unchanged = (): KpiImportResult['files'] => all.map((f) => ({ ...f, changed: false }));
  const { rows, problems, columns } = parseKpiCsv(csvText);
  const { docs, known, problems: fileProblems } = readKpiFiles(kpiFiles);
  problems.push(...fileProblems);
  const report = options.report
    ? parseReportFile(options.report.path, options.report.text)
    : undefined;
  if (report?.problem) problems.push(report.problem);
  const saved = report?.doc ? savedColumnMap(report.doc, report.lines) : [];
  const keys = exportKeys(rows, columns);
  const context = {
    files: kpiFiles,
    reportPath: options.report?.path ?? 'report.yaml',
    unreadable: docs.includes(undefined),
  };
  const { targets, problems: keyProblems } = resolveKeys(
    keys,
    known,
    mergeColumnMaps(saved, given),
    context,
  );
  problems.push(...keyProblems, ...conflictingRows(rows, targets), ...unusedMappings(given, keys));
  if (problems.length > 0) {
    problems.sort(
      (a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0),
    );
    return { files: unchanged(), report: [], problems };
  }
  const merged = mergeRows(kpiFiles, docs, rows, targets);
  const files: KpiImportResult['files'] = merged.files;
  if (options.report && report?.doc) {
    if (options.save && given.length > 0) saveColumnMap(report.doc, given);
    const text =
      options.save && given.length > 0
        ? report.doc.toString({ lineWidth: 0 })
        : options.report.text;
    files.push({ ...options.report, text, changed: text !== options.report.text });
  }
  return { files, report: [...columnLines(keys, targets), ...merged.lines], problems };
}
