import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startLowPriorityWorker } from './lowPriority.ts';
import type { OgCard } from '../lib/og/cards.ts';

const YOUNG_GENERATION_MB = 4;

/** What the pool asks a card worker (src/build/cardWorker.ts): one card, a batch for the cache, or to stop that batch. */
export type WorkerRequest =
  { id: number; card: OgCard } | { fill: OgCard[]; cacheDir: string } | { stop: true };

/** A worker's answer: a card's PNG or error, a card of the batch drawn into the cache, or the batch ended. */
export type WorkerReply =
  { id: number; png?: Uint8Array; error?: string } | { drawn: string } | { filled: true };

/** Cards a pool draws into the cache on its own: see `CardPool.fillCache`. */
export interface CacheFill {
  /** Stops taking new cards, waits for those in hand, and gives the hashes of the cards drawn. */
  stop(): Promise<Set<string>>;
}

/** One card worker per core, at most four. */
export const FULL_POOL = Math.max(1, Math.min(4, availableParallelism()));

/**
 * Renders preview cards on worker threads, `size` of them (one per core, at most four, unless
 * told fewer), started when first needed and kept for the whole build: starting one costs about
 * half a second of CPU (satori, HarfBuzz, their WebAssembly and the fonts), and each keeps its
 * own memory flat.
 */
export class CardPool {
  private readonly workerUrl = new URL('./cardWorker.ts', import.meta.url);
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private waiting: (() => void)[] = [];
  private nextId = 0;

  private size: number;
  private holdsProcess = true;

  constructor(size = FULL_POOL) {
    this.size = size;
  }

  /** Lets the pool start more workers, up to `size`. */
  grow(size: number): void {
    this.size = Math.max(this.size, size);
    for (let i = this.workers.length; i < this.size; i++) this.waiting.shift()?.();
  }

  private async acquire(): Promise<Worker> {
    for (;;) {
      const free = this.idle.pop();
      if (free) return free;
      if (this.workers.length < this.size) {
        // A small young generation: collected often, a worker's memory stays about 75 MB lower
        // (it now lives beside Astro's heap at its peak) for no measurable CPU.
        const worker = startLowPriorityWorker(this.workerUrl, {
          resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
        });
        if (!this.holdsProcess) worker.unref();
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

  /**
   * Whether the workers keep the process alive. Cards drawn ahead of need should not: a build
   * that stops before its card step must be able to exit.
   */
  holdProcess(hold: boolean): void {
    this.holdsProcess = hold;
    for (const worker of this.workers) {
      if (hold) worker.ref();
      else worker.unref();
    }
  }

  /**
   * Draws `cards` into the cache on every worker the pool may start, each worker taking every
   * n-th card and going through them without waiting on this thread, which may be busy (Astro
   * renders pages on it). Cards already in the cache are skipped. The workers stay in the pool.
   */
  fillCache(cards: OgCard[], cacheDir: string): CacheFill {
    const drawn = new Set<string>();
    const filling: Worker[] = [];
    let stopped = false;
    const shares = Array.from({ length: this.size }, (_, i) =>
      cards.filter((_, n) => n % this.size === i),
    ).filter((share) => share.length > 0);
    const finished = Promise.all(
      shares.map(async (share) => {
        const worker = await this.acquire();
        filling.push(worker);
        const ended = await new Promise<'filled' | 'exit'>((resolve) => {
          const onMessage = (message: WorkerReply) => {
            if ('drawn' in message) drawn.add(message.drawn);
            else if ('filled' in message) end('filled');
          };
          const onExit = () => end('exit');
          const end = (how: 'filled' | 'exit') => {
            worker.off('message', onMessage).off('exit', onExit);
            resolve(how);
          };
          worker.on('message', onMessage).on('exit', onExit);
          worker.postMessage({ fill: share, cacheDir } satisfies WorkerRequest);
          if (stopped) worker.postMessage({ stop: true } satisfies WorkerRequest);
        });
        // A worker that died is dropped; the card step draws what it left.
        if (ended === 'filled') this.release(worker);
        else this.workers = this.workers.filter((w) => w !== worker);
      }),
    );
    return {
      stop: async () => {
        stopped = true;
        for (const worker of filling) worker.postMessage({ stop: true } satisfies WorkerRequest);
        await finished;
        return drawn;
      },
    };
  }

  async render(card: OgCard): Promise<Buffer> {
    const worker = await this.acquire();
    const id = this.nextId++;
    try {
      return await new Promise<Buffer>((resolve, reject) => {
        const onMessage = (message: WorkerReply) => {
          if (!('id' in message) || message.id !== id) return;
          worker.off('message', onMessage);
          if (message.png)
            resolve(
              Buffer.from(message.png.buffer, message.png.byteOffset, message.png.byteLength),
            );
          else reject(new Error(`preview card "${card.title}": ${message.error}`));
        };
        worker.on('message', onMessage);
        worker.postMessage({ id, card } satisfies WorkerRequest);
      });
    } finally {
      this.release(worker);
    }
  }

  /** CPU milliseconds the workers have spent so far (user and system), read before close(). */
  async cpuMs(): Promise<number> {
    const usages = await Promise.all(this.workers.map((worker) => worker.cpuUsage()));
    return usages.reduce((sum, { user, system }) => sum + (user + system) / 1000, 0);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers = [];
    this.idle = [];
  }
}
