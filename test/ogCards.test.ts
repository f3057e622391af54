import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { benchSizes, generateReport } from '../scripts/bench/generateReport.ts';
import { describe, expect, it } from 'vitest';
import { FULL_POOL } from '../src/build/cardPool.ts';
import { cardOfPage, cardStepWorkers, modelCards } from '../src/build/ogCards.ts';
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
  cardHash,
  layoutSvg,
  rasterise,
  renderCard,
} from '../src/lib/og/render.ts';
import { translator } from '../src/lib/i18n/index.ts';
import { pageCard, reportPages } from '../src/lib/routes.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { exampleContent, projectRoot } from './helpers/build.ts';
import { exampleSite } from './helpers/sharedBuild.ts';

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
    // Most cards are entities' and drawn early; each of those is a built page's card, so none is wasted.
    expect(early.length).toBeGreaterThan(pageCards.length / 2);
    for (const card of early) expect(pageHashes.has(cardHash(card)), card.title).toBe(true);
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

/** Every page's card of a report, as `npm run bench:cards` makes them. */
function reportCards(contentDir: string): OgCard[] {
  const report = resolveReport(validateContent(contentDir, contentDir).sources!);
  const t = translator(report.data.locale);
  return reportPages(report).map((page) =>
    pageCard(page, { report, t }, report.data.title, '#1d4e89'),
  );
}

/** A report of the benchmark's S size, written to a temporary folder. */
function benchContent(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'itinera-og-')), 'content');
  for (const file of generateReport(benchSizes.S)) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
  return dir;
}

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
