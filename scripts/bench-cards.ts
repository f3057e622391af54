/**
 * `npm run bench:cards [-- --cards 60]`: CPU time per preview card, step by step (layout,
 * words, other shapes, encoding), on cards of the report in ITINERA_CONTENT (default `content/`):
 * the overview, personas, journeys, stages, touchpoints and channels in turn. Also prints what
 * the pipeline it replaced costs on the same cards (resvg shaping and rasterising all the text).
 */
import { parseArgs } from 'node:util';
import { resolveContentDir } from '../src/lib/contentDir.ts';
import { translator } from '../src/lib/i18n/index.ts';
import { resolveReport } from '../src/lib/model.ts';
import type { OgCard } from '../src/lib/og/cards.ts';
import { drawShapes, splitLayout } from '../src/lib/og/compose.ts';
import { drawText, loadShaping, type Scanlines } from '../src/lib/og/glyphs.ts';
import { encodePngRows, encodeRgbaPng } from '../src/lib/og/png.ts';
import {
  bandTree,
  bodyTree,
  layoutSvg,
  OG_HEIGHT,
  OG_WIDTH,
  rasterise,
  renderCard,
} from '../src/lib/og/render.ts';
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
  .map((page) =>
    pageCard(page, { report, t: translator(report.data.locale) }, report.data.title, '#1d4e89'),
  );

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
// Whole passes, alternated, so that neither pipeline profits from the other's caches or load.
for (let pass = 0; pass < 2; pass++) {
  for (const card of cards)
    await timed('whole card, as the build renders it', () => renderCard(card));
  for (const card of cards)
    await timed('whole card, as before (resvg shapes and rasterises the text)', () =>
      renderAsBefore(card),
    );
}
// The steps of renderCard on a canvas of its own (the band's rows are left white here).
const rows = Buffer.alloc((OG_WIDTH * 4 + 1) * OG_HEIGHT, 255);
for (let y = 0; y < OG_HEIGHT; y++) rows[y * (OG_WIDTH * 4 + 1)] = 0;
const body: Scanlines = {
  rows: rows.subarray(band.height * (OG_WIDTH * 4 + 1)),
  width: OG_WIDTH,
  height,
};
for (const card of cards) {
  const svg = await timed('  step: satori layout under the band', () =>
    layoutSvg(bodyTree(card, height), { width: OG_WIDTH, height }),
  );
  const layout = await timed('  step: splitting the layout into words and shapes', () =>
    splitLayout(svg, OG_WIDTH, height),
  );
  if (!layout) throw new Error(`card "${card.title}" fell back to resvg for its whole body`);
  await timed('  step: making the body white again', () => {
    body.rows.fill(255);
    for (let y = 0; y < height; y++) body.rows[y * (OG_WIDTH * 4 + 1)] = 0;
  });
  if (layout.shapes)
    await timed('  step: other shapes, resvg on their bounding box', () =>
      drawShapes(body, layout.shapes!),
    );
  await timed('  step: words from cached glyphs', () => drawText(body, layout.runs));
  await timed('  step: PNG encoding (node:zlib level 3, unfiltered)', () =>
    encodePngRows(rows, OG_WIDTH, OG_HEIGHT),
  );
}
const passes = (step: string) => (step.startsWith('whole') ? 2 : 1);

console.log(
  `\nCPU per preview card over ${cards.length} cards of "${report.data.title}" (all threads of the process):\n`,
);
console.log('| Step | ms CPU per card |');
console.log('| --- | --- |');
for (const [step, ms] of spent)
  console.log(`| ${step} | ${(ms / cards.length / passes(step)).toFixed(1)} |`);
