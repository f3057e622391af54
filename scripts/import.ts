/**
 * `npm run import -- <subcommand> ...`: brings outside material into the report.
 *
 *   mermaid FILE.mmd [--journey ID] [--scale MIN-MAX] [--force]   a Mermaid user journey → journey, personas, stages, touchpoints
 *
 * Each subcommand is a function from its arguments to an exit code; add new ones to `commands`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  parseCommandLine,
  parseScale,
  UsageError,
  usageErrorText,
} from '../src/lib/commandLine.ts';
import { entryIdOfFile } from '../src/lib/collections.ts';
import { reportFile, resolveContentDir } from '../src/lib/contentDir.ts';
import { filesBelow } from '../src/lib/files.ts';
import { importKpisCommand } from './importKpisCommand.ts';
import {
  findMermaidJourneyBlocks,
  MermaidSyntaxError,
  parseMermaidJourney,
  type MermaidJourney,
} from '../src/lib/import/mermaid/parseJourney.ts';
import { suggestPhase } from '../src/lib/portfolio/phases.ts';
import {
  actorIds,
  type ContentFile,
  DEFAULT_PERSONA,
  MERMAID_SCALE,
  mermaidToContentFiles,
  slugifyId,
  tasksOutside,
  type ScoreRange,
} from '../src/lib/import/mermaid/toContent.ts';
import { nonReservedStageId, reservedStagePage } from '../src/lib/paths.ts';
import { emotionScaleSchema } from '../src/lib/schema/report.ts';
import { ID_FORM } from '../src/lib/schema/shared.ts';

type Command = (args: string[]) => number | Promise<number>;

const USAGE = `Usage: npm run import -- <subcommand> [options]

Subcommands:
  kpis FILE.csv [--map "Column=kpi-id"]... [--save] [--dry-run]
      KPI values from an analytics export (long: kpi, date, value columns; or wide: a date
      column and one column per KPI) into the KPIs' history and latest value.
  mermaid FILE [--journey ID] [--scale MIN-MAX] [--force]
      Creates a journey, its personas, stages and a touchpoint list from a Mermaid user
      journey (a .mmd file, or the first \`\`\`mermaid journey block of a Markdown/MDX file).

The content folder is content/, or ITINERA_CONTENT when set.`;

const MERMAID_USAGE = `Usage: npm run import -- mermaid FILE [--journey ID] [--scale MIN-MAX] [--force]

Reads a Mermaid user journey (https://mermaid.js.org/syntax/userJourney.html) from FILE: a
.mmd file, or the first \`\`\`mermaid block holding a journey in a Markdown or MDX file. Writes
  journeys/<journey>.mdx                      title, personas, scenario (accDescr)
  personas/<actor>.mdx                        one per actor (existing personas are kept)
  stages/<journey>/<section>.mdx              one per section, in order ("compare" becomes compare-stage)
  touchpoints/<journey>/touchpoints.yaml      one touchpoint per task, emotion = its score

  --journey ID       the journey's id (default: made from the title, else the file name)
  --scale MIN-MAX    the diagram's own scale when its scores are not 1-5, e.g. --scale 0-10;
                     scores are rescaled linearly onto the report's emotion scale
  --force            overwrite files that already exist (personas are never overwritten)
The content folder is content/, or ITINERA_CONTENT when set.`;

const MARKDOWN = new Set(['.md', '.mdx', '.markdown']);

/** The diagram in a file and the line before its first line (0 for a .mmd file). */
function findDiagram(text: string, file: string): { source: string; offset: number } {
  if (!MARKDOWN.has(extname(file).toLowerCase())) return { source: text, offset: 0 };
  const [first] = findMermaidJourneyBlocks(text);
  if (first) return { source: first.source, offset: first.fenceLine };
  throw new UsageError(
    `${file} has no \`\`\`mermaid block holding a user journey (its first line must be "journey").`,
  );
}

/** Ids of the entry files (.md/.mdx) anywhere below `dir`. */
function entryIds(dir: string): Set<string> {
  return new Set(filesBelow(dir, (name) => /\.mdx?$/.test(name)).map(entryIdOfFile));
}

/** The report's emotion scale from its report file, or Mermaid's 1-5 when that cannot be read or its scale is not valid. */
function reportScale(report: string): ScoreRange {
  try {
    const parsed = emotionScaleSchema.safeParse(
      (parseYaml(readFileSync(report, 'utf8')) as { emotionScale?: unknown } | null)
        ?.emotionScale ?? {},
    );
    return parsed.success ? { min: parsed.data.min, max: parsed.data.max } : MERMAID_SCALE;
  } catch {
    return MERMAID_SCALE;
  }
}

/** A scale as `--scale` takes it: `0-10`, or `-2..2` when a bound is negative (`-2-2` would be ambiguous). */
const range = (r: ScoreRange) => `${r.min}${r.min < 0 || r.max < 0 ? '..' : '-'}${r.max}`;
const sameRange = (a: ScoreRange, b: ScoreRange) => a.min === b.min && a.max === b.max;

/** A `--scale` that holds every score: 0-10 or 0-100 when they fit, else the scores' own bounds. */
function suggestedScale(scores: number[]): string {
  const low = Math.min(...scores);
  const high = Math.max(...scores);
  if (low >= 0 && high <= 10) return '0-10';
  if (low >= 0 && high <= 100) return '0-100';
  return `${Math.floor(low)}..${Math.ceil(high)}`;
}

/**
 * What would make the imported files fail the report's check, as `FILE:LINE: …` with the fix:
 * no task at all (a journey without stages), or `score 9 is outside 1-5`. Undefined when none.
 */
function diagramProblem(
  journey: MermaidJourney,
  from: ScoreRange,
  to: ScoreRange,
  file: string,
  offset: number,
): string | undefined {
  if (journey.sections.every((section) => section.tasks.length === 0)) {
    return `${file}:${offset + 1}: the diagram has no tasks, so the journey would have no stages: add a section with a task, e.g. "section Order" and "Pay: 5: Me"`;
  }
  const [first, ...others] = tasksOutside(journey, from);
  if (!first) return undefined;
  const scores = journey.sections.flatMap((section) => section.tasks.map((task) => task.score));
  const also =
    others.length > 0
      ? ` (also outside: line${others.length === 1 ? '' : 's'} ${others.map((task) => offset + task.line).join(', ')})`
      : '';
  return (
    `${file}:${offset + first.line}: score ${first.score} is outside ${range(from)}${also}\n` +
    `  The diagram's scores run from ${Math.min(...scores)} to ${Math.max(...scores)}; ${sameRange(from, MERMAID_SCALE) ? 'Mermaid draws 1-5' : `the --scale given is ${range(from)}`}.\n` +
    `  fix: give the diagram's own scale, rescaled linearly onto the report's ${to.min} to ${to.max}: npm run import -- mermaid ${file} --scale ${suggestedScale(scores)}`
  );
}

/**
 * Writes the imported files, keeping existing personas; refuses (false, nothing written) when
 * other files exist and `force` is off. Says which section took another stage id, and why.
 */
function writeImported(
  files: ContentFile[],
  journey: MermaidJourney,
  journeyId: string,
  contentDir: string,
  shown: (path: string) => string,
  force: boolean,
): boolean {
  const personaIds = new Set(
    [...actorIds(journey).values()].concat(journey.actors.length === 0 ? [DEFAULT_PERSONA.id] : []),
  );
  const existingPersonas = entryIds(join(contentDir, 'personas'));
  const existingJourneys = entryIds(join(contentDir, 'journeys'));

  const kept: string[] = [];
  const conflicts: string[] = [];
  const toWrite = files.filter((f) => {
    const id = entryIdOfFile(f.path);
    if (f.path.startsWith('personas/') && personaIds.has(id) && existingPersonas.has(id)) {
      kept.push(id);
      return false;
    }
    const path = join(contentDir, f.path);
    if (existsSync(path)) conflicts.push(shown(path));
    else if (f.path.startsWith('journeys/') && existingJourneys.has(id))
      conflicts.push(`${shown(join(contentDir, 'journeys'))}/… (a journey "${id}" already exists)`);
    return true;
  });

  if (conflicts.length > 0 && !force) {
    console.error(
      `✗ These files already exist:\n${conflicts.map((c) => `  ${c}`).join('\n')}\nNothing was written. Pass --force to overwrite them, or --journey ID to import as another journey.`,
    );
    return false;
  }

  for (const id of kept) console.log(`Kept existing persona ${id}`);
  for (const section of journey.sections) {
    const id = slugifyId(section.name, 'stage');
    const page = reservedStagePage(id);
    if (page !== undefined)
      console.log(
        `Section "${section.name}" is stage ${nonReservedStageId(id)}: journeys/${journeyId}/${id}/ is ${page}.`,
      );
  }
  for (const f of toWrite) {
    const path = join(contentDir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text);
    console.log(`Wrote ${shown(path)}`);
  }
  return true;
}

/**
 * The diagram of `file` parsed, with the line it starts after (in a Markdown file); undefined
 * after printing its syntax error as FILE:LINE.
 */
function parseDiagramFile(
  file: string,
  filePath: string,
): { journey: MermaidJourney; offset: number } | undefined {
  const { source, offset } = findDiagram(readFileSync(filePath, 'utf8'), file);
  try {
    return { journey: parseMermaidJourney(source), offset };
  } catch (error) {
    if (!(error instanceof MermaidSyntaxError)) throw error;
    console.error(`${file}:${offset + error.line}: ${error.message}`);
    console.error('\n✗ Nothing was written: fix the diagram and run the import again.');
    return undefined;
  }
}

/** `--journey`, else an id from the diagram's title or the file's name; a UsageError when not a valid id. */
function chosenJourneyId(
  journey: MermaidJourney,
  option: string | undefined,
  file: string,
): string {
  const journeyId =
    option ??
    slugifyId(journey.title ?? journey.accTitle ?? basename(file, extname(file)), 'journey');
  if (!ID_FORM.test(journeyId))
    throw new UsageError(
      `--journey "${journeyId}" is not a valid id: use lower-case letters, digits and hyphens, e.g. "${slugifyId(journeyId, 'journey')}".`,
    );
  return journeyId;
}

/** What was imported, then the next step, and which sections got no lifecycle phase. */
function printImported(
  journey: MermaidJourney,
  journeyId: string,
  scale: ScoreRange,
  sourceScale: ScoreRange,
): void {
  const tasks = journey.sections.reduce((n, s) => n + s.tasks.length, 0);
  const mapped = scale.min !== sourceScale.min || scale.max !== sourceScale.max;
  console.log(
    `\n✓ Imported journey "${journeyId}": ${journey.sections.length} stage${journey.sections.length === 1 ? '' : 's'}, ${tasks} touchpoint${tasks === 1 ? '' : 's'}` +
      `${mapped ? ` (scores mapped from ${range(sourceScale)} onto the report's ${scale.min} to ${scale.max})` : ''}.` +
      `\nNext: fill in the TODOs (channels, customer goals, scenario), then run \`npm run check\`.`,
  );
  // Phases are suggested from section names and marked in the files; say which got none.
  const unplaced = journey.sections
    .filter((section) => suggestPhase(section.name) === undefined)
    .map((section) => `"${section.name}"`);
  if (unplaced.length > 0)
    console.log(
      `No lifecycle phase suggested for ${unplaced.join(', ')}: add "phase:" to those stage files, or they stay unplaced in the heatmap.`,
    );
}

/** `npm run import -- mermaid FILE [--journey ID] [--scale MIN-MAX] [--force]`; returns the exit code. */
function importMermaid(args: string[]): number {
  const { values, positionals } = parseCommandLine(
    args,
    {
      journey: { type: 'string' },
      scale: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    { command: 'npm run import -- mermaid', usage: MERMAID_USAGE },
  );
  if (values.help) {
    console.log(MERMAID_USAGE);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? 'Give the Mermaid file to import.'
        : `Give one file, not ${positionals.length}.`,
      MERMAID_USAGE,
    );
  const sourceScale = values.scale === undefined ? MERMAID_SCALE : parseScale(values.scale);
  const projectRoot = process.cwd();
  const file = positionals[0]!;
  const filePath = resolve(projectRoot, file);
  if (!existsSync(filePath)) throw new UsageError(`${file} does not exist.`);
  const diagram = parseDiagramFile(file, filePath);
  if (!diagram) return 1;
  const { journey, offset } = diagram;
  const journeyId = chosenJourneyId(journey, values.journey, file);

  const contentDir = resolveContentDir(projectRoot);
  const shown = (path: string): string => {
    const rel = relative(projectRoot, path);
    return rel === '' || rel.startsWith('..') ? path : rel;
  };
  const report = reportFile(contentDir);
  if (!report) {
    throw new UsageError(
      `There is no report in ${shown(contentDir)} (no report.yaml): start one with \`npm run new -- report "Title"\`, or set ITINERA_CONTENT.`,
    );
  }
  const scale = reportScale(report);
  const problem = diagramProblem(journey, sourceScale, scale, file, offset);
  if (problem) {
    console.error(`${problem}\n\n✗ Nothing was written.`);
    return 1;
  }
  const files = mermaidToContentFiles(journey, { journeyId, scale, sourceScale });
  if (!writeImported(files, journey, journeyId, contentDir, shown, values.force === true)) return 1;
  printImported(journey, journeyId, scale, sourceScale);
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
    console.error(
      `✗ Unknown subcommand "${name}": use one of ${Object.keys(commands).join(', ')}.\n\n${USAGE}`,
    );
    return 1;
  }
  try {
    return await command(args);
  } catch (error) {
    // Usage errors and bad options are the user's to fix: a message, no stack trace.
    if (!(error instanceof UsageError)) throw error;
    console.error(usageErrorText(error));
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
