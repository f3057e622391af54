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

interface Layout {
  laneHeader: number;
  column: number;
  row: number;
  header: number;
  radius: number;
  fontSize: number;
}

const fullLayout: Layout = {
  laneHeader: 150,
  column: 200,
  row: 30,
  header: 48,
  radius: 7,
  fontSize: 11.5,
};
const compactLayout: Layout = {
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

/**
 * The journey timeline: stages as columns in order, one swimlane per channel (online lanes
 * first), each touchpoint a linked mark in its cell, shaped and coloured by emotion, ringed
 * when it is a moment of truth, flagged "!" when it has pain points. Marks in one cell stack
 * in rows, so nothing overlaps however many touchpoints a cell holds.
 */
export function buildJourneyTimeline(input: TimelineInput): Chart {
  const t = input.t;
  const layout = input.compact ? compactLayout : fullLayout;
  const lanes = [...input.lanes].sort((a, b) =>
    a.kind === b.kind ? 0 : a.kind === 'online' ? -1 : 1,
  );
  const stageIndex = new Map(input.stages.map((s, i) => [s.id, i]));
  const cells = new Map<string, TimelineMark[]>();
  for (const mark of input.marks) {
    const key = `${mark.laneId}|${mark.stageId}`;
    cells.set(key, [...(cells.get(key) ?? []), mark]);
  }
  const rowsPerLane = lanes.map((lane) =>
    Math.max(1, ...input.stages.map((s) => cells.get(`${lane.id}|${s.id}`)?.length ?? 0)),
  );
  const laneTop: number[] = [];
  let y = layout.header;
  for (const rows of rowsPerLane) {
    laneTop.push(y);
    y += rows * layout.row + 8;
  }
  const width = layout.laneHeader + Math.max(1, input.stages.length) * layout.column;
  const height = Math.max(y, layout.header + 24) + 4;

  const parts: string[] = [];
  // Stage columns with alternating bands and wrapped names.
  input.stages.forEach((stage, i) => {
    const x = layout.laneHeader + i * layout.column;
    if (i % 2 === 0)
      parts.push(el('rect', { x, y: 0, width: layout.column, height, fill: chartBand }));
    const lines = wrapLabel(stage.name, layout.column - 12, layout.fontSize + 1, 2);
    parts.push(
      el(
        'text',
        { x: x + 8, y: 18, 'font-size': layout.fontSize + 1, 'font-weight': 600, fill: chartInk },
        ...lines.map((line, j) =>
          el('tspan', { x: x + 8, dy: j === 0 ? 0 : layout.fontSize + 3 }, text(line)),
        ),
      ),
    );
  });
  // Lanes: a rule above each, the channel name and kind in the header column.
  lanes.forEach((lane, i) => {
    const top = laneTop[i]!;
    const groupStart = i > 0 && lanes[i - 1]!.kind !== lane.kind;
    parts.push(
      el('line', {
        x1: 0,
        x2: width,
        y1: top - 4,
        y2: top - 4,
        stroke: groupStart ? chartMuted : chartGrid,
        'stroke-width': groupStart ? 1.5 : 1,
      }),
    );
    parts.push(
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
    );
  });
  // Marks.
  lanes.forEach((lane, laneNumber) => {
    for (const stage of input.stages) {
      const marks = cells.get(`${lane.id}|${stage.id}`) ?? [];
      marks.forEach((mark, row) => {
        const x =
          layout.laneHeader + stageIndex.get(stage.id)! * layout.column + layout.radius + 10;
        const cy = laneTop[laneNumber]! + row * layout.row + layout.row / 2;
        const tone = emotionTone(mark.score, input.scale);
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
        parts.push(
          el(
            mark.href === undefined ? 'g' : 'a',
            { href: mark.href, class: 'chart-mark', 'data-touchpoint': mark.id },
            el('title', {}, text(`${mark.title}. ${details.join('; ')}.`)),
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
                {
                  x: x + layout.radius + 9,
                  y: cy + 4,
                  'font-size': layout.fontSize,
                  fill: chartInk,
                },
                text(fitLabel(mark.title, layout.column - layout.radius * 2 - 26, layout.fontSize)),
              ),
          ),
        );
      });
    }
  });

  const svg = chartRoot(
    {
      id: input.id,
      width,
      height,
      role: 'group',
      className: `chart chart--timeline${input.compact ? ' chart--compact' : ''}`,
      title: input.title,
      description: describeTimeline(input),
    },
    ...parts,
  );
  return { svg, width, height };
}

/** A chart id from parts, safe for HTML ids. */
export function chartId(...parts: string[]): string {
  return parts.map(idPart).join('-');
}
