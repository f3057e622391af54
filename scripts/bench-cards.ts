/**
 * `npm run bench:cards [-- --cards 60]`: CPU time per preview card, step by step (layout,
 * words, quote bar, other shapes, encoding), on cards of the report in ITINERA_CONTENT (default
 * `content/`): the overview, personas, journeys, stages, touchpoints and channels in turn. Also
 * prints what the pipeline it replaced costs on the same cards (resvg shaping and rasterising all
 * the text).
 */
import { parseArgs } from 'node:util';
import { resolveContentDir } from '../src/lib/contentDir.ts';
import { translator } from '../src/lib/i18n/index.ts';
import { resolveReport } from '../src/lib/model.ts';
import type { OgCard } from '../src/lib/og/cards.ts';
import { drawShapes, fillRects } from '../src/lib/og/compose.ts';
import { drawText, loadShaping, type Scanlines } from '../src/lib/og/glyphs.ts';
import { deflateRows, encodePngRows, encodeRgbaPng, type DeflatedRows } from '../src/lib/og/png.ts';
import {
  bandTree,
  bodyDrawing,
  bodyTree,
  layoutSvg,
  OG_HEIGHT,
  OG_WIDTH,
  rasterise,
  renderCard,
} from '../src/lib/og/render.ts';
import { layoutTextColumn } from '../src/lib/og/textLayout.ts';
import { pageCard, reportPages, type RouteName } from '../src/lib/routes.ts';
import { validateContent } from '../src/lib/validate/index.ts';

const { values } = parseArgs({ options: { cards: { type: 'string', default: '60' } } });
const projectRoot = process.cwd();
const sources = validateContent(resolveContentDir(projectRoot), projectRoot).sources;
if (!sources) throw new Error('The report has content errors: run npm run check:content');
const report = resolveReport(sources);
const pages = reportPages(report);
const groups = (
  ['overview', 'persona', 'journey', 'stage', 'touchpoint', 'channel'] satisfies RouteName[]
).map((route) => pages.filter((page) => page.route === route));
// Round-robin over the kinds of page, so a short run still mixes them.
const mixed = Array.from({ length: Math.max(...groups.map((g) => g.length)) }, (_, i) =>
  groups.map((g) => g[i]).filter((p) => p !== undefined),
).flat();
const cards: OgCard[] = mixed
  .slice(0, Number(values.cards))
  .map((page) => pageCard(page, { report, t: translator(report.data.locale) }, '#1d4e89'));

const spent = new Map<string, number>();
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
async function timed<T>(step: string, work: () => T | Promise<T>): Promise<T> {
  const start = cpuMs();
  const result = await work();
  spent.set(step, (spent.get(step) ?? 0) + cpuMs() - start);
  return result;
}

/** The pipeline this one replaced: resvg shaping and rasterising satori's text on the whole body, the pixels joined and encoded. */
async function renderAsBefore(card: OgCard): Promise<Buffer> {
  const body = rasterise(await layoutSvg(bodyTree(card, height), { width: OG_WIDTH, height }));
  return encodeRgbaPng(Buffer.concat([band.pixels, body.pixels]), OG_WIDTH, OG_HEIGHT);
}

await loadShaping();
const band = rasterise(await layoutSvg(bandTree(cards[0]!), { width: OG_WIDTH }));
const height = OG_HEIGHT - band.height;
for (const card of cards.slice(0, 5)) await Promise.all([renderCard(card), renderAsBefore(card)]);
const passCpu: number[] = [];
// Whole passes, alternated, so that neither pipeline profits from the other's caches or load.
for (let pass = 0; pass < 2; pass++) {
  const start = cpuMs();
  for (const card of cards)
    await timed('whole card, as the build renders it', () => renderCard(card));
  // The first pass draws every glyph, shape and figure for the first time; a build's workers
  // draw hundreds of cards each, so most of theirs look like the second.
  passCpu.push(cpuMs() - start);
  for (const card of cards)
    await timed('whole card, as before (resvg shapes and rasterises the text)', () =>
      renderAsBefore(card),
    );
}
// The steps of renderCard on a canvas of its own, in the build's form: RGB rows, the band on top.
const rowBytes = OG_WIDTH * 3 + 1;
const rows = Buffer.alloc(rowBytes * OG_HEIGHT, 255);
for (let y = 0; y < OG_HEIGHT; y++) rows[y * rowBytes] = 0;
for (let i = 0; i < OG_WIDTH * band.height; i++)
  band.pixels.copy(
    rows,
    Math.floor(i / OG_WIDTH) * rowBytes + 1 + (i % OG_WIDTH) * 3,
    i * 4,
    i * 4 + 3,
  );
const body: Scanlines = { rows: rows.subarray(band.height * rowBytes), width: OG_WIDTH, height };
/** The band and white rows down to a card's first drawn row, deflated once, as the build keeps them. */
const starts = new Map<number, DeflatedRows>();
let fastText = 0;
for (const card of cards) {
  if (layoutTextColumn(bodyTree(card, height, { figure: false }), { width: OG_WIDTH, height }))
    fastText++;
  const drawing = await timed(
    '  step: layout under the band (text column without satori when it can, figures by satori, reused)',
    () => bodyDrawing(card, height),
  );
  if (!drawing) throw new Error(`card "${card.title}" fell back to resvg for its whole body`);
  await timed('  step: making the body white again', () => {
    body.rows.fill(255);
    for (let y = 0; y < height; y++) body.rows[y * rowBytes] = 0;
  });
  const shapeRows = await timed('  step: other shapes, resvg on their bounding box', () =>
    drawing.shapes.map((shapes) => drawShapes(body, shapes)),
  );
  const barRows = await timed('  step: the quote bar, filled as a rectangle', () =>
    fillRects(body, drawing.rects),
  );
  const textRows = await timed('  step: words from cached glyphs', () =>
    drawText(body, drawing.runs),
  );
  const firstDrawn =
    band.height +
    Math.min(textRows[0], ...[...shapeRows, barRows].map((rows) => rows?.[0] ?? height));
  await timed('  step: PNG encoding (node:zlib level 3, RGB, band deflated once)', () => {
    let start = starts.get(firstDrawn);
    if (!start)
      starts.set(firstDrawn, (start = deflateRows(rows.subarray(0, firstDrawn * rowBytes))));
    return encodePngRows(rows, OG_WIDTH, OG_HEIGHT, { channels: 3, start });
  });
}
const passes = (step: string) => (step.startsWith('whole') ? 2 : 1);

console.log(
  `\nCPU per preview card over ${cards.length} cards of "${report.data.title}" (all threads of the process); text column laid out without satori on ${fastText}:\n`,
);
console.log('| Step | ms CPU per card |');
console.log('| --- | --- |');
const perCard = (ms: number) => (ms / cards.length).toFixed(1);
for (const [step, ms] of spent) {
  console.log(`| ${step} | ${perCard(ms / passes(step))} |`);
  if (step.includes('as the build'))
    passCpu.forEach((ms, pass) =>
      console.log(`|   of which pass ${pass + 1} of 2 | ${perCard(ms)} |`),
    );
}
