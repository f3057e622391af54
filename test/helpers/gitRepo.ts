import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './build.ts';

/** A throwaway git repository holding a report in `content/`, committed by named authors on given dates. */
export interface ReportRepository {
  root: string;
  content: string;
  /** Rewrites part of a content file. */
  edit(file: string, from: string, to: string): void;
  commit(message: string, author: string, date: string): void;
  tag(name: string): void;
}

/** `folder` is where the report sits inside the repository (`content` unless given). */
export function createReportRepository(
  source: string,
  overlay?: string,
  folder = 'content',
): ReportRepository {
  // Inside the project's ignored scratch folder, so builds can use it; its own .git makes it a separate repository.
  const scratch = join(projectRoot, '.itinera-tmp/repos');
  mkdirSync(scratch, { recursive: true });
  const root = mkdtempSync(join(scratch, 'report-'));
  const content = join(root, folder);
  cpSync(source, content, { recursive: true });
  if (overlay) cpSync(overlay, content, { recursive: true });
  const git = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    execFileSync('git', args, { cwd: root, env: { ...process.env, ...env }, stdio: 'pipe' });
  git(['init', '-q', '-b', 'main']);
  return {
    root,
    content,
    edit(file, from, to) {
      const path = join(content, file);
      const text = readFileSync(path, 'utf8');
      if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
      writeFileSync(path, text.replace(from, to));
    },
    commit(message, author, date) {
      git(['add', '-A']);
      const identity = {
        GIT_AUTHOR_NAME: author,
        GIT_AUTHOR_EMAIL: `${author.toLowerCase()}@example.com`,
        GIT_COMMITTER_NAME: author,
        GIT_COMMITTER_EMAIL: `${author.toLowerCase()}@example.com`,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      };
      git(['commit', '-q', '-m', message], identity);
    },
    tag(name) {
      git(['tag', name]);
    },
  };
}
