import type { Link, PhrasingContent, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { findCrossReferences, type CrossReferenceIndex } from '../crossRefs.ts';
import { withBase } from '../paths.ts';

export interface CrossReferenceOptions {
  index: CrossReferenceIndex;
  /** Site base, e.g. `/` or `/reports/acme/`. */
  base: string;
  /** Keys (`touchpoint:id`) of entries this edition leaves out: a link to one keeps only its author's label, as text. */
  leftOut?: ReadonlySet<string>;
}

/**
 * Turns `[[kind:id]]` in prose into a link to the entity's page, titled with the entity's name.
 * Unknown ids stay as text with a message on the file: the validator fails the build on them.
 */
export const remarkCrossReferences: Plugin<[CrossReferenceOptions], Root> =
  ({ index, base, leftOut }) =>
  (tree, file) => {
    visit(tree, 'text', (node: Text, position, parent) => {
      if (!parent || position === undefined || !node.value.includes('[[')) return;
      const refs = findCrossReferences(node.value);
      if (refs.length === 0) return;
      const replacement: PhrasingContent[] = [];
      let cursor = 0;
      for (const ref of refs) {
        const key = `${ref.kind}:${ref.id}`;
        const target = index.get(key);
        if (!target && leftOut?.has(key)) {
          // Neither the internal entry's title nor its id may reach the client edition.
          file.message(
            `[[${key}]] links to internal content: the client edition keeps only its label`,
            node,
          );
          if (ref.index > cursor)
            replacement.push({ type: 'text', value: node.value.slice(cursor, ref.index) });
          if (ref.label) replacement.push({ type: 'text', value: ref.label });
          cursor = ref.index + ref.length;
          continue;
        }
        if (!target) {
          file.message(`unknown ${ref.kind} "${ref.id}" in [[${ref.kind}:${ref.id}]]`, node);
          continue;
        }
        if (ref.index > cursor)
          replacement.push({ type: 'text', value: node.value.slice(cursor, ref.index) });
        const link: Link = {
          type: 'link',
          url: withBase(base, target.path),
          children: [{ type: 'text', value: ref.label ?? target.title }],
        };
        replacement.push(link);
        cursor = ref.index + ref.length;
      }
      if (cursor < node.value.length)
        replacement.push({ type: 'text', value: node.value.slice(cursor) });
      parent.children.splice(position, 1, ...replacement);
      return [SKIP, position + replacement.length];
    });
  };
