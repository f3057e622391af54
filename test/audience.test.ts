import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardOfPage } from '../src/build/ogCards.ts';
import { builtPages } from '../src/build/pages.ts';
import {
  audienceFromEnvironment,
  chosenAudience,
  defaultInternalFields,
  forAudience,
} from '../src/lib/audience.ts';
import { buildCrossReferenceIndex } from '../src/lib/crossRefs.ts';
import { resolveReport, type ReportSources } from '../src/lib/model.ts';
import { transformMdxSource } from '../src/lib/remark/transformMdx.ts';
import { reportSchema } from '../src/lib/schema/report.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { filesBelow } from '../src/lib/files.ts';
import { buildSite, copyFixture, projectRoot, type BuildResult } from './helpers/build.ts';

const fixture = join(projectRoot, 'test/fixtures/audience');

/** Every internal text of the fixture: none may reach any file of the client edition. */
const markers = [
  'INTERNAL-MARKER-touchpoint',
  'INTERNAL-MARKER-touchpoint-does',
  'INTERNAL-MARKER-touchpoint-file',
  'INTERNAL-MARKER-touchpoint-body',
  'INTERNAL-MARKER-opportunity',
  'INTERNAL-MARKER-pain-point',
  'INTERNAL-MARKER-quote',
  'INTERNAL-MARKER-kpi',
  'INTERNAL-MARKER-mdx-block',
  'INTERNAL-MARKER-touchpoint-owner',
  'INTERNAL-MARKER-opportunity-owner',
  'INTERNAL-MARKER-journey-owner',
  'INTERNAL-MARKER-backstage',
  'INTERNAL-MARKER-support',
  'INTERNAL-MARKER-systems',
  'INTERNAL-MARKER-stage-backstage',
  'INTERNAL-MARKER-demographics',
  'INTERNAL-MARKER-persona-quote',
  'INTERNAL-MARKER-research-notes',
] as const;
/** Ids of the internal entries: the client edition must not name them either (links, anchors, URLs). */
const internalIds = ['staff-callback', 'secret-call', 'cut-fees', 'staff-cost'] as const;

function fixtureSources(dir = fixture): ReportSources {
  const { sources, problems } = validateContent(dir, dir);
  expect(problems).toEqual([]);
  return sources!;
}

/**
 * Each file's text as a reader or a tool could get it: the bytes as UTF-8 and UTF-16, and
 * gzip files (pagefind's index and fragments) decompressed.
 */
function readableTexts(file: string): string[] {
  const bytes = readFileSync(file);
  const texts = [bytes.toString('utf8'), bytes.toString('utf16le')];
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) texts.push(gunzipSync(bytes).toString('utf8'));
  return texts;
}

/** `file: text` for every file of a build holding one of the texts. */
function leaks(outDir: string, texts: readonly string[]): string[] {
  return filesBelow(outDir).flatMap((file) => {
    const readable = readableTexts(file);
    return texts
      .filter((text) => readable.some((r) => r.includes(text)))
      .map((text) => `${file.slice(outDir.length)}: ${text}`);
  });
}

describe('forAudience', () => {
  const sources = fixtureSources();
  const client = forAudience(sources, 'client').sources;
  const json = (value: unknown) => JSON.stringify(value);

  it('gives the internal edition the content as written', () => {
    expect(forAudience(sources, 'internal').sources).toBe(sources);
  });

  it('leaves every internal entry and internal field out of the client edition', () => {
    const leaked = markers.filter((marker) => json(client).includes(marker));
    expect(leaked).toEqual([]);
    expect(client.touchpoints.map((t) => t.id).sort()).toEqual([
      'checkout',
      'search',
      'store-fitting',
    ]);
    expect(client.kpis.map((k) => k.id)).toEqual(['conversion-rate', 'checkout-time']);
    const checkout = client.touchpoints.find((t) => t.id === 'checkout')!.data;
    expect(checkout.opportunities.map((o) => o.id)).toEqual(['offer-paypal']);
    expect(checkout.painPoints.map((p) => p.title)).toEqual(['Card declined twice']);
  });

  it('keeps what is public, and gives left-out fields their empty value', () => {
    expect(json(client)).toContain('PUBLIC-MARKER-evidence-note');
    expect(json(client)).toContain('PUBLIC-MARKER-frontstage');
    const anna = client.personas[0]!.data;
    expect(anna.demographics).toEqual({});
    expect(anna.quote).toBeUndefined();
    expect(client.stages.find((s) => s.id === 'shoe-shop/buy')!.data.lanes).toEqual({});
  });

  it('does not change the sources it is given', () => {
    const before = json(sources);
    forAudience(sources, 'client');
    expect(json(sources)).toBe(before);
  });

  it('unlinks shown content from internal entries, with one warning naming file, link and entry', () => {
    const future = {
      ...sources.touchpoints.find((t) => t.id === 'checkout')!,
      id: 'better-checkout',
      file: 'touchpoints/future.yaml',
    };
    future.data = {
      ...future.data,
      opportunities: [],
      improves: 'staff-callback',
      addresses: ['offer-paypal', 'cut-fees'],
    };
    const edition = forAudience(
      { ...sources, touchpoints: [...sources.touchpoints, future] },
      'client',
    );
    const shown = edition.sources.touchpoints.find((t) => t.id === 'better-checkout')!.data;
    expect(shown.improves).toBeUndefined();
    expect(shown.addresses).toEqual(['offer-paypal']);
    expect(edition.warnings).toEqual([
      'touchpoints/future.yaml: touchpoint "better-checkout" improves "staff-callback", an internal touchpoint: the client edition leaves the link out',
      'touchpoints/future.yaml: touchpoint "better-checkout" addresses "cut-fees", an internal opportunity: the client edition leaves the link out',
    ]);
    expect(() => resolveReport(edition.sources)).not.toThrow();
  });

  it('applies the default internal fields when the report lists none', () => {
    const report = {
      ...sources.report,
      data: {
        ...sources.report.data,
        audience: { default: 'internal' as const, internalFields: defaultInternalFields },
      },
    };
    const edition = forAudience({ ...sources, report }, 'client').sources;
    expect(json(edition)).not.toContain('INTERNAL-MARKER-backstage');
    expect(json(edition)).not.toContain('PUBLIC-MARKER-evidence-note');
    // personas.quote is not a default: the report added it.
    expect(json(edition)).toContain('INTERNAL-MARKER-persona-quote');
  });
});

describe('choosing the audience', () => {
  const report = { audience: { default: 'client' as const } };

  it('takes ITINERA_AUDIENCE over the report default, and the default when it is unset', () => {
    expect(chosenAudience(report, { ITINERA_AUDIENCE: 'internal' })).toBe('internal');
    expect(chosenAudience(report, { ITINERA_AUDIENCE: ' Client ' })).toBe('client');
    expect(chosenAudience(report, {})).toBe('client');
    expect(audienceFromEnvironment('')).toBeUndefined();
  });

  it('refuses another value with one line naming the variable and the values it takes', () => {
    expect(() => audienceFromEnvironment('clients')).toThrow(
      'ITINERA_AUDIENCE=clients is not an audience: set it to "internal" or "client", or leave it unset for the report\'s audience.default.',
    );
  });
});

describe('audience.internalFields in report.yaml', () => {
  const minimalReport = {
    title: 'T',
    client: 'C',
    author: 'A',
    date: '2026-01-15',
    version: '1',
    summary: 'S',
  };
  const problemsFor = (internalFields: string[]) =>
    reportSchema
      .safeParse({ ...minimalReport, audience: { internalFields } })
      .error?.issues.map((i) => ({
        path: i.path.join('.'),
        message: i.message,
        hint: (i as { params?: { hint?: string } }).params?.hint,
      })) ?? [];

  it('defaults to the internal edition with the documented field list', () => {
    const parsed = reportSchema.parse(minimalReport);
    expect(parsed.audience).toEqual({ default: 'internal', internalFields: defaultInternalFields });
  });

  it('accepts fields, fields inside lists and keys of free-form records', () => {
    expect(
      problemsFor([
        'touchpoints.owner',
        'touchpoints.opportunities.owner',
        'touchpoints.painPoints.description',
        'personas.demographics.income',
        'kpis.source',
      ]),
    ).toEqual([]);
  });

  it('names the unknown field with a did-you-mean', () => {
    expect(problemsFor(['touchpoints.ownr'])).toEqual([
      {
        path: 'audience.internalFields.0',
        message: '"touchpoints" has no field "ownr"',
        hint: 'did you mean "touchpoints.owner"?',
      },
    ]);
    expect(problemsFor(['touchpoint.owner'])[0]).toMatchObject({
      message: '"touchpoint.owner" is not a field path',
      hint: expect.stringContaining('did you mean "touchpoints"?'),
    });
  });

  it('refuses a required field, pointing to internal: true', () => {
    expect(problemsFor(['touchpoints.title'])).toEqual([
      {
        path: 'audience.internalFields.0',
        message: '"touchpoints.title" is required, so it cannot be left out',
        hint: 'mark whole touchpoints entries `internal: true` instead',
      },
    ]);
  });

  it('reports a wrong path as one problem naming report.yaml, the field and the fix', () => {
    const dir = copyFixture(fixture);
    const report = join(dir, 'report.yaml');
    writeFileSync(
      report,
      readFileSync(report, 'utf8').replace('    - personas.quote', '    - personas.qoute'),
    );
    const { problems, ok } = validateContent(dir, dir);
    expect(ok).toBe(false);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'report.yaml',
        field: 'audience.internalFields[8]',
        message: '"personas" has no field "qoute"',
        hint: 'did you mean "personas.quote"?',
      }),
    ]);
  });
});

describe('<Internal> blocks and links in MDX bodies', () => {
  const source =
    '---\ntitle: x\n---\n\nShown.\n\n<Internal>\nSECRET see [[touchpoint:staff-callback]].\n</Internal>\n\nSee [[touchpoint:staff-callback|the call]] and [[touchpoint:staff-callback]].\n';
  const sources = fixtureSources();
  const shown = buildCrossReferenceIndex(forAudience(sources, 'client').sources);
  const leftOut = new Set(
    [...buildCrossReferenceIndex(sources).keys()].filter((key) => !shown.has(key)),
  );
  const options = { base: '/', mermaidComponent: '/m.astro', internalComponent: '/internal.astro' };

  it('drops the block, and keeps only the label of a link to internal content, in the client edition', () => {
    const output = transformMdxSource(source, {
      ...options,
      index: shown,
      audience: 'client',
      leftOut,
    })!;
    expect(output).toContain('Shown.');
    expect(output).not.toContain('SECRET');
    expect(output).not.toContain('staff-callback');
    expect(output).not.toContain('INTERNAL-MARKER');
    expect(output).toContain('See the call and .');
  });

  it("shows the block through Itinera's component in the internal edition, with no import needed", () => {
    const output = transformMdxSource(source, {
      ...options,
      index: buildCrossReferenceIndex(sources),
      audience: 'internal',
    })!;
    expect(output).toContain('import ItineraInternal from "/internal.astro"');
    expect(output).toMatch(/<ItineraInternal>\s*SECRET/);
  });
});

describe('client and internal builds of one report', () => {
  let client: BuildResult;
  let internal: BuildResult;
  beforeAll(() => {
    client = buildSite(fixture, { env: { ITINERA_AUDIENCE: 'client' } });
    internal = buildSite(fixture, { env: { ITINERA_AUDIENCE: 'internal' } });
    expect(client.status, client.output).toBe(0);
    expect(internal.status, internal.output).toBe(0);
  }, 240_000);

  it('says which edition it builds', () => {
    expect(client.output).toContain('building the client edition');
    expect(internal.output).toContain('building the internal edition');
  });

  it('writes no internal text or id into any file of the client edition: pages, downloads, report.json, .mmd, canvas.svg, search index, cards', () => {
    // What is searched: make sure every kind of output is there.
    const files = filesBelow(client.outDir).map((f) => f.slice(client.outDir.length));
    for (const expected of [
      '/report.json',
      '/data/touchpoints.csv',
      '/data/opportunities.json',
      '/journeys/shoe-shop/journey.mmd',
      '/journeys/shoe-shop/canvas.svg',
      '/print/index.html',
      '/og/touchpoints/checkout.png',
    ])
      expect(files).toContain(expected);
    expect(files.some((f) => f.includes('/pagefind/fragment/'))).toBe(true);
    expect(leaks(client.outDir, [...markers, ...internalIds])).toEqual([]);
  });

  it('holds every internal text in the internal edition, so the check above can fail', () => {
    const found = new Set(leaks(internal.outDir, markers).map((line) => line.split(': ').at(-1)));
    expect(markers.filter((m) => !found.has(m))).toEqual([]);
    // Markers are searched inside decompressed pagefind files too.
    expect(
      leaks(internal.outDir, ['INTERNAL-MARKER-touchpoint-body']).some((line) =>
        line.includes('/pagefind/fragment/'),
      ),
    ).toBe(true);
  });

  it('keeps public content in the client edition, and a link to internal content as its label only', () => {
    const publicTexts = [
      'PUBLIC-MARKER-summary',
      'PUBLIC-MARKER-journey-body',
      'PUBLIC-MARKER-frontstage',
      'PUBLIC-MARKER-evidence-note',
    ];
    const found = new Set(leaks(client.outDir, publicTexts).map((line) => line.split(': ').at(-1)));
    expect(publicTexts.filter((text) => !found.has(text))).toEqual([]);
    expect(readFileSync(join(client.outDir, 'journeys/shoe-shop/index.html'), 'utf8')).toContain(
      'After paying, a clerk calls back (a follow-up, ).',
    );
  });

  it('gives internal touchpoints no page and no preview card in the client edition', () => {
    for (const id of ['staff-callback', 'secret-call']) {
      expect(existsSync(join(client.outDir, 'touchpoints', id, 'index.html'))).toBe(false);
      expect(existsSync(join(client.outDir, 'og/touchpoints', `${id}.png`))).toBe(false);
      expect(existsSync(join(internal.outDir, 'touchpoints', id, 'index.html'))).toBe(true);
    }
  });

  it('draws preview cards from client content only (cards are pictures: their inputs are checked)', () => {
    const report = resolveReport(forAudience(fixtureSources(), 'client').sources);
    const cards = JSON.stringify(builtPages(client.outDir).map((page) => cardOfPage(page, report)));
    expect(markers.filter((m) => cards.includes(m))).toEqual([]);
    const internalReport = resolveReport(fixtureSources());
    const internalCards = JSON.stringify(
      builtPages(internal.outDir).map((page) => cardOfPage(page, internalReport)),
    );
    expect(internalCards).toContain('INTERNAL-MARKER-touchpoint-file');
  });

  it('exports the client edition with npm run export -- mermaid too', () => {
    const run = (audience: string) =>
      spawnSync(process.execPath, ['scripts/export.ts', 'mermaid', 'shoe-shop'], {
        cwd: projectRoot,
        env: { ...process.env, ITINERA_CONTENT: fixture, ITINERA_AUDIENCE: audience },
        encoding: 'utf8',
      });
    const shown = run('client');
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).not.toContain('INTERNAL-MARKER');
    expect(run('internal').stdout).toContain('INTERNAL-MARKER-touchpoint');
    const refused = run('everyone');
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe(
      '✗ ITINERA_AUDIENCE=everyone is not an audience: set it to "internal" or "client", or leave it unset for the report\'s audience.default.',
    );
  });

  it('stops with one line when ITINERA_AUDIENCE is not an audience', () => {
    const result = buildSite(fixture, { env: { ITINERA_AUDIENCE: 'customer' } });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      'ITINERA_AUDIENCE=customer is not an audience: set it to "internal" or "client"',
    );
    expect(existsSync(result.outDir)).toBe(false);
  }, 60_000);
});
