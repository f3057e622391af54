import { mkdtempSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../src/lib/validate/index.ts';
import { exampleContent } from './helpers/build.ts';

/** The nice value of a worker thread once it has run `module` (the worker's own file, given the data it is started with). */
function workerPriority(module: URL, workerData?: unknown): Promise<number> {
  const script = `import(${JSON.stringify(module.href)}).then(() =>
    require('node:worker_threads').parentPort.postMessage({ priority: require('node:os').getPriority() }))`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { eval: true, workerData });
    worker.on('message', (message: { priority?: number }) => {
      if (message.priority === undefined) return;
      resolve(message.priority);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('background workers', () => {
  it.runIf(process.platform === 'linux')(
    'draw cards and write data files at the lowest CPU priority, and leave the thread that builds the pages at its own',
    async () => {
      const before = getPriority();
      const worker = (file: string) => new URL(`../src/build/${file}`, import.meta.url);
      const { sources, bodies } = validateContent(exampleContent, exampleContent);
      const task = { sources, bodies, dir: join(mkdtempSync(join(tmpdir(), 'itinera-')), 'x') };
      expect(await workerPriority(worker('cardWorker.ts'))).toBe(19);
      expect(await workerPriority(worker('dataFilesWorker.ts'), task)).toBe(19);
      expect(getPriority()).toBe(before);
    },
  );
});
