/**
 * Audiences: one report, two editions. The internal edition shows everything; the client
 * edition leaves out every entry marked `internal: true` and every field the report lists in
 * `audience.internalFields`. The filter runs once, on the loaded sources before they are
 * resolved, so every output (pages, downloads, report.json, Mermaid, cards, search, PDF) is
 * made from the same filtered report. See docs/audiences.md.
 */
import type { ReportSources, SourceEntry } from './model.ts';
import { fieldAtPath, isFieldPathProblem, leftOutValue } from './fieldPaths.ts';
import { audiences, type Audience } from './schema/audience.ts';
import { contentFieldRoots } from './schema/report.ts';
import type { TouchpointData } from './schema/touchpoint.ts';

export { audiences, defaultInternalFields, type Audience } from './schema/audience.ts';

/** The environment variable that picks the edition, overriding the report's `audience.default`. */
export const AUDIENCE_VARIABLE = 'ITINERA_AUDIENCE';

/** Reads ITINERA_AUDIENCE; throws one line naming the fix when it is set to something else. */
export function audienceFromEnvironment(value: string | undefined): Audience | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const wanted = value.trim().toLowerCase();
  if ((audiences as readonly string[]).includes(wanted)) return wanted as Audience;
  throw new Error(
    `${AUDIENCE_VARIABLE}=${value} is not an audience: set it to ${audiences.map((a) => `"${a}"`).join(' or ')}, or leave it unset for the report's audience.default.`,
  );
}

/** The edition to build: ITINERA_AUDIENCE when set, else the report's `audience.default`. */
export function chosenAudience(
  report: { audience: { default: Audience } },
  env: Record<string, string | undefined> = process.env,
): Audience {
  return audienceFromEnvironment(env[AUDIENCE_VARIABLE]) ?? report.audience.default;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** A copy of `value` without the field at `keys` (looking through lists), or with it set to `replacement`. */
function withoutField(value: unknown, keys: readonly string[], replacement: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutField(item, keys, replacement));
  const [key, ...rest] = keys;
  if (!isRecord(value) || key === undefined || !(key in value)) return value;
  if (rest.length > 0) return { ...value, [key]: withoutField(value[key], rest, replacement) };
  const { [key]: _leftOut, ...others } = value;
  return replacement === undefined ? others : { ...others, [key]: replacement };
}

/** Applies the field paths that start with `kind` to one entry's data. */
function stripFields<T>(kind: string, data: T, fields: readonly string[]): T {
  let result: unknown = data;
  for (const path of fields) {
    const [root, ...keys] = path.split('.');
    if (root !== kind) continue;
    const field = fieldAtPath(path, contentFieldRoots, ['internal']);
    const empty = isFieldPathProblem(field) ? undefined : leftOutValue(field);
    // The report's schema has refused unusable paths already.
    if (!empty?.ok) continue;
    result = withoutField(result, keys, empty.value);
  }
  return result as T;
}

/** Whether an entry is shown to clients: anything not marked `internal: true`. */
const notInternal = (item: object) => !('internal' in item && item.internal === true);

/** The report as one audience sees it, and what the client edition had to unlink. */
export interface AudienceEdition {
  audience: Audience;
  sources: ReportSources;
  /** `file: what was unlinked`, for links from shown content to internal entries. */
  warnings: string[];
}

/** A touchpoint without its internal pain points, opportunities and evidence. */
function publicTouchpoint(data: TouchpointData): TouchpointData {
  return {
    ...data,
    painPoints: data.painPoints.filter(notInternal),
    opportunities: data.opportunities.filter(notInternal),
    evidence: data.evidence.filter(notInternal),
  };
}

/** Removes links from shown touchpoints to internal touchpoints and opportunities, with a warning each. */
function unlinkTouchpoints(
  touchpoints: SourceEntry<TouchpointData>[],
  all: ReportSources['touchpoints'],
  warnings: string[],
): SourceEntry<TouchpointData>[] {
  const shownIds = new Set(touchpoints.map((t) => t.id));
  const internalTouchpoints = new Set(all.filter((t) => !shownIds.has(t.id)).map((t) => t.id));
  const shownOpportunities = new Set(
    touchpoints.flatMap((t) => t.data.opportunities.flatMap((o) => (o.id ? [o.id] : []))),
  );
  return touchpoints.map((t) => {
    let data = t.data;
    if (data.improves !== undefined && internalTouchpoints.has(data.improves)) {
      warnings.push(
        `${t.file}: touchpoint "${t.id}" improves "${data.improves}", an internal touchpoint: the client edition leaves the link out`,
      );
      data = { ...data, improves: undefined };
    }
    const hidden = data.addresses.filter((id) => !shownOpportunities.has(id));
    for (const id of hidden)
      warnings.push(
        `${t.file}: touchpoint "${t.id}" addresses "${id}", an internal opportunity: the client edition leaves the link out`,
      );
    if (hidden.length > 0)
      data = { ...data, addresses: data.addresses.filter((id) => shownOpportunities.has(id)) };
    return data === t.data ? t : { ...t, data };
  });
}

function clientKpis(
  sources: ReportSources,
  fields: readonly string[],
  warnings: string[],
): ReportSources['kpis'] {
  const internalIds = new Set(sources.kpis.filter((k) => !notInternal(k.data)).map((k) => k.id));
  return sources.kpis
    .filter((k) => notInternal(k.data))
    .map((k) => {
      let data = stripFields('kpis', k.data, fields);
      if (data.improves !== undefined && internalIds.has(data.improves)) {
        warnings.push(
          `${k.file}: KPI "${k.id}" improves "${data.improves}", an internal KPI: the client edition leaves the link out`,
        );
        data = { ...data, improves: undefined };
      }
      return { ...k, data };
    });
}

/**
 * The sources one audience sees. The internal edition is the content as written; the client
 * edition drops `internal: true` entries and the report's internal fields, and unlinks shown
 * content from dropped entries (one warning each). Pure: the input is not changed.
 */
export function forAudience(sources: ReportSources, audience: Audience): AudienceEdition {
  if (audience === 'internal') return { audience, sources, warnings: [] };
  const fields = sources.report.data.audience.internalFields;
  const warnings: string[] = [];
  const strip =
    (kind: string) =>
    <E extends SourceEntry<unknown>>(entry: E): E => ({
      ...entry,
      data: stripFields(kind, entry.data, fields),
    });
  const shownTouchpoints = sources.touchpoints
    .filter((t) => notInternal(t.data))
    .map((t) => ({ ...t, data: stripFields('touchpoints', publicTouchpoint(t.data), fields) }));
  return {
    audience,
    warnings,
    sources: {
      report: strip('report')(sources.report),
      personas: sources.personas.map(strip('personas')),
      journeys: sources.journeys.map(strip('journeys')),
      stages: sources.stages.map(strip('stages')),
      touchpoints: unlinkTouchpoints(shownTouchpoints, sources.touchpoints, warnings),
      kpis: clientKpis(sources, fields, warnings),
      channels: sources.channels.map(strip('channels')),
    },
  };
}

/** The edition this run builds (ITINERA_AUDIENCE, else the report's default) of a report's sources. */
export function editionFor(
  sources: ReportSources,
  env: Record<string, string | undefined> = process.env,
): AudienceEdition {
  return forAudience(sources, chosenAudience(sources.report.data, env));
}
