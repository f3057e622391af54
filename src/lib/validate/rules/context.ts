import { posix } from 'node:path';
import { suggest } from '../../closest.ts';
import type { ReportSources, SourceEntry } from '../../model.ts';
import { formatFieldPath, type Problem } from '../../problems.ts';
import type { JourneyData } from '../../schema/journey.ts';
import { stageKey, type StageRef } from '../../sources.ts';
import type { FailedEntries } from '../failedEntries.ts';
import type { ParsedFile } from '../parseFile.ts';
import { journeyImprovements, type JourneyImprovements } from './journey.ts';

export type Field = (string | number)[];
/** What a rule says about a field; the locator adds where it is. */
export type Finding = Omit<Problem, 'file' | 'line' | 'field' | 'severity'>;

/** The folder a content file sits in (`touchpoints/click-collect/x.mdx` → `click-collect`): stages and touchpoints sit in their journey's. */
export const folderOf = (file: string): string => posix.basename(posix.dirname(file));

/** Problem builder that knows where an entry sits in its file. */
export function locator(files: Map<string, ParsedFile>) {
  return (
    entry: SourceEntry<unknown>,
    field: Field,
    problem: Finding,
    severity: Problem['severity'] = 'error',
  ): Problem => {
    const path = [...(entry.path ?? []), ...field];
    return {
      severity,
      file: entry.file,
      line: files.get(entry.file)?.lineOf(path),
      field: formatFieldPath(path),
      ...problem,
    };
  };
}
export type Locate = ReturnType<typeof locator>;

/** Kinds of id an entry may name in a plain reference field. */
export type ReferenceKind = 'persona' | 'journey' | 'channel' | 'source';

/** What every rule set may look up, built once so the rules stay linear in the size of the report. */
export interface RuleContext {
  sources: ReportSources;
  projectRoot: string;
  failed: FailedEntries;
  at: Locate;
  /** Ids of each kind, in source order (for suggestions). */
  ids: Record<ReferenceKind, string[]>;
  known: Record<ReferenceKind, Set<string>>;
  /** Stage ids of each journey, in source order. */
  stagesOfJourney: Map<string, string[]>;
  stageKeys: Set<string>;
  journeyById: Map<string, SourceEntry<JourneyData>>;
  /** Which future-state journeys soundly improve a current-state one. */
  improvements: JourneyImprovements;
  /** Author-given opportunity ids, in order of first use. */
  opportunityIds: Set<string>;
}

export function ruleContext(
  sources: ReportSources,
  files: Map<string, ParsedFile>,
  projectRoot: string,
  failed: FailedEntries,
): RuleContext {
  const at = locator(files);
  const ids = {
    persona: sources.personas.map((p) => p.id),
    journey: sources.journeys.map((j) => j.id),
    channel: sources.channels.map((c) => c.id),
    source: sources.report.data.researchSources.map((s) => s.id),
  };
  const stagesOfJourney = new Map<string, string[]>();
  for (const { ref } of sources.stages)
    stagesOfJourney.set(ref.journey, [...(stagesOfJourney.get(ref.journey) ?? []), ref.stage]);
  const journeyById = new Map(sources.journeys.map((j) => [j.id, j]));
  return {
    sources,
    projectRoot,
    failed,
    at,
    ids,
    known: {
      persona: new Set(ids.persona),
      journey: new Set(ids.journey),
      channel: new Set(ids.channel),
      source: new Set(ids.source),
    },
    stagesOfJourney,
    stageKeys: new Set(sources.stages.map((s) => stageKey(s.ref))),
    journeyById,
    improvements: journeyImprovements(sources.journeys, journeyById, failed, at),
    opportunityIds: new Set(
      sources.touchpoints.flatMap((t) =>
        t.data.opportunities.flatMap((o) => (o.id === undefined ? [] : [o.id])),
      ),
    ),
  };
}

/** A reference field must name an existing id; one to an entry that failed validation is left to that entry's error. */
export function referenceProblems(
  ctx: RuleContext,
  entry: SourceEntry<unknown>,
  field: Field,
  kind: ReferenceKind,
  id: string,
): Problem[] {
  if (ctx.known[kind].has(id) || (kind !== 'source' && ctx.failed.has(kind, id))) return [];
  // Entries of a YAML list share the list's `journey:` line: report it there, once.
  if (entry.path && field[0] === 'journey') entry = { ...entry, path: undefined };
  const what = kind === 'source' ? 'research source' : kind;
  return [
    ctx.at(entry, field, {
      message: `unknown ${what} "${id}"`,
      expected: `the id of a ${what}${kind === 'source' ? ' listed in report.yaml researchSources' : ''}`,
      found: `"${id}"`,
      hint: suggest(id, ctx.ids[kind], what),
    }),
  ];
}

/** A touchpoint's or KPI's `stage` must be a stage of its journey (an unknown journey has its own error). */
export function stageReferenceProblems(
  ctx: RuleContext,
  entry: SourceEntry<unknown>,
  { journey, stage }: StageRef,
): Problem[] {
  if (
    !ctx.known.journey.has(journey) ||
    ctx.stageKeys.has(stageKey({ journey, stage })) ||
    ctx.failed.hasStage({ journey, stage })
  )
    return [];
  return [
    ctx.at(entry, ['stage'], {
      message: `journey "${journey}" has no stage "${stage}"`,
      expected: `a stage file name in stages/${journey}/`,
      found: `"${stage}"`,
      hint: suggest(stage, ctx.stagesOfJourney.get(journey) ?? [], 'stage'),
    }),
  ];
}

/** Emotion scores sit on the report's scale. */
export function scoreProblems(
  ctx: RuleContext,
  entry: SourceEntry<unknown>,
  field: Field,
  value: number,
): Problem[] {
  const { report } = ctx.sources;
  const scale = report.data.emotionScale;
  if (value >= scale.min && value <= scale.max) return [];
  return [
    ctx.at(entry, field, {
      message: 'emotion score out of range',
      expected: `a number from ${scale.min} to ${scale.max} (the report's emotionScale)`,
      found: String(value),
      hint: `use the report's scale, or change emotionScale in ${report.file}`,
    }),
  ];
}

/** Ids are unique across the report: every entry after the first with the same id is reported. */
export function duplicateIdProblems(
  ctx: RuleContext,
  what: string,
  entries: readonly SourceEntry<unknown>[],
): Problem[] {
  const first = new Map<string, SourceEntry<unknown>>();
  const problems: Problem[] = [];
  for (const later of entries) {
    const earlier = first.get(later.id);
    if (!earlier) {
      first.set(later.id, later);
      continue;
    }
    problems.push(
      ctx.at(later, later.path ? ['id'] : [], {
        message: `duplicate ${what} id "${later.id}"`,
        found: `also used in ${earlier.file}${earlier.path ? ` (${formatFieldPath(earlier.path)})` : ''}`,
        hint: 'ids must be unique across the report: rename one of them',
      }),
    );
  }
  return problems;
}

/** Entries per journey id, built once so the rules stay linear in the size of the report. */
export function groupByJourney<T extends SourceEntry<{ journey: string }>>(
  entries: readonly T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const group = groups.get(entry.data.journey);
    if (group) group.push(entry);
    else groups.set(entry.data.journey, [entry]);
  }
  return groups;
}
