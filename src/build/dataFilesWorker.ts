import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { chosenAudience } from '../lib/audience.ts';
import { dataFilesOf, dataFileText } from '../lib/export/dataFiles.ts';
import { downloadTables } from '../lib/export/dataTables.ts';
import { translator } from '../lib/i18n/index.ts';
import { resolveReport, type ResolvedReport } from '../lib/model.ts';
import { hasMermaidFence } from '../lib/remark/needsTransform.ts';
import type { DataFilesTask } from './dataFiles.ts';

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

/** Writes every data file of the report under `dir`; returns how many. */
async function writeDataFiles({ sources, bodies, dir }: DataFilesTask): Promise<number> {
  const report = resolveReport(sources);
  const sketches = await sketchSources(report, bodies);
  const files = dataFilesOf(downloadTables(report, translator(report.data.locale), sketches));
  const folders = new Set<string>();
  for (const file of files) {
    const target = join(dir, file.path);
    const folder = dirname(target);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(target, dataFileText(file));
  }
  return files.length;
}

parentPort!.postMessage(await writeDataFiles(workerData as DataFilesTask));
