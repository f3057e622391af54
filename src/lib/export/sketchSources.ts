import { chosenAudience } from '../audience.ts';
import type { ResolvedReport } from '../model.ts';
import { hasMermaidFence } from '../remark/needsTransform.ts';

/** An entry of the edition whose MDX body may draw a Mermaid journey. */
export interface BodyEntry {
  collection: 'personas' | 'journeys' | 'stages' | 'touchpoints';
  /** Its collection entry's id (a stage's is its key: journey and stage). */
  id: string;
  /** Its content file. */
  file: string;
}

/** The edition's entries that may have an MDX body, in the report's order. */
function bodyEntries(report: ResolvedReport): BodyEntry[] {
  return [
    ...report.personas.map(({ id, file }) => ({ collection: 'personas' as const, id, file })),
    ...report.journeys.map(({ id, file }) => ({ collection: 'journeys' as const, id, file })),
    ...report.stages.map(({ key, file }) => ({ collection: 'stages' as const, id: key, file })),
    ...report.touchpoints.map(({ id, file }) => ({ collection: 'touchpoints' as const, id, file })),
  ];
}

/**
 * The source of every Mermaid journey drawn in the MDX bodies of the edition's entries, `bodyOf`
 * giving an entry's body: entries the edition leaves out are not read, and a client edition's
 * `<Internal>` blocks are dropped first. unified is loaded only when a body has a Mermaid fence,
 * so a report without one does not pay for it.
 */
export async function mermaidSketchSources(
  report: ResolvedReport,
  bodyOf: (entry: BodyEntry) => string | undefined,
): Promise<string[]> {
  const seen = new Set<string>();
  const withFences = bodyEntries(report).flatMap((entry) => {
    // Several touchpoints can come from one list file: each file's body is read once.
    if (seen.has(entry.file)) return [];
    seen.add(entry.file);
    const body = bodyOf(entry);
    return body && hasMermaidFence(body) ? [body] : [];
  });
  if (withFences.length === 0) return [];
  const { mermaidSketchesShown } = await import('./sketchesShown.ts');
  const audience = chosenAudience(report.data);
  return withFences.flatMap((body) => mermaidSketchesShown(body, audience));
}
