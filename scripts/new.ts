/**
 * `npm run new -- <kind> "<name>" [options]`: report, persona, journey, stage, touchpoint, kpi.
 * Creates a correctly named content file with every field present and commented, wired to
 * existing references, that passes `npm run check:content` as written. Asks for missing
 * references in a terminal; refuses to overwrite.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { ParseArgsOptionsConfig } from 'node:util';
import { suggest } from '../src/lib/closest.ts';
import {
  parseCommandLine,
  parseScale,
  UsageError,
  usageErrorText,
} from '../src/lib/commandLine.ts';
import { resolveContentDir } from '../src/lib/contentDir.ts';
import { neutralScore } from '../src/lib/emotion.ts';
import { translator, uiLanguage } from '../src/lib/i18n/index.ts';
import type { ReportSources } from '../src/lib/model.ts';
import { suggestPhase } from '../src/lib/portfolio/phases.ts';
import { nonReservedStageId, reservedStagePage } from '../src/lib/paths.ts';
import {
  journeyTemplate,
  kpiListTemplate,
  kpiTemplate,
  personaTemplate,
  reportTemplate,
  type ScaffoldScale,
  slugify,
  stageTemplate,
  touchpointTemplate,
} from '../src/lib/scaffold.ts';
import { loadSources } from '../src/lib/validate/loadSources.ts';

const USAGE = `Usage: npm run new -- <kind> "<name>" [options]

  report "Title" [--client NAME] [--locale it] [--scale -2..2]
                                           start a report (report.yaml and its folders) in the
                                           content folder; --locale sets the language (labels of
                                           the emotion scale in it), --scale the emotion scale
  persona "Giulia"
  journey "Click & collect" --persona giulia[,marco] [--stage "Awareness"]
                                           with its first stage (a journey needs one)
  journey "Click & collect, future" --improves click-collect
                                           a future state: same personas, a copy of the stages
  stage "Purchase" --journey click-collect [--order 2]
  touchpoint "Reads reviews" --journey click-collect --stage awareness [--channel reviews]
  kpi "Conversion rate" --journey click-collect --stage purchase

  --id ID     use this id instead of one made from the name (not for report)
The content folder is content/, or ITINERA_CONTENT when set. Every option: docs/cli.md.`;

const value = { type: 'string' } as const;
const help = { type: 'boolean', short: 'h' } as const;
/** The options each kind takes; any other is a usage error. */
const OPTIONS = {
  report: { client: value, title: value, locale: value, scale: value, help },
  persona: { id: value, help },
  journey: { persona: value, stage: value, improves: value, id: value, help },
  stage: { journey: value, order: value, id: value, help },
  touchpoint: { journey: value, stage: value, channel: value, id: value, help },
  kpi: { journey: value, stage: value, id: value, help },
} satisfies Record<string, ParseArgsOptionsConfig>;
type Kind = keyof typeof OPTIONS;
type Flags = Partial<
  Record<
    | 'journey'
    | 'stage'
    | 'persona'
    | 'channel'
    | 'order'
    | 'improves'
    | 'id'
    | 'title'
    | 'client'
    | 'locale'
    | 'scale',
    string
  >
>;

const projectRoot = process.cwd();
const contentDir = resolveContentDir(projectRoot);

/** A flag's value, else an answer typed in the terminal, else a usage error. */
async function required(
  flags: Flags,
  flag: keyof Flags,
  question: string,
  choices: string[],
): Promise<string> {
  const given = flags[flag];
  if (typeof given === 'string' && given) return given;
  if (!process.stdin.isTTY)
    throw new UsageError(
      `--${flag} is required. ${choices.length ? `Existing: ${choices.join(', ')}` : ''}`,
    );
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = (
    await prompt.question(`${question}${choices.length ? ` (${choices.join(', ')})` : ''}: `)
  ).trim();
  prompt.close();
  if (!answer) throw new UsageError(`--${flag} is required.`);
  return answer;
}

function mustExist(id: string, existing: string[], what: string): void {
  if (!existing.includes(id))
    throw new UsageError(`There is no ${what} "${id}": ${suggest(id, existing, what)}`);
}

/** The id of an existing journey or stage, from its flag or the terminal; refused when unknown. */
async function existing(
  flags: Flags,
  flag: 'journey' | 'stage',
  choices: string[],
): Promise<string> {
  const id = await required(flags, flag, `${flag === 'journey' ? 'Journey' : 'Stage'} id`, choices);
  mustExist(id, choices, flag);
  return id;
}

function write(path: string, text: string): void {
  if (existsSync(path))
    throw new UsageError(
      `${relative(projectRoot, path)} already exists: nothing was written. Choose another name or --id.`,
    );
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`Created ${relative(projectRoot, path)}`);
}

function loadReport(): ReportSources {
  const { sources } = loadSources(contentDir, projectRoot);
  if (!sources)
    throw new UsageError(
      `No valid report in ${relative(projectRoot, contentDir) || '.'}: start one with \`npm run new -- report\`, or run \`npm run check\`.`,
    );
  return sources;
}

/** The language and emotion scale of a new report, from --locale and --scale. */
function reportSettings(flags: Flags): { locale: string; scale: ScaffoldScale; note?: string } {
  let locale: string;
  try {
    locale = Intl.getCanonicalLocales(flags.locale ?? 'en')[0]!;
  } catch {
    throw new UsageError(
      `--locale "${flags.locale}" is not a language code: write e.g. --locale it, --locale it-IT or --locale en-GB.`,
      USAGE,
    );
  }
  const translated = uiLanguage(locale) === locale.toLowerCase().split('-')[0];
  const { min, max } = parseScale(flags.scale ?? '1-5');
  const t = translator(locale);
  const labels = [
    { score: min, label: t('emotion.negative') },
    { score: neutralScore({ min, max }), label: t('emotion.neutral') },
    { score: max, label: t('emotion.positive') },
  ];
  return {
    locale,
    scale: { min, max, labels },
    note: translated
      ? undefined
      : `Note: there is no interface text in "${locale}" yet: the site and the scale's labels are in English.`,
  };
}

function newReport(name: string | undefined, flags: Flags): void {
  const { locale, scale, note } = reportSettings(flags);
  write(
    join(contentDir, 'report.yaml'),
    reportTemplate({
      title: name ?? flags.title ?? 'Customer journey report',
      client: flags.client ?? 'Client name',
      today: new Date(),
      locale,
      scale,
    }),
  );
  if (note) console.log(note);
  // The folders the authoring guide's tree shows (docs/authoring.md), so the author sees where each kind of file goes.
  for (const folder of ['personas', 'journeys', 'stages', 'touchpoints', 'kpis'])
    mkdirSync(join(contentDir, folder), { recursive: true });
}

async function newJourney(
  id: string,
  name: string,
  flags: Flags,
  sources: ReportSources,
): Promise<void> {
  const personaIds = sources.personas.map((p) => p.id);
  const current =
    flags.improves === undefined
      ? undefined
      : sources.journeys.find((j) => j.id === flags.improves);
  if (flags.improves !== undefined && current?.data.state !== 'current') {
    const currentIds = sources.journeys.filter((j) => j.data.state === 'current').map((j) => j.id);
    throw new UsageError(
      `There is no current-state journey "${flags.improves}": ${suggest(flags.improves, currentIds, 'journey')}`,
    );
  }
  const personas =
    current && !flags.persona
      ? current.data.personas
      : (await required(flags, 'persona', 'Persona id(s), comma-separated', personaIds))
          .split(',')
          .map((p) => p.trim());
  for (const persona of personas) mustExist(persona, personaIds, 'persona');
  if (current && flags.stage !== undefined)
    throw new UsageError(
      `--stage is for a new journey: a future state (--improves) starts with a copy of ${current.id}'s stages.`,
    );
  write(
    join(contentDir, 'journeys', `${id}.mdx`),
    journeyTemplate({ title: name, personas, today: new Date(), improves: current?.id }),
  );
  if (!current) {
    // A journey without stages is an error: start it with one, so the report checks as written.
    const stageName = flags.stage ?? 'Awareness';
    writeStage(id, stageId(stageName, {}), stageName, 1, sources);
    return;
  }
  // A future state starts from today's stages, so the comparison lines them up stage by stage.
  for (const stage of sources.stages.filter((s) => s.data.journey === current.id)) {
    write(
      join(contentDir, 'stages', id, `${stage.ref.stage}.mdx`),
      stageTemplate({
        journey: id,
        name: stage.data.name,
        order: stage.data.order,
        customerGoal: stage.data.customerGoal,
        phase: stage.data.phase,
      }),
    );
  }
  console.log(
    `Next: add touchpoints in touchpoints/${id}/; write "improves: <id>" on those that redesign one of ${current.id}'s.`,
  );
}

/** A stage id the site does not keep for a page of its own: a made-up one moves aside, a chosen one is refused. */
function stageId(name: string, flags: Flags): string {
  const wanted = flags.id ?? slugify(name);
  const page = reservedStagePage(wanted);
  if (page === undefined) return wanted;
  if (flags.id !== undefined)
    throw new UsageError(
      `--id ${wanted} cannot be a stage id: journeys/<journey>/${wanted}/ is ${page}. Use e.g. --id ${nonReservedStageId(wanted)}.`,
    );
  console.log(
    `Stage "${name}" is ${nonReservedStageId(wanted)}: journeys/<journey>/${wanted}/ is ${page}.`,
  );
  return nonReservedStageId(wanted);
}

async function newStage(name: string, flags: Flags, sources: ReportSources): Promise<void> {
  const id = stageId(name, flags);
  const journey = await existing(
    flags,
    'journey',
    sources.journeys.map((j) => j.id),
  );
  const orders = sources.stages.filter((s) => s.data.journey === journey).map((s) => s.data.order);
  const order = flags.order ? Number(flags.order) : Math.max(0, ...orders) + 1;
  if (!Number.isInteger(order) || order < 0) throw new UsageError('--order must be a whole number');
  if (orders.includes(order))
    throw new UsageError(`Journey "${journey}" already has a stage with order ${order}.`);
  writeStage(journey, id, name, order, sources);
}

/** A new stage file, with a lifecycle phase suggested from its name: say which, or that none was. */
function writeStage(
  journey: string,
  id: string,
  name: string,
  order: number,
  sources: ReportSources,
): void {
  const { lifecycle } = sources.report.data;
  write(
    join(contentDir, 'stages', journey, `${id}.mdx`),
    stageTemplate({ journey, name, order, lifecycle }),
  );
  const phase = suggestPhase(name, lifecycle);
  console.log(
    phase
      ? `Phase "${phase}" suggested from the name: check it in the file.`
      : `No lifecycle phase suggested from "${name}": add "phase:" to the file, or the stage stays unplaced in the heatmap.`,
  );
}

/** The journey and stage a touchpoint or KPI belongs to, from the flags or the terminal. */
async function journeyAndStage(
  flags: Flags,
  sources: ReportSources,
): Promise<{ journey: string; stage: string }> {
  const journey = await existing(
    flags,
    'journey',
    sources.journeys.map((j) => j.id),
  );
  const stages = sources.stages.filter((s) => s.data.journey === journey).map((s) => s.ref.stage);
  return { journey, stage: await existing(flags, 'stage', stages) };
}

async function newTouchpoint(
  id: string,
  name: string,
  flags: Flags,
  sources: ReportSources,
): Promise<void> {
  const { journey, stage } = await journeyAndStage(flags, sources);
  const channel = flags.channel ?? 'website';
  mustExist(
    channel,
    sources.channels.map((c) => c.id),
    'channel',
  );
  if (sources.touchpoints.some((t) => t.id === id))
    throw new UsageError(`A touchpoint "${id}" exists already: choose another name or --id.`);
  write(
    join(contentDir, 'touchpoints', journey, `${id}.mdx`),
    touchpointTemplate({
      journey,
      stage,
      title: name,
      channel,
      scale: sources.report.data.emotionScale,
    }),
  );
}

async function newKpi(
  id: string,
  name: string,
  flags: Flags,
  sources: ReportSources,
): Promise<void> {
  const { journey, stage } = await journeyAndStage(flags, sources);
  if (sources.kpis.some((k) => k.id === id))
    throw new UsageError(`A KPI "${id}" exists already: choose another name or --id.`);
  // KPIs live in one list per journey: add to it, creating it when needed.
  const file = sources.kpis.find((k) => k.data.journey === journey)?.file;
  const path = file ? join(projectRoot, file) : join(contentDir, 'kpis', `${journey}.yaml`);
  if (!existsSync(path)) write(path, kpiListTemplate({ journey }));
  const text = readFileSync(path, 'utf8');
  appendFileSync(path, `${text.endsWith('\n') ? '' : '\n'}${kpiTemplate({ id, name, stage })}`);
  console.log(`Added KPI "${id}" to ${relative(projectRoot, path)}`);
}

/** Runs `npm run new -- <kind> ...`; returns false when it only printed the usage. */
async function main(argv: string[]): Promise<boolean> {
  const [kind, ...args] = argv;
  if (kind === undefined || kind === '--help' || kind === '-h') {
    console.log(USAGE);
    return false;
  }
  const kinds = Object.keys(OPTIONS).join(', ');
  if (kind.startsWith('-'))
    throw new UsageError(
      `Start with the kind (${kinds}), then the name and the options: found ${kind} first.`,
      USAGE,
    );
  if (!Object.hasOwn(OPTIONS, kind))
    throw new UsageError(`Unknown kind "${kind}": use one of ${kinds}.`, USAGE);
  const { values, positionals } = parseCommandLine(args, OPTIONS[kind as Kind], {
    command: `npm run new -- ${kind}`,
    usage: USAGE,
  });
  const flags = values as Flags & { help?: boolean };
  if (flags.help) {
    console.log(USAGE);
    return false;
  }
  const [name, ...extra] = positionals;
  if (extra.length > 0)
    throw new UsageError(
      `One name only (found also ${extra.map((e) => `"${e}"`).join(', ')}): put a name with spaces in quotes, e.g. "Click & collect".`,
      USAGE,
    );
  if (kind === 'report') {
    newReport(name, flags);
    return true;
  }
  if (!name) throw new UsageError(`Give the ${kind} a name: npm run new -- ${kind} "Name"`);
  const id = flags.id ?? slugify(name);
  const sources = loadReport();
  if (kind === 'persona')
    write(join(contentDir, 'personas', `${id}.mdx`), personaTemplate({ name }));
  else if (kind === 'journey') await newJourney(id, name, flags, sources);
  else if (kind === 'stage') await newStage(name, flags, sources);
  else if (kind === 'touchpoint') await newTouchpoint(id, name, flags, sources);
  else await newKpi(id, name, flags, sources);
  return true;
}

try {
  if (await main(process.argv.slice(2)))
    console.log('Next: fill in the fields, then run `npm run check`.');
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(usageErrorText(error));
  process.exitCode = 1;
}
