import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import type { OgCard } from '../lib/og/cards.ts';
import { renderCard } from '../lib/og/render.ts';

/** Renders preview cards sent by the pool (src/build/cardPool.ts), one at a time. */
// Every card is encoded once: libvips's operation cache would only hold memory.
sharp.cache(false);
parentPort!.on('message', async ({ id, card }: { id: number; card: OgCard }) => {
  try {
    // resvg's buffer lives outside the JS heap and cannot be transferred: copy it once.
    const png = new Uint8Array(await renderCard(card));
    parentPort!.postMessage({ id, png }, [png.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
