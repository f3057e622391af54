import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/build.ts';
import { exampleSite } from './helpers/sharedBuild.ts';

/** A TCP port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** The environment without Vitest's variables: with VITEST set, Astro's dev server answers 404 to every page. */
function withoutVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('VITEST')));
}

/** Waits until the dev server answers `path`, or fails with its output. */
async function waitFor(base: string, path: string, output: () => string): Promise<void> {
  let last = '';
  for (let waited = 0; waited < 90_000; waited += 250) {
    const answered = await fetch(new URL(path, base)).then(
      (response) => ((last = `HTTP ${response.status}`), response.ok),
      (error: Error) => (
        (last = error.cause instanceof Error ? error.cause.message : error.message),
        false
      ),
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`astro dev did not answer ${path} (${last}):\n${output()}`);
}

describe('astro dev', () => {
  let server: ChildProcess;
  let base: string;
  let output = '';

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}/`;
    // Beside any dev server the author has running (--ignore-lock), with a cache of its own.
    const cache = mkdtempSync(join(tmpdir(), 'itinera-dev-'));
    server = spawn(
      process.execPath,
      [
        join(projectRoot, 'node_modules/astro/bin/astro.mjs'),
        'dev',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--ignore-lock',
      ],
      { cwd: projectRoot, env: { ...withoutVitest(process.env), ITINERA_CACHE_DIR: cache } },
    );
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(base, 'search/', () => output);
  }, 120_000);

  afterAll(() => {
    server?.kill();
  });

  it('serves every data download a journey page links to, as the build writes it', async () => {
    const built = exampleSite();
    const page = await (await fetch(new URL('journeys/click-collect/', base))).text();
    const links = [
      ...new Set([...page.matchAll(/href="\/(data\/[^"]+\.(csv|json))"/g)].map((m) => m[1]!)),
    ];
    expect(links.some((link) => link.endsWith('.csv'))).toBe(true);
    expect(links.some((link) => link.endsWith('.json'))).toBe(true);
    for (const link of links) {
      const response = await fetch(new URL(link, base));
      expect(response.status, link).toBe(200);
      expect(response.headers.get('content-type'), link).toMatch(
        link.endsWith('.csv') ? /^text\/csv/ : /^application\/json/,
      );
      // Bytes, not text: a CSV starts with a byte-order mark (for Excel), which decoding drops.
      expect(
        Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(built, link))),
        link,
      ).toBe(true);
    }
  });
});
