import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { cacheFileOf, writeCacheFile } from '../src/lib/og/cache.ts';
import { FULL_POOL } from '../src/build/cardPool.ts';
import {
  cardOfPage,
  cardStepWorkers,
  modelCards,
  runsBesideCards,
  startEarlyCards,
  startModelCards,
} from '../src/build/ogCards.ts';
import { builtPages } from '../src/build/pages.ts';
import { uiLanguages, uiTable } from '../src/lib/i18n/index.ts';
import type { OgCard } from '../src/lib/og/cards.ts';
import { drawableCodePoints } from '../src/lib/og/fonts.ts';
import { resolveReport } from '../src/lib/model.ts';
import { splitLayout } from '../src/lib/og/compose.ts';
import {
  bandTree,
  bodyLayouts,
  bodyTree,
  clamp,
  layoutSvg,
  rasterise,
  renderCard,
} from '../src/lib/og/render.ts';
import { cardHash } from '../src/lib/og/cache.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { visibleText } from './helpers/text.ts';
import { exampleContent, minimalFixture, projectRoot } from './helpers/build.ts';
import { exampleSite } from './helpers/sharedBuild.ts';
import { benchContent, reportCards } from './helpers/reportCards.ts';

const references = join(import.meta.dirname, 'fixtures/og');
const band = {
  reportTitle: 'Passo Calzature: omnichannel customer journeys 2026',
  client: 'Passo Calzature S.p.A.',
  brandColor: '#1d4e89',
};
const curveSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 520 100" width="520" height="100"><path d="M10 80 L120 30 L230 60 L340 20 L450 70 L510 40" fill="none" stroke="#1d4e89" stroke-width="4"/><circle cx="230" cy="60" r="6" fill="#a1261a"/></svg>';

/** One card of each layout: quote, KPI figures, emotion curve, and a title that wraps. */
const sampleCards: Record<string, OgCard> = {
  touchpoint: {
    ...band,
    kind: 'Touchpoint · Consideration',
    title: 'Checks size availability on the app product page',
    subtitle: 'Buying running shoes online, collecting them in store',
    quote: "It says 'available in store' but then at checkout it says 2-4 days. Which one is true?",
  },
  stage: {
    ...band,
    kind: 'Fase 2 · Acquisto online, ritiro in negozio',
    title: 'Considerazione',
    subtitle: 'Capire se la taglia giusta è disponibile vicino a casa',
    kpis: [
      { status: 'met', label: 'Raggiunti', count: 3 },
      { status: 'at-risk', label: 'A rischio', count: 1 },
      { status: 'missed', label: 'Mancati', count: 2 },
    ],
  },
  journey: {
    ...band,
    kind: 'Journey',
    title: 'Click & collect',
    subtitle: 'Anna, Marco',
    curveSvg,
  },
};

/** Raw RGB pixels of a PNG. */
async function pixels(png: Buffer): Promise<Buffer> {
  return sharp(png).removeAlpha().raw().toBuffer();
}

describe('preview card rendering', () => {
  for (const [name, card] of Object.entries(sampleCards)) {
    it(`draws the ${name} card as the reference within a small pixel tolerance`, async () => {
      const reference = join(references, `${name}.png`);
      const png = await renderCard(card);
      if (process.env.UPDATE_OG_REFERENCES === '1' || !existsSync(reference))
        writeFileSync(reference, png);
      const [actual, expected] = await Promise.all([pixels(png), pixels(readFileSync(reference))]);
      expect(actual.length).toBe(expected.length);
      let far = 0;
      let total = 0;
      for (let i = 0; i < actual.length; i++) {
        const difference = Math.abs(actual[i]! - expected[i]!);
        total += difference;
        if (difference > 64) far++;
      }
      // Anti-aliasing and encoding may move a channel by a few levels; a moved word or a lost
      // block moves thousands of channels by far more.
      expect(total / actual.length).toBeLessThan(1.5);
      expect(far / actual.length).toBeLessThan(0.004);
    });
  }
});

/** Every piece of text a card's element tree draws. */
function cardText(card: OgCard): string {
  return [...drawnText(bandTree(card)), ...drawnText(bodyTree(card, 540))].join(' ');
}

function drawnText(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  const children = (node as { props?: { children?: unknown[] } }).props?.children ?? [];
  return children.flatMap(drawnText);
}

function missingGlyphs(text: string): string[] {
  const drawable = drawableCodePoints();
  return [...new Set([...text].filter((char) => !drawable.has(char.codePointAt(0)!)))];
}

describe('preview card glyphs', () => {
  it('the fonts have every character of the interface text cards use, in every language', () => {
    // Kinds, KPI statuses, counts, the overview's eyebrow, the comparison's "today" and the
    // protected card: the template text of src/lib/og/cards.ts.
    const cardKeys = /^(kind|status|count|protected)\.|^overview\.eyebrow$|^compare\.today$/;
    for (const language of uiLanguages) {
      const text = Object.entries(uiTable(language))
        .filter(([key]) => cardKeys.test(key))
        .flatMap(([, entry]) => (typeof entry === 'string' ? [entry] : Object.values(entry)))
        .join(' ')
        .replace(/\{\w+\}/g, '');
      expect(text.length).toBeGreaterThan(100);
      expect(missingGlyphs(text), language).toEqual([]);
    }
  });

  it('every card of the example report, headings of index pages included, has only characters the fonts have', () => {
    const report = resolveReport(validateContent(exampleContent, projectRoot).sources!);
    const pages = builtPages(exampleSite());
    expect(pages.length).toBeGreaterThan(100);
    for (const page of pages) {
      const card = cardOfPage(page, report);
      const text = [
        card.kind,
        card.title,
        card.subtitle,
        card.quote,
        card.reportTitle,
        card.client,
        ...(card.kpis ?? []).map((k) => k.label),
      ].join(' ');
      expect(missingGlyphs(text), page.path).toEqual([]);
    }
  });

  it("the cards drawn while Astro builds are pages' own cards, and every card's words are drawn from cached glyphs", async () => {
    const report = resolveReport(validateContent(exampleContent, projectRoot).sources!);
    const pageCards = builtPages(exampleSite()).map((page) => cardOfPage(page, report));
    const pageHashes = new Set(pageCards.map(cardHash));
    const early = modelCards(report);
    // Every built page's card is drawn early, and no other card: none is wasted.
    expect(new Set(early.map(cardHash))).toEqual(pageHashes);
    // splitLayout gives up (and resvg draws the whole body) on text it cannot draw exactly.
    for (const card of pageCards) {
      const svg = await layoutSvg(bodyTree(card, 540), { width: 1200, height: 540 });
      expect(splitLayout(svg, 1200, 540), card.title).toBeDefined();
    }
  });

  it('the card step starts no second worker for the few cards left after the early one, but uses every core for many', () => {
    // A worker costs as much CPU to start as 60 to 90 cards, and memory while Astro's heap is at its peak.
    expect(cardStepWorkers(0)).toBe(1);
    expect(cardStepWorkers(150)).toBe(1);
    expect(cardStepWorkers(10_000)).toBe(FULL_POOL);
  });

  it('Pagefind runs beside a card step of up to 1,000 cards, on more than one core', () => {
    // Beside many cards its memory (750 MB at L) adds to the workers' for longer than it gains.
    expect(runsBesideCards(0)).toBe(FULL_POOL > 1);
    expect(runsBesideCards(400)).toBe(FULL_POOL > 1);
    expect(runsBesideCards(1000)).toBe(FULL_POOL > 1);
    expect(runsBesideCards(1001)).toBe(false);
    expect(runsBesideCards(10_000)).toBe(false);
  });

  it('cuts text too long for its place between words, with an ellipsis, and one long word inside it', () => {
    expect(clamp('one two three, four', 15)).toBe('one two three…');
    expect(clamp('one two three four', 14)).toBe('one two three…');
    expect(clamp(`ab ${'x'.repeat(30)}`, 20)).toBe(`ab ${'x'.repeat(16)}…`);
    expect(clamp('fits', 4)).toBe('fits');
  });

  it('no card draws a missing glyph: status marks are shapes and content the fonts lack is left out', () => {
    const awkward = 'Città ✓ ✗ 🚀 新しい Łódź Ștefan — “quoted” 4–5 √ ☺';
    const card: OgCard = {
      ...band,
      kind: `Stage 1 · ${awkward}`,
      title: awkward,
      subtitle: awkward,
      quote: awkward,
      kpis: sampleCards.stage!.kpis,
    };
    const drawn = cardText(card);
    expect(missingGlyphs(drawn)).toEqual([]);
    expect(drawn).toContain('Città Łódź Ștefan — “quoted” 4–5');
    for (const sample of Object.values(sampleCards))
      expect(missingGlyphs(cardText(sample))).toEqual([]);
  });
});

describe('the figure laid out apart from the text', () => {
  it('gives the same words and the same shapes as laying out the whole body, on every card of the example and a bench report', async () => {
    const cards = [...reportCards(exampleContent), ...reportCards(benchContent())];
    let composed = 0;
    for (const card of cards.filter((c) => c.kpis || c.curveSvg)) {
      const whole = splitLayout(
        await layoutSvg(bodyTree(card, 540), { width: 1200, height: 540 }),
        1200,
        540,
      )!;
      const parts = (await bodyLayouts(card, 540)).map((svg) => splitLayout(svg, 1200, 540)!);
      if (parts.length === 2) composed++;
      const words = (runs: { x: number; y: number; text: string }[]) =>
        runs.map((run) => JSON.stringify(run)).sort();
      expect(words(parts.flatMap((part) => part.runs)), card.title).toEqual(words(whole.runs));
      // Figure cards have no quote, so the figure holds every shape.
      const shapes = parts.map((part) => part.shapes).filter((svg) => svg !== undefined);
      expect(shapes, card.title).toHaveLength(1);
      expect(rasterise(shapes[0]!).pixels.equals(rasterise(whole.shapes!).pixels), card.title).toBe(
        true,
      );
    }
    // Stage, journey, comparison and overview cards: the bench report alone has over 60.
    expect(composed).toBeGreaterThan(60);
  });

  it('lays out the whole body at once when the column might not fit', async () => {
    const long = 'A stage name long enough to wrap over several lines of the card, and more';
    const card: OgCard = { ...sampleCards.stage!, title: long, subtitle: `${long} ${long}` };
    expect(await bodyLayouts(card, 540)).toHaveLength(1);
    expect(await bodyLayouts(sampleCards.stage!, 540)).toHaveLength(2);
  });
});

describe('preview cards drawn while Astro builds', () => {
  const minimalReport = () => resolveReport(validateContent(minimalFixture, projectRoot).sources!);
  const newCacheDir = () => join(mkdtempSync(join(tmpdir(), 'itinera-cards-')), 'itinera-og');

  it("the early workers draw every page's card into the cache on their own, and a rebuild starts no worker for cards already there", async () => {
    const report = minimalReport();
    const cacheDir = newCacheDir();
    const expected = modelCards(report).map((card) => cacheFileOf(card, cacheDir));
    expect(expected.length).toBeGreaterThan(5);
    const first = startModelCards({ cacheDir, report, workers: 1 });
    // Nobody asks the workers for anything: they go through the cards by themselves.
    await vi.waitFor(() => expect(expected.filter((file) => !existsSync(file))).toEqual([]), {
      timeout: 60_000,
      interval: 200,
    });
    const drawn = await first.stop();
    expect([...drawn].sort()).toEqual([...new Set(modelCards(report).map(cardHash))].sort());
    expect(await first.pool.cpuMs()).toBeGreaterThan(0);
    await first.pool.close();
    for (const file of expected) {
      const { width, height } = await sharp(file).metadata();
      expect({ width, height }).toEqual({ width: 1200, height: 630 });
    }
    // No half-written card is left under another name.
    expect(readdirSync(cacheDir).filter((name) => !name.endsWith('.png'))).toEqual([]);

    const again = startModelCards({ cacheDir, report, workers: 1 });
    expect(await again.stop()).toEqual(new Set());
    expect(await again.pool.cpuMs()).toBe(0);
    await again.pool.close();
  });

  it('writes a cache file whole under the card’s name, leaving no partial file', () => {
    const card = modelCards(minimalReport())[0]!;
    const cacheDir = newCacheDir();
    mkdirSync(cacheDir, { recursive: true });
    const file = cacheFileOf(card, cacheDir);
    expect(file.endsWith(`${cardHash(card)}.png`)).toBe(true);
    writeCacheFile(file, Buffer.from('png'));
    expect(readFileSync(file, 'utf8')).toBe('png');
    expect(readdirSync(cacheDir)).toEqual([`${cardHash(card)}.png`]);
  });

  it('only astro build starts card workers: dev, sync and preview start none', async () => {
    const sources = validateContent(minimalFixture, projectRoot).sources!;
    for (const command of ['dev', 'sync', 'preview'])
      expect(startEarlyCards(command, sources, newCacheDir()), command).toBeUndefined();
    const build = startEarlyCards('build', sources, newCacheDir());
    expect(build !== undefined).toBe(FULL_POOL > 1);
    await build?.stop();
    await build?.pool.close();
  });

  it('a build that stops before its card step still exits while the early workers are drawing', () => {
    // As a build that fails in Astro does: the early workers must not keep the process alive.
    const module = (path: string) => JSON.stringify(pathToFileURL(join(projectRoot, path)).href);
    const script = `
      const { startModelCards } = await import(${module('src/build/ogCards.ts')});
      const { resolveReport } = await import(${module('src/lib/model.ts')});
      const { validateContent } = await import(${module('src/lib/validate/index.ts')});
      const report = resolveReport(validateContent(${JSON.stringify(exampleContent)}, ${JSON.stringify(projectRoot)}).sources);
      startModelCards({ cacheDir: ${JSON.stringify(newCacheDir())}, report, workers: 1 });
      setTimeout(() => console.log('done'), 1500);
    `;
    const file = join(mkdtempSync(join(tmpdir(), 'itinera-exit-')), 'stops-early.mjs');
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, [file], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('done');
  });

  it('titles every card by the heading its page shows', () => {
    const report = resolveReport(validateContent(exampleContent, projectRoot).sources!);
    for (const page of builtPages(exampleSite())) {
      const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(readFileSync(page.file, 'utf8'));
      expect(heading, page.path).not.toBeNull();
      expect(visibleText(heading![1]!), page.path).toContain(cardOfPage(page, report).title);
    }
    // An index page's card says what it is part of.
    expect(cardOfPage({ path: 'personas/' }, report).subtitle).toBe(report.data.summary);
  });
});
