/**
 * `npm run bench [-- --size S,M,L] [--seed 42]`: builds synthetic reports of each size and, in
 * the same run, a bare Astro + MDX site with as many pages of similar text, then prints build
 * time, pages per second, peak memory, the ratio to bare Astro (whole build first, then without
 * the preview cards), the CPU time per preview card, the no-change rebuild and page weights.
 * Writes bench/results.json and bench/build-time.svg.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { gzipSync } from 'node:zlib';
import { builtPages } from '../src/build/pages.ts';
import {
  baselinePage,
  benchSizes,
  generateReport,
  seededRandom,
  type BenchSize,
} from './bench/generateReport.ts';
import { buildLineChart } from '../src/lib/charts/lineChart.ts';
import { measure, type Measured } from './bench/measure.ts';

const projectRoot = process.cwd();
const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
const { values } = parseArgs({
  options: { size: { type: 'string', default: 'S,M,L' }, seed: { type: 'string', default: '42' } },
});
const sizes = values.size.split(',').map((s) => s.trim().toUpperCase()) as BenchSize[];
for (const size of sizes)
  if (!(size in benchSizes))
    throw new Error(`Unknown size ${size}: use ${Object.keys(benchSizes).join(', ')}`);

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const log = (message: string) => process.stderr.write(`${message}\n`);

function writeFiles(dir: string, files: { path: string; text: string }[]) {
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
}

/** Milliseconds a build step logged ("preview cards: … (123 ms)" or "(123 ms, …)"). */
function stepMs(output: string, step: string): number {
  return Number(new RegExp(`${step}:[^\\n]*\\((\\d+) ms[,)]`).exec(output)?.[1] ?? 0);
}

/** CPU milliseconds per rendered preview card, as the card step logged it. */
function cardCpuMs(output: string): number | undefined {
  const logged = /([\d.]+) ms CPU per rendered card/.exec(output)?.[1];
  return logged === undefined ? undefined : Number(logged);
}

/** Pages below the portfolio views' paths and their summed render time, from Astro's page log ("/heatmap/index.html (+6ms)", "… (+1.11s)"). */
function portfolioRender(output: string): { pages: number; ms: number } {
  const plain = stripVTControlCharacters(output);
  // Astro writes "+823ms" below a second and "+1.11s" above.
  const lines = [
    ...plain.matchAll(/[├└]─ \/(heatmap|personas-journeys|pain-points)\/\S* \(\+([\d.]+)(ms|s)\)/g),
  ];
  return {
    pages: lines.length,
    ms: Math.round(lines.reduce((sum, m) => sum + Number(m[2]) * (m[3] === 's' ? 1000 : 1), 0)),
  };
}

function checkBuild(result: Measured, what: string) {
  if (result.status !== 0) throw new Error(`${what} failed:\n${result.output.slice(-3000)}`);
}

/** Bytes of a page's HTML, and of the CSS and JS it loads, raw and gzipped. */
function pageWeight(outDir: string, page: string) {
  const html = readFileSync(join(outDir, page));
  const assets = (pattern: RegExp) =>
    [...html.toString().matchAll(pattern)].map((m) => readFileSync(join(outDir, m[1]!)));
  const sum = (buffers: Buffer[]) => ({
    bytes: buffers.reduce((n, b) => n + b.length, 0),
    gzip: buffers.reduce((n, b) => n + gzipSync(b).length, 0),
  });
  return {
    html: sum([html]),
    css: sum(assets(/<link rel="stylesheet" href="\/([^"]+)"/g)),
    js: sum(assets(/<script type="module" src="\/([^"]+)"/g)),
  };
}

/** The bare Astro + MDX floor: as many MDX pages of similar text size, one layout, nothing else. */
function writeBaseline(dir: string, pages: number, seed: number) {
  const random = seededRandom(seed);
  writeFiles(dir, [
    { path: 'package.json', text: '{ "name": "baseline", "type": "module", "private": true }\n' },
    {
      path: 'astro.config.mjs',
      text: "import mdx from '@astrojs/mdx';\nimport { defineConfig } from 'astro/config';\nexport default defineConfig({ integrations: [mdx()] });\n",
    },
    {
      path: 'src/layouts/Base.astro',
      text: '---\nconst { frontmatter } = Astro.props;\n---\n<html lang="en"><head><meta charset="utf-8"><title>{frontmatter.title}</title></head><body><main><slot /></main></body></html>\n',
    },
    ...Array.from({ length: pages }, (_, i) => ({
      path: `src/pages/p/page-${i + 1}.mdx`,
      text: baselinePage(i + 1, random),
    })),
  ]);
}

const results = [];
const workDirs: string[] = [];
for (const size of sizes) {
  // Inside the project, so Astro keeps its intermediate files in the output folder (see
  // test/helpers/build.ts) and the baseline resolves the project's packages.
  mkdirSync(join(projectRoot, '.itinera-tmp'), { recursive: true });
  const work = mkdtempSync(join(projectRoot, `.itinera-tmp/bench-${size}-`));
  const content = join(work, 'content');
  const outDir = join(work, 'dist');
  const buildEnv = {
    ...env,
    ITINERA_CONTENT: content,
    ITINERA_OUT_DIR: outDir,
    ITINERA_CACHE_DIR: join(work, 'cache'),
  };
  log(
    `[${size}] generating ${benchSizes[size].journeys} journeys / ${benchSizes[size].touchpoints} touchpoints…`,
  );
  writeFiles(content, generateReport(benchSizes[size], Number(values.seed)));

  log(`[${size}] building Itinera (cold)…`);
  const cold = await measure(process.execPath, [astro, 'build'], {
    cwd: projectRoot,
    env: buildEnv,
  });
  checkBuild(cold, 'Itinera build');
  const built = builtPages(outDir);
  const pages = built.length;
  log(`[${size}] ${pages} pages in ${cold.seconds.toFixed(1)} s; building bare Astro + MDX…`);
  const baselineDir = join(work, 'baseline');
  writeBaseline(baselineDir, pages, Number(values.seed));
  const baseline = await measure(process.execPath, [astro, 'build'], { cwd: baselineDir, env });
  checkBuild(baseline, 'Baseline build');

  // Last, since a rebuild deletes the build it replaces (see the note on deleting below).
  log(`[${size}] rebuilding Itinera with no change…`);
  const warm = await measure(process.execPath, [astro, 'build'], {
    cwd: projectRoot,
    env: buildEnv,
  });
  checkBuild(warm, 'Itinera rebuild');

  const ogCold = stepMs(cold.output, 'preview cards') / 1000;
  const ogWarm = stepMs(warm.output, 'preview cards') / 1000;
  const journeyPage = built
    .find((p) => p.path === 'journeys/journey-1/')!
    .file.slice(outDir.length + 1);
  const touchpointPage = built
    .find((p) => p.path === 'touchpoints/tp-2/')!
    .file.slice(outDir.length + 1);
  const result = {
    size,
    journeys: benchSizes[size].journeys,
    touchpoints: benchSizes[size].touchpoints,
    pages,
    itinera: {
      seconds: cold.seconds,
      cpuSeconds: cold.cpuSeconds,
      peakRssMB: cold.peakRssBytes / 2 ** 20,
      previewCardsSeconds: ogCold,
      cardCpuMs: cardCpuMs(cold.output),
      searchSeconds: stepMs(cold.output, 'search index') / 1000,
    },
    rebuild: { seconds: warm.seconds, previewCardsSeconds: ogWarm },
    baseline: {
      seconds: baseline.seconds,
      cpuSeconds: baseline.cpuSeconds,
      peakRssMB: baseline.peakRssBytes / 2 ** 20,
    },
    ratio: cold.seconds / baseline.seconds,
    ratioWithoutCards: (cold.seconds - ogCold) / baseline.seconds,
    cpuRatio: cold.cpuSeconds / baseline.cpuSeconds,
    peakRssRatio: cold.peakRssBytes / baseline.peakRssBytes,
    portfolio: portfolioRender(cold.output),
    weights: {
      journey: pageWeight(outDir, journeyPage),
      touchpoint: pageWeight(outDir, touchpointPage),
      overview: pageWeight(outDir, 'index.html'),
      heatmap: pageWeight(outDir, 'heatmap/index.html'),
      'personas × journeys': pageWeight(outDir, 'personas-journeys/index.html'),
      'recurring pain points': pageWeight(outDir, 'pain-points/index.html'),
    },
  };
  results.push(result);
  log(
    `[${size}] done: Itinera ${cold.seconds.toFixed(1)} s (cards ${ogCold.toFixed(1)} s), bare Astro ${baseline.seconds.toFixed(1)} s, ratio ${result.ratio.toFixed(2)}`,
  );
  workDirs.push(work);
}
// Deleted only at the end, so that no measured build follows a large deletion: on ext4 without a
// journal (this project's machines) creating a file steps over every recently deleted inode, and
// 5,000 new files took 3 s of CPU instead of 1.1 s right after 20,000 were deleted
// (docs/performance.md, "Files deleted before a build").
for (const work of workDirs) rmSync(work, { recursive: true, force: true });

const f1 = (n: number) => n.toFixed(1);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `\nItinera build benchmark (seed ${values.seed}, Node ${process.version}, ${process.platform}/${process.arch})\n`,
);
console.log(
  '| Size | Journeys / touchpoints | Pages | Itinera s | Bare Astro s | Ratio | Ratio without cards | CPU s Itinera / bare (ratio) | Preview cards s | CPU per card ms | Pages/s | Peak RSS MB Itinera / bare | Rebuild s (cards s) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  const cpuPerCard = r.itinera.cardCpuMs === undefined ? 'n/a' : f1(r.itinera.cardCpuMs);
  const rss = `${Math.round(r.itinera.peakRssMB)} / ${Math.round(r.baseline.peakRssMB)} (${r.peakRssRatio >= 1 ? '+' : ''}${Math.round((r.peakRssRatio - 1) * 100)} %)`;
  console.log(
    `| ${r.size} | ${r.journeys} / ${r.touchpoints} | ${r.pages} | ${f1(r.itinera.seconds)} | ${f1(r.baseline.seconds)} | **${r.ratio.toFixed(2)}** | ${r.ratioWithoutCards.toFixed(2)} | ${f1(r.itinera.cpuSeconds)} / ${f1(r.baseline.cpuSeconds)} (${r.cpuRatio.toFixed(2)}) | ${f1(r.itinera.previewCardsSeconds)} | ${cpuPerCard} | ${f1(r.pages / r.itinera.seconds)} | ${rss} | ${f1(r.rebuild.seconds)} (${f1(r.rebuild.previewCardsSeconds)}) |`,
  );
}
console.log('');
for (const r of results)
  console.log(
    `${r.size}: portfolio views (heatmap, personas × journeys, recurring pain points): ${r.portfolio.pages} pages rendered in ${r.portfolio.ms} ms`,
  );
console.log('\n| Size | Page | HTML (gzip) | CSS (gzip) | JS (gzip) |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of results) {
  for (const [name, w] of Object.entries(r.weights))
    console.log(
      `| ${r.size} | ${name} | ${kb(w.html.bytes)} (${kb(w.html.gzip)}) | ${kb(w.css.bytes)} (${kb(w.css.gzip)}) | ${kb(w.js.bytes)} (${kb(w.js.gzip)}) |`,
    );
}

mkdirSync(join(projectRoot, 'bench'), { recursive: true });
writeFileSync(
  join(projectRoot, 'bench/results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
);
const plot = buildLineChart({
  id: 'bench-build-time',
  title: 'Build time against pages',
  xLabel: 'Pages',
  yLabel: 'Build seconds',
  series: [
    {
      name: 'Itinera (with preview cards)',
      points: results.map((r) => ({ x: r.pages, y: Math.round(r.itinera.seconds * 10) / 10 })),
    },
    {
      name: 'Itinera (cards excluded)',
      points: results.map((r) => ({
        x: r.pages,
        y: Math.round((r.itinera.seconds - r.itinera.previewCardsSeconds) * 10) / 10,
      })),
    },
    {
      name: 'Bare Astro + MDX',
      points: results.map((r) => ({ x: r.pages, y: Math.round(r.baseline.seconds * 10) / 10 })),
    },
  ],
});
writeFileSync(join(projectRoot, 'bench/build-time.svg'), `${plot.svg}\n`);
console.log('\nWrote bench/results.json and bench/build-time.svg');
