import { COMPARISON_SEGMENT, EMBED_SEGMENT } from './routes.ts';

export { COMPARISON_SEGMENT, EMBED_SEGMENT };

/** Stage ids the site keeps for pages of its own below `journeys/<id>/`, with that page: the validator rejects them. */
export const RESERVED_STAGE_IDS: Readonly<Record<string, string>> = {
  [COMPARISON_SEGMENT]: 'the comparison page',
};

/** The page a stage id is kept for, if it is reserved. */
export const reservedStagePage = (id: string): string | undefined =>
  Object.hasOwn(RESERVED_STAGE_IDS, id) ? RESERVED_STAGE_IDS[id] : undefined;

/** `id`, or `<id>-stage` when the site keeps `id` for a page of its own ("compare" → "compare-stage"). */
export function nonReservedStageId(id: string): string {
  return reservedStagePage(id) === undefined ? id : `${id}-stage`;
}

/** Site paths of every page type, relative to the site's base: declared in the route registry. */
export { paths } from './routes.ts';

/** Whether a page path (relative to the base) is an embeddable view: kept out of search and the sitemap. */
export const isEmbedPath = (path: string): boolean =>
  path.replace(/^\//, '').startsWith(`${EMBED_SEGMENT}/`);

/** Joins the site's base (`/` or `/reports/acme/`) and a page path. */
export function withBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${path.replace(/^\//, '')}`;
}

/** A served URL's path below the base (`/reports/acme/journeys/x/` → `journeys/x/`), as page paths are written. */
export function pathBelowBase(pathname: string, base: string): string {
  return pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
}

/** Site paths of the data files (report.json, its schema, Mermaid diagrams), relative to the site's base. */
export const dataPaths = {
  report: () => 'report.json',
  reportSchema: () => 'report.schema.json',
  journeyMermaid: (journeyId: string) => `journeys/${journeyId}/journey.mmd`,
  /** A table download of the whole report, without the `.csv` or `.json` extension. */
  reportTable: (table: 'touchpoints' | 'opportunities') => `data/${table}`,
  /** A journey's table download, without the `.csv` or `.json` extension. */
  journeyTable: (journeyId: string, table: 'kpis' | 'emotion-curve') =>
    `data/journeys/${journeyId}/${table}`,
  /** A stage's KPI table download, without the extension. */
  stageKpis: (journeyId: string, stageId: string) => `data/journeys/${journeyId}/${stageId}/kpis`,
  /** A table of one page (a path of `paths`), without the extension: `data/<page path><table>`. */
  pageTable: (pagePath: string, table: string) => `data/${pagePath}${table}`,
} as const;

/** The formats every table download comes in. */
export const tableFormats = ['csv', 'json'] as const;

/** Protected reports encrypt pages only: their data files are left out rather than shipped in the clear. */
export const publishesDataFiles = (visibility: string): boolean => visibility !== 'protected';
