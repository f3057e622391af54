import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { buildCrossReferenceIndex, type CrossReferenceIndex } from './lib/crossRefs.ts';
import { forAudience, type Audience } from './lib/audience.ts';
import { needsItineraTransform } from './lib/remark/needsTransform.ts';
import { loadSources } from './lib/validate/loadSources.ts';

const mermaidComponent = fileURLToPath(
  new URL('./components/MermaidJourney.astro', import.meta.url),
);
const internalComponent = fileURLToPath(new URL('./components/Internal.astro', import.meta.url));

/**
 * Runs Itinera's remark plugins (cross-references, Mermaid journeys, `<Internal>` blocks) on
 * the report's MDX files that use them, before Astro's MDX compiler sees them, so a client
 * edition's compiled pages never hold an internal block's text. Files without `[[`, a Mermaid
 * fence or `<Internal` are not touched, so they keep Astro's fast default Markdown processor.
 */
export function itineraMarkdown(options: {
  contentDir: string;
  projectRoot: string;
  base: string;
  index?: CrossReferenceIndex;
  audience: Audience;
  leftOut?: ReadonlySet<string>;
}): Plugin {
  // The build passes the index from its validation run; dev rebuilds it after content edits.
  let index = options.index;
  const getIndex = () => {
    if (!index) {
      const { sources } = loadSources(options.contentDir, options.projectRoot);
      index = sources
        ? buildCrossReferenceIndex(forAudience(sources, options.audience).sources)
        : new Map();
    }
    return index;
  };
  return {
    name: 'itinera:markdown',
    enforce: 'pre',
    async transform(code, id) {
      const path = id.split('?')[0]!;
      if (
        !path.startsWith(options.contentDir) ||
        !/\.mdx?$/.test(path) ||
        !needsItineraTransform(code)
      )
        return undefined;
      const { transformMdxSource } = await import('./lib/remark/transformMdx.ts');
      const output = transformMdxSource(code, {
        index: getIndex(),
        base: options.base,
        mermaidComponent,
        audience: options.audience,
        internalComponent,
        leftOut: options.leftOut,
      });
      return output === undefined ? undefined : { code: output, map: null };
    },
    // In dev, titles and ids may change with any content edit.
    handleHotUpdate({ file }) {
      if (file.startsWith(options.contentDir)) index = undefined;
    },
  };
}
