import { copyFileSync, existsSync, linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { resolveBranding } from '../lib/branding.ts';
import { translator } from '../lib/i18n/index.ts';
import { resolveReport, type ReportSources, type ResolvedReport } from '../lib/model.ts';
import { ogImagePath, protectedCard, type OgCard } from '../lib/og/cards.ts';
import { progressReporter } from '../lib/progress.ts';
import { pageAt, pageCard, reportPages } from '../lib/routes.ts';
import { cacheFileOf, cacheFileOfHash, cardHash, writeCacheFile } from '../lib/og/cache.ts';
import { releaseMemory } from './gc.ts';
import { CardPool, FULL_POOL } from './cardPool.ts';
import { builtPages } from './pages.ts';

/** The card of a built page (found in the report's pages by its path): its entity's, or one titled by its page type's heading. */
export function cardOfPage(
  page: { path: string },
  report: ResolvedReport,
  t = translator(report.data.locale),
  branding = resolveBranding(report.data.branding),
): OgCard {
  if (report.data.visibility === 'protected') return protectedCard(branding.primary.used, t);
  const context = { report, t, colors: branding.seriesColors };
  return pageCard(pageAt(report, page.path), context, branding.primary.used);
}

/** The cards of the report's pages (a card shown on several pages once per page): they depend on the model alone, so they can be drawn before any page is built. */
export function modelCards(
  report: ResolvedReport,
  t = translator(report.data.locale),
  branding = resolveBranding(report.data.branding),
): OgCard[] {
  if (report.data.visibility === 'protected') return [protectedCard(branding.primary.used, t)];
  const context = { report, t, colors: branding.seriesColors };
  return reportPages(report).map((page) => pageCard(page, context, branding.primary.used));
}

/**
 * Cards still to draw for each card worker the card step starts: a worker's start-up costs as
 * much CPU as 60 to 90 cards and it adds about 75 MB while Astro's heap is still at its peak,
 * so the few cards the early worker left (or a small report's) are drawn on fewer workers.
 */
const CARDS_PER_WORKER = 200;

/** Card workers for the card step after Astro's build: one per CARDS_PER_WORKER cards at most (ceil), one per core at most. */
export function cardStepWorkers(cardsToDraw: number): number {
  return Math.max(1, Math.min(FULL_POOL, Math.ceil(cardsToDraw / CARDS_PER_WORKER)));
}

/**
 * Cards to draw up to which Pagefind runs beside the card step. The card workers run at the
 * lowest priority (src/build/lowPriority.ts), so Pagefind takes the cores it wants first and the
 * cards fill in; beyond this many, Pagefind's memory (750 MB at L) would come on top of the
 * workers' for longer than it gains.
 */
const CARDS_BESIDE_SEARCH = 1000;

/** Whether a step that only reads the built pages (Pagefind) runs beside a card step with this many cards to draw. */
export function runsBesideCards(cardsToDraw: number): boolean {
  return FULL_POOL > 1 && cardsToDraw <= CARDS_BESIDE_SEARCH;
}

/** Cards being drawn into the cache while Astro builds the pages. */
export interface EarlyCards {
  pool: CardPool;
  /** Stops taking new cards, waits for those in hand, and gives the hashes of those drawn. */
  stop(): Promise<Set<string>>;
}

/**
 * Starts drawing the model's cards that are not in the cache yet on `workers` card workers
 * (one core fewer than the machine has, so Astro keeps one), while Astro builds. The workers
 * write the cache themselves, so they never wait for the main thread, and they do not keep the
 * process alive: a build that fails before its card step still exits. The card step after the
 * build then finds the cards in the cache. A card that fails here is left for that step, which
 * reports it.
 */
export function startModelCards(options: {
  cacheDir: string;
  report: ResolvedReport;
  workers: number;
}): EarlyCards {
  const { cacheDir, report, workers } = options;
  const pool = new CardPool(workers);
  pool.holdProcess(false);
  // A rebuild finds most cards in the cache: no worker starts for none.
  const files = new Set<string>();
  const missing = modelCards(report).filter((card) => {
    const file = cacheFileOf(card, cacheDir);
    if (files.has(file) || existsSync(file)) return false;
    files.add(file);
    return true;
  });
  const filling = pool.fillCache(missing, cacheDir);
  return {
    pool,
    stop: async () => {
      // From here the build waits on these workers: they must keep the process alive.
      pool.holdProcess(true);
      return filling.stop();
    },
  };
}

/**
 * Starts drawing every page's card of `astro build` (nothing for `astro dev`, `check`, `sync` or
 * `preview`) on the cores Astro leaves idle from its configuration on: content sync and bundling
 * use them in bursts, page rendering runs on one (see docs/performance.md). Nothing starts on a
 * one-core machine.
 */
export function startEarlyCards(
  command: string,
  sources: ReportSources | undefined,
  cacheDir: string,
): EarlyCards | undefined {
  if (command !== 'build' || !sources || FULL_POOL < 2) return undefined;
  return startModelCards({ cacheDir, report: resolveReport(sources), workers: FULL_POOL - 1 });
}

/**
 * Publishes a cached card as `target`: a hard link to the cache file where both are on one
 * file system (no bytes pass through this thread, and none are copied), else a copy.
 */
function linkOrCopy(cached: string, target: string): void {
  try {
    linkSync(cached, target);
  } catch {
    copyFileSync(cached, target);
  }
}

/** Writes a card to `target`: from its cache file `cached`, or drawn on the pool and cached. Returns whether it was drawn. */
async function publishCard(
  card: OgCard,
  cached: string,
  target: string,
  pool: CardPool,
): Promise<boolean> {
  mkdirSync(dirname(target), { recursive: true });
  if (existsSync(cached)) {
    linkOrCopy(cached, target);
    return false;
  }
  const png = await pool.render(card);
  mkdirSync(dirname(cached), { recursive: true });
  writeCacheFile(cached, png);
  writeFileSync(target, png);
  return true;
}

/** Every built page with its card, the card's hash and cache file, and how many distinct cards are not in the cache yet. */
function cardsOfPages(outDir: string, report: ResolvedReport, cacheDir: string) {
  const t = translator(report.data.locale);
  const branding = resolveBranding(report.data.branding);
  const cards = builtPages(outDir).map((page) => {
    const card = cardOfPage(page, report, t, branding);
    const hash = cardHash(card);
    return { page, card, hash, cached: cacheFileOfHash(hash, cacheDir) };
  });
  const files = new Set(cards.map(({ cached }) => cached));
  return { cards, toDraw: [...files].filter((file) => !existsSync(file)).length };
}

/** The card step's last log line: pages, cards rendered and from the cache, time, CPU per card. */
function cardStepSummary(step: {
  pages: number;
  rendered: number;
  ms: number;
  workerCpuMs: number;
  drawn: number;
  drawnEarly: number;
}): string {
  const drawnInAll = step.drawn + step.drawnEarly;
  const perCard =
    drawnInAll > 0
      ? `, ${(step.workerCpuMs / drawnInAll).toFixed(1)} ms CPU per rendered card`
      : '';
  const whileBuilding =
    step.drawnEarly > 0
      ? `, ${step.drawnEarly} distinct cards drawn while Astro built the pages`
      : '';
  return `preview cards: ${step.pages} pages, ${step.rendered} rendered, ${step.pages - step.rendered} from cache (${Math.round(step.ms)} ms${perCard}${whileBuilding})`;
}

/** What the card step is given. */
export interface CardStepOptions {
  /** The build's folder (staging), holding the built pages. */
  outDir: string;
  /** Where cards are cached by content hash. */
  cacheDir: string;
  report: ResolvedReport;
  logger: AstroIntegrationLogger;
  /** The cards drawn while Astro built the pages, and their workers. */
  early?: EarlyCards;
  /** A step that only reads the built pages (Pagefind): run beside the card step or after it (`runsBesideCards`). */
  besides?: () => Promise<unknown>;
}

/**
 * Writes a 1200×630 preview card for every built page to `og/<path>.png`. Cards whose inputs
 * did not change come from the cache, so a rebuild with no content change renders none; with
 * `early`, the cards drawn while Astro built the pages are among them, and its workers go on
 * with the rest. Logs progress with a rate and the time left, and at the end the card workers'
 * CPU time per rendered card (both phases).
 */
export async function writeOgCards(options: CardStepOptions) {
  const { outDir, cacheDir, report, logger, early, besides } = options;
  const drawnEarly = (await early?.stop()) ?? new Set<string>();
  const drawnEarlyCount = drawnEarly.size;
  const { cards, toDraw } = cardsOfPages(outDir, report, cacheDir);
  logger.info(`preview cards: ${cards.length} pages, ${toDraw} cards still to draw`);
  const workers = cardStepWorkers(toDraw);
  let besidesDone = false;
  const besidesNow =
    besides && runsBesideCards(toDraw) ? besides().finally(() => (besidesDone = true)) : undefined;
  // Awaited below; until then a failure of the card step must not leave it unhandled.
  besidesNow?.catch(() => undefined);
  let rendered = 0;
  const drawnNow = new Set<string>();
  let done = 0;
  const started = performance.now();
  const progress = progressReporter({
    step: 'preview cards',
    unit: 'cards',
    total: cards.length,
    log: (line) => logger.info(line),
  });
  const pool = early?.pool ?? new CardPool(workers);
  pool.grow(workers);
  const queue = [...cards];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { page, card, hash, cached } = next;
      const drawn = await publishCard(card, cached, join(outDir, ogImagePath(page.path)), pool);
      // A card drawn in this build, early or now, counts as rendered for every page showing it
      // (pages with the same card would otherwise count it as rendered or cached by timing).
      if (drawn) drawnNow.add(hash);
      if (drawnNow.has(hash) || drawnEarly.has(hash)) rendered++;
      progress(++done);
    }
  };
  let workerCpuMs: number;
  try {
    await Promise.all(Array.from({ length: workers * 2 }, worker));
    workerCpuMs = await pool.cpuMs();
  } finally {
    await pool.close();
  }
  logger.info(
    cardStepSummary({
      pages: cards.length,
      rendered,
      ms: performance.now() - started,
      workerCpuMs,
      drawn: drawnNow.size,
      drawnEarly: drawnEarlyCount,
    }),
  );
  const after = besidesNow ?? besides?.();
  // The card step's garbage (every page's card and its hash) and V8's emptied pages go back
  // to the system while Pagefind runs: at L the process otherwise stayed 300 to 400 MB larger
  // through Pagefind, the build's peak (docs/performance.md). Once it is done, only time is lost.
  if (after && !besidesDone) releaseMemory();
  await after;
  return { pages: cards.length, rendered };
}
