/**
 * `npm run import -- kpis FILE.csv [--dry-run]`: merges the dated KPI values of a CSV
 * analytics export into the `history` of the KPIs in the report's `kpis/` files.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveContentDir } from '../src/lib/contentDir.ts';
import { importKpiCsv, kpiCsvColumns, kpiDateFormats, type KpiFile } from '../src/lib/importKpis.ts';

export const importKpisUsage = `Usage: npm run import -- kpis FILE.csv [--dry-run]

Adds the dated values of a CSV export to the history of the KPIs in kpis/*.yaml and sets
each KPI's value to its newest sample. Nothing is written when any row has a problem.

  --dry-run   show what would change, write nothing

The CSV needs a header line naming three columns (other columns are ignored):
  ${kpiCsvColumns.kpi.join(', ')}   the KPI's id or name
  ${kpiCsvColumns.date.join(', ')}   ${kpiDateFormats}
  ${kpiCsvColumns.value.join(', ')}   3.2, 3,2, 1.234,5, 12%, € 89,50
Separated by ";", "," or tabs. The content folder is content/, or ITINERA_CONTENT when set.`;

/** Every `.yaml`/`.yml` file below `dir`, sorted. */
function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Writes next to the file first, then renames, so an interrupted run leaves no half file. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.import-${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** Runs the command; returns the exit code (0 done, 1 problems or usage error). Never throws. */
export async function importKpisCommand(args: string[]): Promise<number> {
  try {
    return run(args);
  } catch (error) {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function run(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}\n\n${importKpisUsage}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(importKpisUsage);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`✗ ${positionals.length === 0 ? 'Give the CSV file to import.' : `Give one CSV file, not ${positionals.length}.`}\n\n${importKpisUsage}`);
    return 1;
  }
  const dryRun = values['dry-run'] === true;
  const projectRoot = process.cwd();
  const csvPath = resolve(projectRoot, positionals[0]!);
  const csvShown = positionals[0]!;
  if (!existsSync(csvPath)) {
    console.error(`✗ ${csvShown} does not exist.`);
    return 1;
  }
  const csvText = readFileSync(csvPath, 'utf8');

  const contentDir = resolveContentDir(projectRoot);
  const kpiDir = join(contentDir, 'kpis');
  const shown = (path: string): string => {
    const rel = relative(projectRoot, path);
    return rel === '' || rel.startsWith('..') ? path : rel;
  };
  const files: KpiFile[] = yamlFiles(kpiDir).map((path) => ({ path: shown(path), text: readFileSync(path, 'utf8') }));
  if (files.length === 0) {
    console.error(`✗ There are no KPI files in ${shown(kpiDir)}: add KPIs first (npm run new -- kpi "Name" --journey ID --stage ID).`);
    return 1;
  }

  const result = importKpiCsv(csvText, files);
  if (result.problems.length > 0) {
    for (const problem of result.problems) console.error(`${problem.file ?? csvShown}:${problem.line}: ${problem.message}`);
    const count = result.problems.length;
    console.error(`\n✗ ${count} problem${count === 1 ? '' : 's'}: nothing was written. Fix ${count === 1 ? 'it' : 'them'} and run the import again.`);
    return 1;
  }

  for (const line of result.report) console.log(line);
  const changed = result.files.filter((f) => f.changed);
  if (dryRun) {
    console.log(`\nDry run: ${changed.length === 0 ? 'nothing would change' : `would update ${changed.map((f) => f.path).join(', ')}`}.`);
    return 0;
  }
  for (const file of changed) writeAtomically(resolve(projectRoot, file.path), file.text);
  console.log(`\n✓ ${changed.length === 0 ? 'Nothing to change: every value was already there.' : `Updated ${changed.map((f) => f.path).join(', ')}. Run \`npm run check\` to review.`}`);
  return 0;
}
