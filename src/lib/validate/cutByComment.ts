import { isPair, isScalar, isSeq, visit, type Document, type LineCounter } from 'yaml';
import { formatFieldPath, type Problem } from '../problems.ts';

/** After an unquoted value, ` #` starts a comment; glued to a word (`#ebike`, `#1`) it was meant as text. */
const GLUED_COMMENT = /^[ \t]+(#\S[^\r\n]*)/;

/** The field path of a node from the ancestors YAML's `visit` hands over. */
function fieldPath(ancestors: readonly unknown[], node: unknown): (string | number)[] {
  const chain = [...ancestors, node];
  return chain.flatMap((item, i): (string | number)[] => {
    if (isPair(item)) return [String(isScalar(item.key) ? item.key.value : item.key)];
    if (isSeq(item) && i + 1 < chain.length) return [item.items.indexOf(chain[i + 1] as never)];
    return [];
  });
}

/**
 * Warnings for unquoted values that YAML cut at ` #`: `title: Un reel #ebike & città` is read as
 * "Un reel". A comment starting with a space (`# checked in May`) is a real comment and is left alone.
 */
export function cutByCommentProblems(doc: Document, text: string, lineCounter: LineCounter, file: string, lineOffset: number): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || node.type !== 'PLAIN' || !node.range || (typeof node.value !== 'string' && node.value !== null)) return;
      const comment = GLUED_COMMENT.exec(text.slice(node.range[1]))?.[1];
      if (comment === undefined) return;
      const path = fieldPath(ancestors, node);
      const kept = node.value === null ? '' : String(node.value);
      const whole = kept === '' ? comment : `${kept} ${comment}`;
      problems.push({
        severity: 'warning',
        file,
        line: lineCounter.linePos(node.range[1]).line + lineOffset,
        field: formatFieldPath(path),
        message: `the text stops before "${comment}": YAML reads " #" and what follows as a comment`,
        found: kept === '' ? 'an empty value' : `"${kept}"`,
        hint: `put the whole value in quotes: ${typeof path.at(-1) === 'string' ? `${String(path.at(-1))}: ` : '- '}${JSON.stringify(whole)}`,
      });
    },
  });
  return problems;
}
