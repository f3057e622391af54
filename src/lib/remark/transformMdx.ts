import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { CrossReferenceIndex } from '../crossRefs.ts';
import { remarkCrossReferences } from './crossReferences.ts';
import { remarkMermaidJourneys } from './mermaidJourneys.ts';

export interface MdxTransformOptions {
  index: CrossReferenceIndex;
  base: string;
  /** Absolute path of the component that renders a Mermaid journey. */
  mermaidComponent: string;
}

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;

/** Whether a Markdown/MDX source uses a feature only Itinera's remark plugins provide. */
export function needsItineraTransform(source: string): boolean {
  return source.includes('[[') || /^(```|~~~)\s*mermaid\b/m.test(source);
}

/**
 * Rewrites an MDX file's body through unified when, and only when, it uses cross-references or
 * Mermaid journeys; every other page skips this step and goes straight to Astro's fast default
 * processor. Returns undefined when there is nothing to do.
 */
export function transformMdxSource(source: string, options: MdxTransformOptions): string | undefined {
  if (!needsItineraTransform(source)) return undefined;
  const frontmatter = FRONTMATTER.exec(source)?.[0] ?? '';
  const body = source.slice(frontmatter.length);
  const output = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkCrossReferences, { index: options.index, base: options.base })
    .use(remarkMermaidJourneys, { component: options.mermaidComponent })
    .use(remarkStringify)
    .processSync(body);
  return `${frontmatter}${String(output)}`;
}
