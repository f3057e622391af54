/**
 * Downloads of the portfolio views and the journey list: the same rows as their tables. The
 * heatmap and the persona matrix are grids; their downloads have one row per cell (journey ×
 * phase, persona × journey), in the grid's reading order, so every figure has a column of its own.
 */
import { kpiStatuses } from '../kpi.ts';
import type { Journey } from '../model.ts';
import type { Translate } from '../i18n/index.ts';
import type { HeatmapRow } from '../portfolio/heatmap.ts';
import { SEAM_EXAMPLES, type PainPointSeam } from '../portfolio/painPointSeams.ts';
import type { PersonaMatrixRow } from '../portfolio/personaMatrix.ts';
import { phaseName } from '../portfolio/phases.ts';
import { severities } from '../schema/touchpoint.ts';
import { joinNames, meanCell, type Cell, type DataTable } from './tableModel.ts';

/** The journeys page: one row per journey; pattern and state as codes. */
export function journeyListDataTable(journeys: readonly Journey[], t: Translate): DataTable {
  const columns = [
    { key: 'journey', header: t('table.journey') },
    { key: 'personas', header: t('nav.personas') },
    { key: 'pattern', header: t('journeys.pattern') },
    { key: 'state', header: t('journeys.state') },
    { key: 'stages', header: t('nav.stages') },
    { key: 'touchpoints', header: t('nav.touchpoints') },
  ];
  const rows = journeys.map((journey) => ({
    journey: journey.data.title,
    personas: joinNames(journey.personas.map((p) => p.data.name)),
    pattern: journey.data.pattern ?? null,
    state: journey.data.state,
    stages: journey.stages.length,
    touchpoints: journey.touchpoints.length,
  }));
  return { columns, rows };
}

/**
 * The heatmap: one row per journey and lifecycle phase. A phase without stages has no stages and
 * a null mean emotion; with `totals` (the heatmap page), each row also carries its journey's totals.
 */
export function heatmapDataTable(
  rows: readonly HeatmapRow[],
  t: Translate,
  totals: boolean,
): DataTable {
  const columns = [
    { key: 'journey', header: t('table.journey') },
    { key: 'phase', header: t('table.phase') },
    { key: 'stages', header: t('nav.stages') },
    { key: 'meanEmotion', header: t('heatmap.meanEmotion') },
    { key: 'painPoints', header: t('table.painPoints') },
    {
      key: 'painPointsHigh',
      header: t('data.painPointsBySeverity', { severity: t('severity.high') }),
    },
    ...kpiStatuses.map((status) => ({
      key: `kpis-${status}`,
      header: t('data.kpisByStatus', { status: t(`status.${status}`) }),
    })),
    ...(totals
      ? [
          { key: 'journeyMeanEmotion', header: t('data.journeyMeanEmotion') },
          { key: 'journeyPainPoints', header: t('data.journeyPainPoints') },
        ]
      : []),
  ];
  const records = rows.flatMap((row) =>
    row.cells.map((cell): Record<string, Cell> => ({
      journey: row.journey.data.title,
      phase: phaseName(cell.phase, t),
      stages: joinNames(cell.stages.map((s) => s.data.name)),
      meanEmotion: meanCell(cell.meanEmotion),
      painPoints: cell.painPoints,
      painPointsHigh: cell.painPointsBySeverity.high,
      ...Object.fromEntries(kpiStatuses.map((status) => [`kpis-${status}`, cell.kpis[status]])),
      ...(totals
        ? { journeyMeanEmotion: meanCell(row.meanEmotion), journeyPainPoints: row.painPoints }
        : {}),
    })),
  );
  return { columns, rows: records };
}

/** The personas × journeys matrix: one row per persona and journey column; a journey the persona does not take has nulls. */
export function personaMatrixDataTable(
  journeys: readonly Journey[],
  rows: readonly PersonaMatrixRow[],
  t: Translate,
): DataTable {
  const columns = [
    { key: 'persona', header: t('data.persona') },
    { key: 'journey', header: t('table.journey') },
    { key: 'state', header: t('journeys.state') },
    { key: 'takesJourney', header: t('data.takesJourney') },
    { key: 'meanEmotion', header: t('heatmap.meanEmotion') },
    { key: 'lowestTouchpoint', header: t('data.lowestTouchpoint') },
    { key: 'lowestScore', header: t('data.lowestScore') },
  ];
  const records = rows.flatMap((row) =>
    row.cells.map((cell, i) => ({
      persona: row.persona.data.name,
      journey: journeys[i]!.data.title,
      state: journeys[i]!.data.state,
      takesJourney: cell !== undefined,
      meanEmotion: meanCell(cell?.meanEmotion),
      lowestTouchpoint: cell?.lowest?.touchpoint.data.title ?? null,
      lowestScore: cell?.lowest?.score ?? null,
    })),
  );
  return { columns, rows: records };
}

/** Recurring pain points: one row per seam (phase × channel), with the examples the page lists. */
export function seamDataTable(seams: readonly PainPointSeam[], t: Translate): DataTable {
  const columns = [
    { key: 'phase', header: t('table.phase') },
    { key: 'channel', header: t('table.channel') },
    { key: 'recurring', header: t('seams.recurring') },
    { key: 'journeys', header: t('nav.journeys') },
    { key: 'personas', header: t('nav.personas') },
    { key: 'painPoints', header: t('table.painPoints') },
    ...[...severities].reverse().map((severity) => ({
      key: `painPoints-${severity}`,
      header: t('data.painPointsBySeverity', { severity: t(`severity.${severity}`) }),
    })),
    { key: 'examples', header: t('data.examples') },
  ];
  const rows = seams.map((seam) => ({
    phase: seam.phase ? phaseName(seam.phase, t) : t('seams.unplaced'),
    channel: seam.channel.data.name,
    recurring: seam.journeys.length > 1,
    journeys: seam.journeys.length,
    personas: seam.personas.length,
    painPoints: seam.painPoints.length,
    ...Object.fromEntries(
      severities.map((severity) => [`painPoints-${severity}`, seam.bySeverity[severity]]),
    ),
    examples: joinNames(
      seam.painPoints
        .slice(0, SEAM_EXAMPLES)
        .map(
          ({ painPoint, touchpoint }) => `${painPoint.title} (${touchpoint.journey.data.title})`,
        ),
    ),
  }));
  return { columns, rows };
}
