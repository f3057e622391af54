/**
 * The data behind a chart or table as a download: one table model, written as CSV and as JSON.
 * Headers are in the report's language; values stay machine-readable (numbers unformatted,
 * codes such as `met` or `higher-is-better` rather than their translated labels).
 */
import { journeyEmotionSeries } from '../charts/fromModel.ts';
import { diffJourneys, type JourneyDiff } from '../compare/journeyDiff.ts';
import { isoDate } from '../format.ts';
import type { Translate } from '../i18n/index.ts';
import { kpiMargin, kpiTrend } from '../kpi.ts';
import type {
  Channel,
  Journey,
  Kpi,
  OpportunityItem,
  ResolvedReport,
  Stage,
  Touchpoint,
} from '../model.ts';
import { dataPaths, paths } from '../paths.ts';
import {
  defaultHeatmapState,
  heatmapVariantPath,
  heatmapVariantRows,
  heatmapVariants,
  overviewHeatmapRows,
} from '../portfolio/heatmap.ts';
import { currentStateSeams } from '../portfolio/painPointSeams.ts';
import { personaMatrixPage, personaMatrixPages } from '../portfolio/personaMatrix.ts';
import {
  comparisonKpisDataTable,
  comparisonOpportunitiesDataTable,
  comparisonPainPointsDataTable,
  comparisonStagesDataTable,
  comparisonTouchpointsDataTable,
} from './comparisonTables.ts';
import { evidenceDataTable, evidenceGapsDataTable } from './evidenceTables.ts';
import {
  heatmapDataTable,
  journeyListDataTable,
  personaMatrixDataTable,
  seamDataTable,
} from './portfolioTables.ts';
import { mermaidSketchDataTable, sketchId } from './sketchTables.ts';
import { differenceCell, pick, type DataTable } from './tableModel.ts';

export { tableToCsv, tableToJson, type Cell, type DataTable } from './tableModel.ts';

/** The KPI table: one row per KPI; the stage column only where the table shows it. */
export function kpiDataTable(
  kpis: readonly Kpi[],
  t: Translate,
  { withStage }: { withStage: boolean },
): DataTable {
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
    delta: differenceCell(kpiMargin(kpi.value, kpi.data.target, kpi.data.direction)),
    status: kpi.status,
    asOf: kpi.freshness.asOf === undefined ? null : isoDate(kpi.freshness.asOf),
    stale: kpi.freshness.stale,
    period: kpi.data.period ?? null,
    source: kpi.data.source ?? null,
  }));
  return { columns, rows };
}

/** The trends drawn in a KPI table: one row per measurement of each KPI whose trend has a line (two or more), oldest first. */
export function kpiHistoryDataTable(kpis: readonly Kpi[], t: Translate): DataTable {
  const columns = [
    { key: 'kpi', header: t('table.kpi') },
    { key: 'date', header: t('data.date') },
    { key: 'value', header: t('table.value') },
    { key: 'unit', header: t('data.unit') },
  ];
  const rows = kpis
    .filter((kpi) => kpiTrend(kpi).length > 1)
    .flatMap((kpi) =>
      kpiTrend(kpi).map((sample) => ({
        kpi: kpi.data.name,
        date: isoDate(sample.date),
        value: sample.value,
        unit: kpi.data.unit,
      })),
    );
  return { columns, rows };
}

/** The emotion curve's data table: one row per touchpoint, one score column per persona when they score apart. */
export function emotionDataTable(journey: Journey, t: Translate): DataTable {
  const series = journeyEmotionSeries(journey);
  const scoreColumns =
    series.length > 1
      ? series.map((s, i) => ({ key: `emotion${i + 1}`, header: s.name }))
      : [{ key: 'emotion', header: t('table.emotion') }];
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
    ...Object.fromEntries(
      scoreColumns.map((column, s) => [
        column.key,
        series[s]!.points.find((p) => p.id === tp.id)?.score ?? null,
      ]),
    ),
    momentOfTruth: tp.data.momentOfTruth,
    painPoints: tp.painPoints.length,
  }));
  return { columns, rows };
}

/** Columns a touchpoint table leaves out where they repeat the page's own subject. */
export type TouchpointColumn = 'journey' | 'stage' | 'channel';

/** The touchpoint table: one row per touchpoint, with its journey, stage and channel unless hidden. */
export function touchpointDataTable(
  touchpoints: readonly Touchpoint[],
  t: Translate,
  hide: readonly TouchpointColumn[] = [],
): DataTable {
  const hidden = new Set<string>(hide);
  const columns = [
    { key: 'touchpoint', header: t('table.touchpoint') },
    { key: 'journey', header: t('table.journey') },
    { key: 'stage', header: t('table.stage') },
    { key: 'channel', header: t('table.channel') },
    { key: 'emotion', header: t('table.emotion') },
    { key: 'momentOfTruth', header: t('table.momentOfTruth') },
    { key: 'painPoints', header: t('table.painPoints') },
    { key: 'opportunities', header: t('table.opportunities') },
  ].filter((column) => !hidden.has(column.key));
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
  return { columns, rows: rows.map((row) => pick(row, columns)) };
}

/** Which columns an opportunity table shows. */
export interface OpportunityColumns {
  /** The touchpoint (and its journey) of each opportunity; off on the touchpoint's own page. */
  showTouchpoint?: boolean;
  /** Row numbers, matching the marks of the opportunity matrix. */
  numbered?: boolean;
}

/**
 * The opportunity table, with the columns the page shows: the future-state column only once a
 * future-state journey delivers one of them; delivering touchpoints joined by "; ".
 */
export function opportunityDataTable(
  opportunities: readonly OpportunityItem[],
  t: Translate,
  { showTouchpoint = true, numbered = false }: OpportunityColumns = {},
): DataTable {
  const showFutureState = opportunities.some((o) => o.addressedBy.length > 0);
  const columns = [
    ...(numbered ? [{ key: 'position', header: '#' }] : []),
    { key: 'opportunity', header: t('table.opportunity') },
    ...(showTouchpoint
      ? [
          { key: 'touchpoint', header: t('table.touchpoint') },
          { key: 'journey', header: t('table.journey') },
        ]
      : []),
    { key: 'customerValue', header: t('table.customerValue') },
    { key: 'businessValue', header: t('table.businessValue') },
    { key: 'effort', header: t('table.effort') },
    { key: 'owner', header: t('table.owner') },
    { key: 'status', header: t('table.status') },
    ...(showFutureState ? [{ key: 'futureState', header: t('table.futureState') }] : []),
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
  return { columns, rows: rows.map((row) => pick(row, columns)) };
}

/** The sections of a comparison page that have a download. */
export const comparisonTables = [
  'stages',
  'touchpoints',
  'pain-points',
  'kpis',
  'opportunities',
] as const;
export type ComparisonTable = (typeof comparisonTables)[number];

const comparisonTableOf: Record<ComparisonTable, (diff: JourneyDiff, t: Translate) => DataTable> = {
  stages: comparisonStagesDataTable,
  touchpoints: comparisonTouchpointsDataTable,
  'pain-points': comparisonPainPointsDataTable,
  kpis: comparisonKpisDataTable,
  opportunities: comparisonOpportunitiesDataTable,
};

/**
 * Where the downloads of each page's tables are, without the extension: `data/` plus the page's
 * path plus the table's name. Pages link them from here and `downloadTables` writes them.
 */
export const tableDownloads = {
  stageTouchpoints: (stage: Stage) =>
    dataPaths.pageTable(paths.stage(stage.journey.id, stage.id), 'touchpoints'),
  /** The stage's opportunities, on the stage page and under the stage on the journey page. */
  stageOpportunities: (stage: Stage) =>
    dataPaths.pageTable(paths.stage(stage.journey.id, stage.id), 'opportunities'),
  channelTouchpoints: (channel: Channel) =>
    dataPaths.pageTable(paths.channel(channel.id), 'touchpoints'),
  touchpointOpportunities: (touchpoint: Touchpoint) =>
    dataPaths.pageTable(paths.touchpoint(touchpoint.id), 'opportunities'),
  journeys: () => dataPaths.pageTable(paths.journeys(), 'journeys'),
  overviewHeatmap: () => dataPaths.pageTable(paths.overview(), 'heatmap'),
  /** `variant` is the heatmap page's own path below `heatmap/` (see heatmapVariantPath). */
  heatmap: (variant: string) => dataPaths.pageTable(paths.heatmap(variant), 'heatmap'),
  personaMatrix: (page: number) => dataPaths.pageTable(paths.personaMatrix(page), 'matrix'),
  painPointSeams: () => dataPaths.pageTable(paths.painPointSeams(), 'seams'),
  evidence: () => dataPaths.pageTable(paths.evidence(), 'sources'),
  evidenceGaps: () => dataPaths.pageTable(paths.evidence(), 'gaps'),
  comparison: (future: Journey, table: ComparisonTable) =>
    dataPaths.pageTable(paths.comparison(future.id), table),
  /** The trends of a KPI table, next to the table's own download. */
  kpiHistory: (kpiTablePath: string) => `${kpiTablePath}-history`,
  /** A Mermaid journey drawn in an MDX body, by its source. */
  mermaidSketch: (source: string) => `data/sketches/${sketchId(source)}`,
} as const;

/** Columns the stage and channel pages leave out of their touchpoint tables. */
export const stageTouchpointsHide: readonly TouchpointColumn[] = ['journey', 'stage'];
export const channelTouchpointsHide: readonly TouchpointColumn[] = ['channel'];

type Download = { path: string; table: DataTable };

/** A KPI table's download and, when it draws any trend, the download of its trends. */
function kpiDownloads(
  path: string,
  kpis: readonly Kpi[],
  t: Translate,
  withStage: boolean,
): Download[] {
  const history = kpiHistoryDataTable(kpis, t);
  return [
    { path, table: kpiDataTable(kpis, t, { withStage }) },
    ...(history.rows.length > 0 ? [{ path: tableDownloads.kpiHistory(path), table: history }] : []),
  ];
}

/** The downloads of the stage, channel and touchpoint pages. */
function entityDownloads(report: ResolvedReport, t: Translate): Download[] {
  const stages = report.stages.flatMap((stage) => {
    const opportunities = stage.touchpoints.flatMap((tp) => tp.opportunities);
    return [
      ...(stage.touchpoints.length > 0
        ? [
            {
              path: tableDownloads.stageTouchpoints(stage),
              table: touchpointDataTable(stage.touchpoints, t, stageTouchpointsHide),
            },
          ]
        : []),
      ...(opportunities.length > 0
        ? [
            {
              path: tableDownloads.stageOpportunities(stage),
              table: opportunityDataTable(opportunities, t),
            },
          ]
        : []),
    ];
  });
  const channels = report.channels
    .filter((channel) => channel.touchpoints.length > 0)
    .map((channel) => ({
      path: tableDownloads.channelTouchpoints(channel),
      table: touchpointDataTable(channel.touchpoints, t, channelTouchpointsHide),
    }));
  const touchpoints = report.touchpoints
    .filter((tp) => tp.opportunities.length > 0)
    .map((tp) => ({
      path: tableDownloads.touchpointOpportunities(tp),
      table: opportunityDataTable(tp.opportunities, t, { showTouchpoint: false }),
    }));
  return [...stages, ...channels, ...touchpoints];
}

/** The downloads of the overview, the portfolio views, the journey list and the evidence page. */
function portfolioDownloads(report: ResolvedReport, t: Translate): Download[] {
  const { lifecycle } = report.data;
  const defaultState = defaultHeatmapState(report.journeys);
  const heatmaps = heatmapVariants(report.journeys).map((variant) => ({
    path: tableDownloads.heatmap(heatmapVariantPath(variant, defaultState)),
    table: heatmapDataTable(heatmapVariantRows(report.journeys, lifecycle, variant), t, true),
  }));
  const matrices = Array.from({ length: personaMatrixPages(report.journeys) }, (_, i) => {
    const { journeys, rows } = personaMatrixPage(report.journeys, report.personas, i + 1);
    return {
      path: tableDownloads.personaMatrix(i + 1),
      table: personaMatrixDataTable(journeys, rows, t),
    };
  });
  const seams = currentStateSeams(report.touchpoints, lifecycle);
  return [
    {
      path: tableDownloads.overviewHeatmap(),
      table: heatmapDataTable(overviewHeatmapRows(report.journeys, lifecycle).rows, t, false),
    },
    { path: tableDownloads.journeys(), table: journeyListDataTable(report.journeys, t) },
    ...heatmaps,
    ...matrices,
    ...(seams.length > 0
      ? [{ path: tableDownloads.painPointSeams(), table: seamDataTable(seams, t) }]
      : []),
    ...(report.data.researchSources.length > 0
      ? [{ path: tableDownloads.evidence(), table: evidenceDataTable(report, t) }]
      : []),
    ...[
      { path: tableDownloads.evidenceGaps(), table: evidenceGapsDataTable(report.touchpoints, t) },
    ].filter((download) => download.table.rows.length > 0),
  ];
}

/** The downloads of each future state's comparison with today. */
function comparisonDownloads(report: ResolvedReport, t: Translate): Download[] {
  return report.journeys.flatMap((future) => {
    if (!future.improves) return [];
    const diff = diffJourneys(future.improves, future);
    // The page always shows the curve and the stages; the other sections link a download when they list anything.
    return comparisonTables
      .map((table) => ({
        name: table,
        path: tableDownloads.comparison(future, table),
        table: comparisonTableOf[table](diff, t),
      }))
      .filter(
        ({ name, table }) => name === 'stages' || name === 'touchpoints' || table.rows.length > 0,
      )
      .map(({ path, table }) => ({ path, table }));
  });
}

/**
 * Every table download of the report: its path without extension and its table. `sketches` are
 * the sources of the Mermaid journeys in MDX bodies, which the resolved report does not hold.
 */
export function downloadTables(
  report: ResolvedReport,
  t: Translate,
  sketches: readonly string[] = [],
): Download[] {
  const reportTables = [
    {
      path: dataPaths.reportTable('touchpoints'),
      table: touchpointDataTable(report.touchpoints, t),
    },
    {
      path: dataPaths.reportTable('opportunities'),
      table: opportunityDataTable(report.opportunities, t, { numbered: true }),
    },
  ];
  const sketchDownloads = [...new Set(sketches)].map((source) => ({
    path: tableDownloads.mermaidSketch(source),
    table: mermaidSketchDataTable(source, t),
  }));
  const journeyTables = report.journeys.flatMap((journey) => [
    {
      path: dataPaths.journeyTable(journey.id, 'emotion-curve'),
      table: emotionDataTable(journey, t),
    },
    ...(journey.kpis.length > 0
      ? kpiDownloads(dataPaths.journeyTable(journey.id, 'kpis'), journey.kpis, t, true)
      : []),
    ...journey.stages
      .filter((stage) => stage.kpis.length > 0)
      .flatMap((stage) =>
        kpiDownloads(dataPaths.stageKpis(journey.id, stage.id), stage.kpis, t, false),
      ),
  ]);
  return [
    ...reportTables,
    ...journeyTables,
    ...entityDownloads(report, t),
    ...portfolioDownloads(report, t),
    ...comparisonDownloads(report, t),
    ...sketchDownloads,
  ];
}
