import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OgCard } from '../src/lib/og/cards.ts';
import { splitLayout, textBlockHeights } from '../src/lib/og/compose.ts';
import { loadShaping, type TextRun } from '../src/lib/og/glyphs.ts';
import { bodyTree, layoutSvg, renderCard } from '../src/lib/og/render.ts';
import { layoutTextColumn, type TextColumn } from '../src/lib/og/textLayout.ts';
import { exampleContent, italianContent } from './helpers/build.ts';
import { benchContent, reportCards } from './helpers/reportCards.ts';

/** The body's height under the band of the cards below (one line of 28 px text). */
const HEIGHT = 540;
const size = { width: 1200, height: HEIGHT };
const band = { reportTitle: 'Passo Calzature', client: 'Passo S.p.A.', brandColor: '#1d4e89' };

beforeAll(loadShaping);

/** The text column as satori lays it out: its words and block heights, from its SVG. */
async function satoriColumn(card: OgCard) {
  const svg = await layoutSvg(bodyTree(card, HEIGHT, { figure: false }), size);
  return { runs: splitLayout(svg, size.width, size.height)!.runs, blocks: textBlockHeights(svg) };
}

function fastColumn(card: OgCard): TextColumn | undefined {
  return layoutTextColumn(bodyTree(card, HEIGHT, { figure: false }), size);
}

/** Fails, naming the card and the first differing word, unless the two layouts are the same. */
function expectSameLayout(fast: TextColumn, satori: { runs: TextRun[]; blocks: number[] }) {
  expect(fast.blocks).toEqual(satori.blocks);
  expect(fast.runs.map((run) => run.text)).toEqual(satori.runs.map((run) => run.text));
  fast.runs.forEach((run, i) => {
    const other = satori.runs[i]!;
    const where = `"${run.text}", word ${i}`;
    expect(Math.abs(run.x - other.x), `x of ${where}`).toBeLessThan(1e-6);
    expect(Math.abs(run.y - other.y), `y of ${where}`).toBeLessThan(1e-6);
    const { x: _x, y: _y, ...font } = run;
    const { x: _ox, y: _oy, ...otherFont } = other;
    expect(font, where).toEqual(otherFont);
  });
}

async function pixels(png: Buffer): Promise<Buffer> {
  return sharp(png).removeAlpha().raw().toBuffer();
}

async function expectSamePixels(card: OgCard) {
  const [fast, satori] = await Promise.all([
    renderCard(card).then(pixels),
    renderCard(card, { fastText: false }).then(pixels),
  ]);
  expect(fast.equals(satori), `pixels of "${card.title}"`).toBe(true);
}

describe('the text column laid out without satori', () => {
  it('gives satori’s words, positions and block heights, and the same pixels, on nearly every card of the example reports and a bench report', async () => {
    const cards = [exampleContent, italianContent, benchContent()].flatMap(reportCards);
    let accepted = 0;
    for (const card of cards) {
      const fast = fastColumn(card);
      if (fast) {
        accepted++;
        expectSameLayout(fast, await satoriColumn(card));
      }
      await expectSamePixels(card);
    }
    // Declining every card would pass the comparisons above; the fast path must be the common one.
    expect(accepted / cards.length).toBeGreaterThanOrEqual(0.95);
  });

  const long = 'A touchpoint name long enough to wrap over more than one line of the card';
  const twoLines = 'Checks whether the size is available in the shop nearby';
  const threeLines = `${long}, and then some more words`;
  const edgeCases: Record<string, Partial<OgCard>> = {
    'a title over two lines': { title: twoLines },
    'a title over three lines': { title: threeLines, quote: 'Hm.' },
    'hyphens and slashes': {
      title: 'Click-and-collect / in-store pick-up: 2-4 days, 24/7',
      subtitle: 'e-mail/SMS re-engagement – post-purchase—follow-up a/b/c/d/e',
    },
    'apostrophes and quotes': {
      title: 'Anna’s “quick” check: it\'s "available"',
      quote: 'Don’t say ‘in store’ if it isn\'t — "really"',
    },
    'accented Latin': {
      kind: 'Étape · Considération',
      title: 'Größe prüfen, café, naïve façade, Ærø, Oñate',
      subtitle: 'À côté du magasin, über die Straße, ÀÉÎÕÜ ß',
    },
    'a very long quote, cut at the clamp': {
      title: 'Checkout',
      subtitle: undefined,
      quote: `${long}. ${long}. ${long}.`,
    },
    'no subtitle': { subtitle: undefined },
    'no quote': { quote: undefined },
    'neither subtitle nor quote': { subtitle: undefined, quote: undefined },
  };
  const base: OgCard = {
    ...band,
    kind: 'Touchpoint · Consideration',
    title: 'Checks size availability on the app product page',
    subtitle: 'Buying running shoes online, collecting them in store',
    quote: "It says 'available in store' but then at checkout it says 2-4 days.",
  };
  for (const [name, change] of Object.entries(edgeCases))
    it(`matches satori with ${name}`, async () => {
      const card = { ...base, ...change };
      const fast = fastColumn(card);
      expect(fast, 'the fast path declined').toBeDefined();
      expectSameLayout(fast!, await satoriColumn(card));
      await expectSamePixels(card);
    });

  it('the wrapping edge cases do put the title on two and three lines', () => {
    const lines = (column: TextColumn) => column.blocks[1]! / 66;
    expect(lines(fastColumn({ ...base, title: twoLines })!)).toBe(2);
    expect(lines(fastColumn({ ...base, title: threeLines, quote: 'Hm.' })!)).toBe(3);
  });

  it('declines what it cannot be sure to lay out as satori, and the card is drawn the same', async () => {
    const cases: OgCard[] = [
      // Wider than the column: satori lets it overflow.
      { ...base, title: 'Supercalifragilisticexpialidociousnessandthensome' },
      // Latin Extended: satori measures it with the Latin face, which lacks it.
      { ...base, title: 'Łódź, Kraków and Gdańsk' },
      // Too tall for the body: satori would shrink the blocks.
      { ...base, title: 'WWWWWW '.repeat(20), subtitle: 'WWWWWW '.repeat(30) },
    ];
    for (const card of cases) {
      expect(fastColumn(card), card.title).toBeUndefined();
      await expectSamePixels(card);
    }
    const tree = bodyTree(base, HEIGHT, { figure: false });
    const column = (tree.props.children as (typeof tree)[])[0]!;
    const title = (column.props.children as (typeof tree)[])[1]!;
    title.props.style = { ...(title.props.style as object), textAlign: 'center' };
    expect(layoutTextColumn(tree, size), 'an unknown style').toBeUndefined();
  });
});
