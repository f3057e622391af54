import { existsSync, mkdirSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parentPort } from 'node:worker_threads';
import type { OgCard } from '../lib/og/cards.ts';
import { renderCard } from '../lib/og/render.ts';
import { cacheFileOfHash, cardHash, writeCacheFile } from '../lib/og/cache.ts';
import { collectGarbage } from './gc.ts';
import type { WorkerReply, WorkerRequest } from './cardPool.ts';

// resvg's pixmaps live outside V8's heap, so its garbage collector does not feel them
// (thx/resvg-js#216); a full collection now and then, then a return to the event loop where
// their finalizers run, keeps a worker flat. Since cards draw their words from cached glyphs and
// only small shapes with resvg, one every 250 cards is enough: every 25 cost 1.7 ms a card, and
// the worker's peak memory was no lower (docs/performance.md).
const CARDS_BETWEEN_COLLECTIONS = 250;
let rendered = 0;
let stopping = false;

const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(message, transfer);

function cardDrawn(): void {
  if (++rendered % CARDS_BETWEEN_COLLECTIONS === 0) collectGarbage();
}

/** Renders one preview card sent by the pool (src/build/cardPool.ts) and posts the PNG or the error back. */
async function renderAndReply(id: number, card: OgCard): Promise<void> {
  try {
    const png = new Uint8Array(await renderCard(card));
    reply({ id, png }, [png.buffer]);
  } catch (error) {
    reply({ id, error: error instanceof Error ? error.message : String(error) });
  }
  cardDrawn();
}

/**
 * Draws cards into the cache on this thread alone, without waiting on the main thread between
 * cards (it is busy rendering pages), until done or told to stop. A card that fails is left
 * for the card step, which reports it.
 */
async function fillCache(cards: OgCard[], cacheDir: string): Promise<void> {
  mkdirSync(cacheDir, { recursive: true });
  for (const card of cards) {
    if (stopping) break;
    const hash = cardHash(card);
    const file = cacheFileOfHash(hash, cacheDir);
    const png = existsSync(file) ? undefined : await renderCard(card).catch(() => undefined);
    if (png) {
      writeCacheFile(file, png);
      reply({ drawn: hash });
      cardDrawn();
    }
    // Back to the event loop: lets a stop message in, and the collected pixmaps' finalizers run.
    await nextTurn();
  }
  reply({ filled: true });
}

parentPort!.on('message', (message: WorkerRequest) => {
  if ('stop' in message) stopping = true;
  else if ('fill' in message) void fillCache(message.fill, message.cacheDir);
  else void renderAndReply(message.id, message.card);
});
