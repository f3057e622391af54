/**
 * Turns a parsed Mermaid user journey into the files of an Itinera report: the journey, one
 * persona per actor, one stage per section and one touchpoint list with a touchpoint per task.
 * Pure: returns paths (relative to the content folder) and texts; the CLI writes them.
 */
import { Document, isMap, isScalar, isSeq, stringify } from 'yaml';
import { nonReservedStageId } from '../../paths.ts';
import { suggestedPhaseLine } from '../../portfolio/phases.ts';
import { ID_FORM } from '../../schema/shared.ts';
import type { MermaidJourney, MermaidSection, MermaidTask } from './parseJourney.ts';

export interface ContentFile {
  /** Path relative to the content folder, with `/` separators. */
  path: string;
  text: string;
}

export interface MermaidToContentOptions {
  /** Id of the journey to create (valid id: lower-case letters, digits, hyphens). */
  journeyId: string;
  /** The report's emotion scale; the diagram's scores are mapped onto it linearly. Default 1-5. */
  scale?: ScoreRange;
  /** The diagram's own scale (Mermaid draws 1-5, some diagrams use 0-10). Default 1-5. */
  sourceScale?: ScoreRange;
}

export interface ScoreRange {
  min: number;
  max: number;
}

/** Mermaid draws scores from 1 to 5. */
export const MERMAID_SCALE = { min: 1, max: 5 } as const;

/** The persona used when no task names an actor. */
export const DEFAULT_PERSONA = { id: 'customer', name: 'Customer' } as const;

const MAX_SLUG_LENGTH = 60;

/** A lower-case, hyphenated, accent-free id from any name ("Città & Co." → "citta-co"); `fallback` when nothing is left. */
export function slugifyId(text: string, fallback: string): string {
  let slug = text
    .replace(/<br\s*\/?>/gi, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG_LENGTH) {
    const cut = slug.slice(0, MAX_SLUG_LENGTH);
    slug = (cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut).replace(/-+$/, '');
  }
  return slug || fallback;
}

/** Returns `base`, or `base-2`, `base-3`... whichever is not yet in `taken`, and records it. */
function unique(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Text safe in an MDX body: no braces or angle brackets, which MDX would read as code or tags. */
function prose(text: string): string {
  return text
    .replace(/[{}<>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An MDX file: YAML frontmatter, then the body. */
function mdx(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data)}---\n\n${body}\n`;
}

const sameRange = (a: ScoreRange, b: ScoreRange) => a.min === b.min && a.max === b.max;

/** Maps a score on `from` (Mermaid's 1-5 by default) onto the report's scale, rounded to two decimals. */
export function mapScore(
  score: number,
  scale: ScoreRange = MERMAID_SCALE,
  from: ScoreRange = MERMAID_SCALE,
): number {
  if (sameRange(scale, from)) return score;
  const mapped = scale.min + ((score - from.min) * (scale.max - scale.min)) / (from.max - from.min);
  return Math.round(mapped * 100) / 100;
}

/** The tasks whose score lies outside `range`, in diagram order: they cannot be mapped onto the report's scale. */
export function tasksOutside(journey: MermaidJourney, range: ScoreRange): MermaidTask[] {
  return journey.sections
    .flatMap((section) => section.tasks)
    .filter((task) => task.score < range.min || task.score > range.max);
}

/** Persona ids for the journey's actors, distinct, in the order the actors first appear. */
export function actorIds(journey: MermaidJourney): Map<string, string> {
  const taken = new Set<string>();
  return new Map(
    journey.actors.map((actor) => [actor, unique(slugifyId(actor, 'persona'), taken)]),
  );
}

/** Stops with the reason when the journey id is not valid or a task's score lies outside the diagram's scale. */
function checkImportable(journey: MermaidJourney, journeyId: string, from: ScoreRange): void {
  if (!ID_FORM.test(journeyId))
    throw new Error(
      `"${journeyId}" is not a valid journey id: use lower-case letters, digits and hyphens`,
    );
  const [outside] = tasksOutside(journey, from);
  if (outside)
    throw new Error(
      `score ${outside.score} (line ${outside.line}) is outside ${from.min}-${from.max}`,
    );
}

interface ImportedPersona {
  id: string;
  name: string;
}

interface ImportedStage {
  section: MermaidSection;
  id: string;
  order: number;
}

/** The journey file: title, personas and scenario from the diagram, TODOs for the rest. */
function journeyFile(
  journey: MermaidJourney,
  journeyId: string,
  personas: readonly ImportedPersona[],
): ContentFile {
  const title = journey.title ?? journey.accTitle ?? journeyId;
  return {
    path: `journeys/${journeyId}.mdx`,
    text: mdx(
      {
        title,
        personas: personas.map((p) => p.id),
        scenario: journey.accDescr ?? 'TODO: describe the situation the journey starts from.',
        state: 'current',
      },
      `Imported from a Mermaid user journey. TODO: tell the story of ${prose(title) || 'this journey'}.`,
    ),
  };
}

/** A persona file with a TODO for the bio. */
function personaFile(persona: ImportedPersona): ContentFile {
  return {
    path: `personas/${persona.id}.mdx`,
    text: mdx(
      { name: persona.name, role: 'Imported from Mermaid' },
      `TODO: a short bio of ${prose(persona.name) || 'this persona'}.`,
    ),
  };
}

/** One stage per section, in order; never an id the site keeps for a page of its own. */
function importedStages(journey: MermaidJourney): ImportedStage[] {
  const stageIds = new Set<string>();
  return journey.sections.map((section, index) => ({
    section,
    id: unique(nonReservedStageId(slugifyId(section.name, 'stage')), stageIds),
    order: index + 1,
  }));
}

/** A stage file; the lifecycle phase is only suggested from the section's name, and marked so in the file. */
function stageFile(journeyId: string, { section, id, order }: ImportedStage): ContentFile {
  const head = stringify({ journey: journeyId, order, name: section.name });
  const goal = stringify({
    customerGoal: `TODO: what the customer wants to get done in "${section.name}".`,
  });
  return {
    path: `stages/${journeyId}/${id}.mdx`,
    text: `---\n${head}${suggestedPhaseLine(section.name).line}${goal}---\n\nImported from the Mermaid section "${prose(section.name)}". TODO: describe what happens in this stage.\n`,
  };
}

/**
 * The touchpoint list: one touchpoint per task, its emotion the task's score mapped onto the
 * report's scale, scored per persona when the diagram has several actors; every channel a TODO.
 */
function touchpointListFile(
  journeyId: string,
  stages: readonly ImportedStage[],
  personaIds: ReadonlyMap<string, string>,
  scale: ScoreRange,
  from: ScoreRange,
): ContentFile {
  const touchpointIds = new Set<string>();
  const touchpoints = stages.flatMap(({ section, id: stage }) =>
    section.tasks.map((task) => {
      const entry: Record<string, unknown> = {
        id: unique(`${journeyId}-${slugifyId(task.name, 'task')}`, touchpointIds),
        title: task.name,
        stage,
        channel: 'website',
        emotion: mapScore(task.score, scale, from),
      };
      if (personaIds.size > 1 && task.actors.length > 0) {
        entry.emotionByPersona = Object.fromEntries(
          task.actors.map((actor) => [personaIds.get(actor)!, mapScore(task.score, scale, from)]),
        );
      }
      return entry;
    }),
  );
  const list = new Document({ journey: journeyId, touchpoints });
  list.commentBefore = ` Imported from a Mermaid user journey: one touchpoint per task, emotion = the task's score${sameRange(scale, from) ? '' : ` mapped from ${from.min}-${from.max} onto ${scale.min} to ${scale.max}`}.`;
  const items = list.get('touchpoints');
  for (const item of isSeq(items) ? items.items : []) {
    const channel = isMap(item) ? item.get('channel', true) : undefined;
    if (isScalar(channel)) channel.comment = ' TODO: set the channel';
  }
  return { path: `touchpoints/${journeyId}/touchpoints.yaml`, text: list.toString() };
}

/** The report files for a Mermaid journey, in the order journey, personas, stages, touchpoints. */
export function mermaidToContentFiles(
  journey: MermaidJourney,
  options: MermaidToContentOptions,
): ContentFile[] {
  const { journeyId } = options;
  const scale = options.scale ?? MERMAID_SCALE;
  const from = options.sourceScale ?? MERMAID_SCALE;
  checkImportable(journey, journeyId, from);
  // Personas: one per actor, or a generic customer.
  const personaIds = actorIds(journey);
  const personas =
    personaIds.size > 0 ? [...personaIds].map(([name, id]) => ({ id, name })) : [DEFAULT_PERSONA];
  const stages = importedStages(journey);
  return [
    journeyFile(journey, journeyId, personas),
    ...personas.map(personaFile),
    ...stages.map((stage) => stageFile(journeyId, stage)),
    touchpointListFile(journeyId, stages, personaIds, scale, from),
  ];
}
