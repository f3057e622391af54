import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CardPool } from '../src/build/cardPool.ts';
import { startDataFiles } from '../src/build/dataFiles.ts';
import { startLowPriorityWorker } from '../src/build/lowPriority.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { exampleContent } from './helpers/build.ts';
import { reportCards } from './helpers/reportCards.ts';

/** The nice value of each worker thread of this process (Linux names them "WorkerThread"). */
function workerThreadPriorities(): number[] {
  return readdirSync('/proc/self/task').flatMap((thread) => {
    const stat = readFileSync(`/proc/self/task/${thread}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    // Field 19 of stat is the nice value; the fields after the name start at field 3.
    const nice = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    return name === 'WorkerThread' ? [nice] : [];
  });
}

const linux = process.platform === 'linux';

describe('background workers', () => {
  it.runIf(linux)(
    'run at the lowest CPU priority from before their modules load, and leave the thread that builds the pages at its own',
    async () => {
      const before = getPriority();
      const probe = `import { getPriority } from 'node:os';
        import { parentPort } from 'node:worker_threads';
        parentPort.postMessage(getPriority());`;
      const worker = startLowPriorityWorker(
        new URL(`data:text/javascript,${encodeURIComponent(probe)}`),
      );
      expect(await new Promise((resolve) => worker.once('message', resolve))).toBe(19);
      await worker.terminate();
      expect(getPriority()).toBe(before);
      // Node loads and compiles every static import of a module before any of them runs: the
      // entry may import nothing of its own, or the worker's modules would load at full priority.
      const entry = readFileSync(
        new URL('../src/build/lowPriorityEntry.ts', import.meta.url),
        'utf8',
      );
      const imports = [...entry.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
      expect(imports.length).toBeGreaterThan(0);
      for (const specifier of imports) expect(specifier).toMatch(/^node:/);
    },
  );

  it.runIf(linux)('draw the cards and write the data files at that priority', async () => {
    const pool = new CardPool(1);
    await pool.render(reportCards(exampleContent)[0]!);
    expect(workerThreadPriorities()).toEqual([19]);
    await pool.close();

    const { sources, bodies } = validateContent(exampleContent, exampleContent);
    const job = startDataFiles(
      sources!,
      bodies,
      join(mkdtempSync(join(tmpdir(), 'itinera-')), 'x'),
    );
    const seen = new Set<number>();
    let done = false;
    void job.written.finally(() => (done = true));
    while (!done) {
      for (const nice of workerThreadPriorities()) seen.add(nice);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(seen).toContain(19);
    expect(await job.written).toBeGreaterThan(0);
  });
});
