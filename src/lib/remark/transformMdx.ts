import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { CrossReferenceIndex } from '../crossRefs.ts';
import type { Audience } from '../schema/audience.ts';
import { remarkCrossReferences } from './crossReferences.ts';
import { remarkInternalBlocks } from './internalBlocks.ts';
import { remarkMermaidJourneys } from './mermaidJourneys.ts';
import { needsItineraTransform } from './needsTransform.ts';

export interface MdxTransformOptions {
  index: CrossReferenceIndex;
  base: string;
  /** Absolute path of the component that renders a Mermaid journey. */
  mermaidComponent: string;
  /** The edition being built: the client edition drops `<Internal>` blocks. */
  audience: Audience;
  /** Absolute path of the component that shows an `<Internal>` block in the internal edition. */
  internalComponent: string;
  /** Cross-reference keys (`touchpoint:id`) of entries this edition leaves out. */
  leftOut?: ReadonlySet<string>;
}

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;

/**
 * Rewrites an MDX file's body through unified when, and only when, it uses cross-references or
 * Mermaid journeys, or has `<Internal>` blocks; every other page skips this step and goes straight to Astro's fast default
 * processor. Returns undefined when there is nothing to do.
 */
export function transformMdxSource(
  source: string,
  options: MdxTransformOptions,
): string | undefined {
  if (!needsItineraTransform(source)) return undefined;
  const frontmatter = FRONTMATTER.exec(source)?.[0] ?? '';
  const body = source.slice(frontmatter.length);
  const output = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    // Internal blocks go first, so the client edition never resolves links inside them.
    .use(remarkInternalBlocks, { audience: options.audience, component: options.internalComponent })
    .use(remarkCrossReferences, {
      index: options.index,
      base: options.base,
      leftOut: options.leftOut,
    })
    .use(remarkMermaidJourneys, { component: options.mermaidComponent })
    .use(remarkStringify)
    .processSync(body);
  return `${frontmatter}${String(output)}`;
}
