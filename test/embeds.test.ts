import { gunzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { embedSnippet, embedSrc, linksToTopWindow } from '../src/lib/embeds.ts';
import { resolveReport, type ResolvedReport } from '../src/lib/model.ts';
import { isEmbedPath, paths } from '../src/lib/paths.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { buildSite, copyFixture, exampleContent, projectRoot, readPage } from './helpers/build.ts';
import { embedCodes } from './helpers/embeds.ts';
import { extractPageLinks, findBrokenLinks } from './helpers/linkCheck.ts';
import { exampleSite } from './helpers/sharedBuild.ts';

describe('embeddable views of the example report', () => {
  let outDir: string;
  let report: ResolvedReport;
  /** Every embed's path with the full page it says it comes from. */
  let embeds: { path: string; page: string }[];

  beforeAll(() => {
    outDir = exampleSite();
    report = resolveReport(validateContent(exampleContent, projectRoot).sources!);
    embeds = report.journeys.flatMap((journey) => [
      { path: paths.embedCanvas(journey.id), page: paths.journey(journey.id) },
      { path: paths.embedCurve(journey.id), page: paths.journey(journey.id) },
      ...(journey.kpis.length > 0
        ? [{ path: paths.embedKpis(journey.id), page: paths.kpis() }]
        : []),
    ]);
  });

  it('has a map, a curve and (when the journey has KPIs) a KPI table embed for every journey', () => {
    expect(report.journeys.every((journey) => journey.kpis.length > 0)).toBe(true);
    expect(embeds).toHaveLength(report.journeys.length * 3);
    for (const { path } of embeds)
      expect(existsSync(join(outDir, path, 'index.html')), path).toBe(true);
    const journey = report.journeys[0]!;
    expect(readPage(outDir, paths.embedCanvas(journey.id))).toContain('data-canvas');
    expect(readPage(outDir, paths.embedCurve(journey.id))).toMatch(/<svg[^>]*chart/);
    expect(readPage(outDir, paths.embedKpis(journey.id))).toContain('class="kpi-table"');
  });

  it('shows no site header, navigation, search or footer, only the report name and a link back to the page it comes from', () => {
    for (const { path, page } of embeds) {
      const html = readPage(outDir, path);
      for (const chrome of [
        'site-header',
        'site-nav',
        'site-footer',
        'site-search',
        'skip-link',
        'breadcrumbs',
      ])
        expect(html, `${path}: ${chrome}`).not.toContain(chrome);
      expect(html).toContain(
        `<p class="embed__report">${report.data.title.replace(/&/g, '&amp;')}</p>`,
      );
      const back = html.match(/<a class="embed__source" href="([^"]+)" target="_top">/)?.[1];
      expect(back, path).toBeDefined();
      expect(back!.split('#')[0], path).toBe(`/${page}`);
    }
  });

  it('links back to pages and anchors that exist, from every embed', () => {
    const fromEmbeds = findBrokenLinks(outDir).filter((broken) => isEmbedPath(broken.page));
    expect(fromEmbeds).toEqual([]);
    for (const { path } of embeds) {
      const back = readPage(outDir, path).match(/class="embed__source" href="[^"#]+#([^"]+)"/)?.[1];
      expect(back, path).toBeDefined();
    }
  });

  it('asks search engines not to index them, and leaves them out of the search index', () => {
    for (const { path } of embeds) {
      const html = readPage(outDir, path);
      expect(html, path).toContain('<meta name="robots" content="noindex">');
      expect(html, path).not.toContain('data-pagefind-body');
    }
    const fragments = join(outDir, 'pagefind/fragment');
    const urls = readdirSync(fragments).map(
      (file) =>
        (
          JSON.parse(
            gunzipSync(readFileSync(join(fragments, file)))
              .toString('utf8')
              .replace(/^pagefind_dcd/, ''),
          ) as { url: string }
        ).url,
    );
    expect(urls).toContain(`/${paths.journey(report.journeys[0]!.id)}`);
    expect(urls.filter((url) => isEmbedPath(url))).toEqual([]);
  });

  it('offers each embed as copy-paste <iframe> code on the page it comes from, root-relative without SITE', () => {
    for (const journey of report.journeys) {
      const codes = embedCodes(readPage(outDir, paths.journey(journey.id)));
      expect(codes.map((code) => code.src)).toEqual([
        `/${paths.embedCanvas(journey.id)}`,
        `/${paths.embedCurve(journey.id)}`,
      ]);
      for (const code of codes) {
        expect(code.width).toBeGreaterThan(300);
        expect(code.height).toBeGreaterThan(200);
        expect(code.title).toContain(journey.data.title);
        expect(code.loading).toBe('lazy');
      }
    }
    const kpiCodes = embedCodes(readPage(outDir, paths.kpis()));
    expect(kpiCodes.map((code) => code.src)).toEqual(
      report.journeys.filter((j) => j.kpis.length > 0).map((j) => `/${paths.embedKpis(j.id)}`),
    );
    // A disclosure that works without JavaScript, kept out of search results.
    expect(readPage(outDir, paths.kpis())).toMatch(
      /<details class="embed-code" data-pagefind-ignore="all"><summary>Embed<\/summary>/,
    );
  });

  it('sizes the map frame to its content: the busiest journey asks for the tallest frame', () => {
    const heights = report.journeys.map((journey) => ({
      journey,
      height: embedCodes(readPage(outDir, paths.journey(journey.id)))[0]!.height,
    }));
    const text = (id: string) =>
      readPage(outDir, paths.embedCanvas(id)).replace(/<[^>]+>/g, '').length;
    const tallest = heights.reduce((a, b) => (b.height > a.height ? b : a));
    const longest = report.journeys.reduce((a, b) => (text(b.id) > text(a.id) ? b : a));
    expect(tallest.journey.id).toBe(longest.id);
  });
});

describe('embed code helpers', () => {
  it('makes absolute addresses when the site URL is known, root-relative ones otherwise', () => {
    expect(embedSrc('embed/kpis/a/', '/reports/x/', 'https://acme.example')).toBe(
      'https://acme.example/reports/x/embed/kpis/a/',
    );
    expect(embedSrc('embed/kpis/a/', '/reports/x/')).toBe('/reports/x/embed/kpis/a/');
  });

  it('escapes the title of the frame', () => {
    expect(embedSnippet({ src: '/e/', title: 'Click "&" collect', width: 10, height: 20 })).toBe(
      '<iframe src="/e/" width="10" height="20" title="Click &quot;&amp;&quot; collect" loading="lazy" style="max-width: 100%; border: 0"></iframe>',
    );
  });

  it('opens links that leave the view in the top window and keeps anchors of the view in the frame', () => {
    expect(
      linksToTopWindow(
        '<a href="/journeys/x/">x</a><a class="anchor-link" href="#kpi-a">#</a><a href="/y/" target="_blank">y</a>',
      ),
    ).toBe(
      '<a target="_top" href="/journeys/x/">x</a><a class="anchor-link" href="#kpi-a">#</a><a href="/y/" target="_blank">y</a>',
    );
  });
});

describe('embeds of a public report served from its own URL', () => {
  it('offers absolute iframe addresses and keeps the embeds out of the sitemap', () => {
    const build = buildSite(copyFixture(), {
      base: '/reports/shoes/',
      env: { SITE: 'https://acme.example' },
    });
    expect(build.status, build.output).toBe(0);
    const codes = embedCodes(readPage(build.outDir, paths.journey('shoe-shop')));
    expect(codes.map((code) => code.src)).toEqual([
      `https://acme.example/reports/shoes/${paths.embedCanvas('shoe-shop')}`,
      `https://acme.example/reports/shoes/${paths.embedCurve('shoe-shop')}`,
    ]);
    const sitemap = readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(
      `<loc>https://acme.example/reports/shoes/${paths.journey('shoe-shop')}</loc>`,
    );
    expect(sitemap).not.toContain('/embed/');
    const embed = readPage(build.outDir, paths.embedCanvas('shoe-shop'));
    expect(embed).toContain(
      `<link rel="canonical" href="https://acme.example/reports/shoes/${paths.journey('shoe-shop')}">`,
    );
    expect(extractPageLinks(embed).links).toContain(
      `/reports/shoes/${paths.journey('shoe-shop')}#canvas-shoe-shop`,
    );
  });
});
