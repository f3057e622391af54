import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

/** Indexes the built pages (`files`, a glob below `outDir`) with Pagefind into `pagefind/`, for the search page. */
export async function writeSearchIndex(
  outDir: string,
  files: string,
  logger: AstroIntegrationLogger,
): Promise<number> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: outDir, glob: files });
  if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  logger.info(
    `search index: ${added.page_count} pages (${Math.round(performance.now() - started)} ms)`,
  );
  return added.page_count;
}
