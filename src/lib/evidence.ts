import type { ResolvedReport, Touchpoint } from './model.ts';
import type { ReportData } from './schema/report.ts';

type ResearchSource = ReportData['researchSources'][number];

/** Each research source with the touchpoints that cite it, in report order, as the evidence page lists them. */
export function sourcesWithCitations(
  report: Pick<ResolvedReport, 'data' | 'touchpoints'>,
): { source: ResearchSource; touchpoints: Touchpoint[] }[] {
  return report.data.researchSources.map((source) => ({
    source,
    touchpoints: report.touchpoints.filter((tp) =>
      tp.data.evidence.some((e) => e.source === source.id),
    ),
  }));
}

/** Touchpoints no research backs: the evidence gaps. */
export function evidenceGaps(touchpoints: readonly Touchpoint[]): Touchpoint[] {
  return touchpoints.filter((tp) => tp.data.evidence.length === 0);
}
