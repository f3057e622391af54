/**
 * Which Mermaid journeys an MDX body shows in an edition. Apart from the sketches' tables because
 * it parses MDX with unified, which the build loads only for a body with a Mermaid fence.
 */
import type { Code } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isMermaidJourney } from '../import/mermaid/parseJourney.ts';
import { remarkInternalBlocks } from '../remark/internalBlocks.ts';
import { hasMermaidFence } from '../remark/needsTransform.ts';
import type { Audience } from '../schema/audience.ts';

/**
 * The Mermaid journeys an MDX body shows in an edition, read as the page's own MDX pipeline reads
 * them: a client edition drops `<Internal>` blocks first, so their sketches get no download.
 */
export function mermaidSketchesShown(body: string, audience: Audience): string[] {
  if (!hasMermaidFence(body)) return [];
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkInternalBlocks, { audience, component: 'unused' });
  const sources: string[] = [];
  visit(processor.runSync(processor.parse(body)), 'code', (node: Code) => {
    if (node.lang === 'mermaid' && isMermaidJourney(node.value)) sources.push(node.value);
  });
  return sources;
}
