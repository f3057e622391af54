import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { OgCard } from '../lib/og/cards.ts';

/**
 * Renders preview cards on worker threads, one per core (at most four), started when first
 * needed and kept for the whole step: starting one costs about half a second of CPU (satori,
 * its WebAssembly layout engine and the fonts), and each keeps its own memory flat.
 */
export class CardPool {
  private readonly workerUrl = new URL('./cardWorker.ts', import.meta.url);
  private readonly size = Math.max(1, Math.min(4, availableParallelism()));
  private readonly workers: Worker[] = [];
  private idle: Worker[] = [];
  private waiting: (() => void)[] = [];
  private nextId = 0;

  private async acquire(): Promise<Worker> {
    for (;;) {
      const free = this.idle.pop();
      if (free) return free;
      if (this.workers.length < this.size) {
        const worker = new Worker(this.workerUrl);
        this.workers.push(worker);
        return worker;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(worker: Worker): void {
    this.idle.push(worker);
    this.waiting.shift()?.();
  }

  /** How many cards can usefully be in flight at once. */
  get concurrency(): number {
    return this.size;
  }

  async render(card: OgCard): Promise<Buffer> {
    const worker = await this.acquire();
    const id = this.nextId++;
    try {
      return await new Promise<Buffer>((resolve, reject) => {
        const onMessage = (message: { id: number; png?: Uint8Array; error?: string }) => {
          if (message.id !== id) return;
          worker.off('message', onMessage);
          if (message.png) resolve(Buffer.from(message.png.buffer, message.png.byteOffset, message.png.byteLength));
          else reject(new Error(`preview card "${card.title}": ${message.error}`));
        };
        worker.on('message', onMessage);
        worker.postMessage({ id, card });
      });
    } finally {
      this.release(worker);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers.length = 0;
    this.idle = [];
  }
}
