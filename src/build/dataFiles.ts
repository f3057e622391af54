import { cpSync, existsSync, renameSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { chosenAudience } from '../lib/audience.ts';
import { dataFilesOf, dataFileText, type DataFile } from '../lib/export/dataFiles.ts';
import { downloadTables } from '../lib/export/dataTables.ts';
import { translator } from '../lib/i18n/index.ts';
import type { ResolvedReport } from '../lib/model.ts';
import { hasMermaidFence } from '../lib/remark/needsTransform.ts';

/**
 * The data downloads (the CSV and JSON behind every table), written by the build beside Astro's
 * pages rather than as Astro routes: Astro renders its routes one after the other and waits for
 * each file to be written, which at M (3,370 files) took 3.5 s of the page rendering for about
 * 0.1 s of work. Written while Astro builds, into the staging's scratch folder (Astro empties its
 * output folder when its build starts), then moved into the build with one rename.
 */
export interface DataFilesJob {
  /** Settles once every file is written: how many. */
  written: Promise<number>;
  /** The folder holding `data/`. */
  dir: string;
}

/** Files written at once: few, so that libuv's four threads stay free for Astro's own reads and writes. */
const WRITES_IN_FLIGHT = 2;

/**
 * The Mermaid journeys the edition's MDX bodies draw, as src/site/sketches.ts finds them in Astro's
 * collections. unified is loaded only when a body has a Mermaid fence.
 */
async function sketchSources(
  report: ResolvedReport,
  bodies: ReadonlyMap<string, { text: string }>,
): Promise<string[]> {
  const entries = [...report.personas, ...report.journeys, ...report.stages, ...report.touchpoints];
  const withFences = [...new Set(entries.map((entry) => entry.file))]
    .map((file) => bodies.get(file)?.text ?? '')
    .filter(hasMermaidFence);
  if (withFences.length === 0) return [];
  const { mermaidSketchesShown } = await import('../lib/export/sketchesShown.ts');
  const audience = chosenAudience(report.data);
  return withFences.flatMap((body) => mermaidSketchesShown(body, audience));
}

/** Writes the files under `dir`, a few at a time, each folder made once. */
async function writeAll(files: readonly DataFile[], dir: string): Promise<number> {
  const folders = new Map<string, Promise<unknown>>();
  let next = 0;
  const writer = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const target = join(dir, file.path);
      const folder = dirname(target);
      if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
      await folders.get(folder);
      await writeFile(target, dataFileText(file));
    }
  };
  await Promise.all(Array.from({ length: WRITES_IN_FLIGHT }, writer));
  return files.length;
}

/** Starts writing the report's data files into `dir` (the bodies are the MDX prose by file, for the Mermaid sketches). */
export function startDataFiles(
  report: ResolvedReport,
  bodies: ReadonlyMap<string, { text: string }>,
  dir: string,
): DataFilesJob {
  const written = sketchSources(report, bodies).then((sketches) =>
    writeAll(dataFilesOf(downloadTables(report, translator(report.data.locale), sketches)), dir),
  );
  // Awaited after Astro's build; a failure before then must not end the process unreported.
  written.catch(() => undefined);
  return { written, dir };
}

/** Waits for the files and moves `data/` into the build. Returns how many were written. */
export async function placeDataFiles(job: DataFilesJob, outDir: string): Promise<number> {
  const count = await job.written;
  if (count === 0) return 0;
  const [written, target] = [join(job.dir, 'data'), join(outDir, 'data')];
  // A report's public/data/ folder is already there: merge into it.
  if (existsSync(target)) cpSync(written, target, { recursive: true });
  else renameSync(written, target);
  return count;
}
