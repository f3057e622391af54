import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file below `dir`, sub-folders included, whose name `keep` accepts (all files, dotfiles
 * too, unless told), in the order the file system lists them. A folder that does not exist
 * holds no files.
 */
export function filesBelow(dir: string, keep: (name: string) => boolean = () => true): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}
