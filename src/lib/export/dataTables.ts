/**
 * The data behind a chart or table as a download: one table model, written as CSV and as JSON.
 * Headers are in the report's language; values stay machine-readable (numbers unformatted,
 * codes such as `met` or `higher-is-better` rather than their translated labels).
 */
import { journeyEmotionSeries } from '../charts/fromModel.ts';
import { isoDate } from '../format.ts';
import type { Translate } from '../i18n/index.ts';
import { kpiMargin } from '../kpi.ts';
import type { Journey, Kpi, OpportunityItem, ResolvedReport, Touchpoint } from '../model.ts';
import { dataPaths } from '../paths.ts';

export type Cell = string | number | boolean | null;

export interface DataTable {
  /** Column keys (the JSON property names) and their headers in the report's language. */
  columns: { key: string; header: string }[];
  /** One record per row, keyed by column key. */
  rows: Record<string, Cell>[];
}

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180); empty for null. */
function csvField(value: Cell): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header row and CRLF line ends; a byte-order mark so spreadsheets read it as UTF-8. */
export function tableToCsv(table: DataTable): string {
  const lines = [table.columns.map((c) => csvField(c.header)), ...table.rows.map((row) => table.columns.map((c) => csvField(row[c.key] ?? null)))];
  return `\uFEFF${lines.map((fields) => fields.join(',')).join('\r\n')}\r\n`;
}

export function tableToJson(table: DataTable): string {
  return `${JSON.stringify(table, null, 2)}\n`;
}

/** The KPI table: one row per KPI; the stage column only where the table shows it. */
export function kpiDataTable(kpis: readonly Kpi[], t: Translate, { withStage }: { withStage: boolean }): DataTable {
  const columns = [
    { key: 'kpi', header: t('table.kpi') },
    ...(withStage ? [{ key: 'stage', header: t('table.stage') }] : []),
    { key: 'value', header: t('table.value') },
    { key: 'unit', header: t('data.unit') },
    { key: 'target', header: t('table.target') },
    { key: 'direction', header: t('data.direction') },
    { key: 'delta', header: t('table.delta') },
    { key: 'status', header: t('table.status') },
    { key: 'asOf', header: t('data.asOf') },
    { key: 'stale', header: t('kpi.stale') },
    { key: 'period', header: t('data.period') },
    { key: 'source', header: t('data.source') },
  ];
  const rows = kpis.map((kpi) => ({
    kpi: kpi.data.name,
    ...(withStage ? { stage: kpi.stage.data.name } : {}),
    value: kpi.value,
    unit: kpi.data.unit,
    target: kpi.data.target,
    direction: kpi.data.direction,
    delta: kpiMargin(kpi.value, kpi.data.target, kpi.data.direction),
    status: kpi.status,
    asOf: kpi.freshness.asOf === undefined ? null : isoDate(kpi.freshness.asOf),
    stale: kpi.freshness.stale,
    period: kpi.data.period ?? null,
    source: kpi.data.source ?? null,
  }));
  return { columns, rows };
}

/** The emotion curve's data table: one row per touchpoint, one score column per persona when they score apart. */
export function emotionDataTable(journey: Journey, t: Translate): DataTable {
  const series = journeyEmotionSeries(journey);
  const scoreColumns = series.length > 1 ? series.map((s, i) => ({ key: `emotion${i + 1}`, header: s.name })) : [{ key: 'emotion', header: t('table.emotion') }];
  const columns = [
    { key: 'position', header: '#' },
    { key: 'touchpoint', header: t('table.touchpoint') },
    { key: 'stage', header: t('table.stage') },
    { key: 'channel', header: t('table.channel') },
    ...scoreColumns,
    { key: 'momentOfTruth', header: t('table.momentOfTruth') },
    { key: 'painPoints', header: t('table.painPoints') },
  ];
  const rows = journey.touchpoints.map((tp, i) => ({
    position: i + 1,
    touchpoint: tp.data.title,
    stage: tp.stage.data.name,
    channel: tp.channel.data.name,
    // A persona's series holds only its real scores: a touchpoint not scored for them is null.
    ...Object.fromEntries(scoreColumns.map((column, s) => [column.key, series[s]!.points.find((p) => p.id === tp.id)?.score ?? null])),
    momentOfTruth: tp.data.momentOfTruth,
    painPoints: tp.painPoints.length,
  }));
  return { columns, rows };
}

/** The touchpoint table: one row per touchpoint, with its journey, stage and channel. */
export function touchpointDataTable(touchpoints: readonly Touchpoint[], t: Translate): DataTable {
  const columns = [
    { key: 'touchpoint', header: t('table.touchpoint') },
    { key: 'journey', header: t('table.journey') },
    { key: 'stage', header: t('table.stage') },
    { key: 'channel', header: t('table.channel') },
    { key: 'emotion', header: t('table.emotion') },
    { key: 'momentOfTruth', header: t('table.momentOfTruth') },
    { key: 'painPoints', header: t('table.painPoints') },
    { key: 'opportunities', header: t('table.opportunities') },
  ];
  const rows = touchpoints.map((tp) => ({
    touchpoint: tp.data.title,
    journey: tp.journey.data.title,
    stage: tp.stage.data.name,
    channel: tp.channel.data.name,
    emotion: tp.data.emotion,
    momentOfTruth: tp.data.momentOfTruth,
    painPoints: tp.painPoints.length,
    opportunities: tp.opportunities.length,
  }));
  return { columns, rows };
}

/** The opportunity table, numbered as the opportunity matrix marks them; delivering touchpoints joined by "; ". */
export function opportunityDataTable(opportunities: readonly OpportunityItem[], t: Translate): DataTable {
  const columns = [
    { key: 'position', header: '#' },
    { key: 'opportunity', header: t('table.opportunity') },
    { key: 'touchpoint', header: t('table.touchpoint') },
    { key: 'journey', header: t('table.journey') },
    { key: 'customerValue', header: t('table.customerValue') },
    { key: 'businessValue', header: t('table.businessValue') },
    { key: 'effort', header: t('table.effort') },
    { key: 'owner', header: t('table.owner') },
    { key: 'status', header: t('table.status') },
    { key: 'futureState', header: t('table.futureState') },
  ];
  const rows = opportunities.map((o, i) => ({
    position: i + 1,
    opportunity: o.data.title,
    touchpoint: o.touchpoint.data.title,
    journey: o.touchpoint.journey.data.title,
    customerValue: o.data.customerValue,
    businessValue: o.data.businessValue,
    effort: o.data.effort,
    owner: o.data.owner ?? null,
    status: o.data.status,
    futureState: o.addressedBy.map((tp) => tp.data.title).join('; ') || null,
  }));
  return { columns, rows };
}

/** Every table download of the report: its path without extension and its table. */
export function downloadTables(report: ResolvedReport, t: Translate): { path: string; table: DataTable }[] {
  const reportTables = [
    { path: dataPaths.reportTable('touchpoints'), table: touchpointDataTable(report.touchpoints, t) },
    { path: dataPaths.reportTable('opportunities'), table: opportunityDataTable(report.opportunities, t) },
  ];
  const journeyTables = report.journeys.flatMap((journey) => [
    { path: dataPaths.journeyTable(journey.id, 'emotion-curve'), table: emotionDataTable(journey, t) },
    ...(journey.kpis.length > 0 ? [{ path: dataPaths.journeyTable(journey.id, 'kpis'), table: kpiDataTable(journey.kpis, t, { withStage: true }) }] : []),
    ...journey.stages.filter((stage) => stage.kpis.length > 0).map((stage) => ({ path: dataPaths.stageKpis(journey.id, stage.id), table: kpiDataTable(stage.kpis, t, { withStage: false }) })),
  ]);
  return [...reportTables, ...journeyTables];
}
