import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { OgCard } from './cards.ts';
import { cardHash } from './render.ts';

/** Where the card cache keeps a card: its content hash (layout version included) names it. */
export function cacheFileOf(card: OgCard, cacheDir: string): string {
  return join(cacheDir, `${cardHash(card)}.png`);
}

/**
 * Puts a card into the cache under a temporary name first: a card worker may be writing while
 * the build exits (process.exit ends worker threads at once), and a truncated file under the
 * card's name would be published by every later build.
 */
export function writeCacheFile(file: string, png: Uint8Array): void {
  const partial = `${file}.${process.pid}-${threadId}.partial`;
  writeFileSync(partial, png);
  renameSync(partial, file);
}
