import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { chosenAudience, forAudience } from '../audience.ts';
import { resolveReport, type Journey, type ResolvedReport } from '../model.ts';
import { validateContent } from '../validate/index.ts';
import {
  checkoutContent,
  contentTags,
  lastCommitPerFile,
  lastContentCommitOn,
  openContentRepository,
  resolveCommit,
  type CommitInfo,
  type ContentRepository,
  type GitOptions,
} from './git.ts';
import { diffReports, type JourneyChanges } from './reportChanges.ts';

/** Why a version has no list of changes. */
export type MissingChanges =
  'first' | 'no-git' | 'unknown-ref' | 'invalid-content' | 'previous-unreadable';

export interface ReportVersionChanges {
  version: string;
  date: Date;
  notes?: string;
  /** Whether this version is the report's own `version` (the edition being built). */
  isCurrent: boolean;
  /** The commit holding the version; undefined for the content being built. */
  commit?: string;
  /** Changes since the previous version, when both could be read. */
  changes?: JourneyChanges[];
  missing?: MissingChanges;
}

export interface ReportHistory {
  /** Whether git history of the content could be read. */
  tracked: boolean;
  /** The last commit that touched any file of each journey, by journey id. */
  lastChanged: Map<string, CommitInfo>;
  /** Versions, newest first. */
  versions: ReportVersionChanges[];
}

/** Every file a journey's page is built from, relative to the project. */
function filesOf(journey: Journey): string[] {
  return [
    journey.file,
    ...journey.stages.map((s) => s.file),
    ...journey.touchpoints.map((t) => t.file),
    ...journey.kpis.map((k) => k.file),
  ];
}

function lastChangePerJourney(
  report: ResolvedReport,
  repository: ContentRepository,
  contentDir: string,
  projectRoot: string,
): Map<string, CommitInfo> {
  const perFile = lastCommitPerFile(repository);
  const inContent = (file: string) =>
    relative(contentDir, join(projectRoot, file)).split(sep).join('/');
  const result = new Map<string, CommitInfo>();
  for (const journey of report.journeys) {
    // Touchpoints listed in one YAML file share it: look each file up once.
    const commits = [...new Set(filesOf(journey))].flatMap(
      (file) => perFile.get(inContent(file)) ?? [],
    );
    const newest = commits.sort((a, b) => b.date.getTime() - a.date.getTime())[0];
    if (newest) result.set(journey.id, newest);
  }
  return result;
}

interface PlannedVersion {
  version: string;
  date: Date;
  notes?: string;
  /** `working-tree` for the content being built; undefined when the version cannot be found. */
  source: string | undefined;
}

const WORKING_TREE = 'working-tree';

/**
 * The versions to show, oldest first: the report's `versions` list when it has one (each found
 * by `ref`, by a tag named like it, or by date), else the git tags plus the content being built.
 */
function planVersions(
  report: ResolvedReport,
  repository: ContentRepository | undefined,
): PlannedVersion[] {
  const current = report.data.version;
  const listed = [...report.data.versions].sort((a, b) => a.date.getTime() - b.date.getTime());
  if (listed.length > 0) {
    return listed.map((entry) => {
      const isBeingBuilt = entry.ref === undefined && entry.version === current;
      const source = isBeingBuilt
        ? WORKING_TREE
        : repository &&
          (entry.ref !== undefined
            ? resolveCommit(repository, entry.ref)
            : (resolveCommit(repository, `refs/tags/${entry.version}`) ??
              resolveCommit(repository, `refs/tags/v${entry.version}`) ??
              lastContentCommitOn(repository, entry.date)));
      return { version: entry.version, date: entry.date, notes: entry.notes, source };
    });
  }
  if (!repository) return [];
  const tags = contentTags(repository);
  if (tags.length === 0) return [];
  const planned: PlannedVersion[] = tags.map((tag) => ({
    version: tag.name,
    date: tag.date,
    source: tag.commit,
  }));
  if (!tags.some((tag) => tag.name === current || tag.name === `v${current}`))
    planned.push({ version: current, date: report.data.date, source: WORKING_TREE });
  return planned;
}

/** Reads old versions of the report, each once, into a scratch folder removed by `dispose`. */
interface SnapshotReader {
  /** The report at `source` (the one being built for `working-tree`); undefined when unreadable. */
  read: (source: string) => ResolvedReport | undefined;
  dispose: () => void;
}

function snapshotReader(
  report: ResolvedReport,
  repository: ContentRepository | undefined,
): SnapshotReader {
  // Made on the first old version read: most builds read none.
  let scratch: string | undefined;
  const snapshots = new Map<string, ResolvedReport | undefined>();
  const readSnapshot = (commit: string): ResolvedReport | undefined => {
    // History is a nicety: content git cannot hand over, or that no longer validates, is skipped.
    try {
      scratch ??= mkdtempSync(join(tmpdir(), 'itinera-history-'));
      const target = join(scratch, commit);
      const dir = repository && checkoutContent(repository, commit, target);
      const loaded = dir ? validateContent(dir, target) : undefined;
      // An old version is shown to the same audience as the current one.
      return loaded?.ok && loaded.sources
        ? resolveReport(forAudience(loaded.sources, chosenAudience(report.data)).sources)
        : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    read: (source) => {
      if (source === WORKING_TREE) return report;
      if (!snapshots.has(source)) snapshots.set(source, readSnapshot(source));
      return snapshots.get(source);
    },
    dispose: () => {
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** One planned version with what changed since the previous one, or why that is not known. */
function versionChanges(
  planned: readonly PlannedVersion[],
  i: number,
  report: ResolvedReport,
  hasGit: boolean,
  snapshot: SnapshotReader['read'],
): ReportVersionChanges {
  const entry = planned[i]!;
  const isWorkingTree = entry.source === WORKING_TREE;
  const isCurrent =
    isWorkingTree ||
    entry.version === report.data.version ||
    entry.version === `v${report.data.version}`;
  const base = {
    version: entry.version,
    date: entry.date,
    notes: entry.notes,
    isCurrent,
    commit: isWorkingTree ? undefined : entry.source,
  };
  if (!hasGit) return { ...base, missing: 'no-git' };
  if (entry.source === undefined) return { ...base, missing: 'unknown-ref' };
  const after = snapshot(entry.source);
  if (!after) return { ...base, missing: 'invalid-content' };
  if (i === 0) return { ...base, missing: 'first' };
  const previous = planned[i - 1]!.source;
  const before = previous === undefined ? undefined : snapshot(previous);
  if (!before) return { ...base, missing: 'previous-unreadable' };
  return { ...base, changes: diffReports(before, after) };
}

/**
 * Reads the report's history from git: when each journey last changed and who changed it, and
 * per version what changed since the one before. Without git, or with the content outside a
 * repository, it returns no dates and versions without change lists; it never throws.
 */
export function readReportHistory(
  report: ResolvedReport,
  contentDir: string,
  projectRoot: string,
  options: GitOptions = {},
): ReportHistory {
  const repository = openContentRepository(contentDir, options);
  const planned = planVersions(report, repository);
  const snapshots = snapshotReader(report, repository);
  try {
    const versions = planned.map((_, i) =>
      versionChanges(planned, i, report, repository !== undefined, snapshots.read),
    );
    return {
      tracked: repository !== undefined,
      lastChanged:
        repository && !repository.shallow && report.data.showHistory
          ? lastChangePerJourney(report, repository, contentDir, projectRoot)
          : new Map<string, CommitInfo>(),
      versions: versions.reverse(),
    };
  } finally {
    snapshots.dispose();
  }
}
