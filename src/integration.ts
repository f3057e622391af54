import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropStaleContentCache } from './build/contentCache.ts';
import { writeOgCards } from './build/ogCards.ts';
import { protectPages } from './build/protect.ts';
import { writeRobotsTxt } from './build/robots.ts';
import { writeSearchIndex } from './build/search.ts';
import { resolveContentDir } from './lib/contentDir.ts';
import { logoPath } from './lib/branding.ts';
import { buildCrossReferenceIndex } from './lib/crossRefs.ts';
import { resolveReport, type ReportSources } from './lib/model.ts';
import { withBase } from './lib/paths.ts';
import { formatProblems, validateContent } from './lib/validate/index.ts';
import { itineraMarkdown } from './markdownPlugin.ts';

/**
 * Validates the report before Astro builds anything, so a content mistake stops the build with
 * one readable list of problems and leaves an existing `dist/` as it was; after the build, adds
 * preview cards, the search index and robots.txt.
 */
export function itinera(): AstroIntegration {
  let sources: ReportSources | undefined;
  let cacheDir = '';
  let site: URL | undefined;
  let base = '/';
  let projectRoot = '';
  return {
    name: 'itinera',
    hooks: {
      'astro:config:setup': ({ config, command, logger, updateConfig }) => {
        // Preview serves an existing dist/: nothing to validate.
        if (command === 'preview') return;
        projectRoot = fileURLToPath(config.root);
        const contentDir = resolveContentDir(projectRoot);
        const validation = validateContent(contentDir, projectRoot);
        sources = validation.sources;
        cacheDir = join(fileURLToPath(config.cacheDir), 'itinera-og');
        dropStaleContentCache(fileURLToPath(new URL('./lib/schema/', import.meta.url)), [fileURLToPath(config.cacheDir), join(projectRoot, '.astro')]);
        site = config.site ? new URL(config.site) : undefined;
        base = config.base;
        const index = sources ? buildCrossReferenceIndex(sources) : undefined;
        const publicReport = sources?.report.data.visibility === 'public';
        updateConfig({
          vite: {
            plugins: [itineraMarkdown({ contentDir, projectRoot, base: config.base, index })],
            // Pages read the content's git history; bundled page code cannot find these folders itself.
            define: { 'import.meta.env.ITINERA_CONTENT_DIR': JSON.stringify(contentDir), 'import.meta.env.ITINERA_PROJECT_ROOT': JSON.stringify(projectRoot) },
          },
          // Only public reports are listed for search engines (a sitemap needs SITE).
          integrations: publicReport && site ? [sitemap()] : [],
        });
        if (sources?.report.data.visibility === 'protected' && command === 'build' && !process.env.ITINERA_PASSWORD) {
          process.stderr.write('\nThis report is protected (visibility: protected in report.yaml): set its password in the ITINERA_PASSWORD environment variable.\n\nNothing was built.\n');
          process.exit(1);
        }
        if (validation.problems.length === 0) return;
        const report = formatProblems(validation.problems);
        if (validation.ok || command === 'dev') {
          logger.warn(`content problems:\n\n${report}\n`);
          return;
        }
        // A thrown error would bury the list under Astro's stack trace: print it and stop.
        process.stderr.write(`\nItinera found problems in ${contentDir}:\n\n${report}\n\nNothing was built.\n`);
        process.exit(1);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!sources) return;
        const outDir = fileURLToPath(dir);
        const report = resolveReport(sources);
        const visibility = report.data.visibility;
        await writeOgCards({ outDir, cacheDir, report, logger });
        const logo = report.data.branding.logo;
        if (logo) {
          mkdirSync(join(outDir, 'brand'), { recursive: true });
          copyFileSync(join(projectRoot, dirname(sources.report.file), logo), join(outDir, logoPath(logo)));
        }
        if (visibility !== 'protected') await writeSearchIndex(outDir, logger);
        const sitemapUrl = site && visibility === 'public' ? new URL(withBase(base, 'sitemap-index.xml'), site).href : undefined;
        writeRobotsTxt(outDir, visibility, sitemapUrl);
        if (visibility === 'protected') {
          await protectPages({ outDir, base, password: process.env.ITINERA_PASSWORD!, lang: report.data.locale, logger });
        }
      },
    },
  };
}
