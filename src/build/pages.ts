import { relative, sep } from 'node:path';
import { filesBelow } from '../lib/files.ts';

/** Every HTML file below a built site's folder. */
export function htmlFiles(dir: string): string[] {
  return filesBelow(dir, (name) => name.endsWith('.html'));
}

/** Every HTML page of a built site: its file and its path relative to the base (`journeys/x/`). */
export function builtPages(outDir: string): { file: string; path: string }[] {
  return htmlFiles(outDir)
    .map((file) => {
      const rel = relative(outDir, file).split(sep).join('/');
      return { file, path: rel.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '') };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
