import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { resolveBranding } from '../lib/branding.ts';
import { translator } from '../lib/i18n/index.ts';
import type { ResolvedReport } from '../lib/model.ts';
import { cardForPath, ogImagePath, protectedCard, type OgCard } from '../lib/og/cards.ts';
import { cachedCard } from '../lib/og/render.ts';
import { progressEvery, progressLine } from '../lib/progress.ts';
import { CardPool } from './cardPool.ts';
import { builtPages } from './pages.ts';

const H1 = /<h1[^>]*>([\s\S]*?)<\/h1>/;

function decode(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim();
}

/** The card of a built page: its entity's, or for other pages one with the page's heading. */
export function cardOfPage(page: { file: string; path: string }, report: ResolvedReport, t = translator(report.data.locale), branding = resolveBranding(report.data.branding)): OgCard {
  if (report.data.visibility === 'protected') return protectedCard(branding.primary.used, t);
  const heading = decode(H1.exec(readFileSync(page.file, 'utf8'))?.[1] ?? report.data.title);
  return cardForPath(page.path, report, heading, branding.primary.used, t, branding.seriesColors);
}

/**
 * Writes a 1200×630 preview card for every built page to `og/<path>.png`. Cards whose inputs
 * did not change come from the cache, so a rebuild with no content change renders none. Logs
 * progress with a rate and the time left, and at the end the CPU time per rendered card (all
 * threads of the process, so the card workers and the encoding included).
 */
export async function writeOgCards(options: { outDir: string; cacheDir: string; report: ResolvedReport; logger: AstroIntegrationLogger }) {
  const { outDir, cacheDir, report, logger } = options;
  const pages = builtPages(outDir);
  const t = translator(report.data.locale);
  const branding = resolveBranding(report.data.branding);
  let rendered = 0;
  let done = 0;
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const every = progressEvery(pages.length);
  const pool = new CardPool();
  const queue = [...pages];
  const worker = async () => {
    for (let page = queue.shift(); page; page = queue.shift()) {
      const result = await cachedCard(cardOfPage(page, report, t, branding), cacheDir, (c) => pool.render(c));
      if (result.rendered) rendered++;
      const target = join(outDir, ogImagePath(page.path));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, result.png);
      if (++done % every === 0 && done < pages.length) logger.info(progressLine('preview cards', 'cards', done, pages.length, performance.now() - started));
    }
  };
  try {
    await Promise.all(Array.from({ length: pool.concurrency * 2 }, worker));
  } finally {
    await pool.close();
  }
  const cpu = process.cpuUsage(cpuAtStart);
  const perCard = rendered > 0 ? `, ${((cpu.user + cpu.system) / 1000 / rendered).toFixed(1)} ms CPU per rendered card` : '';
  logger.info(`preview cards: ${pages.length} pages, ${rendered} rendered, ${pages.length - rendered} from cache (${Math.round(performance.now() - started)} ms${perCard})`);
  return { pages: pages.length, rendered };
}
