import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { resolveContentDir } from './lib/contentDir.ts';
import { buildCrossReferenceIndex } from './lib/crossRefs.ts';
import { itineraMarkdown } from './markdownPlugin.ts';
import { formatProblems, validateContent } from './lib/validate/index.ts';

/**
 * Validates the report before Astro builds anything, so a content mistake stops the build with
 * one readable list of problems and leaves an existing `dist/` as it was.
 */
export function itinera(): AstroIntegration {
  return {
    name: 'itinera',
    hooks: {
      'astro:config:setup': ({ config, command, logger, updateConfig }) => {
        // Preview serves an existing dist/: nothing to validate.
        if (command === 'preview') return;
        const projectRoot = fileURLToPath(config.root);
        const contentDir = resolveContentDir(projectRoot);
        const { problems, ok, sources } = validateContent(contentDir, projectRoot);
        const index = sources ? buildCrossReferenceIndex(sources) : undefined;
        updateConfig({ vite: { plugins: [itineraMarkdown({ contentDir, projectRoot, base: config.base, index })] } });
        if (problems.length === 0) return;
        const report = formatProblems(problems);
        if (ok || command === 'dev') {
          logger.warn(`content problems:\n\n${report}\n`);
          return;
        }
        // A thrown error would bury the list under Astro's stack trace: print it and stop.
        process.stderr.write(`\nItinera found problems in ${contentDir}:\n\n${report}\n\nNothing was built.\n`);
        process.exit(1);
      },
    },
  };
}
