import { isPair, isScalar, isSeq, visit, type Document, type LineCounter } from 'yaml';
import { formatFieldPath, type Problem } from '../problems.ts';

/** The field path of a node from the ancestors YAML's `visit` hands over. */
function fieldPath(ancestors: readonly unknown[], node: unknown): (string | number)[] {
  const chain = [...ancestors, node];
  return chain.flatMap((item, i): (string | number)[] => {
    if (isPair(item)) return [String(isScalar(item.key) ? item.key.value : item.key)];
    if (isSeq(item) && i + 1 < chain.length) return [item.items.indexOf(chain[i + 1])];
    return [];
  });
}

/** What YAML cut at a comment: warnings for shortened text, and the fields it emptied entirely. */
export interface CutByComment {
  problems: Problem[];
  /** Field path (`branding.primaryColor`) → the fix, for values such as `#1d4e89` read as nothing. */
  emptied: Map<string, string>;
}

/**
 * Unquoted values that YAML cut at ` #`: `title: Un reel #ebike & città` is read as "Un reel", and
 * `primaryColor: #1d4e89` as nothing. A comment starting with a space (`# checked in May`) is a
 * real comment and is left alone.
 */
export function findCutByComment(
  doc: Document,
  lineCounter: LineCounter,
  file: string,
  lineOffset: number,
): CutByComment {
  const cut: CutByComment = { problems: [], emptied: new Map() };
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (
        key === 'key' ||
        node.type !== 'PLAIN' ||
        !node.range ||
        (typeof node.value !== 'string' && node.value !== null)
      )
        return;
      // YAML keeps a value's same-line comment on its node, without the "#". Glued to a word
      // (`#ebike`, `#1`, `#1d4e89`) it was meant as text; after a space it is a real comment.
      const trailing = node.comment?.split('\n')[0];
      if (!trailing || /^\s/.test(trailing)) return;
      const comment = `#${trailing}`;
      const path = fieldPath(ancestors, node);
      const name = path.at(-1);
      const quoted = (value: string) =>
        `put the whole value in quotes: ${typeof name === 'string' ? `${name}: ` : '- '}${JSON.stringify(value)}`;
      // An emptied value fails its schema: the fix goes into that error rather than a second problem.
      if (node.value === null) {
        cut.emptied.set(formatFieldPath(path), quoted(comment));
        return;
      }
      cut.problems.push({
        severity: 'warning',
        file,
        line: lineCounter.linePos(node.range[1]).line + lineOffset,
        field: formatFieldPath(path),
        message: `the text stops before "${comment}": YAML reads " #" and what follows as a comment`,
        found: `"${node.value}"`,
        hint: quoted(`${node.value} ${comment}`),
      });
    },
  });
  return cut;
}
