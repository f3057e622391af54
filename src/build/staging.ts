import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * Atomic builds. Astro builds into a staging folder inside the project; preview cards, search,
 * robots.txt and encryption all finish there; only then is the result swapped into the output
 * folder with renames. So the output folder holds the previous complete build until the new one
 * has succeeded, and a protected report's plaintext pages never leave the staging folder.
 */

/** Inside the project (gitignored): Astro resolves its prerender chunks' packages from here. */
export const STAGING_ROOT = '.itinera-tmp/staging';

/** A build's own folders carry its process id, so a later run can tell which ones are stale. */
const runTag = () => `${process.pid}-${randomBytes(4).toString('hex')}`;
/** A tagged name, or a staging folder's scratch folder (`<tag>.scratch`). */
const TAGGED = /^(\d+)-[0-9a-f]{8}(\.scratch)?$/;

export interface Staging {
  /** Where Astro and every after-build step write. */
  dir: string;
  /**
   * A folder of the build's own beside `dir`, for files written while Astro builds (Astro empties
   * `dir` when its build starts); removed with `dir`.
   */
  scratch: string;
  /** The output folder the finished build replaces. */
  outDir: string;
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A tagged name whose build is no longer running. */
function staleTag(name: string, prefix = ''): boolean {
  if (!name.startsWith(prefix)) return false;
  const match = TAGGED.exec(name.slice(prefix.length));
  return match !== null && !isAlive(Number(match[1]));
}

/** Names of the folders next to the output folder that a swap uses. */
const incomingPrefix = (outDir: string) => `.${basename(outDir)}.itinera-new-`;
const retiredPrefix = (outDir: string) => `.${basename(outDir)}.itinera-old-`;

/**
 * Removes what interrupted builds left: their staging folders, and half-swapped folders next to
 * the output. When a build died between its two renames, the previous output is put back first.
 */
export function cleanStaleBuilds(projectRoot: string, outDir: string): void {
  const stagingRoot = join(projectRoot, STAGING_ROOT);
  if (existsSync(stagingRoot)) {
    for (const name of readdirSync(stagingRoot))
      if (staleTag(name)) rmSync(join(stagingRoot, name), { recursive: true, force: true });
  }
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    const retired = staleTag(name, retiredPrefix(outDir));
    if (!retired && !staleTag(name, incomingPrefix(outDir))) continue;
    if (retired && !existsSync(outDir)) renameSync(join(parent, name), outDir);
    else rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/** Why an output folder cannot be replaced as a whole, or undefined when it can. */
export function unsafeOutDir(
  projectRoot: string,
  outDir: string,
  contentDir: string,
): string | undefined {
  if (isInside(projectRoot, outDir)) return 'it contains the project folder';
  if (isInside(contentDir, outDir)) return 'it contains the report folder';
  if (isInside(outDir, contentDir)) return 'it is inside the report folder';
  const stagingRoot = join(projectRoot, STAGING_ROOT);
  if (isInside(stagingRoot, outDir)) return `it contains ${STAGING_ROOT}`;
  if (isInside(outDir, stagingRoot)) return `it is inside ${STAGING_ROOT}`;
  return undefined;
}

/** Cleans up after interrupted builds and makes this build's staging folder. */
export function startStaging(projectRoot: string, outDir: string): Staging {
  const resolved = resolve(outDir);
  cleanStaleBuilds(projectRoot, resolved);
  const dir = join(projectRoot, STAGING_ROOT, runTag());
  mkdirSync(dir, { recursive: true });
  return { dir, scratch: `${dir}.scratch`, outDir: resolved };
}

/**
 * Moves a folder: a rename, or across file systems (where rename fails with EXDEV) a copy and
 * then removal of the source. The target is a new folder beside the output, never the output.
 */
export function moveFolder(
  from: string,
  to: string,
  rename: (from: string, to: string) => void = renameSync,
): void {
  try {
    rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true, verbatimSymlinks: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Swaps the finished build into the output folder. The new build first moves next to the output
 * (same file system, so the swap itself is two renames), the previous output is renamed away, the
 * new one renamed into place, and only then is the previous one deleted.
 */
export function publishStaging(staging: Staging): void {
  const { dir, outDir } = staging;
  rmSync(staging.scratch, { recursive: true, force: true });
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const tag = runTag();
  const incoming = join(parent, incomingPrefix(outDir) + tag);
  moveFolder(dir, incoming);
  if (!existsSync(outDir)) {
    renameSync(incoming, outDir);
    return;
  }
  const retired = join(parent, retiredPrefix(outDir) + tag);
  renameSync(outDir, retired);
  renameSync(incoming, outDir);
  rmSync(retired, { recursive: true, force: true });
}

/**
 * Removes the staging and scratch folders when the process ends before publishing: on an error (Astro exits
 * without a hook), Ctrl-C or SIGTERM. Only a SIGKILL or a power cut leaves it for the next build.
 */
export function discardOnExit(staging: Staging): void {
  const discard = () => {
    try {
      // Astro may still have writes in flight: retry while they land.
      for (const folder of [staging.dir, staging.scratch])
        rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    } catch {
      // What cannot be removed now, the next build removes.
    }
  };
  process.once('exit', discard);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      discard();
      // The listener is gone now: the signal's default action ends the process as usual.
      process.kill(process.pid, signal);
    });
  }
}
