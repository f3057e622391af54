/**
 * `npm run import -- <subcommand> ...`: brings outside material into the report.
 *
 *   mermaid FILE.mmd [--journey ID] [--force]   a Mermaid user journey → journey, personas, stages, touchpoints
 *
 * Each subcommand is a function from its arguments to an exit code; add new ones to `commands`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { resolveContentDir } from '../src/lib/contentDir.ts';
import { importKpisCommand } from './importKpisCommand.ts';
import { findMermaidJourneyBlocks, MermaidSyntaxError, parseMermaidJourney } from '../src/lib/mermaid/parseJourney.ts';
import { actorIds, DEFAULT_PERSONA, MERMAID_SCALE, mermaidToContentFiles, slugifyId } from '../src/lib/mermaid/toContent.ts';

type Command = (args: string[]) => number | Promise<number>;

const USAGE = `Usage: npm run import -- <subcommand> [options]

Subcommands:
  kpis FILE.csv [--dry-run]
      KPI values from an analytics export (columns: kpi id or name, date, value; separated by
      ; , or tab; decimal commas or points) into the KPIs' history and latest value.
  mermaid FILE [--journey ID] [--force]
      Creates a journey, its personas, stages and a touchpoint list from a Mermaid user
      journey (a .mmd file, or the first \`\`\`mermaid journey block of a Markdown/MDX file).

The content folder is content/, or ITINERA_CONTENT when set.`;

const MERMAID_USAGE = `Usage: npm run import -- mermaid FILE [--journey ID] [--force]

Reads a Mermaid user journey (https://mermaid.js.org/syntax/userJourney.html) from FILE: a
.mmd file, or the first \`\`\`mermaid block holding a journey in a Markdown or MDX file. Writes
  journeys/<journey>.mdx                      title, personas, scenario (accDescr)
  personas/<actor>.mdx                        one per actor (existing personas are kept)
  stages/<journey>/<section>.mdx              one per section, in order
  touchpoints/<journey>/touchpoints.yaml      one touchpoint per task, emotion = its score

  --journey ID   the journey's id (default: made from the title, else the file name)
  --force        overwrite files that already exist (personas are never overwritten)
The content folder is content/, or ITINERA_CONTENT when set.`;

class UsageError extends Error {}

const MARKDOWN = new Set(['.md', '.mdx', '.markdown']);
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The diagram in a file and the line before its first line (0 for a .mmd file). */
function findDiagram(text: string, file: string): { source: string; offset: number } {
  if (!MARKDOWN.has(extname(file).toLowerCase())) return { source: text, offset: 0 };
  const [first] = findMermaidJourneyBlocks(text);
  if (first) return { source: first.source, offset: first.fenceLine };
  throw new UsageError(`${file} has no \`\`\`mermaid block holding a user journey (its first line must be "journey").`);
}

/** Ids of the entry files (.md/.mdx) anywhere below `dir`. */
function entryIds(dir: string): Set<string> {
  if (!existsSync(dir)) return new Set();
  return new Set(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.mdx?$/i.test(entry.name))
      .map((entry) => entry.name.replace(/\.mdx?$/i, '')),
  );
}

/** The report's emotion scale from report.yaml, or Mermaid's 1-5 when it cannot be read. */
function reportScale(contentDir: string): { min: number; max: number } {
  for (const name of ['report.yaml', 'report.yml']) {
    const path = join(contentDir, name);
    if (!existsSync(path)) continue;
    try {
      const scale = (parseYaml(readFileSync(path, 'utf8')) as { emotionScale?: { min?: unknown; max?: unknown } } | null)?.emotionScale;
      const min = typeof scale?.min === 'number' ? scale.min : MERMAID_SCALE.min;
      const max = typeof scale?.max === 'number' ? scale.max : MERMAID_SCALE.max;
      return min < max ? { min, max } : MERMAID_SCALE;
    } catch {
      return MERMAID_SCALE;
    }
  }
  return MERMAID_SCALE;
}

/** `npm run import -- mermaid FILE [--journey ID] [--force]`; returns the exit code. */
function importMermaid(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { journey: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(MERMAID_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`${positionals.length === 0 ? 'Give the Mermaid file to import.' : `Give one file, not ${positionals.length}.`}\n\n${MERMAID_USAGE}`);
  const projectRoot = process.cwd();
  const file = positionals[0]!;
  const filePath = resolve(projectRoot, file);
  if (!existsSync(filePath)) throw new UsageError(`${file} does not exist.`);

  const { source, offset } = findDiagram(readFileSync(filePath, 'utf8'), file);
  let journey;
  try {
    journey = parseMermaidJourney(source);
  } catch (error) {
    if (!(error instanceof MermaidSyntaxError)) throw error;
    console.error(`${file}:${offset + error.line}: ${error.message}`);
    console.error('\n✗ Nothing was written: fix the diagram and run the import again.');
    return 1;
  }

  const journeyId = values.journey ?? slugifyId(journey.title ?? journey.accTitle ?? basename(file, extname(file)), 'journey');
  if (!ID_PATTERN.test(journeyId)) throw new UsageError(`--journey "${journeyId}" is not a valid id: use lower-case letters, digits and hyphens, e.g. "${slugifyId(journeyId, 'journey')}".`);

  const contentDir = resolveContentDir(projectRoot);
  const shown = (path: string): string => {
    const rel = relative(projectRoot, path);
    return rel === '' || rel.startsWith('..') ? path : rel;
  };
  if (!existsSync(join(contentDir, 'report.yaml')) && !existsSync(join(contentDir, 'report.yml'))) {
    throw new UsageError(`There is no report in ${shown(contentDir)} (no report.yaml): start one with \`npm run new -- report "Title"\`, or set ITINERA_CONTENT.`);
  }

  const scale = reportScale(contentDir);
  const files = mermaidToContentFiles(journey, { journeyId, scale });
  const personaIds = new Set([...actorIds(journey).values()].concat(journey.actors.length === 0 ? [DEFAULT_PERSONA.id] : []));
  const existingPersonas = entryIds(join(contentDir, 'personas'));
  const existingJourneys = entryIds(join(contentDir, 'journeys'));

  const kept: string[] = [];
  const conflicts: string[] = [];
  const toWrite = files.filter((f) => {
    const id = basename(f.path).replace(/\.mdx$/, '');
    if (f.path.startsWith('personas/') && personaIds.has(id) && existingPersonas.has(id)) {
      kept.push(id);
      return false;
    }
    const path = join(contentDir, f.path);
    if (existsSync(path)) conflicts.push(shown(path));
    else if (f.path.startsWith('journeys/') && existingJourneys.has(id)) conflicts.push(`${shown(join(contentDir, 'journeys'))}/… (a journey "${id}" already exists)`);
    return true;
  });

  if (conflicts.length > 0 && !values.force) {
    console.error(`✗ These files already exist:\n${conflicts.map((c) => `  ${c}`).join('\n')}\nNothing was written. Pass --force to overwrite them, or --journey ID to import as another journey.`);
    return 1;
  }

  for (const id of kept) console.log(`Kept existing persona ${id}`);
  for (const f of toWrite) {
    const path = join(contentDir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text);
    console.log(`Wrote ${shown(path)}`);
  }
  const tasks = journey.sections.reduce((n, s) => n + s.tasks.length, 0);
  const mapped = scale.min !== MERMAID_SCALE.min || scale.max !== MERMAID_SCALE.max;
  console.log(
    `\n✓ Imported journey "${journeyId}": ${journey.sections.length} stage${journey.sections.length === 1 ? '' : 's'}, ${tasks} touchpoint${tasks === 1 ? '' : 's'}` +
      `${mapped ? ` (scores mapped from 1-5 onto the report's ${scale.min} to ${scale.max})` : ''}.` +
      `\nNext: fill in the TODOs (channels, customer goals, scenario), then run \`npm run check\`.`,
  );
  return 0;
}

const commands: Record<string, Command> = { mermaid: importMermaid, kpis: importKpisCommand };

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name) {
    console.error(USAGE);
    return 1;
  }
  if (name === '--help' || name === '-h') {
    console.log(USAGE);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`✗ Unknown subcommand "${name}": use one of ${Object.keys(commands).join(', ')}.\n\n${USAGE}`);
    return 1;
  }
  try {
    return await command(args);
  } catch (error) {
    // Usage errors and bad options (parseArgs) are the user's to fix: a message, no stack trace.
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`✗ ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
