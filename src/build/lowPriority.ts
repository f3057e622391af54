import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread that runs `module` at the lowest CPU priority. Background workers (card
 * drawing, data files) run beside Astro, whose main thread, bundler threads and file writes the
 * build waits on; a thread at the lowest priority still gets every core nothing else wants.
 * Linux only: there the nice value belongs to the calling thread, elsewhere to the whole process,
 * so elsewhere the worker keeps the build's priority.
 */
export function startLowPriorityWorker(module: URL, options: WorkerOptions = {}): Worker {
  return new Worker(new URL('./lowPriorityEntry.ts', import.meta.url), {
    ...options,
    argv: [module.href],
  });
}
