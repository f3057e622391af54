import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGING_ROOT } from '../src/build/staging.ts';
import { filesBelow } from '../src/lib/files.ts';
import {
  buildKilledAt,
  buildSite,
  copyFixture,
  exampleContent,
  filesContaining,
  minimalFixture,
  projectRoot,
  setVisibility,
} from './helpers/build.ts';
import { exampleBuild, exampleSite } from './helpers/sharedBuild.ts';

/** Every file of a folder, dotfiles included, with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    filesBelow(dir).map((file) => [
      relative(dir, file),
      createHash('sha256').update(readFileSync(file)).digest('hex'),
    ]),
  );
}

/** Files of the output folder, if there is one, that contain report text. */
const leaks = (dir: string, markers: readonly string[]) =>
  existsSync(dir) ? filesContaining(dir, markers) : [];

/** Report text that every page of the example would show in plaintext (touchpoint and persona pages). */
const markers = [
  'Queues at the till to collect the order',
  'Phones the store to check sizes before the trip',
  'Tries to exchange a size bought online',
];

/** A folder for one test's builds, inside the project like test/helpers/build.ts's. */
function workDir(): string {
  const builds = join(projectRoot, '.itinera-tmp/builds');
  mkdirSync(builds, { recursive: true });
  return mkdtempSync(join(builds, 'atomic-'));
}

/** The staging folder a build announced ("building in <dir>; …"). */
const stagingOf = (output: string) => /building in (.+?); /.exec(output)?.[1];

/** Where a build is killed: the line of its progress output that shows it is in that phase. */
const killPoints = {
  early: /building in .+; /,
  'page rendering': /├─ \/\S+index\.html/,
  'preview cards': /preview cards: \d+ pages, \d+ cards still to draw/,
  encryption: /encrypting pages: \d+\/\d+/,
};

/**
 * Builds until killed at each point; each time the output folder must be the previous build, and
 * hold none of the `secret` texts.
 */
async function killAtEachPoint(
  content: string,
  points: (keyof typeof killPoints)[],
  options: { outDir: string; cacheDir: string; env?: NodeJS.ProcessEnv },
  previous: Record<string, string>,
  secret: readonly string[] = [],
) {
  const killedStaging: string[] = [];
  for (const point of points) {
    const run = await buildKilledAt(content, killPoints[point], options);
    expect(run.killed, `${point}: the build ended before it was killed\n${run.output}`).toBe(true);
    expect(run.output).not.toContain('published to');
    expect(leaks(options.outDir, secret), point).toEqual([]);
    expect(snapshot(options.outDir), `${point}: the output folder changed`).toEqual(previous);
    killedStaging.push(stagingOf(run.output)!);
  }
  return killedStaging;
}

describe('an interrupted build', () => {
  it(
    'of a protected report leaves no plaintext and either no output folder or the previous build, byte for byte',
    { timeout: 600_000 },
    async () => {
      // The public example shows every marker, so the checks below can find a leak.
      const shown = new Set(
        filesContaining(exampleSite(), markers).map((leak) =>
          leak.slice(leak.lastIndexOf(': ') + 2),
        ),
      );
      expect([...shown].sort()).toEqual([...markers].sort());
      const content = copyFixture(exampleContent);
      setVisibility(content, 'protected');
      const work = workDir();
      const options = {
        outDir: join(work, 'dist'),
        cacheDir: join(work, 'cache'),
        env: { ITINERA_PASSWORD: 'correct horse' },
      };

      const first = await buildKilledAt(content, killPoints['page rendering'], options);
      expect(first.killed).toBe(true);
      expect(
        existsSync(options.outDir),
        'a first build that was killed leaves no output folder',
      ).toBe(false);

      const complete = buildSite(content, options);
      expect(complete.status, complete.output).toBe(0);
      expect(leaks(options.outDir, markers)).toEqual([]);
      const previous = snapshot(options.outDir);
      expect(Object.keys(previous).length).toBeGreaterThan(134);

      const killed = await killAtEachPoint(
        content,
        ['early', 'page rendering', 'preview cards', 'encryption'],
        options,
        previous,
        markers,
      );

      // The next build replaces the output and removes what the killed builds left behind.
      const next = buildSite(content, options);
      expect(next.status, next.output).toBe(0);
      expect(snapshot(options.outDir)).not.toEqual(previous);
      expect(leaks(options.outDir, markers)).toEqual([]);
      for (const staging of [stagingOf(first.output)!, ...killed])
        expect(existsSync(staging), staging).toBe(false);
    },
  );

  it(
    'of a public report leaves the previous build in place, byte for byte',
    { timeout: 600_000 },
    async () => {
      const content = copyFixture(exampleContent);
      const work = workDir();
      const options = { outDir: join(work, 'dist'), cacheDir: join(work, 'cache') };
      const complete = buildSite(content, options);
      expect(complete.status, complete.output).toBe(0);
      const previous = snapshot(options.outDir);
      // A changed page, so that anything the interrupted builds wrote into the output would show.
      const touchpoint = join(content, 'touchpoints/click-collect/cc-pickup-queue.mdx');
      writeFileSync(
        touchpoint,
        readFileSync(touchpoint, 'utf8').replace('Queues at the till', 'Waits in line at the till'),
      );

      await killAtEachPoint(
        content,
        ['early', 'page rendering', 'preview cards'],
        options,
        previous,
      );

      const next = buildSite(content, options);
      expect(next.status, next.output).toBe(0);
      expect(
        readFileSync(join(options.outDir, 'touchpoints/cc-pickup-queue/index.html'), 'utf8'),
      ).toContain('Waits in line at the till');
    },
  );
});

describe('build set-ups', () => {
  it('builds into an output folder anywhere: in the temporary folder, and beside the project under a name that starts like it', () => {
    // The second is where Astro used to resolve its prerender chunks from the output folder
    // (its "inside the working folder" test compares string prefixes) and fail to find packages.
    // The folder beside the project is made only where the project's parent is writable: a clone
    // may live where it is not, and the temporary folder still covers "outside the project".
    const outside = [join(mkdtempSync(join(tmpdir(), 'itinera-out-')), 'site')];
    if (isWritable(dirname(projectRoot)))
      outside.push(join(mkdtempSync(`${projectRoot}-out-`), 'site'));
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
    // The shared build of the example (test/helpers/sharedBuild.ts).
    const log = exampleBuild().output;
    expect(log).toContain('preview cards:');
    expect(log).not.toContain('MODULE_LEVEL_DIRECTIVE');
    expect(log).not.toContain('[WARN] [vite]');
  });

  it('git ignores the output folders the README suggests, the staging folder and half-swapped folders', () => {
    const paths = [
      'dist/index.html',
      'dist-acme/index.html',
      `${STAGING_ROOT}/123-0a1b2c3d/index.html`,
      '.dist-acme.itinera-old-123-0a1b2c3d/index.html',
    ];
    const ignored = spawnSync('git', ['check-ignore', '--no-index', ...paths], {
      cwd: projectRoot,
      encoding: 'utf8',
    })
      .stdout.trim()
      .split('\n');
    expect(ignored).toEqual(paths);
  });
});

function isWritable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
