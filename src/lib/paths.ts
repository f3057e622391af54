/** The last segment of a journey's comparison page (`journeys/<id>/compare/`); no stage may take it. */
export const COMPARISON_SEGMENT = 'compare';

/** Site paths of every page type, relative to the site's base, each ending in "/". */
export const paths = {
  overview: () => '',
  personas: () => 'personas/',
  persona: (id: string) => `personas/${id}/`,
  journeys: () => 'journeys/',
  journey: (id: string) => `journeys/${id}/`,
  stage: (journeyId: string, stageId: string) => `journeys/${journeyId}/${stageId}/`,
  comparison: (journeyId: string) => `journeys/${journeyId}/${COMPARISON_SEGMENT}/`,
  touchpoints: () => 'touchpoints/',
  touchpoint: (id: string) => `touchpoints/${id}/`,
  channels: () => 'channels/',
  channel: (id: string) => `channels/${id}/`,
  kpis: () => 'kpis/',
  opportunities: () => 'opportunities/',
  opportunity: (anchor: string) => `opportunities/#${anchor}`,
  evidence: () => 'evidence/',
  changes: () => 'changes/',
  search: () => 'search/',
  print: () => 'print/',
} as const;

/** Joins the site's base (`/` or `/reports/acme/`) and a page path. */
export function withBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${path.replace(/^\//, '')}`;
}
