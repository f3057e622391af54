import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { isMermaidJourney } from '../import/mermaid/parseJourney.ts';

export interface MermaidJourneyOptions {
  /** Absolute path of the Astro component that draws the journey. */
  component: string;
}

const COMPONENT = 'ItineraMermaidJourney';

/**
 * Replaces each ```mermaid block whose diagram is a `journey` with Itinera's own journey map
 * canvas (an MDX element rendered at build time); other Mermaid diagrams are left alone.
 */
export const remarkMermaidJourneys: Plugin<[MermaidJourneyOptions], Root> =
  ({ component }) =>
  (tree) => {
    let found = false;
    visit(tree, 'code', (node, index, parent) => {
      if (
        node.lang !== 'mermaid' ||
        !isMermaidJourney(node.value) ||
        !parent ||
        index === undefined
      )
        return;
      found = true;
      parent.children.splice(index, 1, {
        type: 'mdxJsxFlowElement',
        name: COMPONENT,
        attributes: [
          {
            type: 'mdxJsxAttribute',
            name: 'source',
            value: { type: 'mdxJsxAttributeValueExpression', value: JSON.stringify(node.value) },
          },
          {
            type: 'mdxJsxAttribute',
            name: 'line',
            value: {
              type: 'mdxJsxAttributeValueExpression',
              value: String(node.position?.start.line ?? 0),
            },
          },
        ],
        children: [],
      });
    });
    if (found)
      tree.children.unshift({
        type: 'mdxjsEsm',
        value: `import ${COMPONENT} from ${JSON.stringify(component)};`,
      });
  };
