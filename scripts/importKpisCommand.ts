/**
 * `npm run import -- kpis FILE.csv [--map "Column=kpi-id"]... [--save] [--dry-run]`: merges the
 * dated KPI values of a CSV analytics export into the `history` of the KPIs in the report's
 * `kpis/` files.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportFile, resolveContentDir } from '../src/lib/contentDir.ts';
import { filesBelow } from '../src/lib/files.ts';
import {
  ignoredColumn,
  importKpiCsv,
  kpiColumnsField,
  kpiCsvColumns,
  kpiDateFormats,
  parseMapOption,
  type ColumnMapping,
  type ImportProblem,
  type KpiFile,
  type KpiImportResult,
} from '../src/lib/import/kpis/index.ts';

export const importKpisUsage = `Usage: npm run import -- kpis FILE.csv [--map "Column=kpi-id"]... [--save] [--dry-run]

Adds the dated values of a CSV export to the history of the KPIs in kpis/*.yaml and sets
each KPI's value to its newest sample. Nothing is written when any row has a problem.

  --map "Column=kpi-id"   the export's column (or KPI name) "Column" fills KPI kpi-id;
                          "Column=${ignoredColumn}" skips that column. Repeat for more columns.
  --save                  also write the --map pairs to ${kpiColumnsField}: in report.yaml, so the
                          next import needs no flags
  --dry-run               show what would change, write nothing

Long exports have three columns (other columns are ignored):
  ${kpiCsvColumns.kpi.join(', ')}   the KPI's id or name
  ${kpiCsvColumns.date.join(', ')}
  ${kpiCsvColumns.value.join(', ')}   3.2, 3,2, 1.234,5, 12%, € 89,50
Wide exports have a date column and one column per KPI, matched by the report's
${kpiColumnsField}, --map, or the KPI's id or name. Dates: ${kpiDateFormats}.
Separated by ";", "," or tabs; "#" lines before the header and totals rows are skipped.
The content folder is content/, or ITINERA_CONTENT when set. See docs/kpi-import.md.`;

/** Every `.yaml`/`.yml` file below `dir`, sorted. */
function yamlFiles(dir: string): string[] {
  return filesBelow(dir, (name) => /\.ya?ml$/i.test(name)).sort();
}

/** Writes next to the file first, then renames, so an interrupted run leaves no half file. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.import-${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** Runs the command; returns the exit code (0 done, 1 problems or usage error). Never throws. */
export function importKpisCommand(args: string[]): number {
  try {
    return run(args);
  } catch (error) {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

class UsageError extends Error {}

function parseOptions(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean' },
        map: { type: 'string', multiple: true },
        save: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return undefined;
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? 'Give the CSV file to import.'
        : `Give one CSV file, not ${positionals.length}.`,
    );
  const map: ColumnMapping[] = (values.map ?? []).map((option) => {
    const mapping = parseMapOption(option);
    if (!mapping)
      throw new UsageError(
        `--map "${option}" is not a pair: write the column, "=" and the KPI id, e.g. --map "Views=cc-product-page-views".`,
      );
    return mapping;
  });
  if (values.save && map.length === 0)
    throw new UsageError(
      '--save writes the --map pairs to report.yaml: give at least one --map "Column=kpi-id".',
    );
  return {
    csv: positionals[0]!,
    map,
    save: values.save === true,
    dryRun: values['dry-run'] === true,
  };
}

function printProblems(problems: readonly ImportProblem[], csvShown: string): void {
  for (const problem of problems)
    console.error(
      `${problem.file ?? csvShown}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`,
    );
  const count = problems.length;
  console.error(
    `\n✗ ${count} problem${count === 1 ? '' : 's'}: nothing was written. Fix ${count === 1 ? 'it' : 'them'} and run the import again.`,
  );
}

type Options = NonNullable<ReturnType<typeof parseOptions>>;

/** The parsed options, or the exit code once usage or a usage error is printed. */
function optionsOrExit(args: string[]): Options | number {
  try {
    const options = parseOptions(args);
    if (options) return options;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`✗ ${error.message}\n\n${importKpisUsage}`);
    return 1;
  }
  console.log(importKpisUsage);
  return 0;
}

/** A path as the user reads it: relative to the project when inside it. */
function shownPath(projectRoot: string, path: string): string {
  const rel = relative(projectRoot, path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

/** What the import reads: the CSV, the KPI files and report.yaml. */
interface ImportInputs {
  csvText: string;
  files: KpiFile[];
  report: KpiFile | undefined;
}

/** Reads the import's files, or prints why it cannot start and returns the exit code. */
function inputsOrExit(options: Options, projectRoot: string): ImportInputs | number {
  const csvPath = resolve(projectRoot, options.csv);
  if (!existsSync(csvPath)) {
    console.error(`✗ ${options.csv} does not exist.`);
    return 1;
  }
  const contentDir = resolveContentDir(projectRoot);
  const kpiDir = join(contentDir, 'kpis');
  const shown = (path: string) => shownPath(projectRoot, path);
  const read = (path: string): KpiFile => ({ path: shown(path), text: readFileSync(path, 'utf8') });
  const files = yamlFiles(kpiDir).map(read);
  if (files.length === 0) {
    console.error(
      `✗ There are no KPI files in ${shown(kpiDir)}: add KPIs first (npm run new -- kpi "Name" --journey ID --stage ID).`,
    );
    return 1;
  }
  const report = reportFile(contentDir);
  if (options.save && !report) {
    console.error(
      `✗ --save writes the mapping to report.yaml, and ${shown(contentDir)} has none: start one with \`npm run new -- report "Title"\`.`,
    );
    return 1;
  }
  const csvText = readFileSync(csvPath, 'utf8');
  return { csvText, files, report: report ? read(report) : undefined };
}

/** Prints what the import does, then writes the changed files unless it is a dry run. */
function applyImport(result: KpiImportResult, dryRun: boolean, projectRoot: string): number {
  for (const line of result.report) console.log(line);
  const changed = result.files.filter((f) => f.changed);
  const list = changed.map((f) => f.path).join(', ');
  if (dryRun) {
    console.log(
      `\nDry run: ${changed.length === 0 ? 'nothing would change' : `would update ${list}`}.`,
    );
    return 0;
  }
  for (const file of changed) writeAtomically(resolve(projectRoot, file.path), file.text);
  console.log(
    `\n✓ ${changed.length === 0 ? 'Nothing to change: every value was already there.' : `Updated ${list}. Run \`npm run check\` to review.`}`,
  );
  return 0;
}

function run(args: string[]): number {
  const options = optionsOrExit(args);
  if (typeof options === 'number') return options;
  const projectRoot = process.cwd();
  const inputs = inputsOrExit(options, projectRoot);
  if (typeof inputs === 'number') return inputs;
  const result = importKpiCsv(inputs.csvText, inputs.files, {
    report: inputs.report,
    map: options.map,
    save: options.save,
  });
  if (result.problems.length > 0) {
    printProblems(result.problems, options.csv);
    return 1;
  }
  return applyImport(result, options.dryRun, projectRoot);
}
