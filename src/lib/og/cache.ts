import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { OgCard } from './cards.ts';

/** Bump when the card layout (src/lib/og/render.ts) changes, so cached cards are drawn again. */
const LAYOUT_VERSION = '5';

/**
 * A card's content hash, layout version included. Here rather than beside the drawing: the
 * build's main thread names and looks up cards, and loading satori, resvg and HarfBuzz there
 * cost 120 ms of its start-up.
 */
export function cardHash(card: OgCard): string {
  return createHash('sha256')
    .update(LAYOUT_VERSION)
    .update(JSON.stringify(card))
    .digest('hex')
    .slice(0, 32);
}

/** Where the card cache keeps the card with this content hash (`cardHash`). */
export function cacheFileOfHash(hash: string, cacheDir: string): string {
  return join(cacheDir, `${hash}.png`);
}

/** Where the card cache keeps a card: its content hash (layout version included) names it. */
export function cacheFileOf(card: OgCard, cacheDir: string): string {
  return cacheFileOfHash(cardHash(card), cacheDir);
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
