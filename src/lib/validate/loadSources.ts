import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { z } from 'astro/zod';
import { collectionOfFile, contentLayout, type CollectionLayout, type CollectionName } from '../collections.ts';
import type { ReportSources } from '../model.ts';
import type { Problem } from '../problems.ts';
import { idSchema } from '../schema/shared.ts';
import { assembleSources } from '../sources.ts';
import { parseFrontmatter, parseYaml, type ParsedFile } from './parseFile.ts';
import type { Body } from './bodies.ts';
import { checkAgainstSchema } from './schemaProblems.ts';

/** Sources plus what the rules need to point back into files. */
export interface LoadedContent {
  sources?: ReportSources;
  /** Parsed files by repository-relative path, to find the line of a field. */
  files: Map<string, ParsedFile>;
  /** Prose of the MDX/Markdown files, by path. */
  bodies: Map<string, Body>;
  problems: Problem[];
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The id a file gives its entry: its name without ending (folders only organise). */
export function fileEntryId(path: string): string {
  return basename(path).replace(/\.(mdx|md|yaml|yml)$/, '');
}

/**
 * Reads every file below the content folder, checks each against its collection's schema and
 * gathers the valid entries. Problems of all files are collected, never thrown.
 */
export function loadSources(contentDir: string, projectRoot: string): LoadedContent {
  const problems: Problem[] = [];
  const files = new Map<string, ParsedFile>();
  const bodies = new Map<string, Body>();
  const valid: { [K in CollectionName]: { file: string; id: string; data: z.output<(typeof contentLayout)[K]['schema']> }[] } = {
    report: [],
    channels: [],
    personas: [],
    journeys: [],
    stages: [],
    touchpoints: [],
    touchpointLists: [],
    kpiLists: [],
  };

  const seen = new Set<CollectionName>();
  for (const absolute of listFiles(contentDir).sort()) {
    const file = relative(projectRoot, absolute).split(sep).join('/');
    const inContent = relative(contentDir, absolute).split(sep).join('/');
    const collection = collectionOfFile(inContent);
    if (!collection) {
      if (/\.(mdx|md|ya?ml)$/.test(absolute)) {
        problems.push({
          severity: 'error',
          file,
          message: 'this file is in a folder Itinera does not read',
          expected:
            'report.yaml or channels.yaml at the top; .mdx in personas/, journeys/, stages/<journey>/, touchpoints/<journey>/; .yaml lists in touchpoints/<journey>/ or kpis/',
          hint: 'move the file to the folder of its kind (`npm run new` creates files in the right place)',
        });
      }
      continue;
    }
    const layout: CollectionLayout = contentLayout[collection];
    if (layout.name !== undefined && seen.has(collection)) {
      problems.push({
        severity: 'error',
        file,
        message: `a second ${layout.name} file`,
        hint: `keep one ${layout.name}.yaml and delete or merge the other`,
      });
      continue;
    }
    seen.add(collection);
    const text = readFileSync(absolute, 'utf8');
    const { parsed, problems: parseProblems, body } = absolute.endsWith('.mdx') || absolute.endsWith('.md') ? parseFrontmatter(text, file) : { ...parseYaml(text, file), body: undefined };
    problems.push(...parseProblems);
    if (body) bodies.set(file, body);
    if (!parsed) continue;
    files.set(file, parsed);
    const id = fileEntryId(absolute);
    // List files (touchpoints.yaml, kpis/*.yaml) hold ids inside; only entry files name an id.
    const namesAnId = !layout.name && collection !== 'touchpointLists' && collection !== 'kpiLists';
    if (namesAnId && !idSchema.safeParse(id).success) {
      problems.push({
        severity: 'error',
        file,
        message: 'the file name is not a valid id',
        expected: 'lower-case letters, digits and hyphens, e.g. "store-visit.mdx"',
        found: `"${basename(absolute)}"`,
        hint: 'rename the file; its name is the id used in links and references',
      });
      continue;
    }
    const checked = checkAgainstSchema(layout.schema, parsed, file);
    problems.push(...checked.problems);
    if (checked.data !== undefined) (valid[collection] as { file: string; id: string; data: unknown }[]).push({ file, id, data: checked.data });
  }

  const report = valid.report[0];
  if (!report) {
    if (!seen.has('report')) {
      problems.push({
        severity: 'error',
        file: relative(projectRoot, join(contentDir, 'report.yaml')).split(sep).join('/'),
        message: 'the report settings file is missing',
        hint: 'create it with `npm run new -- report`',
      });
    }
    return { files, bodies, problems };
  }

  const sources = assembleSources({ ...valid, report });
  return { sources, files, bodies, problems };
}
