// Not from `astro:content`: that loads Astro's page-rendering runtime (60 modules) into the
// content sync for this one function, whose version there only adds a check for live
// collections, which are not used here (docs/performance.md).
import { defineCollection } from 'astro/content/config';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  collectionPattern,
  contentLayout,
  entryIdOfFile,
  type CollectionLayout,
} from './lib/collections.ts';
import { resolveContentDir } from './lib/contentDir.ts';
import { stageKey } from './lib/sources.ts';

// The project folder, whatever folder Astro was started from (tests build from a temporary one).
const contentDir = resolveContentDir(fileURLToPath(new URL('..', import.meta.url)));

const idFromFileName = ({ entry }: { entry: string }) => entryIdOfFile(entry);

function collection<Layout extends CollectionLayout>(layout: Layout) {
  return defineCollection({
    loader: glob({
      pattern: collectionPattern(layout),
      base: join(contentDir, layout.folder),
      generateId: idFromFileName,
    }),
    schema: layout.schema as Layout['schema'],
  });
}

export const collections = {
  report: collection(contentLayout.report),
  channels: collection(contentLayout.channels),
  personas: defineCollection({
    loader: glob({
      pattern: collectionPattern(contentLayout.personas),
      base: join(contentDir, contentLayout.personas.folder),
      generateId: idFromFileName,
    }),
    // Avatars go through Astro's image pipeline; the validator checks the same path exists.
    schema: ({ image }) => contentLayout.personas.schema.extend({ avatar: image().optional() }),
  }),
  journeys: collection(contentLayout.journeys),
  stages: defineCollection({
    // Stage file names repeat across journeys (every journey has an "awareness"): prefix the journey.
    loader: glob({
      pattern: collectionPattern(contentLayout.stages),
      base: join(contentDir, contentLayout.stages.folder),
      generateId: ({ entry, data }) =>
        stageKey({ journey: String(data.journey), stage: idFromFileName({ entry }) }),
    }),
    schema: contentLayout.stages.schema,
  }),
  touchpoints: collection(contentLayout.touchpoints),
  touchpointLists: defineCollection({
    loader: glob({
      pattern: collectionPattern(contentLayout.touchpointLists),
      base: join(contentDir, contentLayout.touchpointLists.folder),
    }),
    schema: contentLayout.touchpointLists.schema,
  }),
  kpiLists: defineCollection({
    loader: glob({
      pattern: collectionPattern(contentLayout.kpiLists),
      base: join(contentDir, contentLayout.kpiLists.folder),
    }),
    schema: contentLayout.kpiLists.schema,
  }),
};
