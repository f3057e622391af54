import type { Link, PhrasingContent, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { findCrossReferences, type CrossReferenceIndex } from '../crossRefs.ts';
import { withBase } from '../paths.ts';

export interface CrossReferenceOptions {
  index: CrossReferenceIndex;
  /** Site base, e.g. `/` or `/reports/acme/`. */
  base: string;
}

/**
 * Turns `[[kind:id]]` in prose into a link to the entity's page, titled with the entity's name.
 * Unknown ids stay as text with a message on the file: the validator fails the build on them.
 */
export const remarkCrossReferences: Plugin<[CrossReferenceOptions], Root> = ({ index, base }) => (tree, file) => {
  visit(tree, 'text', (node: Text, position, parent) => {
    if (!parent || position === undefined || !node.value.includes('[[')) return;
    const refs = findCrossReferences(node.value);
    if (refs.length === 0) return;
    const replacement: PhrasingContent[] = [];
    let cursor = 0;
    for (const ref of refs) {
      const target = index.get(`${ref.kind}:${ref.id}`);
      if (!target) {
        file.message(`unknown ${ref.kind} "${ref.id}" in [[${ref.kind}:${ref.id}]]`, node);
        continue;
      }
      if (ref.index > cursor) replacement.push({ type: 'text', value: node.value.slice(cursor, ref.index) });
      const link: Link = { type: 'link', url: withBase(base, target.path), children: [{ type: 'text', value: ref.label ?? target.title }] };
      replacement.push(link);
      cursor = ref.index + ref.length;
    }
    if (cursor < node.value.length) replacement.push({ type: 'text', value: node.value.slice(cursor) });
    parent.children.splice(position, 1, ...replacement);
    return [SKIP, position + replacement.length];
  });
};
