import { averageScore } from '../emotion.ts';
import { countKpiStatuses, type KpiStatus } from '../kpi.ts';
import type { Journey, Stage } from '../model.ts';
import type { JourneyData } from '../schema/journey.ts';
import type { Phase } from '../schema/lifecycle.ts';
import { severities } from '../schema/touchpoint.ts';

export type Severity = (typeof severities)[number];

/** What one journey has in one lifecycle phase. */
export interface HeatmapCell {
  journey: Journey;
  phase: Phase;
  /** The journey's stages placed in the phase, in journey order; empty when none is. */
  stages: Stage[];
  /** Mean emotion of the stages' touchpoints; undefined without touchpoints. */
  meanEmotion: number | undefined;
  touchpoints: number;
  painPoints: number;
  painPointsBySeverity: Record<Severity, number>;
  kpis: Record<KpiStatus, number>;
}

export interface HeatmapRow {
  journey: Journey;
  /** One cell per lifecycle phase, in lifecycle order. */
  cells: HeatmapCell[];
  /** Mean emotion of all the journey's touchpoints. */
  meanEmotion: number | undefined;
  painPoints: number;
  /** Stages without a phase (or, before validation, with an unknown one). */
  unplaced: Stage[];
}

export const heatmapSorts = ['journey', 'emotion', 'pain-points'] as const;
export type HeatmapSort = (typeof heatmapSorts)[number];

function countSeverities(severityOf: Iterable<Severity>): Record<Severity, number> {
  const counts = Object.fromEntries(severities.map((s) => [s, 0])) as Record<Severity, number>;
  for (const severity of severityOf) counts[severity]++;
  return counts;
}

/** Stages without a phase, or (before validation) with one the lifecycle does not have. */
export function unplacedStages(stages: readonly Stage[], lifecycle: readonly Phase[]): Stage[] {
  const known = new Set(lifecycle.map((p) => p.id));
  return stages.filter((s) => s.data.phase === undefined || !known.has(s.data.phase));
}

/** The journey's row: its stages grouped by phase and summarised. */
export function heatmapRow(journey: Journey, lifecycle: readonly Phase[]): HeatmapRow {
  const cells = lifecycle.map((phase): HeatmapCell => {
    const stages = journey.stages.filter((s) => s.data.phase === phase.id);
    const touchpoints = stages.flatMap((s) => s.touchpoints);
    const painPoints = touchpoints.flatMap((t) => t.painPoints);
    return {
      journey,
      phase,
      stages,
      meanEmotion: averageScore(touchpoints.map((t) => t.data.emotion)),
      touchpoints: touchpoints.length,
      painPoints: painPoints.length,
      painPointsBySeverity: countSeverities(painPoints.map((p) => p.severity)),
      kpis: countKpiStatuses(stages.flatMap((s) => s.kpis.map((k) => k.status))),
    };
  });
  return {
    journey,
    cells,
    meanEmotion: averageScore(journey.touchpoints.map((t) => t.data.emotion)),
    painPoints: journey.touchpoints.reduce((sum, t) => sum + t.painPoints.length, 0),
    unplaced: unplacedStages(journey.stages, lifecycle),
  };
}

const byTitle = (a: HeatmapRow, b: HeatmapRow) =>
  a.journey.data.title.localeCompare(b.journey.data.title);

/** Rows in the reader's chosen order: by title, lowest mean emotion first, or most pain points first. */
export function sortHeatmapRows(rows: readonly HeatmapRow[], sort: HeatmapSort): HeatmapRow[] {
  const emotion = (row: HeatmapRow) => row.meanEmotion ?? Number.POSITIVE_INFINITY;
  const compare: Record<HeatmapSort, (a: HeatmapRow, b: HeatmapRow) => number> = {
    journey: byTitle,
    emotion: (a, b) => emotion(a) - emotion(b) || byTitle(a, b),
    'pain-points': (a, b) => b.painPoints - a.painPoints || byTitle(a, b),
  };
  return [...rows].sort(compare[sort]);
}

/** Rows per heatmap page: a screenful that stays well inside the page-weight budget at 200 journeys. */
export const HEATMAP_PAGE_SIZE = 50;

/** One pre-rendered heatmap page: which journeys, in which order, which page of how many. */
export interface HeatmapVariant {
  state: JourneyData['state'];
  sort: HeatmapSort;
  page: number;
  pages: number;
}

/** The state shown first: today's journeys when there are any. */
export function defaultHeatmapState(journeys: readonly Journey[]): JourneyData['state'] {
  return journeys.some((j) => j.data.state === 'current') || journeys.length === 0
    ? 'current'
    : 'future';
}

/**
 * The heatmap page's path below `heatmap/`: empty for the default view, else segments for a
 * non-default state, sort and page (`future/by-emotion/page-2/`).
 */
export function heatmapVariantPath(
  variant: Pick<HeatmapVariant, 'state' | 'sort' | 'page'>,
  defaultState: JourneyData['state'],
): string {
  const segments = [
    ...(variant.state === defaultState ? [] : [variant.state]),
    ...(variant.sort === 'journey' ? [] : [`by-${variant.sort}`]),
    ...(variant.page === 1 ? [] : [`page-${variant.page}`]),
  ];
  return segments.map((s) => `${s}/`).join('');
}

/** Every heatmap page to build: each state that has journeys × each sort × each page. */
export function heatmapVariants(
  journeys: readonly Journey[],
  pageSize = HEATMAP_PAGE_SIZE,
): HeatmapVariant[] {
  const states = (['current', 'future'] as const).filter((state) =>
    journeys.some((j) => j.data.state === state),
  );
  if (states.length === 0) return [{ state: 'current', sort: 'journey', page: 1, pages: 1 }];
  return states.flatMap((state) => {
    const pages = Math.ceil(journeys.filter((j) => j.data.state === state).length / pageSize);
    return heatmapSorts.flatMap((sort) =>
      Array.from({ length: pages }, (_, i) => ({ state, sort, page: i + 1, pages })),
    );
  });
}

/** The items of a 1-based page. */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize);
}

/** The rows one heatmap page shows: the journeys of its state, in its order, its page of them. */
export function heatmapVariantRows(
  journeys: readonly Journey[],
  lifecycle: readonly Phase[],
  variant: Pick<HeatmapVariant, 'state' | 'sort' | 'page'>,
  pageSize = HEATMAP_PAGE_SIZE,
): HeatmapRow[] {
  const rows = journeys
    .filter((j) => j.data.state === variant.state)
    .map((j) => heatmapRow(j, lifecycle));
  return pageOf(sortHeatmapRows(rows, variant.sort), variant.page, pageSize);
}

/** Rows the overview shows before pointing to the full heatmap. */
export const OVERVIEW_HEATMAP_ROWS = 12;

/**
 * The overview's heatmap: every journey of the default state in title order when they fit,
 * else the ones with the lowest mean emotion, where attention is needed first.
 */
export function overviewHeatmapRows(
  journeys: readonly Journey[],
  lifecycle: readonly Phase[],
): { rows: HeatmapRow[]; total: number } {
  const state = defaultHeatmapState(journeys);
  const rows = journeys.filter((j) => j.data.state === state).map((j) => heatmapRow(j, lifecycle));
  if (rows.length <= OVERVIEW_HEATMAP_ROWS)
    return { rows: sortHeatmapRows(rows, 'journey'), total: rows.length };
  return {
    rows: sortHeatmapRows(rows, 'emotion').slice(0, OVERVIEW_HEATMAP_ROWS),
    total: rows.length,
  };
}
