import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import type { OgCard } from '../lib/og/cards.ts';
import { renderCard } from '../lib/og/render.ts';

// resvg's pixmaps (about 5 MB a card) live outside V8's heap, so its garbage collector never
// feels them and the process grew by that much per card (thx/resvg-js#216). Collecting every
// few cards, then returning to the event loop where their finalizers run, keeps a worker flat.
const CARDS_BETWEEN_COLLECTIONS = 25;
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
let rendered = 0;

/** Renders one preview card sent by the pool (src/build/cardPool.ts) and posts the PNG or the error back. */
async function renderAndReply({ id, card }: { id: number; card: OgCard }): Promise<void> {
  try {
    const png = new Uint8Array(await renderCard(card));
    parentPort!.postMessage({ id, png }, [png.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
  if (++rendered % CARDS_BETWEEN_COLLECTIONS === 0) collectGarbage();
}

parentPort!.on('message', (message: { id: number; card: OgCard }) => void renderAndReply(message));
