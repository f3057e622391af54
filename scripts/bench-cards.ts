/**
 * `npm run bench:cards [-- --cards 60]`: CPU time per preview card, step by step (layout,
 * rasterising, encoding), on cards of the report in ITINERA_CONTENT (default `content/`): the
 * overview, personas, journeys, stages, touchpoints and channels in turn. Also prints what the
 * pipeline it replaced costs on the same cards (satori drawing glyphs as paths, resvg's encoder).
 */
import { parseArgs } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { resolveContentDir } from '../src/lib/contentDir.ts';
import { translator } from '../src/lib/i18n/index.ts';
import { resolveReport } from '../src/lib/model.ts';
import { cardForPath, type OgCard } from '../src/lib/og/cards.ts';
import { satoriFonts } from '../src/lib/og/fonts.ts';
import { encodeRgbaPng } from '../src/lib/og/png.ts';
import { bandTree, bodyTree, layoutSvg, OG_HEIGHT, OG_WIDTH, rasterise, renderCard } from '../src/lib/og/render.ts';
import { validateContent } from '../src/lib/validate/index.ts';

const { values } = parseArgs({ options: { cards: { type: 'string', default: '60' } } });
const projectRoot = process.cwd();
const sources = validateContent(resolveContentDir(projectRoot), projectRoot).sources;
if (!sources) throw new Error('The report has content errors: run npm run check:content');
const report = resolveReport(sources);
const groups = [
  [''],
  [...report.personaById.keys()].map((id) => `personas/${id}/`),
  [...report.journeyById.keys()].map((id) => `journeys/${id}/`),
  [...report.stageByKey.keys()].map((key) => `journeys/${key}/`),
  [...report.touchpointById.keys()].map((id) => `touchpoints/${id}/`),
  [...report.channelById.keys()].map((id) => `channels/${id}/`),
];
// Round-robin over the kinds of page, so a short run still mixes them.
const paths = Array.from({ length: Math.max(...groups.map((g) => g.length)) }, (_, i) => groups.map((g) => g[i]).filter((p) => p !== undefined)).flat();
const cards: OgCard[] = paths.slice(0, Number(values.cards)).map((path) => cardForPath(path, report, report.data.title, '#1d4e89', translator(report.data.locale)));

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

/** The pipeline this one replaced: satori drawing every glyph as a path on the whole card, resvg rasterising and encoding. */
async function renderAsBefore(card: OgCard): Promise<Buffer> {
  const whole = { type: 'div', props: { style: { display: 'flex', flexDirection: 'column' }, children: [bandTree(card), bodyTree(card, height)] } };
  const svg = await satori(whole as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts: satoriFonts() });
  return new Resvg(svg).render().asPng();
}

const band = rasterise(await layoutSvg(bandTree(cards[0]!), { width: OG_WIDTH }));
const height = OG_HEIGHT - band.height;
for (const card of cards.slice(0, 5)) await Promise.all([renderCard(card), renderAsBefore(card)]);
// Whole passes, alternated, so that neither pipeline profits from the other's caches or load.
for (let pass = 0; pass < 2; pass++) {
  for (const card of cards) await timed('whole card, as the build renders it', () => renderCard(card));
  for (const card of cards) await timed('whole card, as before (glyphs as paths, resvg PNG encoding)', () => renderAsBefore(card));
}
for (const card of cards) {
  const svg = await timed('  step: satori layout under the band (text left as text)', () => layoutSvg(bodyTree(card, height), { width: OG_WIDTH, height }));
  const body = await timed('  step: resvg shaping and rasterising', () => rasterise(svg));
  const pixels = Buffer.concat([band.pixels, body.pixels]);
  await timed('  step: PNG encoding (node:zlib level 3, unfiltered)', () => encodeRgbaPng(pixels, OG_WIDTH, OG_HEIGHT));
}
const passes = (step: string) => (step.startsWith('whole') ? 2 : 1);

console.log(`\nCPU per preview card over ${cards.length} cards of "${report.data.title}" (all threads of the process):\n`);
console.log('| Step | ms CPU per card |');
console.log('| --- | --- |');
for (const [step, ms] of spent) console.log(`| ${step} | ${(ms / cards.length / passes(step)).toFixed(1)} |`);
