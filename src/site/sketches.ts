import { getCollection } from 'astro:content';
import { mermaidSketchSources } from '../lib/export/sketchSources.ts';
import { getReport } from './report.ts';

/**
 * The source of every Mermaid journey drawn in an MDX body of this edition, read from Astro's
 * collections (the build's data-file worker reads the same bodies from the validator).
 */
export async function getMermaidSketchSources(): Promise<string[]> {
  const collections = ['personas', 'journeys', 'stages', 'touchpoints'] as const;
  const bodies = new Map(
    (await Promise.all(collections.map((name) => getCollection(name))))
      .flat()
      .map((entry) => [`${entry.collection}:${entry.id}`, entry.body]),
  );
  return mermaidSketchSources(await getReport(), (entry) =>
    bodies.get(`${entry.collection}:${entry.id}`),
  );
}
