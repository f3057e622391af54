/**
 * Every page type of the report site in one registry: its path, the pages a report has of it
 * (what its getStaticPaths returns), the ids it gives its entities, its breadcrumbs, its place
 * in the main navigation, its preview card and the print-edition section standing for it. Pages,
 * the layout, preview cards, the print edition, `npm run pdf`, cross-references and the tests
 * read it, so a new page type is its page file plus one entry here (docs/contributing-page-type.md).
 * Nothing turns a URL back into a page type: who needs the type of a page asks for `reportPages`.
 */
import { idPart } from './charts/svg.ts';
import { diffJourneys } from './compare/journeyDiff.ts';
import type { Translate, UiKey } from './i18n/index.ts';
import type { Journey, ResolvedReport } from './model.ts';
import {
  completeCard,
  previewCards,
  type CardContent,
  type CardContext,
  type OgCard,
} from './og/cards.ts';
import { defaultHeatmapState, heatmapVariantPath, heatmapVariants } from './portfolio/heatmap.ts';
import { personaMatrixPages } from './portfolio/personaMatrix.ts';

/** The last segment of a journey's comparison page (`journeys/<id>/compare/`); no stage may take it. */
export const COMPARISON_SEGMENT = 'compare';

/** The first segment of every embeddable view's path (`embed/journeys/<id>/canvas/`). */
export const EMBED_SEGMENT = 'embed';

/** One step of a page's breadcrumb trail. */
export interface Crumb {
  label: string;
  /** Page path (without base); the last crumb is the current page and needs none. */
  path?: string;
}

/** One page of a page type: what its path is built from, and what Astro's getStaticPaths wants. */
export interface RoutePage<Args extends unknown[]> {
  /** The arguments of the page type's `path` for this page. */
  args: Args;
  /** The page file's route parameters (`[persona]` → `{ persona: "giulia" }`); empty for a single page. */
  params: Record<string, string | undefined>;
  /** What the page file receives as `Astro.props`. */
  props: Record<string, unknown>;
}

/** Where a page type sits in the site's main navigation. */
export interface NavEntry {
  /** The link's text. */
  label: UiKey;
  /** Its position: entries are listed by rising order. */
  order: number;
}

/** Builds element ids (anchors) from entity ids. */
type AnchorBuilders = Record<string, (...args: never[]) => string>;
/** A page type that declares no anchors or links. */
type NoBuilders = Record<never, never>;

/** What one page type declares. `Args` are the arguments of its path (entity ids, a variant). */
export interface RouteDefinition<
  Args extends unknown[],
  Anchors extends AnchorBuilders = AnchorBuilders,
  Links extends AnchorBuilders = AnchorBuilders,
> {
  /** The page file under src/pages that renders it. */
  page: string;
  /** Its site path relative to the base (`personas/giulia/`), ending in "/" (the 404 page excepted). */
  path: (...args: Args) => string;
  /** Every page of this type the report has; the page file's getStaticPaths returns exactly these. */
  pages: (report: ResolvedReport) => RoutePage<NoInfer<Args>>[];
  /** What the page is, shown with search results (a `kind.…` key). */
  kind: UiKey;
  /** Its place in the main navigation; only page types whose path needs no argument have one. */
  nav?: [] extends Args ? NavEntry : never;
  /** The trail from the overview to the page (the overview itself is added by the layout). */
  crumbs?: (t: Translate, report: ResolvedReport, ...args: Args) => Crumb[];
  /** Its link-preview card's content; page types without one get a card with their heading. */
  card?: (context: CardContext, ...args: Args) => CardContent | undefined;
  /** Its heading (an embed's: its frame title), for page types that show no entity: the page's H1 and its card's title. */
  heading?: (t: Translate, report: ResolvedReport, ...args: Args) => string;
  /** The id of the print edition's section that stands for this page: `npm run pdf` links there. */
  printSection?: (...args: Args) => string;
  /** Left out of the search index: the page is a tool or another view of indexed pages. */
  unsearchable?: true;
  /** Ids of the elements the page gives its entities, for links to them and "#" links. */
  anchors?: Anchors;
  /** Paths of places within the page (its path and one of its anchors), for links to an entity. */
  links?: Links;
}

/** Declares a page type, keeping the types of its arguments and anchors. */
const defineRoute = <
  Args extends unknown[],
  Anchors extends AnchorBuilders = NoBuilders,
  Links extends AnchorBuilders = NoBuilders,
>(
  route: RouteDefinition<Args, Anchors, Links>,
) => route;

/** The one page of a page type that has one page. */
const single = (): RoutePage<[]>[] => [{ args: [], params: {}, props: {} }];

/** One page per journey, for page types below `journeys/<id>/` and the journey's embeds. */
const journeyPages = (journeys: readonly Journey[]): RoutePage<[string]>[] =>
  journeys.map((journey) => ({
    args: [journey.id],
    params: { journey: journey.id },
    props: { journey },
  }));

/** A trail of one crumb: the page itself. */
const selfCrumb = (label: UiKey) => (t: Translate) => [{ label: t(label) }];

// Anchors used by more than one page type's entry (links from elsewhere point at them).
const stageAnchor = (journeyId: string, stageId: string) => `stage-${journeyId}-${stageId}`;
const kpiAnchor = (kpiId: string) => `kpi-${kpiId}`;
/** Stable element id of a canvas cell (or of the canvas itself with no parts), unique on a page holding several journeys or sketches. */
const canvasAnchor = (canvasId: string, ...parts: string[]) =>
  ['canvas', canvasId, ...parts].map(idPart).join('-');
const kpisOfJourneyAnchor = (journeyId: string) => `journey-${journeyId}`;
const sourceAnchor = (sourceId: string) => `source-${sourceId}`;
const printPersonaAnchor = (personaId: string) => `print-persona-${personaId}`;
const printJourneyAnchor = (journeyId: string) => `print-journey-${journeyId}`;

const journeysCrumb = (t: Translate): Crumb => ({
  label: t('nav.journeys'),
  path: routePaths.journeys(),
});
const journeyCrumb = (report: ResolvedReport, journeyId: string): Crumb => ({
  label: report.journeyById.get(journeyId)!.data.title,
  path: routePaths.journey(journeyId),
});

/** Path builders, kept apart so that crumbs and links of other entries can use them. */
const routePaths = {
  personas: () => 'personas/',
  channels: () => 'channels/',
  journeys: () => 'journeys/',
  journey: (id: string) => `journeys/${id}/`,
  stage: (journeyId: string, stageId: string) => `journeys/${journeyId}/${stageId}/`,
  kpis: () => 'kpis/',
  opportunities: () => 'opportunities/',
  evidence: () => 'evidence/',
};

/** Every page type of the site, keyed by its name. */
export const routes = {
  overview: defineRoute({
    page: 'src/pages/index.astro',
    path: () => '',
    pages: single,
    kind: 'kind.overview',
    nav: { label: 'nav.overview', order: 10 },
    card: previewCards.overview,
    anchors: { journeySummary: (journeyId: string) => `journey-${journeyId}` },
  }),
  personas: defineRoute({
    page: 'src/pages/personas/index.astro',
    path: routePaths.personas,
    pages: single,
    kind: 'kind.personas',
    heading: (t) => t('nav.personas'),
    nav: { label: 'nav.personas', order: 20 },
    crumbs: selfCrumb('nav.personas'),
  }),
  persona: defineRoute({
    page: 'src/pages/personas/[persona].astro',
    path: (id: string) => `personas/${id}/`,
    pages: (report) =>
      report.personas.map((persona) => ({
        args: [persona.id],
        params: { persona: persona.id },
        props: { persona },
      })),
    kind: 'kind.persona',
    crumbs: (t, report, id) => [
      { label: t('nav.personas'), path: routePaths.personas() },
      { label: report.personaById.get(id)!.data.name },
    ],
    card: previewCards.persona,
    printSection: printPersonaAnchor,
  }),
  journeys: defineRoute({
    page: 'src/pages/journeys/index.astro',
    path: routePaths.journeys,
    pages: single,
    kind: 'kind.journeys',
    heading: (t) => t('nav.journeys'),
    nav: { label: 'nav.journeys', order: 30 },
    crumbs: selfCrumb('nav.journeys'),
  }),
  journey: defineRoute({
    page: 'src/pages/journeys/[journey]/index.astro',
    path: routePaths.journey,
    pages: (report) => journeyPages(report.journeys),
    kind: 'kind.journey',
    crumbs: (t, report, id) => [
      journeysCrumb(t),
      { label: report.journeyById.get(id)!.data.title },
    ],
    card: previewCards.journey,
    printSection: printJourneyAnchor,
    anchors: {
      stage: stageAnchor,
      touchpoint: (touchpointId: string) => `touchpoint-${touchpointId}`,
      canvas: canvasAnchor,
    },
    links: {
      journeyCanvas: (journeyId: string) =>
        `${routePaths.journey(journeyId)}#${canvasAnchor(journeyId)}`,
    },
  }),
  stage: defineRoute({
    page: 'src/pages/journeys/[journey]/[stage].astro',
    path: routePaths.stage,
    pages: (report) =>
      report.stages.map((stage) => ({
        args: [stage.journey.id, stage.id],
        params: { journey: stage.journey.id, stage: stage.id },
        props: { stage },
      })),
    kind: 'kind.stage',
    crumbs: (t, report, journeyId, stageId) => [
      journeysCrumb(t),
      journeyCrumb(report, journeyId),
      { label: report.journeyById.get(journeyId)!.stages.find((s) => s.id === stageId)!.data.name },
    ],
    card: previewCards.stage,
    printSection: stageAnchor,
  }),
  comparison: defineRoute({
    page: 'src/pages/journeys/[journey]/compare.astro',
    path: (journeyId: string) => `journeys/${journeyId}/${COMPARISON_SEGMENT}/`,
    pages: (report) =>
      report.journeys.flatMap((journey) =>
        journey.improves
          ? [
              {
                args: [journey.id] as [string],
                params: { journey: journey.id },
                props: { diff: diffJourneys(journey.improves, journey) },
              },
            ]
          : [],
      ),
    kind: 'kind.comparison',
    crumbs: (t, report, journeyId) => [
      journeysCrumb(t),
      journeyCrumb(report, journeyId),
      { label: t('kind.comparison') },
    ],
    card: previewCards.comparison,
  }),
  heatmap: defineRoute<[variant?: string]>({
    page: 'src/pages/heatmap/[...variant].astro',
    /** `variant` is a heatmap variant's path (see heatmapVariantPath); empty for the default view. */
    path: (variant: string = '') => `heatmap/${variant}`,
    pages: (report) => {
      const defaultState = defaultHeatmapState(report.journeys);
      return heatmapVariants(report.journeys).map((variant) => {
        const path = heatmapVariantPath(variant, defaultState);
        return {
          args: [path],
          params: { variant: path.replace(/\/$/, '') || undefined },
          props: { variant },
        };
      });
    },
    kind: 'kind.heatmap',
    heading: (t) => t('heatmap.title'),
    nav: { label: 'nav.heatmap', order: 40 },
    crumbs: selfCrumb('kind.heatmap'),
  }),
  touchpoints: defineRoute({
    page: 'src/pages/touchpoints/index.astro',
    path: () => 'touchpoints/',
    pages: single,
    kind: 'kind.touchpoints',
    heading: (t) => t('nav.touchpoints'),
    nav: { label: 'nav.touchpoints', order: 50 },
    crumbs: selfCrumb('nav.touchpoints'),
  }),
  touchpoint: defineRoute({
    page: 'src/pages/touchpoints/[touchpoint].astro',
    path: (id: string) => `touchpoints/${id}/`,
    pages: (report) =>
      report.touchpoints.map((touchpoint) => ({
        args: [touchpoint.id],
        params: { touchpoint: touchpoint.id },
        props: { touchpoint },
      })),
    kind: 'kind.touchpoint',
    crumbs: (t, report, id) => {
      const { journey, stage, data } = report.touchpointById.get(id)!;
      return [
        journeysCrumb(t),
        journeyCrumb(report, journey.id),
        { label: stage.data.name, path: routePaths.stage(journey.id, stage.id) },
        { label: data.title },
      ];
    },
    card: previewCards.touchpoint,
    anchors: {
      /** `index` counts from 0 in the touchpoint's list of pain points. */
      painPoint: (touchpointId: string, index: number) => `${touchpointId}-pain-${index + 1}`,
    },
  }),
  channels: defineRoute({
    page: 'src/pages/channels/index.astro',
    path: routePaths.channels,
    pages: single,
    kind: 'kind.channels',
    heading: (t) => t('nav.channels'),
    nav: { label: 'nav.channels', order: 60 },
    crumbs: selfCrumb('nav.channels'),
  }),
  channel: defineRoute({
    page: 'src/pages/channels/[channel].astro',
    path: (id: string) => `channels/${id}/`,
    // Only channels with touchpoints have a page.
    pages: (report) =>
      report.channels
        .filter((c) => c.touchpoints.length > 0)
        .map((channel) => ({
          args: [channel.id],
          params: { channel: channel.id },
          props: { channel },
        })),
    kind: 'kind.channel',
    crumbs: (t, report, id) => [
      { label: t('nav.channels'), path: routePaths.channels() },
      { label: report.channelById.get(id)!.data.name },
    ],
    card: previewCards.channel,
  }),
  kpis: defineRoute({
    page: 'src/pages/kpis/index.astro',
    path: routePaths.kpis,
    pages: single,
    kind: 'kind.kpis',
    heading: (t) => t('nav.kpis'),
    nav: { label: 'nav.kpis', order: 70 },
    crumbs: selfCrumb('nav.kpis'),
    anchors: { kpi: kpiAnchor, kpisOfJourney: kpisOfJourneyAnchor },
    links: {
      kpi: (kpiId: string) => `${routePaths.kpis()}#${kpiAnchor(kpiId)}`,
      kpisOfJourney: (journeyId: string) =>
        `${routePaths.kpis()}#${kpisOfJourneyAnchor(journeyId)}`,
    },
  }),
  opportunities: defineRoute({
    page: 'src/pages/opportunities/index.astro',
    path: routePaths.opportunities,
    pages: single,
    kind: 'kind.opportunities',
    heading: (t) => t('nav.opportunities'),
    nav: { label: 'nav.opportunities', order: 80 },
    crumbs: selfCrumb('nav.opportunities'),
    anchors: {
      /** An opportunity with an id of its own keeps it; one without is numbered within its touchpoint (`index` from 0). */
      opportunity: (touchpointId: string, index: number, opportunityId?: string) =>
        opportunityId === undefined
          ? `${touchpointId}-opportunity-${index + 1}`
          : `opportunity-${opportunityId}`,
    },
    /** `anchor` is the opportunity's anchor as the model gives it (`OpportunityItem.anchor`). */
    links: { opportunity: (anchor: string) => `${routePaths.opportunities()}#${anchor}` },
  }),
  evidence: defineRoute({
    page: 'src/pages/evidence/index.astro',
    path: routePaths.evidence,
    pages: single,
    kind: 'kind.evidence',
    heading: (t) => t('nav.evidence'),
    nav: { label: 'nav.evidence', order: 90 },
    crumbs: selfCrumb('nav.evidence'),
    anchors: { source: sourceAnchor },
    links: { source: (sourceId: string) => `${routePaths.evidence()}#${sourceAnchor(sourceId)}` },
  }),
  personaMatrix: defineRoute<[page?: number]>({
    page: 'src/pages/personas-journeys/[...page].astro',
    path: (page: number = 1) => `personas-journeys/${page === 1 ? '' : `page-${page}/`}`,
    pages: (report) => {
      const pages = personaMatrixPages(report.journeys);
      return Array.from({ length: pages }, (_, i) => ({
        args: [i + 1],
        params: { page: i === 0 ? undefined : `page-${i + 1}` },
        props: { page: i + 1, pages },
      }));
    },
    kind: 'kind.personaMatrix',
    heading: (t) => t('matrix.title'),
    crumbs: selfCrumb('kind.personaMatrix'),
  }),
  painPointSeams: defineRoute({
    page: 'src/pages/pain-points/index.astro',
    path: () => 'pain-points/',
    pages: single,
    kind: 'kind.painPointSeams',
    heading: (t) => t('seams.title'),
    crumbs: selfCrumb('kind.painPointSeams'),
  }),
  changes: defineRoute({
    page: 'src/pages/changes/index.astro',
    path: () => 'changes/',
    pages: single,
    kind: 'kind.changes',
    heading: (t) => t('kind.changes'),
    crumbs: selfCrumb('kind.changes'),
    // Version names are unique; only spaces are not allowed in an element id.
    anchors: { version: (version: string) => `version-${version.replace(/\s+/g, '_')}` },
  }),
  search: defineRoute({
    page: 'src/pages/search/index.astro',
    path: () => 'search/',
    pages: single,
    kind: 'kind.search',
    heading: (t) => t('search.title'),
    crumbs: selfCrumb('search.button'),
    unsearchable: true,
  }),
  print: defineRoute({
    page: 'src/pages/print/index.astro',
    path: () => 'print/',
    pages: single,
    kind: 'kind.print',
    heading: (_, report) => report.data.title,
    crumbs: selfCrumb('kind.print'),
    unsearchable: true,
    anchors: {
      printOverview: () => 'print-overview',
      printPersona: printPersonaAnchor,
      printJourney: printJourneyAnchor,
    },
  }),
  /** Embeddable views: one view without the site's header, navigation and footer (docs/embeds.md). */
  embedCanvas: defineRoute({
    page: 'src/pages/embed/journeys/[journey]/canvas.astro',
    path: (journeyId: string) => `${EMBED_SEGMENT}/journeys/${journeyId}/canvas/`,
    pages: (report) => journeyPages(report.journeys),
    kind: 'kind.journey',
    heading: (_, report, journeyId) => report.journeyById.get(journeyId)!.data.title,
    unsearchable: true,
  }),
  embedCurve: defineRoute({
    page: 'src/pages/embed/journeys/[journey]/curve.astro',
    path: (journeyId: string) => `${EMBED_SEGMENT}/journeys/${journeyId}/curve/`,
    pages: (report) => journeyPages(report.journeys),
    kind: 'kind.journey',
    heading: (t, report, journeyId) =>
      t('charts.curveTitle', { journey: report.journeyById.get(journeyId)!.data.title }),
    unsearchable: true,
  }),
  embedKpis: defineRoute({
    page: 'src/pages/embed/kpis/[journey].astro',
    path: (journeyId: string) => `${EMBED_SEGMENT}/kpis/${journeyId}/`,
    // Like the KPIs page, which lists only journeys that have KPIs.
    pages: (report) => journeyPages(report.journeys.filter((journey) => journey.kpis.length > 0)),
    kind: 'kind.kpis',
    heading: (t, report, journeyId) =>
      t('kpis.caption', { journey: report.journeyById.get(journeyId)!.data.title }),
    unsearchable: true,
  }),
  notFound: defineRoute({
    page: 'src/pages/404.astro',
    path: () => '404',
    pages: single,
    kind: 'kind.page',
    heading: (t) => t('notFound.title'),
    unsearchable: true,
  }),
};

/** The name of a page type. */
export type RouteName = keyof typeof routes;
/** The arguments of a page type's path. */
export type RouteArgs<Name extends RouteName> = Parameters<(typeof routes)[Name]['path']>;
/** Every page type's name, in the registry's order. */
export const routeNames = Object.keys(routes) as RouteName[];

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;
type Field<
  Name extends RouteName,
  Key extends 'anchors' | 'links',
> = (typeof routes)[Name] extends { [K in Key]?: infer Value } ? NonNullable<Value> : NoBuilders;
type Flattened<Key extends 'anchors' | 'links'> = UnionToIntersection<
  { [Name in RouteName]: Field<Name, Key> }[RouteName]
>;

/** Merges one field of every entry into one object (each name is used by one page type only: test/routes.test.ts). */
function flatten<Key extends 'anchors' | 'links'>(key: Key): Flattened<Key> {
  return Object.assign(
    {},
    ...Object.values(routes).map((route) => (key in route ? route[key as keyof typeof route] : {})),
  ) as Flattened<Key>;
}

/** Site paths of every page type (and of places within pages), relative to the base, by page-type name. */
export const paths = {
  ...(Object.fromEntries(routeNames.map((name) => [name, routes[name].path])) as {
    [Name in RouteName]: (typeof routes)[Name]['path'];
  }),
  ...flatten('links'),
};

/** Element ids of the report's linkable entities, from every page type's `anchors`. */
export const anchors = flatten('anchors');

/** One page of a report, with its page type: what the built site is made of. */
export type PageRef = {
  [Name in RouteName]: { route: Name; args: RouteArgs<Name>; path: string };
}[RouteName];

/** Every page the report's site has, of every page type, with its path. */
export function reportPages(report: ResolvedReport): PageRef[] {
  return routeNames.flatMap((name) => {
    const route = routes[name] as RouteDefinition<unknown[]>;
    return route
      .pages(report)
      .map(({ args }) => ({ route: name, args, path: route.path(...args) }) as PageRef);
  });
}

const pagesByPath = new WeakMap<ResolvedReport, Map<string, PageRef>>();

/** The page of the report at a path as `reportPages` gives it (a built page's path), if it is one. */
export function pageAt(report: ResolvedReport, path: string): PageRef | undefined {
  let index = pagesByPath.get(report);
  if (!index)
    pagesByPath.set(
      report,
      (index = new Map(reportPages(report).map((page) => [page.path, page]))),
    );
  return index.get(path);
}

/** The page's route entry, typed for calls with its arguments. */
const entryOf = (page: PageRef) => routes[page.route] as RouteDefinition<unknown[]>;

/** A page's link-preview card: its entity's, or one titled by its heading (the report's title for a page outside the registry). */
export function pageCard(
  page: PageRef | undefined,
  context: CardContext,
  brandColor: string,
): OgCard {
  const entry = page && entryOf(page);
  const content = entry?.card?.(context, ...page!.args);
  const heading =
    entry?.heading?.(context.t, context.report, ...page!.args) ?? context.report.data.title;
  return completeCard(content, context.report, heading, brandColor);
}

/** Whether the search index includes a page (one of the report's, by `pageAt`). */
export const isSearchable = (page: PageRef): boolean => !entryOf(page).unsearchable;

/**
 * The built HTML files Pagefind reads, as a glob below the build folder: the top-level folders
 * and files of searchable pages. The pages themselves still say whether they are indexed
 * (`data-pagefind-body`); this spares Pagefind reading the others, the print edition first
 * (7 MB at the bench's M size).
 */
export function searchedFiles(report: ResolvedReport): string {
  const tops = new Set(
    reportPages(report)
      .filter(isSearchable)
      .map(({ path }) => {
        if (path === '') return 'index.html';
        return path.includes('/') ? `${path.split('/')[0]}/**/*.html` : `${path}.html`;
      }),
  );
  return `{${[...tops].sort().join(',')}}`;
}

/** The heading of a page of a page type that shows no entity: its H1, and its card's title. */
export function headingOf<Name extends RouteName>(
  name: Name,
  t: Translate,
  report: ResolvedReport,
  ...args: RouteArgs<Name>
): string {
  const { heading } = routes[name] as RouteDefinition<unknown[]>;
  if (!heading)
    throw new Error(`The page type "${name}" declares no heading in src/lib/routes.ts.`);
  return heading(t, report, ...args);
}

/** The print-edition section of a page, if its page type has one there. */
export const printSectionOf = (page: PageRef): string | undefined =>
  entryOf(page).printSection?.(...page.args);

/** The breadcrumb trail of a page. */
export function crumbsOf<Name extends RouteName>(
  name: Name,
  t: Translate,
  report: ResolvedReport,
  ...args: RouteArgs<Name>
): Crumb[] | undefined {
  return (routes[name] as RouteDefinition<unknown[]>).crumbs?.(t, report, ...args);
}

/** What getStaticPaths of a page type's file returns. */
export const staticPathsOf = (name: RouteName, report: ResolvedReport) =>
  (routes[name] as RouteDefinition<unknown[]>)
    .pages(report)
    .map(({ params, props }) => ({ params, props }));

/** The main navigation: page types with a nav entry, in order, with their path. */
export function navEntries(): (NavEntry & { route: RouteName; path: string })[] {
  return routeNames
    .flatMap((name) => {
      const route = routes[name] as RouteDefinition<[]>;
      return route.nav ? [{ ...route.nav, route: name, path: route.path() }] : [];
    })
    .sort((a, b) => a.order - b.order);
}
