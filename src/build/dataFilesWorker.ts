import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { dataFilesOf, dataFileText } from '../lib/export/dataFiles.ts';
import { downloadTables } from '../lib/export/dataTables.ts';
import { translator } from '../lib/i18n/index.ts';
import { resolveReport } from '../lib/model.ts';
import { mermaidSketchSources } from '../lib/export/sketchSources.ts';
import type { DataFilesTask } from './dataFiles.ts';

/** Writes every data file of the report under `dir`; returns how many. */
async function writeDataFiles({ sources, bodies, dir }: DataFilesTask): Promise<number> {
  const report = resolveReport(sources);
  const sketches = await mermaidSketchSources(report, (entry) => bodies.get(entry.file)?.text);
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
