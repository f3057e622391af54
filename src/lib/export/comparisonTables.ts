/**
 * Downloads of a future state's comparison with today (src/lib/compare): one table per section
 * of the comparison page, in its order. Kinds of change and KPI statuses are codes.
 */
import type { JourneyDiff } from '../compare/journeyDiff.ts';
import type { Translate } from '../i18n/index.ts';
import { differenceCell, joinNames, meanCell, type DataTable } from './tableModel.ts';

/** Mean emotion per stage, today and in the future state; a side without the stage or without touchpoints is null. */
export function comparisonStagesDataTable(diff: JourneyDiff, t: Translate): DataTable {
  const columns = [
    { key: 'stage', header: t('table.stage') },
    { key: 'nameToday', header: t('data.nameToday') },
    { key: 'inToday', header: t('data.inToday') },
    { key: 'inFuture', header: t('data.inFuture') },
    { key: 'today', header: t('compare.today') },
    { key: 'future', header: t('compare.future') },
    { key: 'delta', header: t('compare.delta') },
  ];
  const rows = diff.stages.map((stage) => ({
    stage: stage.name,
    nameToday: stage.current?.data.name ?? null,
    inToday: stage.current !== undefined,
    inFuture: stage.future !== undefined,
    today: meanCell(stage.currentMean),
    future: meanCell(stage.futureMean),
    delta: meanCell(stage.delta),
  }));
  return { columns, rows };
}

/**
 * Every touchpoint of both versions with its kind of change, in the page's order (added,
 * removed, changed, unchanged); its scores today and in the future state are the emotion curves.
 */
export function comparisonTouchpointsDataTable(diff: JourneyDiff, t: Translate): DataTable {
  const columns = [
    { key: 'change', header: t('data.change') },
    { key: 'touchpoint', header: t('table.touchpoint') },
    { key: 'titleToday', header: t('data.was') },
    { key: 'stage', header: t('table.stage') },
    { key: 'channel', header: t('table.channel') },
    { key: 'emotionToday', header: t('data.emotionToday') },
    { key: 'emotionFuture', header: t('data.emotionFuture') },
    { key: 'changed', header: t('data.changedAspects') },
  ];
  const kinds = ['added', 'removed', 'changed', 'unchanged'] as const;
  const rows = kinds.flatMap((kind) =>
    diff.touchpoints
      .filter((change) => change.kind === kind)
      .map(({ before, after, aspects }) => {
        const touchpoint = (after ?? before)!;
        return {
          change: kind,
          touchpoint: touchpoint.data.title,
          titleToday: before?.data.title ?? null,
          stage: touchpoint.stage.data.name,
          channel: touchpoint.channel.data.name,
          emotionToday: before?.data.emotion ?? null,
          emotionFuture: after?.data.emotion ?? null,
          changed: joinNames(aspects),
        };
      }),
  );
  return { columns, rows };
}

/** Pain points resolved (with their touchpoint today) and new in the future state. */
export function comparisonPainPointsDataTable(diff: JourneyDiff, t: Translate): DataTable {
  const columns = [
    { key: 'change', header: t('data.change') },
    { key: 'painPoint', header: t('data.painPoint') },
    { key: 'touchpoint', header: t('table.touchpoint') },
    { key: 'goneWithTouchpoint', header: t('data.goneWithTouchpoint') },
  ];
  const { resolved, introduced } = diff.painPoints;
  const rows = [
    ...resolved.map((item) => ({ ...item, change: 'resolved' })),
    ...introduced.map((item) => ({ ...item, change: 'introduced' })),
  ].map((item) => ({
    change: item.change,
    painPoint: item.painPoint.title,
    touchpoint: item.touchpoint.data.title,
    goneWithTouchpoint: item.change === 'resolved' ? item.withTouchpoint : null,
  }));
  return { columns, rows };
}

/** Future-state KPI targets against today's values. */
export function comparisonKpisDataTable(diff: JourneyDiff, t: Translate): DataTable {
  const columns = [
    { key: 'kpi', header: t('table.kpi') },
    { key: 'stage', header: t('table.stage') },
    { key: 'today', header: t('compare.today') },
    { key: 'unit', header: t('data.unit') },
    { key: 'targetToday', header: t('compare.targetToday') },
    { key: 'futureTarget', header: t('compare.futureTarget') },
    { key: 'gap', header: t('compare.gap') },
    { key: 'status', header: t('table.status') },
  ];
  const rows = diff.kpis.map(({ kpi, current, today, margin, status }) => ({
    kpi: kpi.data.name,
    stage: kpi.stage.data.name,
    today,
    unit: kpi.data.unit,
    targetToday: current?.data.target ?? null,
    futureTarget: kpi.data.target,
    gap: differenceCell(margin),
    status,
  }));
  return { columns, rows };
}

/** Opportunities the future state delivers and the touchpoints that deliver them. */
export function comparisonOpportunitiesDataTable(diff: JourneyDiff, t: Translate): DataTable {
  const columns = [
    { key: 'opportunity', header: t('table.opportunity') },
    { key: 'deliveredBy', header: t('data.deliveredBy') },
  ];
  const rows = diff.opportunities.map(({ opportunity, by }) => ({
    opportunity: opportunity.data.title,
    deliveredBy: joinNames(by.map((tp) => tp.data.title)),
  }));
  return { columns, rows };
}
