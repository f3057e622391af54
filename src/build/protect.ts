import { readFileSync, writeFileSync } from 'node:fs';
import type { AstroIntegrationLogger } from 'astro';
import { translator } from '../lib/i18n/index.ts';
import { ogImagePath } from '../lib/og/cards.ts';
import { withBase } from '../lib/paths.ts';
import { encryptPage, newReportKey } from '../lib/protect.ts';
import { builtPages } from './pages.ts';
import { protectedShell } from './protectedShell.ts';

const STYLESHEET = /<link rel="stylesheet" href="([^"]+)"/g;

/**
 * Replaces every built page with its encrypted form. Runs last, after preview cards (generic
 * for protected reports) and without a search index, so no plaintext of the report is left.
 * One key for the whole build (one salt, one PBKDF2 run), so readers derive it once per visit.
 */
export async function protectPages(options: { outDir: string; base: string; password: string; lang: string; logger: AstroIntegrationLogger }): Promise<void> {
  const pages = builtPages(options.outDir);
  const t = translator(options.lang);
  const reportKey = await newReportKey(options.password);
  let done = 0;
  // AES runs on libuv's thread pool: a few pages at a time use every core.
  const queue = [...pages];
  const worker = async () => {
    for (let page = queue.shift(); page; page = queue.shift()) {
      const html = readFileSync(page.file, 'utf8');
      const stylesheets = [...html.matchAll(STYLESHEET)].map((m) => m[1]!);
      const payload = await encryptPage(html, reportKey);
      writeFileSync(page.file, protectedShell({ lang: options.lang, stylesheets, ogImage: withBase(options.base, ogImagePath(page.path)), payload, t }));
      if (++done % 25 === 0) options.logger.info(`encrypting pages: ${done}/${pages.length}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  options.logger.info(`encrypted ${pages.length} pages`);
}
