import { readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { z } from 'astro/zod';
import {
  collectionOfFile,
  contentLayout,
  entryIdOfFile,
  type CollectionLayout,
  type CollectionName,
} from '../collections.ts';
import type { ReportSources, SourceEntry } from '../model.ts';
import { filesBelow } from '../files.ts';
import type { Problem } from '../problems.ts';
import { slugify } from '../scaffold.ts';
import { idSchema } from '../schema/shared.ts';
import { assembleSources } from '../sources.ts';
import { parseFrontmatter, parseYaml, type ParsedFile } from './parseFile.ts';
import type { Body } from './bodies.ts';
import { FailedEntries, isRecord } from './failedEntries.ts';
import { checkAgainstSchema } from './schemaProblems.ts';

/** Sources plus what the rules need to point back into files. */
export interface LoadedContent {
  sources?: ReportSources;
  /** Parsed files by repository-relative path, to find the line of a field. */
  files: Map<string, ParsedFile>;
  /** Prose of the MDX/Markdown files, by path. */
  bodies: Map<string, Body>;
  /** Entries that exist but failed validation: references to them are not reported again. */
  failed: FailedEntries;
  problems: Problem[];
}

type Valid = {
  [K in CollectionName]: SourceEntry<z.output<(typeof contentLayout)[K]['schema']>>[];
};

/** The field holding the items of a list file: one broken item must not drop the others. */
const listField: Partial<Record<CollectionName, string>> = {
  channels: 'channels',
  touchpointLists: 'touchpoints',
  kpiLists: 'kpis',
};

/**
 * A list file with broken items, checked again with only its sound items; `kept` maps each
 * remaining item to its index in the file. Nothing is kept when the file itself is broken.
 */
function salvageList(
  schema: z.ZodType,
  data: unknown,
  key: string,
): { data?: unknown; kept: number[] } {
  if (!isRecord(data) || !Array.isArray(data[key])) return { kept: [] };
  const items: unknown[] = data[key];
  const isSound = (item: unknown) => {
    const alone = schema.safeParse({ ...data, [key]: [item] });
    return alone.success || !alone.error.issues.some((issue) => issue.path[0] === key);
  };
  const kept = items.flatMap((item, i) => (isSound(item) ? [i] : []));
  const result = schema.safeParse({ ...data, [key]: kept.map((i) => items[i]) });
  return result.success ? { data: result.data, kept } : { kept: [] };
}

/** Records what a failed file (or the failed items of a list file, all but `kept`) would have added. */
function recordFailed(
  failed: FailedEntries,
  collection: CollectionName,
  id: string,
  data: unknown,
  kept: readonly number[] = [],
): void {
  const raw = isRecord(data) ? data : {};
  if (collection === 'personas') failed.add('persona', id);
  else if (collection === 'journeys') failed.add('journey', id);
  else if (collection === 'stages') failed.addStage(id, raw);
  else if (collection === 'touchpoints') failed.addTouchpoint(id, raw, raw.journey);
  const key = listField[collection];
  if (!key || !Array.isArray(raw[key])) return;
  (raw[key] as unknown[]).forEach((item, i) => {
    if (kept.includes(i) || !isRecord(item)) return;
    if (collection === 'touchpointLists') failed.addTouchpoint(item.id, item, raw.journey);
    else failed.add(collection === 'kpiLists' ? 'kpi' : 'channel', item.id);
  });
}

/** List entries point to their item's index in the file, which salvaging may have shifted. */
function restoreItemPaths(
  sources: ReportSources,
  keptOfFile: Map<string, number[]>,
): ReportSources {
  const restore = <T extends SourceEntry<unknown>>(entry: T): T => {
    const kept = keptOfFile.get(entry.file);
    if (!kept || !entry.path) return entry;
    const [key, index, ...rest] = entry.path;
    return { ...entry, path: [key!, kept[index as number]!, ...rest] };
  };
  return {
    ...sources,
    channels: sources.channels.map(restore),
    touchpoints: sources.touchpoints.map(restore),
    kpis: sources.kpis.map(restore),
  };
}

interface ReadFile {
  file: string;
  collection: CollectionName;
  id: string;
  parsed: ParsedFile;
}

/** Files that exist but whose name is not an id; where other files name them the same way. */
interface BadFileName {
  problem: Problem;
  id: string;
  namedAt: Problem[];
}

/** `a.mdx:4, b.yaml (lines 12, 28)`: where a misnamed file's id is written, file by file. */
function describePlaces(places: readonly Problem[]): string {
  const linesOfFile = new Map<string, number[]>();
  for (const { file, line } of places)
    linesOfFile.set(file, [...(linesOfFile.get(file) ?? []), ...(line ? [line] : [])]);
  return [...linesOfFile]
    .map(([file, lines]) =>
      lines.length === 0
        ? file
        : lines.length === 1
          ? `${file}:${lines[0]}`
          : `${file} (lines ${lines.join(', ')})`,
    )
    .join(', ');
}

function badFileNameProblem(file: string, id: string, fileName: string): Problem {
  return {
    severity: 'error',
    file,
    message: 'the file name is not a valid id',
    expected: 'lower-case letters, digits and hyphens, e.g. "store-visit.mdx"',
    found: `"${fileName}"`,
    hint: `rename it to "${fileName.replace(id, slugify(id))}": its name is the id used in links and references`,
  };
}

/** What reading the files gives before any schema is checked. */
interface ReadContent {
  problems: Problem[];
  files: Map<string, ParsedFile>;
  bodies: Map<string, Body>;
  seen: Set<CollectionName>;
  toCheck: ReadFile[];
  /** By the id the file name gives. */
  badNames: Map<string, BadFileName>;
  failed: FailedEntries;
}

/** A content-like file outside every folder Itinera reads. */
function strayFileProblem(file: string): Problem {
  return {
    severity: 'error',
    file,
    message: 'this file is in a folder Itinera does not read',
    expected:
      'report.yaml or channels.yaml at the top; .mdx in personas/, journeys/, stages/<journey>/, touchpoints/<journey>/; .yaml lists in touchpoints/<journey>/ or kpis/',
    hint: 'move the file to the folder of its kind (`npm run new` creates files in the right place)',
  };
}

/** Frontmatter and prose of an MDX/Markdown file, or the data of a YAML file. */
function parseContentFile(absolute: string, file: string) {
  const text = readFileSync(absolute, 'utf8');
  return absolute.endsWith('.mdx') || absolute.endsWith('.md')
    ? parseFrontmatter(text, file)
    : { ...parseYaml(text, file), body: undefined };
}

/**
 * Reads one file of a collection into `read`: a second settings file, a file that does not parse,
 * or one whose name is no id stops here; the rest waits for its schema check.
 */
function readCollectionFile(
  read: ReadContent,
  absolute: string,
  file: string,
  collection: CollectionName,
): void {
  const layout: CollectionLayout = contentLayout[collection];
  if (layout.name !== undefined && read.seen.has(collection)) {
    read.problems.push({
      severity: 'error',
      file,
      message: `a second ${layout.name} file`,
      hint: `keep one ${layout.name}.yaml and delete or merge the other`,
    });
    return;
  }
  read.seen.add(collection);
  const { parsed, problems, body } = parseContentFile(absolute, file);
  read.problems.push(...problems);
  if (body) read.bodies.set(file, body);
  if (!parsed) return;
  read.files.set(file, parsed);
  const id = entryIdOfFile(absolute);
  // List files (touchpoints.yaml, kpis/*.yaml) hold ids inside; only entry files name an id.
  const namesAnId = !layout.name && !listField[collection];
  if (namesAnId && !idSchema.safeParse(id).success) {
    const problem = badFileNameProblem(file, id, basename(absolute));
    read.problems.push(problem);
    read.badNames.set(id, { problem, id, namedAt: [] });
    recordFailed(read.failed, collection, id, parsed.data);
    return;
  }
  read.toCheck.push({ file, collection, id, parsed });
}

/** Reads and parses every file below the content folder; files in the wrong place or with a name that is no id stop here. */
function readContent(contentDir: string, projectRoot: string): ReadContent {
  const read: ReadContent = {
    problems: [],
    files: new Map(),
    bodies: new Map(),
    seen: new Set(),
    toCheck: [],
    badNames: new Map(),
    failed: new FailedEntries(),
  };
  for (const absolute of filesBelow(contentDir, (name) => !name.startsWith('.')).sort()) {
    const file = relative(projectRoot, absolute).split(sep).join('/');
    const collection = collectionOfFile(relative(contentDir, absolute).split(sep).join('/'));
    if (collection) readCollectionFile(read, absolute, file, collection);
    else if (/\.(mdx|md|ya?ml)$/.test(absolute)) read.problems.push(strayFileProblem(file));
  }
  return read;
}

/**
 * Checks each read file against its collection's schema and keeps what is valid, down to the
 * sound items of a list file. Ids written like a misnamed file are told at that file instead.
 */
function checkContent(read: ReadContent): { valid: Valid; keptOfFile: Map<string, number[]> } {
  const valid: Valid = {
    report: [],
    channels: [],
    personas: [],
    journeys: [],
    stages: [],
    touchpoints: [],
    touchpointLists: [],
    kpiLists: [],
  };
  const keptOfFile = new Map<string, number[]>();
  const { badNames, failed } = read;
  const misnamedIds = new Set(badNames.keys());
  for (const { file, collection, id, parsed } of read.toCheck) {
    const schema = contentLayout[collection].schema;
    const checked = checkAgainstSchema(schema, parsed, file, misnamedIds);
    read.problems.push(...checked.problems);
    for (const { id: named, problem } of checked.consequences)
      badNames.get(named)?.namedAt.push(problem);
    let data: unknown = checked.data;
    const key = listField[collection];
    if (data === undefined && key) {
      const salvaged = salvageList(schema, parsed.data, key);
      data = salvaged.data;
      if (data !== undefined) keptOfFile.set(file, salvaged.kept);
      recordFailed(failed, collection, id, parsed.data, salvaged.kept);
    } else if (data === undefined) recordFailed(failed, collection, id, parsed.data);
    if (data !== undefined) (valid[collection] as SourceEntry<unknown>[]).push({ file, id, data });
  }
  for (const { problem, id, namedAt } of badNames.values()) {
    if (namedAt.length > 0)
      problem.hint += `; then write "${slugify(id)}" where it is named: ${describePlaces(namedAt)}`;
  }
  return { valid, keptOfFile };
}

/**
 * Reads every file below the content folder, checks each against its collection's schema and
 * gathers the valid entries. Problems of all files are collected, never thrown. A mistake is
 * reported once, at its cause: what only follows from it is recorded in `failed` instead.
 */
export function loadSources(contentDir: string, projectRoot: string): LoadedContent {
  const read = readContent(contentDir, projectRoot);
  const { valid, keptOfFile } = checkContent(read);
  const { files, bodies, failed, problems } = read;
  const report = valid.report[0];
  if (!report) {
    if (!read.seen.has('report')) {
      problems.push({
        severity: 'error',
        file: relative(projectRoot, join(contentDir, 'report.yaml')).split(sep).join('/'),
        message: 'the report settings file is missing',
        hint: 'create it with `npm run new -- report`',
      });
    }
    return { files, bodies, failed, problems };
  }
  const sources = restoreItemPaths(assembleSources({ ...valid, report }), keptOfFile);
  return { sources, files, bodies, failed, problems };
}
