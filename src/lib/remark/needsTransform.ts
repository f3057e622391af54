import { INTERNAL_ELEMENT } from './internalBlocks.ts';

/**
 * Whether a Markdown/MDX source uses a feature only Itinera's remark plugins provide. Kept apart
 * from transformMdx.ts so the build loads unified and the remark plugins only for a report
 * that needs them (loading them costs about a third of a second of CPU).
 */
export function needsItineraTransform(source: string): boolean {
  return (
    source.includes('[[') ||
    source.includes(`<${INTERNAL_ELEMENT}`) ||
    /^(```|~~~)\s*mermaid\b/m.test(source)
  );
}

/** Whether an MDX body may draw a Mermaid journey: a fenced block tagged `mermaid`, indented or not. */
export const hasMermaidFence = (body: string): boolean =>
  /^[ \t]*(```|~~~)[ \t]*mermaid\b/m.test(body);
