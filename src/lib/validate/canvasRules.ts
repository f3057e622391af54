import { suggest } from '../closest.ts';
import type { ReportSources, SourceEntry } from '../model.ts';
import type { Problem } from '../problems.ts';
import { builtInLanes, type CanvasData } from '../schema/canvas.ts';
import type { ParsedFile } from './parseFile.ts';
import { locator } from './rules.ts';

/** Built-in lanes whose text a stage may author for the whole stage. */
const stageTextLanes = [
  'doing',
  'thinking',
  'feeling',
  'pain-points',
  'opportunities',
  'frontstage',
  'backstage',
  'support',
];
/** Built-in lanes a touchpoint fills through its own fields. */
const touchpointFieldOf: Record<string, string> = {
  doing: 'does',
  thinking: 'thinks',
  feeling: 'feels',
  frontstage: 'frontstage',
  backstage: 'backstage',
  support: 'support',
};

/** Lane lists are well formed: custom lanes have a label, no lane appears twice. */
function checkLaneList(
  entry: SourceEntry<{ canvas?: CanvasData }>,
  at: ReturnType<typeof locator>,
): Problem[] {
  const seen = new Set<string>();
  return (entry.data.canvas?.lanes ?? []).flatMap((lane, i): Problem[] => {
    const field = ['canvas', 'lanes', i];
    if (seen.has(lane.id))
      return [
        at(entry, field, {
          message: `lane "${lane.id}" is listed twice`,
          hint: 'keep one of the two entries',
        }),
      ];
    seen.add(lane.id);
    if ((builtInLanes as readonly string[]).includes(lane.id) || lane.label) return [];
    return [
      at(entry, field, {
        message: `"${lane.id}" is not a built-in lane, and a custom lane needs a label`,
        expected: `a built-in lane (${builtInLanes.join(', ')}) or { id: ${lane.id}, label: "Name shown on the map" }`,
        found: `"${lane.id}"`,
        hint: suggest(lane.id, builtInLanes, 'lane'),
      }),
    ];
  });
}

/**
 * The canvas's lane choices hold together: lists in report.yaml and journeys are well formed,
 * and every lane a stage or touchpoint writes text for is one the journey's canvas can show.
 */
export function checkCanvasRules(
  sources: ReportSources,
  files: Map<string, ParsedFile>,
): Problem[] {
  const at = locator(files);
  const problems = [sources.report, ...sources.journeys].flatMap((entry) =>
    checkLaneList(entry, at),
  );
  const customLanes = new Map(
    sources.journeys.map((journey) => {
      const lanes = journey.data.canvas?.lanes ?? sources.report.data.canvas?.lanes ?? [];
      return [
        journey.id,
        lanes
          .map((lane) => lane.id)
          .filter((id) => !(builtInLanes as readonly string[]).includes(id)),
      ];
    }),
  );
  const declaredIn = (journey: string) =>
    sources.journeys.find((j) => j.id === journey)?.data.canvas
      ? `journeys/${journey}.mdx`
      : 'report.yaml';
  const unknownLane = (
    entry: SourceEntry<unknown>,
    id: string,
    journey: string,
    allowed: string[],
    builtInHint?: string,
  ) =>
    at(entry, ['lanes', id], {
      message: `no lane "${id}" on the canvas of journey "${journey}"`,
      expected:
        allowed.length > 0
          ? `one of ${allowed.map((a) => `"${a}"`).join(', ')}`
          : 'a custom lane declared in canvas.lanes',
      found: `"${id}"`,
      hint:
        builtInHint ??
        `declare it in ${declaredIn(journey)} under canvas.lanes with a label, e.g. { id: ${id}, label: "…" }`,
    });
  for (const stage of sources.stages) {
    const custom = customLanes.get(stage.data.journey) ?? [];
    const allowed = [...stageTextLanes, ...custom];
    for (const id of Object.keys(stage.data.lanes))
      if (!allowed.includes(id)) problems.push(unknownLane(stage, id, stage.data.journey, allowed));
  }
  for (const touchpoint of sources.touchpoints) {
    const journey = touchpoint.data.journey;
    const custom = customLanes.get(journey) ?? [];
    for (const id of Object.keys(touchpoint.data.lanes)) {
      if (custom.includes(id)) continue;
      const field = touchpointFieldOf[id];
      problems.push(
        unknownLane(
          touchpoint,
          id,
          journey,
          custom,
          field
            ? `write the touchpoint's ${id} text in its own field \`${field}\`, not under lanes`
            : undefined,
        ),
      );
    }
  }
  return problems;
}
