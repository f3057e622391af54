import { relative, sep } from 'node:path';
import { htmlFiles } from '../lib/linkCheck.ts';

/** Every HTML page of a built site: its file and its path relative to the base (`journeys/x/`). */
export function builtPages(outDir: string): { file: string; path: string }[] {
  return htmlFiles(outDir)
    .map((file) => {
      const rel = relative(outDir, file).split(sep).join('/');
      return { file, path: rel.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '') };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
