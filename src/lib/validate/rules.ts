import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AA_TEXT, resolveBranding } from '../branding.ts';
import { closestMatches, suggest } from '../closest.ts';
import { currentKpiValue } from '../kpi.ts';
import { defaultPhaseIds } from '../schema/lifecycle.ts';
import { isDefaultPhase, suggestPhase } from '../portfolio/phases.ts';
import { stageKey, type ReportSources, type SourceEntry } from '../model.ts';
import { formatFieldPath, type Problem } from '../problems.ts';
import type { FailedEntries } from './failedEntries.ts';
import type { ParsedFile } from './parseFile.ts';

type Field = (string | number)[];

/** Problem builder that knows where an entry sits in its file. */
export function locator(files: Map<string, ParsedFile>) {
  return (entry: SourceEntry<unknown>, field: Field, problem: Omit<Problem, 'file' | 'line' | 'field' | 'severity'>, severity: Problem['severity'] = 'error'): Problem => {
    const path = [...(entry.path ?? []), ...field];
    return { severity, file: entry.file, line: files.get(entry.file)?.lineOf(path), field: formatFieldPath(path), ...problem };
  };
}

function duplicates<T extends SourceEntry<unknown>>(entries: readonly T[], key: (e: T) => string): [T, T][] {
  const first = new Map<string, T>();
  const pairs: [T, T][] = [];
  for (const entry of entries) {
    const k = key(entry);
    const earlier = first.get(k);
    if (earlier) pairs.push([earlier, entry]);
    else first.set(k, entry);
  }
  return pairs;
}

/**
 * Rules that span files: references resolve, ids are unique, stage orders are unique per
 * journey, scores sit on the report's scale, every journey has stages. References to entries that
 * failed validation are not reported: their own error is the one to fix.
 */
export function checkReportRules(sources: ReportSources, files: Map<string, ParsedFile>, projectRoot: string, failed: FailedEntries): Problem[] {
  const at = locator(files);
  const problems: Problem[] = [];
  const { report } = sources;
  const scale = report.data.emotionScale;

  const ids = {
    persona: sources.personas.map((p) => p.id),
    journey: sources.journeys.map((j) => j.id),
    channel: sources.channels.map((c) => c.id),
    source: report.data.researchSources.map((s) => s.id),
  };
  const sets = {
    persona: new Set(ids.persona),
    journey: new Set(ids.journey),
    channel: new Set(ids.channel),
    source: new Set(ids.source),
  };
  const stagesOfJourney = new Map<string, string[]>();
  for (const stage of sources.stages) {
    const slug = stage.id.split('/').at(-1)!;
    stagesOfJourney.set(stage.data.journey, [...(stagesOfJourney.get(stage.data.journey) ?? []), slug]);
  }
  const stageKeys = new Set(sources.stages.map((s) => s.id));

  const reference = (entry: SourceEntry<unknown>, field: Field, kind: keyof typeof sets, id: string) => {
    if (sets[kind].has(id) || (kind !== 'source' && failed.has(kind, id))) return;
    // Entries of a YAML list share the list's `journey:` line: report it there, once.
    if (entry.path && field[0] === 'journey') entry = { ...entry, path: undefined };
    const what = kind === 'source' ? 'research source' : kind;
    problems.push(
      at(entry, field, {
        message: `unknown ${what} "${id}"`,
        expected: `the id of a ${what}${kind === 'source' ? ' listed in report.yaml researchSources' : ''}`,
        found: `"${id}"`,
        hint: suggest(id, ids[kind], what),
      }),
    );
  };
  const stageReference = (entry: SourceEntry<unknown>, journey: string, stage: string) => {
    if (!sets.journey.has(journey) || stageKeys.has(stageKey(journey, stage)) || failed.has('stage', stageKey(journey, stage))) return;
    problems.push(
      at(entry, ['stage'], {
        message: `journey "${journey}" has no stage "${stage}"`,
        expected: `a stage file name in stages/${journey}/`,
        found: `"${stage}"`,
        hint: suggest(stage, stagesOfJourney.get(journey) ?? [], 'stage'),
      }),
    );
  };
  const score = (entry: SourceEntry<unknown>, field: Field, value: number) => {
    if (value >= scale.min && value <= scale.max) return;
    problems.push(
      at(entry, field, {
        message: 'emotion score out of range',
        expected: `a number from ${scale.min} to ${scale.max} (the report's emotionScale)`,
        found: String(value),
        hint: `use the report's scale, or change emotionScale in ${report.file}`,
      }),
    );
  };

  // Unique ids.
  const duplicateGroups: [string, SourceEntry<unknown>[]][] = [
    ['persona', sources.personas],
    ['journey', sources.journeys],
    ['touchpoint', sources.touchpoints],
    ['KPI', sources.kpis],
    ['stage', sources.stages],
    ['channel', sources.channels.filter((c) => c.path !== undefined)],
  ];
  for (const [what, entries] of duplicateGroups) {
    for (const [earlier, later] of duplicates(entries, (e) => e.id)) {
      problems.push(
        at(later, later.path ? ['id'] : [], {
          message: `duplicate ${what} id "${later.id}"`,
          found: `also used in ${earlier.file}${earlier.path ? ` (${formatFieldPath(earlier.path)})` : ''}`,
          hint: 'ids must be unique across the report: rename one of them',
        }),
      );
    }
  }
  for (const [earlier, later] of duplicates(
    report.data.researchSources.map((s, i) => ({ id: s.id, data: s, file: report.file, path: ['researchSources', i] })),
    (e) => e.id,
  )) {
    problems.push(at(later, ['id'], { message: `duplicate research source id "${later.id}"`, found: `also at ${formatFieldPath(earlier.path)}`, hint: 'rename one of them' }));
  }

  // Branding: colours that would fail WCAG AA are used adjusted; say so, with the colour used.
  const branding = resolveBranding(report.data.branding);
  for (const [field, color] of [['primaryColor', branding.primary], ['accentColor', branding.accent]] as const) {
    if (report.data.branding[field] === undefined || !color.adjusted) continue;
    problems.push(
      at(report, ['branding', field], {
        message: `the brand colour has too little contrast with white (${color.contrast.toFixed(2)}:1; WCAG AA needs ${AA_TEXT}:1)`,
        found: color.authored,
        hint: `Itinera uses the adjusted shade ${color.used}; write that colour to make this warning go away`,
      }, 'warning'),
    );
  }
  if (report.data.branding.logo !== undefined && !existsSync(join(projectRoot, dirname(report.file), report.data.branding.logo))) {
    problems.push(at(report, ['branding', 'logo'], { message: 'image file not found', found: `"${report.data.branding.logo}"`, expected: 'a path relative to the report folder, e.g. "./logo.svg"' }));
  }

  // Report scale.
  report.data.emotionScale.labels.forEach((label, i) => {
    if (label.score < scale.min || label.score > scale.max) {
      problems.push(at(report, ['emotionScale', 'labels', i, 'score'], { message: 'label outside the emotion scale', expected: `a score from ${scale.min} to ${scale.max}`, found: String(label.score) }));
    }
  });

  problems.push(...lifecycleProblems(report, at));

  for (const persona of sources.personas) {
    persona.data.preferredChannels.forEach((channel, i) => reference(persona, ['preferredChannels', i], 'channel', channel));
    if (persona.data.avatar !== undefined) {
      const image = join(projectRoot, dirname(persona.file), persona.data.avatar);
      if (!existsSync(image)) {
        problems.push(at(persona, ['avatar'], { message: 'image file not found', found: `"${persona.data.avatar}"`, expected: 'a path relative to the persona file, e.g. "./giulia.jpg"', hint: 'check the file name and folder' }));
      }
      if (persona.data.avatarAlt === undefined) {
        problems.push(at(persona, ['avatar'], { message: 'the avatar has no text alternative', hint: 'add "avatarAlt:" describing the picture for screen-reader users' }));
      }
    }
  }

  for (const journey of sources.journeys) {
    journey.data.personas.forEach((persona, i) => reference(journey, ['personas', i], 'persona', persona));
    if (!stagesOfJourney.has(journey.id) && !failed.hasStageIn(journey.id)) {
      problems.push(at(journey, [], { message: 'the journey has no stages', hint: `add stage files in stages/${journey.id}/ (\`npm run new -- stage\`)` }));
    }
  }

  const orderSeen = new Map<string, SourceEntry<unknown>>();
  for (const stage of sources.stages) {
    reference(stage, ['journey'], 'journey', stage.data.journey);
    const folder = stage.file.split('/').at(-2);
    if (folder !== stage.data.journey && sets.journey.has(stage.data.journey)) {
      problems.push(at(stage, ['journey'], { message: `the stage belongs to journey "${stage.data.journey}" but sits in folder "${folder}"`, hint: `move the file to stages/${stage.data.journey}/` }, 'warning'));
    }
    if (stage.data.phase !== undefined) {
      const problem = phaseProblem(stage.data.phase, stage.data.name, report);
      if (problem) problems.push(at(stage, ['phase'], problem));
    }
    const orderKey = `${stage.data.journey}#${stage.data.order}`;
    const earlier = orderSeen.get(orderKey);
    if (earlier) {
      problems.push(at(stage, ['order'], { message: `duplicate stage order ${stage.data.order} in journey "${stage.data.journey}"`, found: `also used by ${earlier.file}`, hint: 'give every stage of a journey its own order number' }));
    } else orderSeen.set(orderKey, stage);
  }

  const personasOfJourney = new Map(sources.journeys.map((j) => [j.id, new Set(j.data.personas)]));
  const unknownPersonasOfJourney = new Map(sources.journeys.map((j) => [j.id, j.data.personas.filter((p) => !sets.persona.has(p))]));
  /** A score for a persona the journey does not list; silent when that follows from another error. */
  const personaScoreProblem = (touchpoint: (typeof sources.touchpoints)[number], persona: string) => {
    const { journey } = touchpoint.data;
    const journeyPersonas = personasOfJourney.get(journey);
    // An unknown journey, a persona file that failed, or a journey that misspells this persona: each has its own error.
    if (!journeyPersonas || journeyPersonas.has(persona) || failed.has('persona', persona)) return;
    if (closestMatches(persona, unknownPersonasOfJourney.get(journey) ?? []).length > 0) return;
    // A persona of the report is a correct key: the journey may lack it, but renaming the key would be wrong.
    const hint = sets.persona.has(persona) ? `add "${persona}" to the personas of journey "${journey}", or remove this score` : suggest(persona, [...journeyPersonas], 'persona');
    problems.push(at(touchpoint, ['emotionByPersona', persona], { message: `persona "${persona}" is not in journey "${journey}"`, expected: `one of the journey's personas: ${[...journeyPersonas].join(', ')}`, hint }));
  };
  const touchpointsPerStage = new Map<string, number>();
  for (const touchpoint of sources.touchpoints) {
    const { data } = touchpoint;
    const folder = touchpoint.file.split('/').at(-2);
    if (folder !== data.journey && sets.journey.has(data.journey)) {
      // A list file's entries share its one `journey:` line: point there, once.
      problems.push(at({ ...touchpoint, path: undefined }, ['journey'], { message: `the touchpoint belongs to journey "${data.journey}" but sits in folder "${folder}"`, hint: `move the file to touchpoints/${data.journey}/` }, 'warning'));
    }
    reference(touchpoint, ['journey'], 'journey', data.journey);
    stageReference(touchpoint, data.journey, data.stage);
    reference(touchpoint, ['channel'], 'channel', data.channel);
    score(touchpoint, ['emotion'], data.emotion);
    for (const [persona, value] of Object.entries(data.emotionByPersona)) {
      score(touchpoint, ['emotionByPersona', persona], value);
      personaScoreProblem(touchpoint, persona);
    }
    data.evidence.forEach((evidence, i) => reference(touchpoint, ['evidence', i, 'source'], 'source', evidence.source));
    const key = stageKey(data.journey, data.stage);
    touchpointsPerStage.set(key, (touchpointsPerStage.get(key) ?? 0) + 1);
  }
  for (const stage of sources.stages) {
    if (!touchpointsPerStage.has(stage.id) && !failed.hasTouchpointIn(stage.id)) {
      problems.push(at(stage, [], { message: 'the stage has no touchpoints', hint: `add touchpoints with "journey: ${stage.data.journey}" and "stage: ${stage.id.split('/').at(-1)}"` }, 'warning'));
    }
  }

  const improvingJourneys = new Set(sources.journeys.filter((j) => j.data.improves !== undefined).map((j) => j.id));
  for (const kpi of sources.kpis) {
    reference(kpi, ['journey'], 'journey', kpi.data.journey);
    stageReference(kpi, kpi.data.journey, kpi.data.stage);
    // A future-state KPI may borrow today's value; the future-state rules check that one exists.
    if (currentKpiValue(kpi.data) === undefined && !improvingJourneys.has(kpi.data.journey) && !failed.has('journey', kpi.data.journey)) {
      problems.push(at(kpi, ['value'], { message: 'the KPI has a target but no value', expected: 'a "value:" or at least one "history:" entry', hint: 'add the latest measured value, or import a history with `npm run import -- kpis FILE.csv`' }));
    }
  }
  return problems;
}

/** A stage's `phase` must be one of the report's lifecycle phases; the hint names the closest. */
function phaseProblem(phase: string, stageName: string, report: ReportSources['report']): Omit<Problem, 'file' | 'line' | 'field' | 'severity'> | undefined {
  const ids = report.data.lifecycle.map((p) => p.id);
  if (ids.includes(phase)) return undefined;
  const close = closestMatches(phase, ids);
  // A phase written in words ("acquisto", "checkout"), or else the stage's name, points to a phase.
  const named = suggestPhase(phase, report.data.lifecycle) ?? suggestPhase(stageName, report.data.lifecycle);
  return {
    message: `unknown phase "${phase}"`,
    expected: `one of the report's lifecycle phases: ${ids.join(', ')}`,
    found: `"${phase}"`,
    hint: close.length > 0 ? suggest(phase, ids, 'phase') : named ? `did you mean "${named}"?` : `use one of the phases above, or add "${phase}" to lifecycle in ${report.file}`,
  };
}

/** Lifecycle phases need distinct ids, and a phase of the report's own needs a name. */
function lifecycleProblems(report: ReportSources['report'], at: ReturnType<typeof locator>): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  report.data.lifecycle.forEach((phase, i) => {
    if (seen.has(phase.id)) problems.push(at(report, ['lifecycle', i, 'id'], { message: `duplicate phase id "${phase.id}"`, hint: 'give every lifecycle phase its own id' }));
    seen.add(phase.id);
    if (phase.name === undefined && !isDefaultPhase(phase.id)) {
      problems.push(at(report, ['lifecycle', i], { message: `the phase "${phase.id}" has no name`, expected: 'a "name:" shown as the heatmap column heading', hint: `add a name; only the built-in phases (${defaultPhaseIds.join(', ')}) have one of their own` }));
    }
  });
  return problems;
}
