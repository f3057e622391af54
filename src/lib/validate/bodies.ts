import { blankOutCodeFences, buildCrossReferenceIndex, findCrossReferences } from '../crossRefs.ts';
import { closestMatches } from '../closest.ts';
import {
  findMermaidJourneyBlocks,
  MermaidSyntaxError,
  parseMermaidJourney,
} from '../import/mermaid/parseJourney.ts';
import type { ReportSources } from '../model.ts';
import type { Problem } from '../problems.ts';
import type { FailedEntries } from './failedEntries.ts';

/** The prose of an MDX/Markdown file: its text below the frontmatter and the line it starts on. */
export interface Body {
  text: string;
  firstLine: number;
}

function lineAt(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Cross-references that name nothing (or an entry that failed), and Mermaid journeys that do not parse, in every body. */
export function checkBodies(
  bodies: Map<string, Body>,
  sources: ReportSources,
  failed: FailedEntries,
): Problem[] {
  const problems: Problem[] = [];
  const index = buildCrossReferenceIndex(sources);
  const idsOfKind = (kind: string) =>
    [...index.keys()].filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1));
  for (const [file, body] of bodies) {
    if (body.text.includes('[[')) {
      const prose = blankOutCodeFences(body.text);
      for (const ref of findCrossReferences(prose)) {
        if (index.has(`${ref.kind}:${ref.id}`) || failed.has(ref.kind, ref.id)) continue;
        const close = closestMatches(ref.id, idsOfKind(ref.kind));
        problems.push({
          severity: 'error',
          file,
          line: body.firstLine + lineAt(prose, ref.index),
          message: `cross-reference to an unknown ${ref.kind} "${ref.id}"`,
          found: `[[${ref.kind}:${ref.id}]]`,
          expected:
            ref.kind === 'stage'
              ? 'a stage as journey/stage, e.g. [[stage:click-collect/awareness]]'
              : `the id of a ${ref.kind}`,
          hint:
            close.length > 0
              ? `did you mean ${close.map((c) => `[[${ref.kind}:${c}]]`).join(' or ')}?`
              : `check the ${ref.kind} id`,
        });
      }
    }
    for (const block of findMermaidJourneyBlocks(body.text)) {
      try {
        parseMermaidJourney(block.source);
      } catch (error) {
        if (!(error instanceof MermaidSyntaxError)) throw error;
        // Diagram line N sits N lines below the opening fence.
        problems.push({
          severity: 'error',
          file,
          line: body.firstLine - 1 + block.fenceLine + error.line,
          field: 'mermaid journey',
          message: error.message,
          hint: 'see "Mermaid journeys in a page" in docs/authoring.md',
        });
      }
    }
  }
  return problems;
}
