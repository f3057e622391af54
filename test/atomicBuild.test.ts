import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { STAGING_ROOT } from '../src/build/staging.ts';
import { buildKilledAt, buildSite, copyFixture, exampleContent, minimalFixture, projectRoot } from './helpers/build.ts';

/** Every file of a folder, dotfiles included, with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(files.map((e) => [relative(dir, join(e.parentPath, e.name)), createHash('sha256').update(readFileSync(join(e.parentPath, e.name))).digest('hex')]));
}

/** Files of a folder that contain any of the markers (as UTF-8 or UTF-16). */
function leaks(dir: string, markers: readonly string[]): string[] {
  if (!existsSync(dir)) return [];
  return Object.keys(snapshot(dir)).flatMap((file) => {
    const bytes = readFileSync(join(dir, file));
    return markers.filter((m) => bytes.includes(Buffer.from(m)) || bytes.includes(Buffer.from(m, 'utf16le'))).map((m) => `${file}: ${m}`);
  });
}

function setVisibility(dir: string, visibility: string) {
  const report = join(dir, 'report.yaml');
  writeFileSync(report, readFileSync(report, 'utf8').replace('summary:', `visibility: ${visibility}\nsummary:`));
}

/** Report text that every page of the example would show in plaintext (touchpoint and persona pages). */
const markers = ['Queues at the till to collect the order', 'Phones the store to check sizes before the trip', 'Tries to exchange a size bought online'];

/** The staging folder a build announced ("building in <dir>; …"). */
const stagingOf = (output: string) => /building in (\S+);/.exec(output)?.[1];

/** Where a build is killed: the line of its progress output that shows it is in that phase. */
const killPoints = {
  early: /building in \S+;/,
  'page rendering': /├─ \/\S+index\.html/,
  'preview cards': /preview cards: \d+\/\d+/,
  encryption: /encrypting pages: \d+\/\d+/,
};

/** Builds the example until killed at each point; each time the output folder must be the previous build. */
async function killAtEachPoint(content: string, points: (keyof typeof killPoints)[], options: { outDir: string; cacheDir: string; env?: NodeJS.ProcessEnv }, previous: Record<string, string>) {
  const killedStaging: string[] = [];
  for (const point of points) {
    const run = await buildKilledAt(content, killPoints[point], options);
    expect(run.killed, `${point}: the build ended before it was killed\n${run.output}`).toBe(true);
    expect(run.output).not.toContain('published to');
    expect(snapshot(options.outDir), `${point}: the output folder changed`).toEqual(previous);
    killedStaging.push(stagingOf(run.output)!);
  }
  return killedStaging;
}

describe('an interrupted build', () => {
  it('of a protected report leaves no plaintext and either no output folder or the previous build, byte for byte', { timeout: 600_000 }, async () => {
    const content = copyFixture(exampleContent);
    setVisibility(content, 'protected');
    const work = mkdtempSync(join(projectRoot, '.itinera-tmp/builds/atomic-'));
    const options = { outDir: join(work, 'dist'), cacheDir: join(work, 'cache'), env: { ITINERA_PASSWORD: 'correct horse' } };

    const first = await buildKilledAt(content, killPoints['page rendering'], options);
    expect(first.killed).toBe(true);
    expect(existsSync(options.outDir), 'a first build that was killed leaves no output folder').toBe(false);

    const complete = buildSite(content, options);
    expect(complete.status, complete.output).toBe(0);
    expect(leaks(options.outDir, markers)).toEqual([]);
    const previous = snapshot(options.outDir);
    expect(Object.keys(previous).length).toBeGreaterThan(134);

    const killed = await killAtEachPoint(content, ['early', 'page rendering', 'preview cards', 'encryption'], options, previous);

    // The next build replaces the output and removes what the killed builds left behind.
    const next = buildSite(content, options);
    expect(next.status, next.output).toBe(0);
    expect(snapshot(options.outDir)).not.toEqual(previous);
    expect(leaks(options.outDir, markers)).toEqual([]);
    for (const staging of [stagingOf(first.output)!, ...killed]) expect(existsSync(staging), staging).toBe(false);
  });

  it('of a public report leaves the previous build in place, byte for byte', { timeout: 600_000 }, async () => {
    const content = copyFixture(exampleContent);
    const work = mkdtempSync(join(projectRoot, '.itinera-tmp/builds/atomic-'));
    const options = { outDir: join(work, 'dist'), cacheDir: join(work, 'cache') };
    const complete = buildSite(content, options);
    expect(complete.status, complete.output).toBe(0);
    const previous = snapshot(options.outDir);
    // A changed page, so that anything the interrupted builds wrote into the output would show.
    const touchpoint = join(content, 'touchpoints/click-collect/cc-pickup-queue.mdx');
    writeFileSync(touchpoint, readFileSync(touchpoint, 'utf8').replace('Queues at the till', 'Waits in line at the till'));

    await killAtEachPoint(content, ['early', 'page rendering', 'preview cards'], options, previous);

    const next = buildSite(content, options);
    expect(next.status, next.output).toBe(0);
    expect(readFileSync(join(options.outDir, 'touchpoints/cc-pickup-queue/index.html'), 'utf8')).toContain('Waits in line at the till');
  });
});

describe('build set-ups', () => {
  it('builds into an output folder anywhere: in the temporary folder, and beside the project under a name that starts like it', () => {
    // The second is where Astro used to resolve its prerender chunks from the output folder
    // (its "inside the working folder" test compares string prefixes) and fail to find packages.
    const outside = [join(mkdtempSync(join(tmpdir(), 'itinera-out-')), 'site'), `${mkdtempSync(`${projectRoot}-out-`)}/site`];
    try {
      for (const outDir of outside) {
        const build = buildSite(minimalFixture, { outDir });
        expect(build.status, build.output).toBe(0);
        expect(existsSync(join(outDir, 'index.html'))).toBe(true);
        expect(readdirSync(outDir).filter((name) => name.startsWith('.'))).toEqual([]);
      }
    } finally {
      for (const outDir of outside) rmSync(join(outDir, '..'), { recursive: true, force: true });
    }
  });

  it('a build that fails while rendering pages leaves no output folder and no staging folder', () => {
    const content = copyFixture();
    const persona = join(content, 'personas/anna.mdx');
    writeFileSync(persona, `${readFileSync(persona, 'utf8')}\n{notDefinedAnywhere.value}\n`);
    const build = buildSite(content);
    expect(build.status).not.toBe(0);
    expect(existsSync(build.outDir)).toBe(false);
    expect(existsSync(stagingOf(build.output)!)).toBe(false);
  });

  it('a build stopped with Ctrl-C or SIGTERM removes its staging folder at once', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const run = await buildKilledAt(minimalFixture, killPoints['page rendering'], { signal });
      expect(run.killed, run.output).toBe(true);
      expect(existsSync(run.outDir)).toBe(false);
      expect(existsSync(stagingOf(run.output)!), signal).toBe(false);
    }
  });

  it('prints no bundler warning for the directives Astro puts into every MDX file of the example', () => {
    // Built once by test/globalSetup.ts.
    const log = inject('exampleBuildLog');
    expect(log).toContain('preview cards:');
    expect(log).not.toContain('MODULE_LEVEL_DIRECTIVE');
    expect(log).not.toContain('[WARN] [vite]');
  });

  it('git ignores the output folders the README suggests, the staging folder and half-swapped folders', () => {
    const paths = ['dist/index.html', 'dist-acme/index.html', `${STAGING_ROOT}/123-0a1b2c3d/index.html`, '.dist-acme.itinera-old-123-0a1b2c3d/index.html'];
    const ignored = spawnSync('git', ['check-ignore', '--no-index', ...paths], { cwd: projectRoot, encoding: 'utf8' }).stdout.trim().split('\n');
    expect(ignored).toEqual(paths);
  });
});
