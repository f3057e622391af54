import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the report's content sits in a git repository, and how to ask git about it. */
export interface ContentRepository {
  /** The content folder relative to the repository's top, with `/` separators (`content`, or `.`). */
  contentPath: string;
  /** A shallow clone lists every file in its oldest commit: dates of last changes would be wrong. */
  shallow: boolean;
  /** Runs git at the repository's top; undefined when git fails. */
  run(args: string[], input?: string): Buffer | undefined;
}

export interface CommitInfo {
  commit: string;
  date: Date;
  author: string;
}

/** The `git` program to run; tests point it elsewhere to simulate a machine without git. */
export interface GitOptions {
  git?: string;
}

function runner(git: string, cwd: string) {
  return (args: string[], input?: string): Buffer | undefined => {
    try {
      // Paths as they are (no octal escapes for accents), whatever the user's git config says.
      return execFileSync(git, ['-c', 'core.quotePath=false', ...args], {
        cwd,
        input,
        stdio: ['pipe', 'pipe', 'ignore'],
        maxBuffer: 512 * 1024 * 1024,
      });
    } catch {
      return undefined;
    }
  };
}

/**
 * The repository that tracks the content folder, or undefined when git is not installed, the
 * folder is not in a repository, or none of its files are committed (ignored or new folders).
 */
export function openContentRepository(
  contentDir: string,
  options: GitOptions = {},
): ContentRepository | undefined {
  const git = options.git ?? 'git';
  const inContent = runner(git, contentDir);
  const root = inContent(['rev-parse', '--show-toplevel'])?.toString().trim();
  // Git's own view of the folder, so symbolic links in either path cannot disagree.
  const prefix = inContent(['rev-parse', '--show-prefix'])?.toString().trim();
  if (!root || prefix === undefined) return undefined;
  const run = runner(git, root);
  const contentPath = prefix.replace(/\/$/, '') || '.';
  if (!run(['ls-files', '--', contentPath])?.toString().trim()) return undefined;
  return {
    contentPath,
    shallow: run(['rev-parse', '--is-shallow-repository'])?.toString().trim() === 'true',
    run,
  };
}

const RECORD = '\x1e';
const FIELD = '\x1f';

/** The newest commit that touched each content file, by its path inside the content folder. */
export function lastCommitPerFile(repository: ContentRepository): Map<string, CommitInfo> {
  const log =
    repository
      .run([
        'log',
        `--format=${RECORD}%H${FIELD}%aI${FIELD}%an`,
        '--name-only',
        '--',
        repository.contentPath,
      ])
      ?.toString() ?? '';
  const inContent = repository.contentPath === '.' ? '' : `${repository.contentPath}/`;
  const latest = new Map<string, CommitInfo>();
  for (const record of log.split(RECORD).slice(1)) {
    const [header = '', ...files] = record.split('\n');
    const [commit = '', date = '', author = ''] = header.split(FIELD);
    for (const file of files) {
      if (!file.startsWith(inContent)) continue;
      const path = file.slice(inContent.length);
      // The log runs newest first: the first commit naming a file is its last change.
      if (path && !latest.has(path)) latest.set(path, { commit, date: new Date(date), author });
    }
  }
  return latest;
}

/** Tags whose commit holds the content folder, oldest first. */
export function contentTags(
  repository: ContentRepository,
): { name: string; commit: string; date: Date }[] {
  const refs =
    repository
      .run([
        'for-each-ref',
        'refs/tags',
        `--format=%(refname:short)${FIELD}%(*objectname)${FIELD}%(objectname)${FIELD}%(creatordate:iso-strict)`,
      ])
      ?.toString() ?? '';
  return refs
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name = '', peeled = '', object = '', date = ''] = line.split(FIELD);
      return { name, commit: peeled || object, date: new Date(date) };
    })
    .filter((tag) => hasContent(repository, tag.commit))
    .sort((a, b) => a.date.getTime() - b.date.getTime());
}

function hasContent(repository: ContentRepository, commit: string): boolean {
  return (
    (repository.run(['ls-tree', '--name-only', commit, '--', repository.contentPath])?.length ??
      0) > 0
  );
}

/** The commit a tag, branch or hash names, when the repository has it (a shallow clone may not). */
export function resolveCommit(repository: ContentRepository, ref: string): string | undefined {
  return (
    repository
      .run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
      ?.toString()
      .trim() || undefined
  );
}

/** The last commit that touched the content on or before the end of `date` (UTC). */
export function lastContentCommitOn(repository: ContentRepository, date: Date): string | undefined {
  const endOfDay = `${date.toISOString().slice(0, 10)}T23:59:59Z`;
  return (
    repository
      .run(['log', '-1', '--format=%H', `--before=${endOfDay}`, '--', repository.contentPath])
      ?.toString()
      .trim() || undefined
  );
}

/**
 * Writes the content folder as it was at `commit` into `target` (keeping its path inside the
 * repository) and returns where the content landed. One `cat-file --batch` reads every file.
 */
export function checkoutContent(
  repository: ContentRepository,
  commit: string,
  target: string,
): string | undefined {
  const listing = repository
    .run(['ls-tree', '-r', '-z', '--name-only', commit, '--', repository.contentPath])
    ?.toString();
  if (!listing) return undefined;
  const paths = listing.split('\0').filter(Boolean);
  const batch = repository.run(
    ['cat-file', '--batch'],
    paths.map((path) => `${commit}:${path}\n`).join(''),
  );
  if (!batch) return undefined;
  let offset = 0;
  for (const path of paths) {
    const headerEnd = batch.indexOf(0x0a, offset);
    const [, type, size = 0] = batch.subarray(offset, headerEnd).toString().split(' ');
    // Submodules have no blob to read: git answers "missing" and nothing else.
    if (type !== 'blob') {
      offset = headerEnd + 1;
      continue;
    }
    const file = join(target, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, batch.subarray(headerEnd + 1, headerEnd + 1 + Number(size)));
    offset = headerEnd + 1 + Number(size) + 1;
  }
  return join(target, repository.contentPath);
}
