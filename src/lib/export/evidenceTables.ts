/** Downloads of the evidence page: its sources with the touchpoints each backs, and its gaps. */
import { evidenceGaps, sourcesWithCitations } from '../evidence.ts';
import type { Translate } from '../i18n/index.ts';
import type { ResolvedReport, Touchpoint } from '../model.ts';
import type { Cell, DataTable } from './tableModel.ts';

/** One row per source and touchpoint it backs; a source no touchpoint cites has one row with no touchpoint. Method as its code. */
export function evidenceDataTable(
  report: Pick<ResolvedReport, 'data' | 'touchpoints'>,
  t: Translate,
): DataTable {
  const columns = [
    { key: 'source', header: t('data.researchSource') },
    { key: 'method', header: t('data.method') },
    { key: 'sampleSize', header: t('data.sampleSize') },
    { key: 'period', header: t('data.period') },
    { key: 'touchpoint', header: t('table.touchpoint') },
    { key: 'journey', header: t('table.journey') },
  ];
  const rows = sourcesWithCitations(report).flatMap(({ source, touchpoints }) => {
    const about = {
      source: source.title,
      method: source.method,
      sampleSize: source.sampleSize ?? null,
      period: source.period ?? null,
    };
    const cited: (Touchpoint | undefined)[] = touchpoints.length > 0 ? touchpoints : [undefined];
    return cited.map((tp): Record<string, Cell> => ({
      ...about,
      touchpoint: tp?.data.title ?? null,
      journey: tp?.journey.data.title ?? null,
    }));
  });
  return { columns, rows };
}

/** The touchpoints no research backs. */
export function evidenceGapsDataTable(touchpoints: readonly Touchpoint[], t: Translate): DataTable {
  const columns = [
    { key: 'touchpoint', header: t('table.touchpoint') },
    { key: 'journey', header: t('table.journey') },
  ];
  return {
    columns,
    rows: evidenceGaps(touchpoints).map((tp) => ({
      touchpoint: tp.data.title,
      journey: tp.journey.data.title,
    })),
  };
}
