/**
 * A clone anywhere must pass its own tests: no file names a folder of one particular machine,
 * everything in src/lib loads under plain Node (no Vite-only API), and the scripts that run
 * outside Vite (`npm run bench:charts`) still start.
 *
 * What counts as a machine's own path: an absolute path into the folders where users and
 * machines keep their own files, which differ from one computer to the next. Those are the
 * top-level folders in MACHINE_FOLDERS below — home folders (home, Users, root), workspaces
 * (work, workspace, srv, mnt, media) and temporary folders (tmp, private, var/folders: use
 * `os.tmpdir()`) — and any Windows drive path (a capital letter, a colon, a slash or backslash).
 * System locations that are the same on every machine of a kind (/usr/bin/chromium,
 * /usr/bin/env, /dev/null, /etc/…) are defaults, not a machine's own files, and are allowed.
 * URLs and site paths (`https://host/home/`, `/journeys/…`) are not file paths and never match.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesBelow } from '../src/lib/files.ts';
import { projectRoot } from './helpers/build.ts';

const CHECKED_FOLDERS = ['src', 'scripts', 'test', '.ci'];
const MACHINE_FOLDERS = [
  'home',
  'Users',
  'root',
  'work',
  'workspace',
  'srv',
  'mnt',
  'media',
  'tmp',
  'private',
  'var/folders',
];
/** An absolute path starting where a path starts (line start, space, quote, bracket, `=`, `:`, `file://`), not inside a URL. */
const POSIX_MACHINE_PATH = new RegExp(
  `(?<=^|[\\s'"\`([{=,:;]|file://)/(?:${MACHINE_FOLDERS.join('|')})(?=[/'"\`\\s]|$)`,
  'm',
);
/** A Windows drive path: a capital, a colon, then a backslash (doubled in source) or a slash. */
const WINDOWS_PATH = /(?<![\w$])[A-Z]:(?:\\|\/)(?=[\w.$ \\-])/;

/** The first machine-specific absolute path in a line of text, if any. */
function machinePath(line: string): string | undefined {
  return (POSIX_MACHINE_PATH.exec(line) ?? WINDOWS_PATH.exec(line))?.[0];
}

/** Files under the checked folders that git tracks or would (every file there when this is not a git clone). */
function checkedFiles(): string[] {
  const git = spawnSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...CHECKED_FOLDERS],
    { cwd: projectRoot, encoding: 'utf8' },
  );
  // A file deleted but not yet committed is still listed: skip it.
  if (git.status === 0 && git.stdout)
    return git.stdout.split('\0').filter((file) => file && existsSync(join(projectRoot, file)));
  return CHECKED_FOLDERS.flatMap((folder) =>
    filesBelow(join(projectRoot, folder)).map((file) => relative(projectRoot, file)),
  );
}

describe('a clone at any path', () => {
  it('recognises the paths of one machine, and leaves system paths, URLs and site paths alone', () => {
    // Built from parts, so this file does not name such a path itself.
    const path = (...parts: string[]) => parts.join('/');
    for (const line of [
      `const root = '${path('', 'work', 'main')}';`,
      `cwd: "${path('', 'home', 'giulia', 'itinera')}"`,
      `${path('', 'Users', 'marco', 'x')}`,
      `file://${path('', 'root', 'x')}`,
      `'${path('', 'tmp', 'out')}'`,
      `join('${path('', 'var', 'folders', 'ab')}')`,
      `'${['C:', 'Users', 'x'].join('\\')}'`,
      `'D:${path('', 'reports')}'`,
    ]) {
      expect(machinePath(line), line).toBeDefined();
    }
    for (const line of [
      "process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'",
      '#!/usr/bin/env bash',
      'exec 2>/dev/null',
      `href: 'https://example.com${path('', 'home', 'work', '')}'`,
      "paths.journey('work')",
      `'${path('', 'journeys', 'work', '')}'`,
      'section Go home: 5',
      "const label = 'Pay: 5: Me'",
      'data:image/png;base64,AAAA',
    ]) {
      expect(machinePath(line), line).toBeUndefined();
    }
  });

  it(`no tracked file under ${CHECKED_FOLDERS.join(', ')} names a path of one particular machine`, () => {
    const found: string[] = [];
    for (const file of checkedFiles()) {
      const text = readFileSync(join(projectRoot, file), 'utf8');
      if (text.includes('\0')) continue; // fonts, images
      text.split('\n').forEach((line, index) => {
        const path = machinePath(line);
        if (path)
          found.push(
            `${file}:${index + 1}: ${line.trim()} (${path}…: derive it from import.meta.dirname or the project root; temporary files under os.tmpdir())`,
          );
      });
    }
    expect(found).toEqual([]);
  });

  it('loads every module of src/lib under plain Node, without Vite', () => {
    // A child process: vitest runs modules through Vite, which would hide Vite-only APIs.
    const script = `
      import { join } from 'node:path';
      import { pathToFileURL } from 'node:url';
      const { filesBelow } = await import(pathToFileURL(join(process.cwd(), 'src/lib/files.ts')).href);
      const files = filesBelow(join(process.cwd(), 'src/lib'), (name) => name.endsWith('.ts'));
      const failures = [];
      for (const file of files) {
        try { await import(pathToFileURL(file).href); } catch (error) { failures.push(file.slice(process.cwd().length + 1) + ': ' + error.message); }
      }
      console.log(JSON.stringify({ loaded: files.length, failures }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '--eval', script], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const { loaded, failures } = JSON.parse(run.stdout) as { loaded: number; failures: string[] };
    expect(failures).toEqual([]);
    expect(loaded).toBeGreaterThan(40);
  });

  it('runs `npm run bench:charts` (a short run) under plain Node', () => {
    const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const [command, ...args] = packageJson.scripts['bench:charts']!.split(' ');
    expect(command).toBe('node');
    const run = spawnSync(process.execPath, [...args, '--runs', '3'], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /All charts of a 60-touchpoint journey \(3 runs after 3 warm-up, Node v\d+/,
    );
    expect(run.stdout).toMatch(
      /mean [\d.]+ ms · median [\d.]+ ms · p95 [\d.]+ ms · [\d.]+ KiB of SVG/,
    );
  });
});
