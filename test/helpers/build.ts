import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { filesBelow } from '../../src/lib/files.ts';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const exampleContent = join(projectRoot, 'content');
/** The Italian, branded example report. */
export const italianContent = join(projectRoot, 'examples/it/content');
export const minimalFixture = join(projectRoot, 'test/fixtures/minimal');
/** Laid over a copy of the minimal report: a future state of its `shoe-shop` journey. */
export const futureStateOverlay = join(projectRoot, 'test/fixtures/future-state');
const buildsDir = join(projectRoot, '.itinera-tmp/builds');

/** Vitest puts Vite's own variables into process.env; a child build must not inherit them. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of [
    'BASE_URL',
    'MODE',
    'DEV',
    'PROD',
    'SSR',
    'VITEST',
    'VITEST_MODE',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
    'NODE_ENV',
  ])
    delete env[key];
  return env;
}

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

type BuildOptions = { base?: string; outDir?: string; cacheDir?: string; env?: NodeJS.ProcessEnv };

/** The `astro build` command line for a report folder, writing into a fresh temporary folder unless told where. */
function buildCommand(contentDir: string, options: BuildOptions) {
  // Inside the project, so parallel builds never share a folder.
  mkdirSync(buildsDir, { recursive: true });
  const work = mkdtempSync(join(buildsDir, 'build-'));
  const outDir = options.outDir ?? join(work, 'dist');
  const env = {
    ...childEnv(),
    ITINERA_CONTENT: contentDir,
    ITINERA_OUT_DIR: outDir,
    ITINERA_CACHE_DIR: options.cacheDir ?? join(work, 'cache'),
    BASE: options.base ?? '/',
    ASTRO_TELEMETRY_DISABLED: '1',
    ...options.env,
  };
  return {
    args: [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'],
    spawnOptions: { cwd: projectRoot, env },
    outDir,
  };
}

/** Runs `astro build` on a report folder in a child process, into a fresh temporary folder. */
export function buildSite(contentDir: string, options: BuildOptions = {}): BuildResult {
  const { args, spawnOptions, outDir } = buildCommand(contentDir, options);
  const result = spawnSync(process.execPath, args, { ...spawnOptions, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/**
 * Starts `astro build` and kills it (SIGKILL unless told, as a cancelled CI job or an
 * out-of-memory kill would) as soon as its output matches `killAt`; resolves once it has ended.
 */
export function buildKilledAt(
  contentDir: string,
  killAt: RegExp,
  options: BuildOptions & { signal?: NodeJS.Signals } = {},
): Promise<BuildResult & { killed: boolean }> {
  const signal = options.signal ?? 'SIGKILL';
  const { args, spawnOptions, outDir } = buildCommand(contentDir, options);
  const child = spawn(process.execPath, args, spawnOptions);
  let output = '';
  const watch = (chunk: Buffer) => {
    output += chunk.toString();
    // Colours are on where CI is set: match the text, not its escape codes.
    if (!child.killed && killAt.test(stripVTControlCharacters(output))) child.kill(signal);
  };
  child.stdout.on('data', watch);
  child.stderr.on('data', watch);
  return new Promise((done) =>
    child.on('close', (status, ended) =>
      done({ status, output: stripVTControlCharacters(output), outDir, killed: ended === signal }),
    ),
  );
}

/** A writable copy of a fixture report, to break on purpose. */
export function copyFixture(source = minimalFixture): string {
  const target = join(mkdtempSync(join(tmpdir(), 'itinera-content-')), 'content');
  cpSync(source, target, { recursive: true });
  return target;
}

/** A writable copy of the minimal report with the future state of `shoe-shop` added. */
export function copyFutureStateFixture(): string {
  const target = copyFixture();
  cpSync(futureStateOverlay, target, { recursive: true });
  return target;
}

/** Sets `visibility` in a copied report's report.yaml. */
export function setVisibility(dir: string, visibility: string) {
  const report = join(dir, 'report.yaml');
  writeFileSync(
    report,
    readFileSync(report, 'utf8').replace('summary:', `visibility: ${visibility}\nsummary:`),
  );
}

/** `file: marker` for every file below a folder that contains a marker, as UTF-8 or UTF-16 (binary files too). */
export function filesContaining(dir: string, markers: readonly string[]): string[] {
  return filesBelow(dir).flatMap((file) => {
    const bytes = readFileSync(file);
    return markers
      .filter((m) => bytes.includes(Buffer.from(m)) || bytes.includes(Buffer.from(m, 'utf16le')))
      .map((m) => `${file}: ${m}`);
  });
}

export function readPage(outDir: string, path: string): string {
  return readFileSync(join(outDir, path, 'index.html'), 'utf8');
}
