import { emotionLabel, emotionTone } from '../emotion.ts';
import { formatNumber } from '../format.ts';
import type { Translate } from '../i18n/index.ts';
import type { EmotionScale } from '../schema/report.ts';
import { chartBand, chartGrid, chartInk, chartMuted, toneColor } from './palette.ts';
import { marker, toneShape } from './shapes.ts';
import { chartRoot, el, fitLabel, idPart, text, wrapLabel } from './svg.ts';

export interface TimelineStage {
  id: string;
  name: string;
}

export interface TimelineLane {
  id: string;
  name: string;
  kind: 'online' | 'offline';
}

export interface TimelineMark {
  id: string;
  title: string;
  stageId: string;
  laneId: string;
  score: number;
  /** Page of the touchpoint; marks without one (e.g. from a Mermaid diagram) are not links. */
  href?: string;
  momentOfTruth: boolean;
  painPoints: number;
}

export interface TimelineInput {
  /** Prefix for every id inside the chart, unique on the page. */
  id: string;
  title: string;
  stages: TimelineStage[];
  lanes: TimelineLane[];
  marks: TimelineMark[];
  scale: EmotionScale;
  /** Marks only, no labels: the overview's small version. */
  compact?: boolean;
  /** Interface text in the report's language. */
  t: Translate;
}

export interface Chart {
  svg: string;
  width: number;
  height: number;
}

/** Sizes of a timeline, full or compact. */
export interface TimelineLayout {
  laneHeader: number;
  column: number;
  row: number;
  header: number;
  radius: number;
  fontSize: number;
}

const fullLayout: TimelineLayout = {
  laneHeader: 150,
  column: 200,
  row: 30,
  header: 48,
  radius: 7,
  fontSize: 11.5,
};
const compactLayout: TimelineLayout = {
  laneHeader: 120,
  column: 96,
  row: 20,
  header: 44,
  radius: 5.5,
  fontSize: 11,
};

/** A sentence summarising the timeline for screen readers and the <desc>. */
export function describeTimeline(
  input: Pick<TimelineInput, 'stages' | 'lanes' | 'marks' | 'scale' | 't'>,
): string {
  const { stages, lanes, marks, scale } = input;
  const t = input.t;
  if (marks.length === 0)
    return t('charts.timelineEmpty', { stages: t('charts.countStages', { count: stages.length }) });
  const stageName = new Map(stages.map((s) => [s.id, s.name]));
  const lowest = marks.reduce((a, b) => (b.score < a.score ? b : a));
  const highest = marks.reduce((a, b) => (b.score > a.score ? b : a));
  const point = (m: TimelineMark) =>
    t('charts.pointInStage', {
      title: m.title,
      stage: stageName.get(m.stageId) ?? '',
      score: formatNumber(m.score, t.locale),
      label: emotionLabel(m.score, scale, t),
    });
  return t('charts.timelineSummary', {
    touchpoints: t('count.touchpoints', { count: marks.length }),
    stages: t('charts.countStages', { count: stages.length }),
    stageNames: stages.map((s) => s.name).join(', '),
    channels: t('charts.countChannels', { count: lanes.length }),
    lowest: point(lowest),
    highest: point(highest),
    truths: t('charts.countTruths', { count: marks.filter((m) => m.momentOfTruth).length }),
    pains: t('charts.countPainTouchpoints', {
      count: marks.filter((m) => m.painPoints > 0).length,
    }),
  });
}

/** Where everything of a timeline goes: lanes in drawing order, marks by cell, each lane's top, the size. */
export interface TimelineGeometry {
  layout: TimelineLayout;
  /** Online lanes first, then offline ones, each group in the given order. */
  lanes: TimelineLane[];
  /** The marks of each cell, keyed by `cellKey`, in the given order. */
  cells: Map<string, TimelineMark[]>;
  /** The y of each lane's top, in `lanes` order. */
  laneTop: number[];
  width: number;
  height: number;
}

/** Key of the cell where a lane crosses a stage. */
const cellKey = (laneId: string, stageId: string) => `${laneId}|${stageId}`;

/** Lanes as many rows tall as their busiest cell needs, so the marks of a cell stack without overlap. */
export function layoutTimeline(
  input: Pick<TimelineInput, 'stages' | 'lanes' | 'marks' | 'compact'>,
): TimelineGeometry {
  const layout = input.compact ? compactLayout : fullLayout;
  const lanes = [...input.lanes].sort((a, b) =>
    a.kind === b.kind ? 0 : a.kind === 'online' ? -1 : 1,
  );
  const cells = new Map<string, TimelineMark[]>();
  for (const mark of input.marks) {
    const key = cellKey(mark.laneId, mark.stageId);
    cells.set(key, [...(cells.get(key) ?? []), mark]);
  }
  const laneTop: number[] = [];
  let y = layout.header;
  for (const lane of lanes) {
    const rows = Math.max(
      1,
      ...input.stages.map((s) => cells.get(cellKey(lane.id, s.id))?.length ?? 0),
    );
    laneTop.push(y);
    y += rows * layout.row + 8;
  }
  const width = layout.laneHeader + Math.max(1, input.stages.length) * layout.column;
  const height = Math.max(y, layout.header + 24) + 4;
  return { layout, lanes, cells, laneTop, width, height };
}

/** Stage columns with alternating bands and wrapped names. */
function stageColumns(stages: readonly TimelineStage[], g: TimelineGeometry): string[] {
  const { layout } = g;
  return stages.flatMap((stage, i) => {
    const x = layout.laneHeader + i * layout.column;
    const lines = wrapLabel(stage.name, layout.column - 12, layout.fontSize + 1, 2);
    const name = el(
      'text',
      { x: x + 8, y: 18, 'font-size': layout.fontSize + 1, 'font-weight': 600, fill: chartInk },
      ...lines.map((line, j) =>
        el('tspan', { x: x + 8, dy: j === 0 ? 0 : layout.fontSize + 3 }, text(line)),
      ),
    );
    if (i % 2 !== 0) return [name];
    return [el('rect', { x, y: 0, width: layout.column, height: g.height, fill: chartBand }), name];
  });
}

/** Lanes: a rule above each (stronger where offline lanes begin), the channel name and kind in the header column. */
function laneHeaders(g: TimelineGeometry, t: Translate): string[] {
  const { layout, lanes } = g;
  return lanes.flatMap((lane, i) => {
    const top = g.laneTop[i]!;
    const groupStart = i > 0 && lanes[i - 1]!.kind !== lane.kind;
    return [
      el('line', {
        x1: 0,
        x2: g.width,
        y1: top - 4,
        y2: top - 4,
        stroke: groupStart ? chartMuted : chartGrid,
        'stroke-width': groupStart ? 1.5 : 1,
      }),
      el(
        'text',
        { x: 6, y: top + layout.row / 2 + 4, 'font-size': layout.fontSize, fill: chartInk },
        text(fitLabel(lane.name, layout.laneHeader - 12, layout.fontSize)),
        el(
          'tspan',
          { x: 6, dy: layout.fontSize + 2, 'font-size': layout.fontSize - 1.5, fill: chartMuted },
          text(t(`channelKind.${lane.kind}`)),
        ),
      ),
    ];
  });
}

/** A mark's tooltip: its title, then stage, channel, score, moment of truth and pain points. */
export function timelineMarkTitle(
  mark: TimelineMark,
  stage: TimelineStage,
  lane: TimelineLane,
  input: Pick<TimelineInput, 'scale' | 't'>,
): string {
  const t = input.t;
  const details = [
    t('charts.markDetails', {
      stage: stage.name,
      channel: lane.name,
      score: formatNumber(mark.score, t.locale),
      label: emotionLabel(mark.score, input.scale, t),
    }),
    mark.momentOfTruth ? t('touchpoint.momentOfTruth') : '',
    mark.painPoints > 0 ? t('count.painPoints', { count: mark.painPoints }) : '',
  ].filter(Boolean);
  return `${mark.title}. ${details.join('; ')}.`;
}

/**
 * A touchpoint at (x, cy): a link (when it has a page) holding its tooltip, a ring when it is a
 * moment of truth, a marker shaped and coloured by emotion, "!" for pain points and, at full
 * size, its title.
 */
function timelineMark(
  mark: TimelineMark,
  x: number,
  cy: number,
  title: string,
  input: TimelineInput,
  layout: TimelineLayout,
): string {
  const tone = emotionTone(mark.score, input.scale);
  return el(
    mark.href === undefined ? 'g' : 'a',
    { href: mark.href, class: 'chart-mark', 'data-touchpoint': mark.id },
    el('title', {}, text(title)),
    mark.momentOfTruth &&
      el('circle', {
        cx: x,
        cy,
        r: layout.radius + 4,
        fill: 'none',
        stroke: chartInk,
        'stroke-width': 1.5,
      }),
    marker(toneShape[tone], x, cy, layout.radius, {
      fill: toneColor[tone],
      class: 'chart-mark__shape',
    }),
    mark.painPoints > 0 &&
      el(
        'text',
        {
          x: x + layout.radius + 1,
          y: cy - layout.radius + 2,
          'font-size': layout.fontSize,
          'font-weight': 700,
          fill: toneColor.negative,
        },
        '!',
      ),
    !input.compact &&
      el(
        'text',
        { x: x + layout.radius + 9, y: cy + 4, 'font-size': layout.fontSize, fill: chartInk },
        text(fitLabel(mark.title, layout.column - layout.radius * 2 - 26, layout.fontSize)),
      ),
  );
}

/** Every mark, lane by lane and stage by stage, stacked in rows within its cell. */
function timelineMarks(input: TimelineInput, g: TimelineGeometry): string[] {
  const { layout } = g;
  const stageIndex = new Map(input.stages.map((s, i) => [s.id, i]));
  return g.lanes.flatMap((lane, laneNumber) =>
    input.stages.flatMap((stage) =>
      (g.cells.get(cellKey(lane.id, stage.id)) ?? []).map((mark, row) => {
        const x =
          layout.laneHeader + stageIndex.get(stage.id)! * layout.column + layout.radius + 10;
        const cy = g.laneTop[laneNumber]! + row * layout.row + layout.row / 2;
        const title = timelineMarkTitle(mark, stage, lane, input);
        return timelineMark(mark, x, cy, title, input, layout);
      }),
    ),
  );
}

/**
 * The journey timeline: stages as columns in order, one swimlane per channel (online lanes
 * first), each touchpoint a linked mark in its cell, shaped and coloured by emotion, ringed
 * when it is a moment of truth, flagged "!" when it has pain points. Marks in one cell stack
 * in rows, so nothing overlaps however many touchpoints a cell holds.
 */
export function buildJourneyTimeline(input: TimelineInput): Chart {
  const g = layoutTimeline(input);
  const svg = chartRoot(
    {
      id: input.id,
      width: g.width,
      height: g.height,
      role: 'group',
      className: `chart chart--timeline${input.compact ? ' chart--compact' : ''}`,
      title: input.title,
      description: describeTimeline(input),
    },
    ...stageColumns(input.stages, g),
    ...laneHeaders(g, input.t),
    ...timelineMarks(input, g),
  );
  return { svg, width: g.width, height: g.height };
}

/** A chart id from parts, safe for HTML ids. */
export function chartId(...parts: string[]): string {
  return parts.map(idPart).join('-');
}
