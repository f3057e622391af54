import { buildEmotionCurve } from '../charts/emotionCurve.ts';
import { comparisonCurveInput, journeyCurveInput } from '../charts/fromModel.ts';
import { diffJourneys } from '../compare/journeyDiff.ts';
import type { Translate } from '../i18n/index.ts';
import { countKpiStatuses, kpiStatuses, type KpiStatus } from '../kpi.ts';
import type { ResolvedReport } from '../model.ts';
import { COMPARISON_SEGMENT } from '../paths.ts';

/** What a link-preview card shows; everything that changes the picture is in here (it is the cache key). */
export interface OgCard {
  /** What the page is, e.g. "Persona". */
  kind: string;
  title: string;
  subtitle?: string;
  quote?: string;
  /** Compact emotion curve (SVG markup) for journeys. */
  curveSvg?: string;
  /** KPI status counts for stages and the overview, with their words. */
  kpis?: { status: KpiStatus; label: string; count: number }[];
  reportTitle: string;
  client: string;
  brandColor: string;
}

/**
 * The card of a page from its site path (`journeys/click-collect/`). Pages that are not an
 * entity (indexes, 404) get a card with their heading; `heading` is read from the built page.
 */
export function cardForPath(path: string, report: ResolvedReport, heading: string, brandColor: string, t: Translate, colors?: readonly string[]): OgCard {
  const base = { reportTitle: report.data.title, client: report.data.client, brandColor };
  const counts = (kpis: { status: KpiStatus }[]) => {
    const c = countKpiStatuses(kpis.map((k) => k.status));
    return kpiStatuses.map((status) => ({ status, label: t(`kpiCount.${status}`, { count: c[status] }), count: c[status] }));
  };
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { ...base, kind: t('overview.eyebrow', { client: report.data.client }), title: report.data.title, subtitle: report.data.summary, kpis: counts(report.kpis) };
  const [section, id, sub] = parts as [string, string | undefined, string | undefined];
  if (section === 'personas' && id) {
    const persona = report.personaById.get(id);
    if (persona) return { ...base, kind: t('kind.persona'), title: persona.data.name, subtitle: persona.data.role, quote: persona.data.quote };
  }
  if (section === 'journeys' && id && sub === COMPARISON_SEGMENT) {
    const journey = report.journeyById.get(id);
    if (journey?.improves) {
      const curve = buildEmotionCurve({ ...comparisonCurveInput(diffJourneys(journey.improves, journey), report.data.emotionScale, t, { colors }), compact: true, id: 'og-curve' });
      return { ...base, kind: t('kind.comparison'), title: journey.data.title, subtitle: `${t('compare.today')}: ${journey.improves.data.title}`, curveSvg: curve.svg };
    }
  }
  if (section === 'journeys' && id && sub) {
    const stage = report.stageByKey.get(`${id}/${sub}`);
    if (stage) return { ...base, kind: `${t('kind.stage')} ${stage.data.order} · ${stage.journey.data.title}`, title: stage.data.name, subtitle: stage.data.customerGoal, kpis: counts(stage.kpis) };
  }
  if (section === 'journeys' && id) {
    const journey = report.journeyById.get(id);
    if (journey) {
      const curve = buildEmotionCurve({ ...journeyCurveInput(journey, report.data.emotionScale, t, { compact: true, colors }), id: 'og-curve' });
      return { ...base, kind: t('kind.journey'), title: journey.data.title, subtitle: journey.personas.map((p) => p.data.name).join(', '), curveSvg: curve.svg };
    }
  }
  if (section === 'touchpoints' && id) {
    const touchpoint = report.touchpointById.get(id);
    if (touchpoint) return { ...base, kind: `${t('kind.touchpoint')} · ${touchpoint.stage.data.name}`, title: touchpoint.data.title, subtitle: touchpoint.journey.data.title, quote: touchpoint.data.feels };
  }
  if (section === 'channels' && id) {
    const channel = report.channelById.get(id);
    if (channel) return { ...base, kind: t('kind.channel'), title: channel.data.name, subtitle: t('count.touchpoints', { count: channel.touchpoints.length }) };
  }
  return { ...base, kind: report.data.client, title: heading };
}

/** The card of a protected report: nothing of its content. */
export function protectedCard(brandColor: string, t: Translate): OgCard {
  return { kind: t('protected.title'), title: t('protected.card'), reportTitle: 'Itinera', client: '', brandColor };
}

/** Where a page's card is published, relative to the site base. */
export function ogImagePath(pagePath: string): string {
  const clean = pagePath.replace(/^\/+|\/+$/g, '');
  return `og/${clean === '' ? 'index' : clean}.png`;
}
