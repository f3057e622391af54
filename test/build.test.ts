import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPages } from '../src/build/pages.ts';
import { formatKpiValue } from '../src/lib/format.ts';
import { extractPageLinks, findBrokenLinks } from './helpers/linkCheck.ts';
import { resolveReport, type ResolvedReport } from '../src/lib/model.ts';
import { paths } from '../src/lib/paths.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { parseSvg } from './helpers/svg.ts';
import { buildSite, copyFixture, exampleContent, projectRoot, readPage } from './helpers/build.ts';
import {
  authoredText,
  hyphenMinusNumbers,
  pluralDisagreements,
  visibleText,
} from './helpers/text.ts';
import { exampleSite } from './helpers/sharedBuild.ts';

/** Every href on a built page. */
function linksOn(outDir: string, path: string): string[] {
  return extractPageLinks(readPage(outDir, path)).links;
}

describe('building the example report', () => {
  // Built once per change, shared by the test files (test/helpers/sharedBuild.ts); throws if the build fails.
  const build = { outDir: exampleSite() };
  let report: ResolvedReport;

  beforeAll(() => {
    report = resolveReport(validateContent(exampleContent, projectRoot).sources!);
  });

  it('writes a page for every persona, journey, stage, touchpoint and used channel, plus the indexes', () => {
    const expected = [
      paths.overview(),
      paths.personas(),
      paths.journeys(),
      paths.touchpoints(),
      paths.channels(),
      paths.kpis(),
      paths.opportunities(),
      paths.evidence(),
      paths.changes(),
      ...report.journeys.filter((j) => j.improves).map((j) => paths.comparison(j.id)),
      ...report.personas.map((p) => paths.persona(p.id)),
      ...report.journeys.map((j) => paths.journey(j.id)),
      ...report.stages.map((s) => paths.stage(s.journey.id, s.id)),
      ...report.touchpoints.map((t) => paths.touchpoint(t.id)),
      ...report.channels.filter((c) => c.touchpoints.length > 0).map((c) => paths.channel(c.id)),
    ];
    const missing = expected.filter((path) => !existsSync(join(build.outDir, path, 'index.html')));
    expect(missing).toEqual([]);
    expect(existsSync(join(build.outDir, '404.html'))).toBe(true);
  });

  it("compares the example future state with today's journey and marks the opportunities it delivers", () => {
    const future = report.journeys.find((j) => j.improves)!;
    expect(future.improves!.id).toBe('click-collect');
    const html = readPage(build.outDir, paths.comparison(future.id));
    expect(html.match(/class="chart-curve"/g)).toHaveLength(2);
    for (const kind of ['added', 'removed', 'changed'])
      expect(html).toContain(`data-change="${kind}"`);
    const delivered = report.opportunities.filter((o) => o.addressedBy.length > 0);
    expect(delivered.length).toBeGreaterThan(0);
    const backlog = readPage(build.outDir, paths.opportunities());
    for (const opportunity of delivered)
      expect(backlog).toContain(
        `data-addressed-by="${opportunity.addressedBy.map((t) => t.id).join(' ')}"`,
      );
  });

  it('has no broken internal link or anchor', () => {
    expect(findBrokenLinks(build.outDir)).toEqual([]);
  });

  it('links persona <-> journey <-> stage <-> touchpoint <-> channel both ways', () => {
    const touchpoint = report.touchpoints.find((t) => t.journey.personas.length > 1)!;
    const { journey, stage, channel } = touchpoint;
    const persona = journey.personas[0]!;
    const href = (path: string) => `/${path}`;

    expect(linksOn(build.outDir, paths.persona(persona.id))).toContain(
      href(paths.journey(journey.id)),
    );
    expect(linksOn(build.outDir, paths.journey(journey.id))).toEqual(
      expect.arrayContaining([
        href(paths.persona(persona.id)),
        href(paths.stage(journey.id, stage.id)),
        href(paths.touchpoint(touchpoint.id)),
        href(paths.channel(channel.id)),
      ]),
    );
    expect(linksOn(build.outDir, paths.stage(journey.id, stage.id))).toEqual(
      expect.arrayContaining([
        href(paths.journey(journey.id)),
        href(paths.touchpoint(touchpoint.id)),
      ]),
    );
    expect(linksOn(build.outDir, paths.touchpoint(touchpoint.id))).toEqual(
      expect.arrayContaining([
        href(paths.journey(journey.id)),
        href(paths.stage(journey.id, stage.id)),
        href(paths.channel(channel.id)),
      ]),
    );
    expect(linksOn(build.outDir, paths.channel(channel.id))).toContain(
      href(paths.touchpoint(touchpoint.id)),
    );
  });

  it('shows KPI values with derived statuses on stage pages and the KPI page', () => {
    const kpi = report.kpis.find((k) => k.status === 'missed')!;
    const stagePage = readPage(build.outDir, paths.stage(kpi.journey.id, kpi.stage.id));
    const row = stagePage.slice(stagePage.indexOf(`id="kpi-${kpi.id}"`));
    expect(row.slice(0, row.indexOf('</tr>'))).toMatch(
      /status--missed[^<]*<span aria-hidden="true">✗<\/span> Missed/,
    );
    const kpiPage = readPage(build.outDir, paths.kpis());
    for (const k of report.kpis) expect(kpiPage).toContain(`id="kpi-${k.id}"`);
  });

  it('dates every measured KPI value "as of" its newest sample, judged on the report\'s pinned day so none turns stale with time', () => {
    const kpiPage = readPage(build.outDir, paths.kpis());
    const dated = report.kpis.filter((k) => k.freshness.asOf);
    expect(dated.length).toBeGreaterThan(10);
    for (const kpi of dated) {
      const start = kpiPage.indexOf(`id="kpi-${kpi.id}"`);
      const row = kpiPage.slice(start, kpiPage.indexOf('</tr>', start));
      expect(row).toContain(
        `<time class="kpi-as-of" datetime="${kpi.freshness.asOf!.toISOString().slice(0, 10)}">as of `,
      );
    }
    expect(report.today).toEqual(report.data.kpiReferenceDate);
    expect(kpiPage).not.toContain('status--stale');
    expect(readPage(build.outDir, paths.overview())).toContain(
      '<time datetime="2026-10-31">KPI data last refreshed on Oct 31, 2026.</time>',
    );
  });

  it('draws each journey map with one linked cell per touchpoint in its stage column, and one curve point per score', () => {
    for (const journey of report.journeys) {
      const page = parseSvg(readPage(build.outDir, paths.journey(journey.id)));
      const canvas = page.find((e) => 'data-canvas' in e.attributes)!;
      const inCanvas = (e: (typeof page)[number]): boolean =>
        e.parent !== undefined && (e.parent === canvas || inCanvas(e.parent));
      const cells = page.filter((e) => e.attributes['data-canvas-touchpoint'] && inCanvas(e));
      const byId = (a: string[], b: string[]) => a[0]!.localeCompare(b[0]!);
      const link = (cell: (typeof page)[number]) =>
        page.find((e) => e.name === 'a' && e.parent === cell)!.attributes.href!;
      expect(
        cells
          .map((c) => [
            c.attributes['data-canvas-touchpoint']!,
            c.attributes['data-stage']!,
            link(c),
          ])
          .sort(byId),
      ).toEqual(
        journey.touchpoints.map((t) => [t.id, t.stage.id, `/${paths.touchpoint(t.id)}`]).sort(byId),
      );
      expect(
        page
          .filter((e) => e.attributes['data-canvas-stage'] && inCanvas(e))
          .map((e) => e.attributes['data-canvas-stage']),
      ).toEqual(journey.stages.map((s) => s.id));
      expect(
        page
          .filter((e) => e.attributes['data-curve-stage'] && inCanvas(e))
          .map((e) => e.attributes['data-curve-stage']),
      ).toEqual(journey.stages.map((s) => s.id));
      const scores =
        journey.personas.length > 1 &&
        journey.touchpoints.some((t) => Object.keys(t.data.emotionByPersona).length > 0)
          ? journey.personas.flatMap((p) =>
              journey.touchpoints.filter((t) => t.data.emotionByPersona[p.id] !== undefined),
            )
          : journey.touchpoints;
      expect(page.filter((e) => e.attributes['data-curve-touchpoint'] && inCanvas(e))).toHaveLength(
        scores.length,
      );
      for (const band of page.filter((e) => e.attributes['data-curve-stage']))
        expect(band.attributes.role).toBe('img');
    }
  });

  it('publishes each journey map as an SVG file with its text as text, linked from the journey page', () => {
    const journey = report.journeyById.get('click-collect')!;
    const svg = readFileSync(join(build.outDir, paths.journey(journey.id), 'canvas.svg'), 'utf8');
    const text = parseSvg(svg)
      .filter((e) => e.name === 'tspan')
      .map((e) => e.text)
      .join(' ');
    for (const t of journey.touchpoints)
      expect(text.replace(/\s+/g, ' ')).toContain(t.data.title.split(' ')[0]);
    expect(text).toContain('Backstage');
    expect(text).toContain('Store picking round once a day');
    expect(readPage(build.outDir, paths.journey(journey.id))).toContain(
      `href="/${paths.journey(journey.id)}canvas.svg" download`,
    );
  });

  it('gives every id on a page once only, charts included', () => {
    for (const path of [
      paths.overview(),
      ...report.journeys.map((j) => paths.journey(j.id)),
      paths.kpis(),
      paths.opportunities(),
    ]) {
      const ids = parseSvg(readPage(build.outDir, path)).flatMap((e) =>
        e.attributes.id ? [e.attributes.id] : [],
      );
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    }
  });

  it('draws KPI sparklines for KPIs with a history', () => {
    const kpi = report.kpis.find((k) => k.data.history.length > 1)!;
    expect(readPage(build.outDir, paths.kpis())).toContain(`id="sparkline-${kpi.id}"`);
  });

  it("draws a future KPI without values of its own as today's trend against the future target", () => {
    const kpi = report.kpis.find((k) => !k.measured && (k.improves?.data.history.length ?? 0) > 1)!;
    const page = readPage(build.outDir, paths.kpis());
    const sparkline = page.slice(
      page.indexOf(`id="sparkline-${kpi.id}"`),
      page.indexOf('</svg>', page.indexOf(`id="sparkline-${kpi.id}"`)),
    );
    expect(sparkline).toContain(`${kpi.improves!.data.history.length} values`);
    expect(sparkline).toContain(
      `target ${formatKpiValue(kpi.data.target, kpi.data.unit, report.data.locale)}`,
    );
  });

  it('lists every opportunity on /opportunities/, linked to its touchpoint', () => {
    const page = readPage(build.outDir, paths.opportunities());
    for (const o of report.opportunities) {
      expect(page).toContain(`id="${o.anchor}"`);
      expect(page).toContain(`href="#${o.anchor}"`);
    }
    expect(extractPageLinks(page).links).toContain(
      `/${paths.touchpoint(report.opportunities[0]!.touchpoint.id)}`,
    );
  });

  it('turns [[kind:id]] cross-references into links titled with the entity', () => {
    const page = readPage(build.outDir, paths.journey('click-collect'));
    expect(page).toContain('<a href="/personas/elena/">Elena</a>');
    expect(page).toContain('<a href="/journeys/click-collect/purchase/">Purchase</a>');
    expect(page).toContain('<a href="/kpis/#kpi-cc-ready-time">');
    expect(page).not.toContain('[[');
  });

  it('draws a Mermaid journey block as a journey map: one cell per task in its section column, one curve point per task, and a table', () => {
    const page = parseSvg(readPage(build.outDir, paths.journey('click-collect')));
    const canvases = page.filter((e) => 'data-canvas' in e.attributes);
    const sketch = canvases.find((e) => 'data-canvas-sketch' in e.attributes)!;
    expect(canvases).toHaveLength(2);
    const inSketch = (e: (typeof page)[number]): boolean =>
      e.parent !== undefined && (e.parent === sketch || inSketch(e.parent));
    const sketchHas = (name: string) => page.filter((e) => e.attributes[name] && inSketch(e));
    // The diagram in content/journeys/click-collect.mdx: Order (2 tasks), Wait (1), Collect (2).
    expect(sketchHas('data-canvas-stage').map((e) => e.attributes['data-canvas-stage'])).toEqual([
      'section-1',
      'section-2',
      'section-3',
    ]);
    expect(sketchHas('data-curve-stage').map((e) => e.attributes['data-curve-stage'])).toEqual([
      'section-1',
      'section-2',
      'section-3',
    ]);
    expect(sketchHas('data-canvas-lane').map((e) => e.attributes['data-canvas-lane'])).toEqual([
      'touchpoints',
      'emotion',
    ]);
    const cells = sketchHas('data-canvas-touchpoint');
    expect(
      cells.map((c) => [c.attributes['data-canvas-touchpoint'], c.attributes['data-stage']]),
    ).toEqual([
      ['task-1-1', 'section-1'],
      ['task-1-2', 'section-1'],
      ['task-2-1', 'section-2'],
      ['task-3-1', 'section-3'],
      ['task-3-2', 'section-3'],
    ]);
    // Each cell sits in its own section's column, and tasks have no page to link to.
    for (const cell of cells) {
      const column = cell.parent!.parent!.parent!;
      expect(column.attributes.class).toBe('canvas__stage');
      expect(
        page.find((e) => e.attributes['data-canvas-stage'] && e.parent === column)?.attributes[
          'data-canvas-stage'
        ],
      ).toBe(cell.attributes['data-stage']);
      expect(page.some((e) => e.name === 'a' && e.parent === cell)).toBe(false);
    }
    expect(
      cells.find((c) => c.attributes['data-canvas-touchpoint'] === 'task-3-1')!.text,
    ).toContain('Giulia, Staff');
    expect(
      sketchHas('data-curve-touchpoint').map((e) => e.attributes['data-curve-touchpoint']),
    ).toEqual(cells.map((c) => c.attributes['data-canvas-touchpoint']));
    const ids = page.filter((e) => e.attributes.id).map((e) => e.attributes.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      page.find(
        (e) => e.name === 'caption' && e.text === 'Click & collect, as the team imagined it',
      ),
    ).toBeDefined();
  });

  it('lists touchpoints without evidence as gaps', () => {
    const gaps = report.touchpoints.filter((t) => t.data.evidence.length === 0);
    expect(gaps.length).toBeGreaterThan(0);
    const page = readPage(build.outDir, paths.evidence());
    const gapSection = page.slice(page.indexOf('id="gaps"'));
    for (const t of gaps) expect(gapSection).toContain(`/${paths.touchpoint(t.id)}`);
  });

  it('writes negative numbers with U+2212 and counted phrases in the form of their number, on every page', () => {
    const negatives: string[] = [];
    const authored = authoredText(exampleContent);
    for (const page of builtPages(build.outDir)) {
      const text = visibleText(readFileSync(page.file, 'utf8'));
      expect(hyphenMinusNumbers(text, authored), page.path).toEqual([]);
      expect(pluralDisagreements(text, 'en'), page.path).toEqual([]);
      negatives.push(...(text.match(/\u2212\d/g) ?? []));
    }
    expect(negatives.length).toBeGreaterThan(0);
  });
});

describe('building under a sub-path', () => {
  it('keeps every link inside the base', () => {
    const base = '/reports/passo/';
    const build = buildSite(exampleContent, { base });
    expect(build.status).toBe(0);
    expect(findBrokenLinks(build.outDir, base)).toEqual([]);
    expect(linksOn(build.outDir, '')).toContain(`${base}personas/`);
  });
});

describe('a content mistake fails the build with a message naming file and field', () => {
  const cases = [
    {
      name: 'dangling reference',
      file: 'touchpoints/shoe-shop/search.mdx',
      from: 'channel: search',
      to: 'channel: serch',
      message:
        /touchpoints\/shoe-shop\/search\.mdx:5\s+channel\s+unknown channel "serch"[\s\S]*did you mean "search"\?/,
    },
    {
      name: 'score 7',
      file: 'touchpoints/shoe-shop/touchpoints.yaml',
      from: 'emotion: 4.5',
      to: 'emotion: 7',
      message:
        /touchpoints\/shoe-shop\/touchpoints\.yaml:7\s+touchpoints\[0\]\.emotion\s+emotion score out of range/,
    },
    {
      name: 'duplicate stage order',
      file: 'stages/shoe-shop/discover.mdx',
      from: 'order: 1',
      to: 'order: 2',
      message:
        /stages\/shoe-shop\/discover\.mdx:3\s+order\s+duplicate stage order 2 in journey "shoe-shop"/,
    },
  ];

  for (const mistake of cases) {
    it(mistake.name, () => {
      const dir = copyFixture();
      const path = join(dir, mistake.file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(mistake.from, mistake.to));
      const build = buildSite(dir);
      expect(build.status).toBe(1);
      expect(build.output).toMatch(mistake.message);
      expect(build.output).toContain('Nothing was built.');
      // No stack trace for authors.
      expect(build.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    });
  }

  it('and leaves the previous site untouched', () => {
    const dir = copyFixture();
    const first = buildSite(dir);
    expect(first.status).toBe(0);
    const snapshot = () =>
      readdirSync(first.outDir, { recursive: true })
        .map(String)
        .sort()
        .map((file) => [file, statSync(join(first.outDir, file)).mtimeMs]);
    const before = snapshot();
    writeFileSync(
      join(dir, 'stages/shoe-shop/buy.mdx'),
      readFileSync(join(dir, 'stages/shoe-shop/buy.mdx'), 'utf8').replace(
        'journey: shoe-shop',
        'journey: shoe-shp',
      ),
    );
    const second = buildSite(dir, { outDir: first.outDir });
    expect(second.status).toBe(1);
    expect(snapshot()).toEqual(before);
  });
});
