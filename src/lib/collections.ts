import type { z } from 'astro/zod';
import { channelFileSchema } from './schema/channel.ts';
import { journeySchema } from './schema/journey.ts';
import { kpiListSchema } from './schema/kpi.ts';
import { personaSchema } from './schema/persona.ts';
import { reportSchema } from './schema/report.ts';
import { stageSchema } from './schema/stage.ts';
import { touchpointListSchema, touchpointSchema } from './schema/touchpoint.ts';

export interface CollectionLayout {
  /** Folder below the content root ('' for the root itself). */
  folder: string;
  /** File endings the collection reads. */
  extensions: readonly string[];
  /** Whether sub-folders are read too. */
  recursive: boolean;
  /** For root files: the one file name (without ending) the collection reads. */
  name?: string;
  schema: z.ZodType;
}

const markdown = ['.mdx', '.md'] as const;
const yaml = ['.yaml', '.yml'] as const;

/**
 * Where each collection lives below the content root and which schema its files follow.
 * Both Astro's content config and the standalone validator read this one table.
 */
export const contentLayout = {
  report: { folder: '', name: 'report', extensions: yaml, recursive: false, schema: reportSchema },
  channels: {
    folder: '',
    name: 'channels',
    extensions: yaml,
    recursive: false,
    schema: channelFileSchema,
  },
  personas: { folder: 'personas', extensions: markdown, recursive: true, schema: personaSchema },
  journeys: { folder: 'journeys', extensions: markdown, recursive: true, schema: journeySchema },
  stages: { folder: 'stages', extensions: markdown, recursive: true, schema: stageSchema },
  touchpoints: {
    folder: 'touchpoints',
    extensions: markdown,
    recursive: true,
    schema: touchpointSchema,
  },
  touchpointLists: {
    folder: 'touchpoints',
    extensions: yaml,
    recursive: true,
    schema: touchpointListSchema,
  },
  kpiLists: { folder: 'kpis', extensions: yaml, recursive: true, schema: kpiListSchema },
} as const satisfies Record<string, CollectionLayout>;

export type CollectionName = keyof typeof contentLayout;

/** The glob pattern, relative to the collection's folder, that matches its files. */
export function collectionPattern(layout: CollectionLayout): string {
  const endings = layout.extensions.map((e) => e.slice(1)).join(',');
  if (layout.name) return `${layout.name}.{${endings}}`;
  return `${layout.recursive ? '**/' : ''}*.{${endings}}`;
}

/** The id a file gives its entry: its name without ending (folders only organise, so `touchpoints/click-collect/cc-search.mdx` is `cc-search`). */
export function entryIdOfFile(path: string): string {
  return path.replace(/^.*[\\/]/, '').replace(/\.(mdx|md|yaml|yml)$/, '');
}

/** Which collection a file (path relative to the content root, `/`-separated) belongs to. */
export function collectionOfFile(relativePath: string): CollectionName | undefined {
  const slash = relativePath.indexOf('/');
  const folder = slash === -1 ? '' : relativePath.slice(0, slash);
  const fileName = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  const dot = fileName.lastIndexOf('.');
  const ending = dot === -1 ? '' : fileName.slice(dot);
  const base = dot === -1 ? fileName : fileName.slice(0, dot);
  for (const [name, layout] of Object.entries(contentLayout) as [
    CollectionName,
    CollectionLayout,
  ][]) {
    if (layout.folder !== folder || !layout.extensions.includes(ending)) continue;
    if (layout.name !== undefined && layout.name !== base) continue;
    return name;
  }
  return undefined;
}
