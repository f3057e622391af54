import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { filesBelow } from '../lib/files.ts';
import { translator } from '../lib/i18n/index.ts';
import { dataUri, imageMediaType, inlineImages } from '../lib/inlineImages.ts';
import { ogImagePath } from '../lib/og/cards.ts';
import { withBase } from '../lib/paths.ts';
import { encryptPage, newReportKey } from '../lib/protect.ts';
import { builtPages } from './pages.ts';
import { protectedShell } from './protectedShell.ts';

const STYLESHEET = /<link rel="stylesheet" href="([^"]+)"/g;

/** Where a build puts images taken from the report: Astro's optimised images and the copied logo. */
const IMAGE_FOLDERS = ['_astro', 'brand'];

/** The report's image files in a build: their path in outDir and their URL as pages link them. */
function reportImages(
  outDir: string,
  base: string,
): { file: string; url: string; mediaType: string }[] {
  return IMAGE_FOLDERS.flatMap((folder) =>
    filesBelow(join(outDir, folder), (name) => imageMediaType(name) !== undefined),
  ).map((file) => ({
    file,
    url: withBase(base, relative(outDir, file).split(sep).join('/')),
    mediaType: imageMediaType(file)!,
  }));
}

/**
 * Replaces every built page with its encrypted form. Runs last, after preview cards (generic
 * for protected reports) and without a search index, so no plaintext of the report is left.
 * One key for the whole build (one salt, one PBKDF2 run), so readers derive it once per visit.
 * The report's images are inlined into the pages that show them and their files removed, so
 * they are encrypted too.
 */
export async function protectPages(options: {
  outDir: string;
  base: string;
  password: string;
  lang: string;
  logger: AstroIntegrationLogger;
}): Promise<void> {
  const pages = builtPages(options.outDir);
  const images = reportImages(options.outDir, options.base);
  const inlined = new Map(
    images.map((image) => [image.url, dataUri(image.mediaType, readFileSync(image.file))]),
  );
  const t = translator(options.lang);
  const reportKey = await newReportKey(options.password);
  let done = 0;
  // AES runs on libuv's thread pool: a few pages at a time use every core.
  const queue = [...pages];
  const worker = async () => {
    for (let page = queue.shift(); page; page = queue.shift()) {
      const html = inlineImages(readFileSync(page.file, 'utf8'), inlined);
      const stylesheets = [...html.matchAll(STYLESHEET)].map((m) => m[1]!);
      const payload = await encryptPage(html, reportKey);
      writeFileSync(
        page.file,
        protectedShell({
          lang: options.lang,
          stylesheets,
          ogImage: withBase(options.base, ogImagePath(page.path)),
          payload,
          t,
        }),
      );
      if (++done % 25 === 0) options.logger.info(`encrypting pages: ${done}/${pages.length}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  for (const image of images) rmSync(image.file);
  options.logger.info(`encrypted ${pages.length} pages, ${images.length} images inlined into them`);
}
