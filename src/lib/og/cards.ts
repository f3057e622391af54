import { buildEmotionCurve } from '../charts/emotionCurve.ts';
import { comparisonCurveInput, journeyCurveInput } from '../charts/fromModel.ts';
import { diffJourneys } from '../compare/journeyDiff.ts';
import type { Translate } from '../i18n/index.ts';
import { countKpiStatuses, kpiStatuses, type KpiStatus } from '../kpi.ts';
import type { ResolvedReport } from '../model.ts';

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

/** What a page type's card shows of its entity; the report's name and colour are added to it. */
export type CardContent = Omit<OgCard, 'reportTitle' | 'client' | 'brandColor'>;

/** What the card builders read: the report, the words of its language and its chart colours. */
export interface CardContext {
  report: ResolvedReport;
  t: Translate;
  colors?: readonly string[];
}

/** KPI status counts with their words, for the overview and stage cards. */
function statusCounts(
  kpis: readonly { status: KpiStatus }[],
  t: Translate,
): NonNullable<OgCard['kpis']> {
  const c = countKpiStatuses(kpis.map((k) => k.status));
  return kpiStatuses.map((status) => ({
    status,
    label: t(`kpiCount.${status}`, { count: c[status] }),
    count: c[status],
  }));
}

/**
 * The card of each page type that shows an entity, by the arguments of its path; undefined when
 * the report has no such entity. The route registry (src/lib/routes.ts) names each page type's builder.
 */
export const previewCards = {
  overview: ({ report, t }: CardContext): CardContent => ({
    kind: t('overview.eyebrow', { client: report.data.client }),
    title: report.data.title,
    subtitle: report.data.summary,
    kpis: statusCounts(report.kpis, t),
  }),
  persona: ({ report, t }: CardContext, id: string): CardContent | undefined => {
    const persona = report.personaById.get(id);
    return (
      persona && {
        kind: t('kind.persona'),
        title: persona.data.name,
        subtitle: persona.data.role,
        quote: persona.data.quote,
      }
    );
  },
  comparison: ({ report, t, colors }: CardContext, journeyId: string): CardContent | undefined => {
    const journey = report.journeyById.get(journeyId);
    if (!journey?.improves) return undefined;
    const curve = buildEmotionCurve({
      ...comparisonCurveInput(
        diffJourneys(journey.improves, journey),
        report.data.emotionScale,
        t,
        { colors },
      ),
      compact: true,
      id: 'og-curve',
    });
    return {
      kind: t('kind.comparison'),
      title: journey.data.title,
      subtitle: `${t('compare.today')}: ${journey.improves.data.title}`,
      curveSvg: curve.svg,
    };
  },
  stage: (
    { report, t }: CardContext,
    journeyId: string,
    stageId: string,
  ): CardContent | undefined => {
    const stage = report.journeyById.get(journeyId)?.stages.find((s) => s.id === stageId);
    return (
      stage && {
        kind: `${t('kind.stage')} ${stage.data.order} · ${stage.journey.data.title}`,
        title: stage.data.name,
        subtitle: stage.data.customerGoal,
        kpis: statusCounts(stage.kpis, t),
      }
    );
  },
  journey: ({ report, t, colors }: CardContext, id: string): CardContent | undefined => {
    const journey = report.journeyById.get(id);
    if (!journey) return undefined;
    const curve = buildEmotionCurve({
      ...journeyCurveInput(journey, report.data.emotionScale, t, { compact: true, colors }),
      id: 'og-curve',
    });
    return {
      kind: t('kind.journey'),
      title: journey.data.title,
      subtitle: journey.personas.map((p) => p.data.name).join(', '),
      curveSvg: curve.svg,
    };
  },
  touchpoint: ({ report, t }: CardContext, id: string): CardContent | undefined => {
    const touchpoint = report.touchpointById.get(id);
    return (
      touchpoint && {
        kind: `${t('kind.touchpoint')} · ${touchpoint.stage.data.name}`,
        title: touchpoint.data.title,
        subtitle: touchpoint.journey.data.title,
        quote: touchpoint.data.feels,
      }
    );
  },
  channel: ({ report, t }: CardContext, id: string): CardContent | undefined => {
    const channel = report.channelById.get(id);
    return (
      channel && {
        kind: t('kind.channel'),
        title: channel.data.name,
        subtitle: t('count.touchpoints', { count: channel.touchpoints.length }),
      }
    );
  },
};

/**
 * A whole card from a page type's content. Pages that show no entity (indexes, 404) or whose
 * entity is missing get a card with their heading (their page type's `heading` in the route
 * registry) over the report's summary, which says what the page is part of.
 */
export function completeCard(
  content: CardContent | undefined,
  report: ResolvedReport,
  heading: string,
  brandColor: string,
): OgCard {
  const base = { reportTitle: report.data.title, client: report.data.client, brandColor };
  const headed = { kind: report.data.client, title: heading, subtitle: report.data.summary };
  return { ...base, ...(content ?? headed) };
}

/** The card of a protected report: nothing of its content. */
export function protectedCard(brandColor: string, t: Translate): OgCard {
  return {
    kind: t('protected.title'),
    title: t('protected.card'),
    reportTitle: 'Itinera',
    client: '',
    brandColor,
  };
}

/** Where a page's card is published, relative to the site base. */
export function ogImagePath(pagePath: string): string {
  const clean = pagePath.replace(/^\/+|\/+$/g, '');
  return `og/${clean === '' ? 'index' : clean}.png`;
}
