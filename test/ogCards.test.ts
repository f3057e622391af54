import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { FULL_POOL } from '../src/build/cardPool.ts';
import { cardOfPage, cardStepWorkers, modelCards } from '../src/build/ogCards.ts';
import { builtPages } from '../src/build/pages.ts';
import { uiLanguages, uiTable } from '../src/lib/i18n/index.ts';
import type { OgCard } from '../src/lib/og/cards.ts';
import { drawableCodePoints } from '../src/lib/og/fonts.ts';
import { resolveReport } from '../src/lib/model.ts';
import { splitLayout } from '../src/lib/og/compose.ts';
import { bandTree, bodyTree, cardHash, layoutSvg, renderCard } from '../src/lib/og/render.ts';
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
