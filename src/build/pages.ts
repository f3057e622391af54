import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every HTML page of a built site: its file and its path relative to the base (`journeys/x/`). */
export function builtPages(outDir: string): { file: string; path: string }[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => {
      const file = join(e.parentPath, e.name);
      const rel = relative(outDir, file).split(sep).join('/');
      return { file, path: rel.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '') };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
