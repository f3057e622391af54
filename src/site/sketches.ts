import { getCollection } from 'astro:content';
import { findMermaidJourneyBlocks } from '../lib/import/mermaid/parseJourney.ts';

/** The source of every Mermaid journey drawn in an MDX body (personas, journeys, stages, touchpoints). */
export async function getMermaidSketchSources(): Promise<string[]> {
  const collections = await Promise.all([
    getCollection('personas'),
    getCollection('journeys'),
    getCollection('stages'),
    getCollection('touchpoints'),
  ]);
  return collections
    .flat()
    .flatMap((entry) => findMermaidJourneyBlocks(entry.body ?? '').map((block) => block.source));
}
