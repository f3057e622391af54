/**
 * `npm run new -- <kind> "<name>" [--journey ID] [--stage ID] [--persona ID,ID] [--channel ID] [--order N] [--id ID] [--improves ID]`
 * Creates a correctly named content file with every field present and commented, wired to
 * existing references. Asks for missing references in a terminal; refuses to overwrite.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { suggest } from '../src/lib/closest.ts';
import { resolveContentDir } from '../src/lib/contentDir.ts';
import type { ReportSources } from '../src/lib/model.ts';
import { journeyTemplate, kpiListTemplate, kpiTemplate, personaTemplate, reportTemplate, slugify, stageTemplate, touchpointTemplate } from '../src/lib/scaffold.ts';
import { loadSources } from '../src/lib/validate/loadSources.ts';

const USAGE = `Usage: npm run new -- <kind> "<name>" [options]

  report                                   start a report (report.yaml) in the content folder
  persona "Giulia"
  journey "Click & collect" --persona giulia[,marco]
  journey "Click & collect, future" --improves click-collect
                                           a future state: same personas, a copy of the stages
  stage "Awareness" --journey click-collect [--order 1]
  touchpoint "Reads reviews" --journey click-collect --stage awareness [--channel reviews]
  kpi "Conversion rate" --journey click-collect --stage purchase

  --id ID     use this id instead of one made from the name
The content folder is content/, or ITINERA_CONTENT when set.`;

class UsageError extends Error {}

const projectRoot = process.cwd();
const contentDir = resolveContentDir(projectRoot);
const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    journey: { type: 'string' },
    stage: { type: 'string' },
    persona: { type: 'string' },
    channel: { type: 'string' },
    order: { type: 'string' },
    improves: { type: 'string' },
    id: { type: 'string' },
    title: { type: 'string' },
    client: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

/** A flag's value, else an answer typed in the terminal, else a usage error. */
async function required(flag: keyof typeof flags, question: string, choices: string[]): Promise<string> {
  const given = flags[flag];
  if (typeof given === 'string' && given) return given;
  if (!process.stdin.isTTY) throw new UsageError(`--${flag} is required. ${choices.length ? `Existing: ${choices.join(', ')}` : ''}`);
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = (await prompt.question(`${question}${choices.length ? ` (${choices.join(', ')})` : ''}: `)).trim();
  prompt.close();
  if (!answer) throw new UsageError(`--${flag} is required.`);
  return answer;
}

function mustExist(id: string, existing: string[], what: string): void {
  if (!existing.includes(id)) throw new UsageError(`There is no ${what} "${id}": ${suggest(id, existing, what)}`);
}

/** The id of an existing journey or stage, from its flag or the terminal; refused when unknown. */
async function existing(flag: 'journey' | 'stage', choices: string[]): Promise<string> {
  const id = await required(flag, `${flag === 'journey' ? 'Journey' : 'Stage'} id`, choices);
  mustExist(id, choices, flag);
  return id;
}

function write(path: string, text: string): void {
  if (existsSync(path)) throw new UsageError(`${relative(projectRoot, path)} already exists: nothing was written. Choose another name or --id.`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`Created ${relative(projectRoot, path)}`);
}

function loadReport(): ReportSources {
  const { sources } = loadSources(contentDir, projectRoot);
  if (!sources) throw new UsageError(`No valid report in ${relative(projectRoot, contentDir) || '.'}: start one with \`npm run new -- report\`, or run \`npm run check\`.`);
  return sources;
}

async function main(): Promise<void> {
  const [kind, name] = positionals;
  if (flags.help || !kind) {
    console.log(USAGE);
    return;
  }
  const today = new Date();
  if (kind === 'report') {
    write(join(contentDir, 'report.yaml'), reportTemplate({ title: name ?? flags.title ?? 'Customer journey report', client: flags.client ?? 'Client name', today }));
    for (const folder of ['personas', 'journeys', 'stages', 'touchpoints', 'kpis']) mkdirSync(join(contentDir, folder), { recursive: true });
    return;
  }
  if (!name) throw new UsageError(`Give the ${kind} a name: npm run new -- ${kind} "Name"`);
  const id = flags.id ?? slugify(name);
  const sources = loadReport();
  const journeys = sources.journeys.map((j) => j.id);
  const stagesOf = (journey: string) => sources.stages.filter((s) => s.data.journey === journey).map((s) => s.id.split('/')[1]!);
  switch (kind) {
    case 'persona':
      write(join(contentDir, 'personas', `${id}.mdx`), personaTemplate({ name }));
      return;
    case 'journey': {
      const personaIds = sources.personas.map((p) => p.id);
      const current = flags.improves === undefined ? undefined : sources.journeys.find((j) => j.id === flags.improves);
      if (flags.improves !== undefined && current?.data.state !== 'current') {
        const currentIds = sources.journeys.filter((j) => j.data.state === 'current').map((j) => j.id);
        throw new UsageError(`There is no current-state journey "${flags.improves}": ${suggest(flags.improves, currentIds, 'journey')}`);
      }
      const personas = current && !flags.persona ? current.data.personas : (await required('persona', 'Persona id(s), comma-separated', personaIds)).split(',').map((p) => p.trim());
      for (const persona of personas) mustExist(persona, personaIds, 'persona');
      write(join(contentDir, 'journeys', `${id}.mdx`), journeyTemplate({ title: name, personas, today, improves: current?.id }));
      // A future state starts from today's stages, so the comparison lines them up stage by stage.
      for (const stage of sources.stages.filter((s) => s.data.journey === current?.id)) {
        write(join(contentDir, 'stages', id, `${stage.id.split('/')[1]!}.mdx`), stageTemplate({ journey: id, name: stage.data.name, order: stage.data.order, customerGoal: stage.data.customerGoal }));
      }
      if (current) console.log(`Next: add touchpoints in touchpoints/${id}/; write "improves: <id>" on those that redesign one of ${current.id}'s.`);
      return;
    }
    case 'stage': {
      const journey = await existing('journey', journeys);
      const orders = sources.stages.filter((s) => s.data.journey === journey).map((s) => s.data.order);
      const order = flags.order ? Number(flags.order) : Math.max(0, ...orders) + 1;
      if (!Number.isInteger(order) || order < 0) throw new UsageError('--order must be a whole number');
      if (orders.includes(order)) throw new UsageError(`Journey "${journey}" already has a stage with order ${order}.`);
      write(join(contentDir, 'stages', journey, `${id}.mdx`), stageTemplate({ journey, name, order }));
      return;
    }
    case 'touchpoint': {
      const journey = await existing('journey', journeys);
      const stage = await existing('stage', stagesOf(journey));
      const channels = sources.channels.map((c) => c.id);
      const channel = flags.channel ?? 'website';
      mustExist(channel, channels, 'channel');
      if (sources.touchpoints.some((t) => t.id === id)) throw new UsageError(`A touchpoint "${id}" exists already: choose another name or --id.`);
      write(join(contentDir, 'touchpoints', journey, `${id}.mdx`), touchpointTemplate({ journey, stage, title: name, channel }));
      return;
    }
    case 'kpi': {
      const journey = await existing('journey', journeys);
      const stage = await existing('stage', stagesOf(journey));
      if (sources.kpis.some((k) => k.id === id)) throw new UsageError(`A KPI "${id}" exists already: choose another name or --id.`);
      // KPIs live in one list per journey: add to it, creating it when needed.
      const file = sources.kpis.find((k) => k.data.journey === journey)?.file;
      const path = file ? join(projectRoot, file) : join(contentDir, 'kpis', `${journey}.yaml`);
      if (!existsSync(path)) write(path, kpiListTemplate({ journey }));
      const text = readFileSync(path, 'utf8');
      appendFileSync(path, `${text.endsWith('\n') ? '' : '\n'}${kpiTemplate({ id, name, stage })}`);
      console.log(`Added KPI "${id}" to ${relative(projectRoot, path)}`);
      return;
    }
    default:
      throw new UsageError(`Unknown kind "${kind}".\n\n${USAGE}`);
  }
}

try {
  await main();
  if (positionals[0] && !flags.help) console.log('Next: fill in the fields, then run `npm run check`.');
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`✗ ${error.message}`);
  process.exitCode = 1;
}
