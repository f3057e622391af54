import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { Problem } from '../problems.ts';
import { findCutByComment } from './cutByComment.ts';

/** A content file's data with a way back from a field path to the line it is written on. */
export interface ParsedFile {
  data: unknown;
  /** 1-based line of a field path, or of the nearest parent that exists in the file. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** The fix for a field whose whole unquoted value YAML read as a comment (`primaryColor: #1d4e89`). */
  emptiedByComment(field: string): string | undefined;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

function yamlProblems(
  doc: Document,
  lineCounter: LineCounter,
  file: string,
  lineOffset: number,
): Problem[] {
  return doc.errors.map((error) => ({
    severity: 'error' as const,
    file,
    line: lineCounter.linePos(error.pos[0]).line + lineOffset,
    message: `invalid YAML: ${error.message.split('\n')[0]}`,
    hint: 'check indentation, and quote text that contains ": " or starts with a special character',
  }));
}

/** Parses YAML text; `lineOffset` shifts lines for frontmatter that starts below line 1. */
export function parseYaml(
  text: string,
  file: string,
  lineOffset = 0,
): { parsed?: ParsedFile; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems = yamlProblems(doc, lineCounter, file, lineOffset);
  if (problems.length > 0) return { problems };
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + lineOffset;
    }
    return undefined;
  };
  const cut = findCutByComment(doc, lineCounter, file, lineOffset);
  return {
    parsed: { data: doc.toJS() ?? {}, lineOf, emptiedByComment: (field) => cut.emptied.get(field) },
    problems: cut.problems,
  };
}

/** Parses an MDX/Markdown file's frontmatter; `body` is the prose below it. */
export function parseFrontmatter(
  text: string,
  file: string,
): { parsed?: ParsedFile; problems: Problem[]; body?: { text: string; firstLine: number } } {
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return {
      problems: [
        {
          severity: 'error',
          file,
          line: 1,
          message: 'the file has no frontmatter',
          expected: 'a block of YAML fields between two "---" lines at the top of the file',
          hint: 'start the file with "---", the fields, then "---"; `npm run new` writes a template',
        },
      ],
    };
  }
  // Line 1 is the opening "---", so the YAML's first line is line 2.
  const body = { text: text.slice(match[0].length), firstLine: match[0].split('\n').length };
  return { ...parseYaml(match[1]!, file, 1), body };
}
