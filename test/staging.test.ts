import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cleanStaleBuilds,
  moveFolder,
  publishStaging,
  STAGING_ROOT,
  startStaging,
  unsafeOutDir,
} from '../src/build/staging.ts';
import { isHarmlessWarning } from '../src/build/viteWarnings.ts';

/** A throwaway project folder with an output folder holding one page. */
function project(page = 'previous') {
  const root = mkdtempSync(join(tmpdir(), 'itinera-staging-'));
  const outDir = join(root, 'dist');
  mkdirSync(outDir);
  writeFileSync(join(outDir, 'index.html'), page);
  return { root, outDir };
}

/** The id of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;

describe('staging a build', () => {
  it('replaces the output folder only when published, and leaves nothing beside it', () => {
    const { root, outDir } = project();
    const staging = startStaging(root, outDir);
    expect(staging.dir.startsWith(join(root, STAGING_ROOT))).toBe(true);
    writeFileSync(join(staging.dir, 'index.html'), 'next');
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('previous');
    publishStaging(staging);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('next');
    expect(readdirSync(root).sort()).toEqual(['.itinera-tmp', 'dist']);
    expect(readdirSync(join(root, STAGING_ROOT))).toEqual([]);
  });

  it('removes the scratch folder beside the staging folder when it publishes', () => {
    const { root, outDir } = project();
    const staging = startStaging(root, outDir);
    expect(staging.scratch).toBe(`${staging.dir}.scratch`);
    mkdirSync(join(staging.scratch, 'data'), { recursive: true });
    publishStaging(staging);
    expect(existsSync(staging.scratch)).toBe(false);
    expect(readdirSync(join(root, STAGING_ROOT))).toEqual([]);
  });

  it('publishes into a folder that does not exist yet', () => {
    const root = mkdtempSync(join(tmpdir(), 'itinera-staging-'));
    const outDir = join(root, 'sites/acme');
    const staging = startStaging(root, outDir);
    writeFileSync(join(staging.dir, 'index.html'), 'first');
    publishStaging(staging);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('first');
  });

  it('copies across file systems, where a rename fails with EXDEV', () => {
    const { root, outDir } = project();
    const target = join(root, 'moved');
    const crossDevice = () => {
      throw Object.assign(new Error('cross-device link not permitted'), { code: 'EXDEV' });
    };
    moveFolder(outDir, target, crossDevice);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('previous');
    expect(existsSync(outDir)).toBe(false);
  });

  it('removes the folders of builds that were killed, keeps those of builds still running', () => {
    const { root, outDir } = project();
    const killed = join(root, STAGING_ROOT, `${deadPid()}-0a1b2c3d`);
    const killedScratch = `${killed}.scratch`;
    const running = join(root, STAGING_ROOT, `${process.ppid}-0a1b2c3d`);
    const halfCopied = join(root, `.dist.itinera-new-${deadPid()}-0a1b2c3d`);
    const folders = [killed, killedScratch, running, halfCopied];
    for (const dir of folders) mkdirSync(dir, { recursive: true });
    cleanStaleBuilds(root, outDir);
    expect(folders.map(existsSync)).toEqual([false, false, true, false]);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('previous');
  });

  it('puts the previous output back when a build was killed between the two renames of its swap', () => {
    const { root, outDir } = project();
    const retired = join(root, `.dist.itinera-old-${deadPid()}-0a1b2c3d`);
    renameSync(outDir, retired);
    cleanStaleBuilds(root, outDir);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('previous');
    expect(existsSync(retired)).toBe(false);
  });

  it('refuses output folders that a swap would destroy', () => {
    const root = join(tmpdir(), 'project');
    const content = join(root, 'content');
    expect(unsafeOutDir(root, root, content)).toBe('it contains the project folder');
    expect(unsafeOutDir(root, tmpdir(), content)).toBe('it contains the project folder');
    expect(unsafeOutDir(root, join(content, 'dist'), content)).toBe(
      'it is inside the report folder',
    );
    expect(unsafeOutDir(root, join(root, STAGING_ROOT, 'x'), content)).toBe(
      `it is inside ${STAGING_ROOT}`,
    );
    expect(unsafeOutDir(root, join(root, '.itinera-tmp'), content)).toBe(
      `it contains ${STAGING_ROOT}`,
    );
    expect(unsafeOutDir(root, join(root, '.itinera-tmp/builds/x/dist'), content)).toBeUndefined();
    expect(unsafeOutDir(root, join(root, 'dist'), content)).toBeUndefined();
    expect(unsafeOutDir(root, `${root}-dist`, content)).toBeUndefined();
  });
});

describe('bundler warnings', () => {
  it('drops the directive Astro puts into every MDX module, keeps every other warning', () => {
    const directive = (name: string) => ({
      code: 'MODULE_LEVEL_DIRECTIVE',
      message: `The semantics of the module level directive "${name}" in "content/personas/anna.mdx?astroPropagatedAssets" may not be preserved when bundling.`,
    });
    expect(isHarmlessWarning(directive('use astro:head-inject'))).toBe(true);
    expect(isHarmlessWarning(directive('use client'))).toBe(false);
    expect(
      isHarmlessWarning({ code: 'CIRCULAR_DEPENDENCY', message: 'use astro:head-inject' }),
    ).toBe(false);
  });
});
