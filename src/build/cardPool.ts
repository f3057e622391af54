import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { OgCard } from '../lib/og/cards.ts';

/**
 * Renders preview cards on worker threads: one per core, each replaced after a batch of cards,
 * because satori and resvg keep native and WebAssembly memory that the JavaScript garbage
 * collector does not reclaim. This keeps large builds fast and their memory flat.
 */
export class CardPool {
  private readonly workerUrl = new URL('./cardWorker.ts', import.meta.url);
  private readonly size = Math.max(1, Math.min(4, availableParallelism()));
  private readonly cardsPerWorker = 150;
  private idle: { worker: Worker; rendered: number }[] = [];
  private waiting: (() => void)[] = [];
  private started = 0;
  private nextId = 0;

  private async acquire(): Promise<{ worker: Worker; rendered: number }> {
    for (;;) {
      const free = this.idle.pop();
      if (free) return free;
      if (this.started < this.size) {
        this.started++;
        return { worker: new Worker(this.workerUrl), rendered: 0 };
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(slot: { worker: Worker; rendered: number }): void {
    if (slot.rendered >= this.cardsPerWorker) {
      void slot.worker.terminate();
      this.started--;
    } else this.idle.push(slot);
    this.waiting.shift()?.();
  }

  /** How many cards can usefully be in flight at once. */
  get concurrency(): number {
    return this.size;
  }

  async render(card: OgCard): Promise<Buffer> {
    const slot = await this.acquire();
    const id = this.nextId++;
    try {
      return await new Promise<Buffer>((resolve, reject) => {
        const onMessage = (message: { id: number; png?: Uint8Array; error?: string }) => {
          if (message.id !== id) return;
          slot.worker.off('message', onMessage);
          if (message.png) resolve(Buffer.from(message.png));
          else reject(new Error(`preview card "${card.title}": ${message.error}`));
        };
        slot.worker.on('message', onMessage);
        slot.worker.postMessage({ id, card });
      });
    } finally {
      slot.rendered++;
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.idle.map((slot) => slot.worker.terminate()));
    this.idle = [];
  }
}
