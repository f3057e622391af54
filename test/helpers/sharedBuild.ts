/**
 * One build per fixture, shared by every test file that reads it and reused by later runs while
 * nothing it depends on changes. A build starts only when a test asks for it, so unit tests
 * build nothing. Builds sit in `.itinera-tmp/test-builds/<key>/`, the key hashing the fixture's
 * files, Itinera's sources, the last commit of the fixture (its history pages come from git), the
 * build's environment and the day; a lock folder makes parallel test files wait for one build
 * instead of starting their own.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { filesBelow } from '../../src/lib/files.ts';
import { buildSite, exampleContent, projectRoot, type BuildResult } from './build.ts';

const buildsRoot = join(projectRoot, '.itinera-tmp/test-builds');
/** The folders and files of Itinera itself that a build reads. */
const SOURCES = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];
/** Complete builds kept for other keys (other branches, edits undone) before the oldest go. */
const KEPT_BUILDS = 6;
/** A lock whose owner is gone, or older than this, is taken over. */
const STALE_LOCK_MS = 20 * 60_000;

const builtHere = new Map<string, BuildResult>();

function hashFiles(hash: ReturnType<typeof createHash>, root: string): void {
  const files = statSync(root, { throwIfNoEntry: false })?.isDirectory()
    ? filesBelow(root).sort()
    : existsSync(root)
      ? [root]
      : [];
  for (const file of files)
    hash
      .update(relative(projectRoot, file).split(sep).join('/'))
      .update('\0')
      .update(readFileSync(file))
      .update('\0');
}

/** What decides a build's output: the fixture, the sources, the commit, the environment and the day. */
function buildKey(contentDir: string): string {
  const hash = createHash('sha256');
  hashFiles(hash, contentDir);
  for (const source of SOURCES) hashFiles(hash, join(projectRoot, source));
  // The report's history pages come from the commits that touched its folder.
  const lastCommit = spawnSync('git', ['log', '-1', '--format=%H', '--', contentDir], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  hash.update(lastCommit.status === 0 ? lastCommit.stdout : 'no git');
  const environment = Object.entries(process.env).filter(([name]) =>
    /^(ITINERA_|SITE$|BASE$|CI$)/.test(name),
  );
  hash.update(JSON.stringify(environment.sort()));
  // KPI freshness is judged against today.
  hash.update(process.version).update(new Date().toISOString().slice(0, 10));
  return hash.digest('hex').slice(0, 16);
}

/** Blocks this worker for a while: builds run in other processes, there is nothing else to do. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Whether the process that took a lock still runs and has not held it for too long. */
function ownerAlive(lock: string): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(lock).mtimeMs;
  } catch {
    return false; // released meanwhile
  }
  let pid = 0;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    // Just taken, its pid not yet written; or released meanwhile.
  }
  if (!pid) return age < 10_000;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return age < STALE_LOCK_MS;
}

/** Takes the lock of a build folder, waiting while another process holds it. */
function acquire(lock: string): void {
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (!ownerAlive(lock)) rmSync(lock, { recursive: true, force: true });
    else sleep(500);
  }
}

/** Removes the oldest complete builds beyond KEPT_BUILDS; never one being built. */
function pruneOldBuilds(): void {
  const complete = readdirSync(buildsRoot)
    .filter(
      (name) =>
        !name.endsWith('.lock') &&
        !existsSync(join(buildsRoot, `${name}.lock`)) &&
        existsSync(join(buildsRoot, name, 'result.json')),
    )
    .map((name) => ({ name, time: statSync(join(buildsRoot, name, 'result.json')).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { name } of complete.slice(KEPT_BUILDS))
    rmSync(join(buildsRoot, name), { recursive: true, force: true });
}

/**
 * The build of a report folder with default settings: reused when one with the same key exists,
 * else built now (once, whichever test file asks first). A failed build is returned, not kept.
 */
export function sharedBuild(contentDir: string): BuildResult {
  const key = buildKey(contentDir);
  const known = builtHere.get(key);
  if (known) return known;
  const dir = join(buildsRoot, key);
  const resultFile = join(dir, 'result.json');
  const lock = `${dir}.lock`;
  mkdirSync(buildsRoot, { recursive: true });
  acquire(lock);
  let result: BuildResult;
  try {
    if (existsSync(resultFile)) {
      result = JSON.parse(readFileSync(resultFile, 'utf8')) as BuildResult;
    } else {
      rmSync(dir, { recursive: true, force: true });
      result = buildSite(contentDir, { outDir: join(dir, 'dist'), cacheDir: join(dir, 'cache') });
      if (result.status === 0) writeFileSync(resultFile, JSON.stringify(result));
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  if (result.status === 0) pruneOldBuilds();
  builtHere.set(key, result);
  return result;
}

/** The example report, built (or reused) on first use; throws with the build's output if it fails. */
export function exampleBuild(): BuildResult {
  const build = sharedBuild(exampleContent);
  if (build.status !== 0) throw new Error(`The example report did not build:\n${build.output}`);
  return build;
}

/** Folder of the built example report. */
export function exampleSite(): string {
  return exampleBuild().outDir;
}
