import { canvasColumnMinRem, canvasSvgLanes, canvasSvgStages } from './canvas/journey.ts';
import { canvasLanes } from './canvas/lanes.ts';
import { layoutCanvasRows, wrapText, type CanvasSvgInput } from './canvas/svg.ts';
import { buildEmotionCurve } from './charts/emotionCurve.ts';
import { journeyCurveInput } from './charts/fromModel.ts';
import { formatDate, formatKpiDelta, formatKpiValue } from './format.ts';
import type { Translate } from './i18n/index.ts';
import { kpiMargin, kpiStatusSymbol } from './kpi.ts';
import type { Journey, Kpi } from './model.ts';
import type { ReportData } from './schema/report.ts';
import { withBase } from './paths.ts';

/** The size an embed's `<iframe>` snippet asks for, in CSS pixels. */
export interface EmbedSize {
  width: number;
  height: number;
}

/**
 * The address a snippet points at: absolute when the site's public URL (`site` in the Astro
 * config, the SITE variable) is known, else root-relative, which works only on the report's own host.
 */
export function embedSrc(path: string, base: string, site?: URL | string): string {
  const relative = withBase(base, path);
  return site ? new URL(relative, site).href : relative;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The copy-paste `<iframe>` of an embed. `max-width` lets it shrink in a narrow column. */
export function embedSnippet(options: { src: string; title: string } & EmbedSize): string {
  const { src, title, width, height } = options;
  return `<iframe src="${escapeAttribute(src)}" width="${width}" height="${height}" title="${escapeAttribute(title)}" loading="lazy" style="max-width: 100%; border: 0"></iframe>`;
}

/**
 * Makes links that leave the embedded view open in the top window rather than inside the frame;
 * links to an anchor of the view itself (`#…`) stay in the frame. Links that name a target keep it.
 */
export function linksToTopWindow(html: string): string {
  return html.replace(/<a\b(?![^>]*\btarget=)([^>]*\bhref="(?!#)[^"]*")/g, '<a target="_top"$1');
}

/*
 * Snippet sizes. An <iframe> cannot grow to its content without script on the host page, so the
 * height is estimated at build time from the content at the snippet's width, with the text
 * wrapping of the SVG export (average glyph widths). The constants match src/styles/embed.css
 * and report.css; test/e2e/embeds.test.ts checks every view of the example fits its frame.
 */

/** Widths the snippets ask for: the map's grid layout (from 48rem), a chart's natural width, the KPI table's fixed columns. */
export const embedWidths = { canvas: 1024, curve: 720, kpis: 1024 } as const;

/** Heights are rounded up to this step, which also leaves room for fonts a little wider than the estimate. */
const STEP = 20;
const roundUp = (height: number) => Math.ceil(height / STEP) * STEP;
/** The frame's header: report name, view title and the link back (one line each at most sizes). */
const HEADER = 30;
/** Side padding of the view (0.75rem each side) and the 1px borders of a scroll box. */
const GUTTER = 26;
const TITLE_FONT = 17.6;
const TITLE_LINE = 21.5;
/** Room the "Open in the full report" link takes beside the title. */
const LINK_WIDTH = 190;

/** Height of the frame's header with a title of `title` at width `width`. */
function headerHeight(title: string, width: number): number {
  return (
    HEADER + wrapText(title, width - GUTTER - LINK_WIDTH, TITLE_FONT * 1.08).length * TITLE_LINE
  );
}

/** The journey map's frame: the canvas grid laid out at the frame's column width (canvas.css, CanvasGrid.astro). */
export function canvasEmbedSize(
  title: string,
  canvas: Pick<CanvasSvgInput, 'stages' | 'lanes'>,
  columnMinRem: number,
): EmbedSize {
  const width = embedWidths.canvas;
  const laneHead = 8.5 * 16;
  const column = Math.max(columnMinRem * 16, (width - GUTTER - laneHead) / canvas.stages.length);
  // Laid out at the grid's own column width, the export's rows come within a few percent of the
  // grid's (measured on the example's maps); from about 160px a column holds fixed parts the
  // export does not draw (badges, scores, tags), which the stretch makes room for.
  const rows = layoutCanvasRows(canvas, column);
  const stretch = 1 + Math.max(0, column - 160) * 0.0045;
  const intro = 30;
  return {
    width,
    height: roundUp(headerHeight(title, width) + intro + rows.height * stretch * 1.01),
  };
}

/** The emotion curve's frame: the chart scales to the frame's width (ChartFigure.astro). */
export function curveEmbedSize(title: string, chart: { width: number; height: number }): EmbedSize {
  const width = embedWidths.curve;
  const scale = Math.min(1, (width - GUTTER) / chart.width);
  return { width, height: roundUp(headerHeight(title, width) + 16 + chart.height * scale) };
}

/** Shares of the KPI table's width per column (embed.css sets them, `table-layout: fixed`); the trend column is as wide as its sparkline. */
const KPI_COLUMNS = {
  kpi: 0.2,
  stage: 0.13,
  value: 0.11,
  target: 0.1,
  delta: 0.1,
  status: 0.1,
} as const;
const TREND_COLUMN = 128;
const CELL_PADDING = 24;
const TABLE_FONT = 15.2;
const TABLE_LINE = 23.6;
const NOTE_FONT = 13.6;
const NOTE_LINE = 21;
const TABLE_WIDTH = () => embedWidths.kpis - GUTTER;
/** The period and source column takes what the others leave. */
const PERIOD_SHARE = () =>
  1 - Object.values(KPI_COLUMNS).reduce((a, b) => a + b, 0) - TREND_COLUMN / TABLE_WIDTH();

/** Lines `text` takes in a KPI table column whose share of the table is `share`. */
function columnLines(text: string, share: number, font: number): number {
  return text ? wrapText(text, TABLE_WIDTH() * share - CELL_PADDING, font).length : 0;
}

/** The height of one KPI row: its tallest cell (KpiTable.astro). */
function kpiRowHeight(kpi: Kpi, locale: string, t: Translate): number {
  const { data } = kpi;
  const lines = (text: string, share: number) => columnLines(text, share, TABLE_FONT) * TABLE_LINE;
  const notes = (text: string, share: number) => columnLines(text, share, NOTE_FONT) * NOTE_LINE;
  const asOf = kpi.freshness.asOf
    ? notes(t('kpi.asOf', { date: formatDate(kpi.freshness.asOf, locale) }), KPI_COLUMNS.value) +
      (kpi.freshness.stale ? NOTE_LINE : 0)
    : 0;
  const cells = [
    columnLines(data.name, KPI_COLUMNS.kpi, TABLE_FONT * 1.05) * TABLE_LINE +
      notes(data.definition ?? '', KPI_COLUMNS.kpi),
    lines(kpi.stage.data.name, KPI_COLUMNS.stage),
    lines(formatKpiValue(kpi.value, data.unit, locale), KPI_COLUMNS.value) +
      asOf +
      (kpi.measured ? 0 : notes(t('kpi.todayValue'), KPI_COLUMNS.value)),
    lines(`${formatKpiValue(data.target, data.unit, locale)} ↑`, KPI_COLUMNS.target),
    lines(
      formatKpiDelta(kpiMargin(kpi.value, data.target, data.direction), data.unit, locale),
      KPI_COLUMNS.delta,
    ),
    lines(`${kpiStatusSymbol[kpi.status]} ${t(`status.${kpi.status}`)}`, KPI_COLUMNS.status),
    lines([data.period, data.source].filter(Boolean).join(' · '), PERIOD_SHARE()),
    40,
  ];
  return 17 + Math.max(...cells);
}

/** A journey's KPI table in its frame: head row, one row per KPI and the download line (the caption repeats the frame's title, so it is visually hidden). */
export function kpiEmbedSize(
  title: string,
  kpis: Kpi[],
  locale: string,
  t: Translate,
  downloads: boolean,
): EmbedSize {
  const width = embedWidths.kpis;
  const head = 2 * TABLE_LINE + 17;
  const rows = kpis.reduce((sum, kpi) => sum + kpiRowHeight(kpi, locale, t), 0);
  // Each row is estimated from its tallest cell wrapped at the narrowest width, so the sum errs on the tall side (frames 44-116 px taller than their content on the example).
  return {
    width,
    height: roundUp(headerHeight(title, width) + 16 + head + rows + (downloads ? 32 : 0)),
  };
}

/** A journey's map and emotion curve frames, as the journey page offers them. */
export function journeyEmbedSizes(
  journey: Journey,
  report: ReportData,
  t: Translate,
  colors?: readonly string[],
): { canvas: EmbedSize; curve: EmbedSize } {
  const canvas = {
    stages: canvasSvgStages(journey),
    lanes: canvasSvgLanes(journey, canvasLanes(journey, report), t),
  };
  const columnMin = canvasColumnMinRem(journey.stages.map((stage) => stage.touchpoints.length));
  const curve = buildEmotionCurve(journeyCurveInput(journey, report.emotionScale, t, { colors }));
  return {
    canvas: canvasEmbedSize(journey.data.title, canvas, columnMin),
    curve: curveEmbedSize(t('charts.curveTitle', { journey: journey.data.title }), curve),
  };
}
