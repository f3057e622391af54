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

/** The custom lanes each journey's canvas shows: its own lane list, else the report's. */
function customLanesByJourney(sources: ReportSources): Map<string, string[]> {
  return new Map(
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
}

/** Reports a lane the journey's canvas does not show; `builtInHint` replaces the hint to declare it. */
type UnknownLane = (
  entry: SourceEntry<unknown>,
  id: string,
  journey: string,
  allowed: string[],
  builtInHint?: string,
) => Problem;

/** The unknown-lane problem, whose hint names the file that declares the journey's lanes. */
function unknownLaneReporter(sources: ReportSources, at: ReturnType<typeof locator>): UnknownLane {
  const declaredIn = (journey: string) =>
    sources.journeys.find((j) => j.id === journey)?.data.canvas
      ? `journeys/${journey}.mdx`
      : 'report.yaml';
  return (entry, id, journey, allowed, builtInHint) =>
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
}

/** What the lane checks of stages and touchpoints look up. */
interface LaneCheck {
  /** Custom lane ids by journey id. */
  customLanes: Map<string, string[]>;
  unknownLane: UnknownLane;
}

/** A stage may write text for the built-in lanes of a whole stage and for its journey's custom lanes. */
function stageLaneProblems(stage: ReportSources['stages'][number], check: LaneCheck): Problem[] {
  const { journey } = stage.data;
  const allowed = [...stageTextLanes, ...(check.customLanes.get(journey) ?? [])];
  return Object.keys(stage.data.lanes)
    .filter((id) => !allowed.includes(id))
    .map((id) => check.unknownLane(stage, id, journey, allowed));
}

/** A touchpoint's `lanes` are for custom lanes only: built-in ones have fields of their own. */
function touchpointLaneProblems(
  touchpoint: ReportSources['touchpoints'][number],
  { customLanes, unknownLane }: LaneCheck,
): Problem[] {
  const journey = touchpoint.data.journey;
  const custom = customLanes.get(journey) ?? [];
  return Object.keys(touchpoint.data.lanes)
    .filter((id) => !custom.includes(id))
    .map((id) => {
      const field = touchpointFieldOf[id];
      return unknownLane(
        touchpoint,
        id,
        journey,
        custom,
        field
          ? `write the touchpoint's ${id} text in its own field \`${field}\`, not under lanes`
          : undefined,
      );
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
  const check: LaneCheck = {
    customLanes: customLanesByJourney(sources),
    unknownLane: unknownLaneReporter(sources, at),
  };
  return [
    ...[sources.report, ...sources.journeys].flatMap((entry) => checkLaneList(entry, at)),
    ...sources.stages.flatMap((stage) => stageLaneProblems(stage, check)),
    ...sources.touchpoints.flatMap((touchpoint) => touchpointLaneProblems(touchpoint, check)),
  ];
}
