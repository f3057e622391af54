import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeDataFiles, startDataFiles } from '../src/build/dataFiles.ts';
import { chosenAudience } from '../src/lib/audience.ts';
import { dataFilesOf, dataFileText } from '../src/lib/export/dataFiles.ts';
import { downloadTables } from '../src/lib/export/dataTables.ts';
import { mermaidSketchesShown } from '../src/lib/export/sketchesShown.ts';
import { translator } from '../src/lib/i18n/index.ts';
import { resolveReport } from '../src/lib/model.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { exampleContent } from './helpers/build.ts';
import { exampleSite } from './helpers/sharedBuild.ts';

const validation = validateContent(exampleContent, exampleContent);
const example = resolveReport(validation.sources!);
const sketches = [...validation.bodies.values()].flatMap((body) =>
  mermaidSketchesShown(body.text, chosenAudience(example.data)),
);
const expected = dataFilesOf(downloadTables(example, translator(example.data.locale), sketches));

/** Every file under `dir`, by its path from `dir`. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

describe('data downloads written by the build', () => {
  it('writes every table of the report as CSV and JSON, Mermaid sketches included, and moves them into the build', async () => {
    expect(expected.some((file) => file.path.startsWith('data/sketches/'))).toBe(true);
    const scratch = mkdtempSync(join(tmpdir(), 'itinera-data-'));
    const outDir = mkdtempSync(join(tmpdir(), 'itinera-out-'));
    // A report's own public/data/ folder is copied into the build before: it stays.
    mkdirSync(join(outDir, 'data'));
    writeFileSync(join(outDir, 'data/README.txt'), 'kept');
    const job = startDataFiles(validation.sources!, validation.bodies, scratch);
    expect(await placeDataFiles(job, outDir)).toBe(expected.length);
    expect(filesUnder(join(outDir, 'data'))).toEqual(
      [...expected.map((file) => file.path.slice('data/'.length)), 'README.txt'].sort(),
    );
    for (const file of expected)
      expect(readFileSync(join(outDir, file.path), 'utf8'), file.path).toBe(dataFileText(file));
  });

  it('the built example site holds exactly those files, with the same text', () => {
    const outDir = exampleSite();
    expect(filesUnder(join(outDir, 'data'))).toEqual(
      expected.map((file) => file.path.slice('data/'.length)).sort(),
    );
    for (const file of expected)
      expect(readFileSync(join(outDir, file.path), 'utf8'), file.path).toBe(dataFileText(file));
  });
});
