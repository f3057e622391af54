import { cpSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startLowPriorityWorker } from './lowPriority.ts';
import type { ReportSources } from '../lib/model.ts';

/**
 * The data downloads (the CSV and JSON behind every table), written by the build beside Astro's
 * pages rather than as Astro routes: Astro renders its routes one after the other and waits for
 * each file to be written, which at M (3,370 files) took 3.5 s of the page rendering for about
 * 0.1 s of work. A worker thread writes them while Astro builds, into the staging's scratch
 * folder (Astro empties its output folder when its build starts), and `placeDataFiles` moves them
 * into the build with one rename. On the main thread, even asynchronous writes cost the
 * start-up of a small report a third of a second.
 */
export interface DataFilesJob {
  /** Settles once every file is written: how many. */
  written: Promise<number>;
  /** The folder holding `data/`. */
  dir: string;
  /** The thread writing them, held so the build waits for it once Astro is done. */
  worker: Worker;
}

/** What the worker (src/build/dataFilesWorker.ts) is given: the edition's sources, the MDX bodies by file, the folder. */
export interface DataFilesTask {
  /** The edition's validated sources, resolved again on the worker. */
  sources: ReportSources;
  /** The prose of each MDX file, by file, for the Mermaid sketches' downloads. */
  bodies: ReadonlyMap<string, { text: string }>;
  /** The folder to write `data/` into. */
  dir: string;
}

/** Starts writing the report's data files into `dir` on a worker thread. */
export function startDataFiles(
  sources: ReportSources,
  bodies: ReadonlyMap<string, { text: string }>,
  dir: string,
): DataFilesJob {
  const task: DataFilesTask = { sources, bodies, dir };
  const worker = startLowPriorityWorker(new URL('./dataFilesWorker.ts', import.meta.url), {
    workerData: task,
  });
  // Does not keep a build that failed in Astro alive; `placeDataFiles` waits for it.
  worker.unref();
  const written = new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the data files' worker stopped (${code})`)));
  });
  // Awaited after Astro's build; a failure before then must not end the process unreported.
  written.catch(() => undefined);
  return { written, dir, worker };
}

/** Waits for the files and moves `data/` into the build. Returns how many were written. */
export async function placeDataFiles(job: DataFilesJob, outDir: string): Promise<number> {
  job.worker.ref();
  const count = await job.written;
  if (count === 0) return 0;
  const [written, target] = [join(job.dir, 'data'), join(outDir, 'data')];
  // A report's public/data/ folder is already there: merge into it.
  if (existsSync(target)) cpSync(written, target, { recursive: true });
  else renameSync(written, target);
  return count;
}
