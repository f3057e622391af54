import { getCollection } from 'astro:content';
import { chosenAudience } from '../lib/audience.ts';
import { mermaidSketchesShown } from '../lib/export/sketchesShown.ts';
import { getReport } from './report.ts';

/**
 * The source of every Mermaid journey drawn in an MDX body of this edition: bodies of entries the
 * edition leaves out are skipped, and `<Internal>` blocks are dropped from a client edition's.
 */
export async function getMermaidSketchSources(): Promise<string[]> {
  const report = await getReport();
  const audience = chosenAudience(report.data);
  const shown = new Set([
    ...report.personas.map((p) => `personas:${p.id}`),
    ...report.journeys.map((j) => `journeys:${j.id}`),
    ...report.stages.map((s) => `stages:${s.key}`),
    ...report.touchpoints.map((tp) => `touchpoints:${tp.id}`),
  ]);
  const collections = await Promise.all(
    (['personas', 'journeys', 'stages', 'touchpoints'] as const).map(async (name) =>
      (await getCollection(name)).map((entry) => ({
        key: `${name}:${entry.id}`,
        body: entry.body ?? '',
      })),
    ),
  );
  return collections
    .flat()
    .flatMap((entry) => (shown.has(entry.key) ? mermaidSketchesShown(entry.body, audience) : []));
}
