import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, matchesGlob, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPages } from '../src/build/pages.ts';
import { resolveReport, type ResolvedReport } from '../src/lib/model.ts';
import {
  anchors,
  isSearchable,
  navEntries,
  pageAt,
  paths,
  reportPages,
  routeNames,
  routes,
  searchedFiles,
  type RouteName,
} from '../src/lib/routes.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { exampleContent, projectRoot } from './helpers/build.ts';
import { exampleSite } from './helpers/sharedBuild.ts';

/** The HTML file of a page path as Astro writes it (`personas/x/` → `personas/x/index.html`, `404` → `404.html`). */
const builtFile = (site: string, path: string) =>
  join(site, path === '' || path.endsWith('/') ? `${path}index.html` : `${path}.html`);

/** Ids that each anchor builder gives in the example report: each must be on a page of its page type. */
const anchorExamples: { [Kind in keyof typeof anchors]: (report: ResolvedReport) => string[] } = {
  stage: (r) => r.stages.map((s) => anchors.stage(s.journey.id, s.id)),
  touchpoint: (r) => r.touchpoints.map((tp) => anchors.touchpoint(tp.id)),
  canvas: (r) => r.journeys.map((j) => anchors.canvas(j.id)),
  painPoint: (r) =>
    r.touchpoints.flatMap((tp) => tp.painPoints.map((_, i) => anchors.painPoint(tp.id, i))),
  opportunity: (r) =>
    r.touchpoints.flatMap((tp) =>
      tp.data.opportunities.map((o, i) => anchors.opportunity(tp.id, i, o.id)),
    ),
  kpi: (r) => r.kpis.map((k) => anchors.kpi(k.id)),
  kpisOfJourney: (r) => r.journeys.map((j) => anchors.kpisOfJourney(j.id)),
  journeySummary: (r) => r.journeys.map((j) => anchors.journeySummary(j.id)),
  source: (r) => r.data.researchSources.map((s) => anchors.source(s.id)),
  version: (r) => r.data.versions.map((v) => anchors.version(v.version)),
  printOverview: () => [anchors.printOverview()],
  printPersona: (r) => r.personas.map((p) => anchors.printPersona(p.id)),
  printJourney: (r) => r.journeys.map((j) => anchors.printJourney(j.id)),
};

/** Every file below a folder, relative to the project. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : [relative(projectRoot, path)];
  });
}

describe('the route registry', () => {
  let report: ResolvedReport;
  let site: string;

  beforeAll(() => {
    report = resolveReport(validateContent(exampleContent, projectRoot).sources!);
    site = exampleSite();
  });

  it('has a page file for every page type, and the example report builds at least one page of each', () => {
    const pages = reportPages(report);
    for (const name of routeNames) {
      expect(existsSync(join(projectRoot, routes[name].page)), routes[name].page).toBe(true);
      expect(pages.filter((page) => page.route === name).length, name).toBeGreaterThan(0);
    }
    expect(
      pages.filter((page) => !existsSync(builtFile(site, page.path))).map((page) => page.path),
    ).toEqual([]);
  });

  it('titles the preview card of every page type: by its entity (card) or by its heading, never both', () => {
    const untitled = routeNames.filter((name) => {
      const route: { card?: unknown; heading?: unknown } = routes[name];
      return (route.card === undefined) === (route.heading === undefined);
    });
    expect(untitled).toEqual([]);
  });

  it('knows the page type of every page the example build has', () => {
    const unknown = builtPages(site)
      .map((page) => page.path)
      .filter((path) => pageAt(report, path) === undefined);
    expect(unknown).toEqual([]);
  });

  it('says which pages the search index leaves out, and has Pagefind read only the files of the others', () => {
    const glob = searchedFiles(report);
    const pages = builtPages(site);
    for (const { path, file } of pages) {
      const searchable = isSearchable(pageAt(report, path)!);
      expect(readFileSync(file, 'utf8').includes('data-pagefind-body'), path).toBe(searchable);
      if (searchable) expect(matchesGlob(relative(site, file), glob), path).toBe(true);
    }
    const unread = pages.filter(({ file }) => !matchesGlob(relative(site, file), glob));
    expect(unread.map(({ path }) => path)).toEqual(
      expect.arrayContaining(['404', 'search/', 'print/', 'embed/journeys/click-collect/canvas/']),
    );
  });

  it('lists the main navigation in order, each entry a built page', () => {
    const nav = navEntries();
    expect(nav.map((entry) => entry.route)).toEqual([
      'overview',
      'personas',
      'journeys',
      'heatmap',
      'touchpoints',
      'channels',
      'kpis',
      'opportunities',
      'evidence',
    ]);
    for (const entry of nav) expect(existsSync(builtFile(site, entry.path)), entry.path).toBe(true);
    const overview = readFileSync(builtFile(site, paths.overview()), 'utf8');
    const links = [...overview.matchAll(/<ul class="site-nav">([\s\S]*?)<\/ul>/g)][0]![1]!.match(
      /href="[^"]*"/g,
    );
    expect(links).toEqual(nav.map((entry) => `href="/${entry.path}"`));
  });

  it('gives every anchor an id that is on a built page of the page type declaring it', () => {
    expect(Object.keys(anchorExamples).sort()).toEqual(Object.keys(anchors).sort());
    for (const name of routeNames) {
      const declared: Record<string, unknown> = routes[name].anchors ?? {};
      const html = reportPages(report)
        .filter((page) => page.route === name)
        .map((page) => readFileSync(builtFile(site, page.path), 'utf8'))
        .join('\n');
      for (const kind of Object.keys(declared) as (keyof typeof anchors)[]) {
        const ids = anchorExamples[kind](report);
        expect(ids.length, kind).toBeGreaterThan(0);
        expect(
          ids.filter((id) => !html.includes(` id="${id}"`)),
          `${kind} on ${name} pages`,
        ).toEqual([]);
      }
    }
  });

  it('names each anchor and each link in one page type only, apart from the page-type names', () => {
    const names = routeNames.flatMap((name) => [
      ...Object.keys(routes[name].anchors ?? {}).map((a) => `anchor ${a}`),
      ...Object.keys(routes[name].links ?? {}).map((l) => `path ${l}`),
    ]);
    expect(names.length).toBe(new Set(names).size);
    const linkNames = names.filter((n) => n.startsWith('path ')).map((n) => n.slice(5));
    expect(linkNames.filter((n) => routeNames.includes(n as RouteName))).toEqual([]);
  });

  it('links to places within pages through the registry: KPIs, research sources, opportunities', () => {
    const kpi = report.kpis[0]!;
    const source = report.data.researchSources[0]!;
    expect(paths.kpi(kpi.id)).toBe(`${paths.kpis()}#${anchors.kpi(kpi.id)}`);
    expect(readFileSync(builtFile(site, paths.kpis()), 'utf8')).toContain(
      ` id="${anchors.kpi(kpi.id)}"`,
    );
    expect(readFileSync(builtFile(site, paths.overview()), 'utf8')).toContain(
      `href="/${paths.source(source.id)}"`,
    );
  });

  it('is the only thing that knows which page type a URL is: nothing under src/ or scripts/ parses one back', () => {
    const folders = [
      ...new Set(
        routeNames
          .map(
            (name) =>
              reportPages(report)
                .find((p) => p.route === name)!
                .path.split('/')[0],
          )
          .filter(Boolean),
      ),
    ];
    const segment = folders.map((f) => f!.replace(/[-]/g, '\\-')).join('|');
    const parsing = [
      // The helpers that did it before the registry.
      /\bsectionOf\b/,
      /\bcardForPath\b/,
      // A URL cut into segments, or a segment or prefix compared to a page folder.
      /\.split\(\s*['"`]\/['"`]\s*\)\s*\.filter\(\s*Boolean\s*\)/,
      new RegExp(`\\b(section|kind|segment|parts\\[0\\])\\s*===\\s*['"\`](${segment})['"\`]`),
      new RegExp(`startsWith\\(\\s*['"\`]/(${segment})\\b`),
    ];
    const offending = [
      ...sourceFiles(join(projectRoot, 'src')),
      ...sourceFiles(join(projectRoot, 'scripts')),
    ].flatMap((file) => {
      const lines = readFileSync(join(projectRoot, file), 'utf8').split('\n');
      return lines.flatMap((line, i) =>
        parsing.some((pattern) => pattern.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
      );
    });
    expect(offending).toEqual([]);
    // The check itself must catch what it looks for.
    expect(parsing.some((p) => p.test("if (section === 'journeys' && id) {"))).toBe(true);
    expect(parsing.some((p) => p.test("const [kind, id] = path.split('/').filter(Boolean);"))).toBe(
      true,
    );
    expect(parsing.some((p) => p.test("if (url.startsWith('/personas/'))"))).toBe(true);
  });
});
