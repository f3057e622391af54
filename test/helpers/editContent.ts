import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Problem } from '../../src/lib/problems.ts';
import { validateContent } from '../../src/lib/validate/index.ts';
import { copyFixture } from './build.ts';

/** Edits to a copy of a fixture report, each failing loudly when the fixture has changed under it. */
export interface Editor {
  replace(file: string, from: string, to: string): void;
  write(file: string, text: string): void;
  move(from: string, to: string): void;
}

export function editorFor(dir: string): Editor {
  return {
    replace(file, from, to) {
      const path = join(dir, file);
      const text = readFileSync(path, 'utf8');
      if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
      writeFileSync(path, text.replace(from, to));
    },
    write(file, text) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    },
    move(from, to) {
      mkdirSync(dirname(join(dir, to)), { recursive: true });
      renameSync(join(dir, from), join(dir, to));
    },
  };
}

/** The problems of a copy of the minimal report after replacing text in its files. */
export function problemsAfterEdits(edits: [file: string, from: string, to: string][]): Problem[] {
  const dir = copyFixture();
  const editor = editorFor(dir);
  for (const [file, from, to] of edits) editor.replace(file, from, to);
  return validateContent(dir, dir).problems;
}
