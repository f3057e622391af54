import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { Audience } from '../schema/audience.ts';

export interface InternalBlockOptions {
  audience: Audience;
  /** Absolute path of the component that shows an internal block in the internal edition. */
  component: string;
}

/** The element authors write around internal prose: `<Internal>…</Internal>`. */
export const INTERNAL_ELEMENT = 'Internal';
const COMPONENT = 'ItineraInternal';

/**
 * `<Internal>…</Internal>` in an MDX body: removed from the syntax tree in the client edition,
 * so its text never reaches the compiled page; shown through Itinera's component otherwise
 * (imported here, so authors need no import line).
 */
export const remarkInternalBlocks: Plugin<[InternalBlockOptions], Root> =
  ({ audience, component }) =>
  (tree) => {
    let found = false;
    visit(tree, (node, index, parent) => {
      if (
        (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') ||
        node.name !== INTERNAL_ELEMENT
      )
        return undefined;
      found = true;
      if (audience === 'internal') {
        node.name = COMPONENT;
        return undefined;
      }
      if (!parent || index === undefined) return undefined;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
    if (found && audience === 'internal')
      tree.children.unshift({
        type: 'mdxjsEsm',
        value: `import ${COMPONENT} from ${JSON.stringify(component)};`,
      });
  };
