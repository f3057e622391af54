import sitemap from '@astrojs/sitemap';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dropStaleContentCache } from './build/contentCache.ts';
import { collectGarbage } from './build/gc.ts';
import { startEarlyCards, writeOgCards, type EarlyCards } from './build/ogCards.ts';
import { writeRobotsTxt } from './build/robots.ts';
import { writeSearchIndex } from './build/search.ts';
import { discardOnExit, publishStaging, startStaging, unsafeOutDir } from './build/staging.ts';
import { quietHarmlessWarnings } from './build/viteWarnings.ts';
import { resolveContentDir } from './lib/contentDir.ts';
import { logoPath } from './lib/branding.ts';
import { buildCrossReferenceIndex, type CrossReferenceIndex } from './lib/crossRefs.ts';
import { editionFor, type AudienceEdition } from './lib/audience.ts';
import { resolveReport, type ReportSources } from './lib/model.ts';
import { isEmbedPath, withBase } from './lib/paths.ts';
import { formatProblems, validateContent } from './lib/validate/index.ts';
import { itineraMarkdown } from './markdownPlugin.ts';

/**
 * Points Astro at a staging folder inside the project and returns the integration that, after
 * every other `astro:build:done` step, swaps the finished build into the output folder (see
 * src/build/staging.ts). A build that fails or is stopped leaves the output folder as it was.
 */
function stagedBuild(
  projectRoot: string,
  contentDir: string,
  outDir: URL,
  logger: AstroIntegrationLogger,
): { outDir: URL; publisher: AstroIntegration } {
  const target = fileURLToPath(outDir);
  const unsafe = unsafeOutDir(projectRoot, target, contentDir);
  if (unsafe) {
    process.stderr.write(
      `\nThe output folder ${target} cannot be used: ${unsafe}, and a build replaces the whole folder. Set ITINERA_OUT_DIR to a folder of its own, such as dist.\n\nNothing was built.\n`,
    );
    process.exit(1);
  }
  const staging = startStaging(projectRoot, target);
  discardOnExit(staging);
  logger.info(`building in ${staging.dir}; ${target} is replaced only once the build is complete`);
  const publisher: AstroIntegration = {
    name: 'itinera-publish',
    hooks: {
      'astro:build:done': ({ logger }) => {
        publishStaging(staging);
        logger.info(`published to ${staging.outDir}`);
      },
    },
  };
  return { outDir: pathToFileURL(`${staging.dir}/`), publisher };
}

/** The edition ITINERA_AUDIENCE or the report asks for; an unusable ITINERA_AUDIENCE stops the run with one line. */
function chooseEdition(sources: ReportSources, logger: AstroIntegrationLogger): AudienceEdition {
  let edition: AudienceEdition;
  try {
    edition = editionFor(sources);
  } catch (error) {
    process.stderr.write(`\n${(error as Error).message}\n\nNothing was built.\n`);
    process.exit(1);
  }
  logger.info(`building the ${edition.audience} edition`);
  if (edition.warnings.length > 0)
    logger.warn(
      `the client edition unlinks internal content:\n${edition.warnings.map((w) => `  ${w}`).join('\n')}`,
    );
  return edition;
}

/** Cross-reference keys (`touchpoint:id`) of entries the edition leaves out, so MDX links to them can be dropped. */
function leftOutReferences(allSources: ReportSources, shown: CrossReferenceIndex): Set<string> {
  return new Set([...buildCrossReferenceIndex(allSources).keys()].filter((key) => !shown.has(key)));
}

/**
 * Prints the content problems: as a warning where the build can go on (or in `astro dev`), or,
 * for errors, as one list before stopping the build (a thrown error would bury the list under
 * Astro's stack trace).
 */
function reportProblems(
  validation: ReturnType<typeof validateContent>,
  contentDir: string,
  command: string,
  logger: AstroIntegrationLogger,
): void {
  if (validation.problems.length === 0) return;
  const report = formatProblems(validation.problems);
  if (validation.ok || command === 'dev') {
    logger.warn(`content problems:\n\n${report}\n`);
    return;
  }
  process.stderr.write(
    `\nItinera found problems in ${contentDir}:\n\n${report}\n\nNothing was built.\n`,
  );
  process.exit(1);
}

/**
 * Validates the report before Astro builds anything, so a content mistake stops the build with
 * one readable list of problems and leaves an existing `dist/` as it was; after the build, adds
 * preview cards, the search index and robots.txt, and encrypts a protected report's pages, all
 * in the staging folder that is swapped into the output folder at the very end.
 */
export function itinera(): AstroIntegration {
  let sources: ReportSources | undefined;
  let cacheDir = '';
  let site: URL | undefined;
  let base = '/';
  let projectRoot = '';
  let earlyCards: EarlyCards | undefined;
  return {
    name: 'itinera',
    hooks: {
      'astro:config:setup': ({ config, command, logger, updateConfig }) => {
        // Preview serves an existing dist/: nothing to validate.
        if (command === 'preview') return;
        projectRoot = fileURLToPath(config.root);
        const contentDir = resolveContentDir(projectRoot);
        const validation = validateContent(contentDir, projectRoot);
        const edition = validation.sources && chooseEdition(validation.sources, logger);
        // Every later step (pages, cards, search, downloads) sees only this audience's report.
        sources = edition?.sources;
        cacheDir = join(fileURLToPath(config.cacheDir), 'itinera-og');
        dropStaleContentCache(fileURLToPath(new URL('./lib/schema/', import.meta.url)), [
          fileURLToPath(config.cacheDir),
          join(projectRoot, '.astro'),
        ]);
        site = config.site ? new URL(config.site) : undefined;
        base = config.base;
        const index = sources ? buildCrossReferenceIndex(sources) : undefined;
        const leftOut =
          edition && validation.sources ? leftOutReferences(validation.sources, index!) : undefined;
        const publicReport = sources?.report.data.visibility === 'public';
        // A build that stops below (content errors, no password) removes its staging folder on exit.
        const staged =
          command === 'build'
            ? stagedBuild(projectRoot, contentDir, config.outDir, logger)
            : undefined;
        updateConfig({
          outDir: staged?.outDir,
          vite: {
            plugins: [
              itineraMarkdown({
                contentDir,
                projectRoot,
                base: config.base,
                index,
                audience: edition?.audience ?? 'internal',
                leftOut,
              }),
            ],
            // Pages read the content's git history; bundled page code cannot find these folders itself.
            define: {
              'import.meta.env.ITINERA_CONTENT_DIR': JSON.stringify(contentDir),
              'import.meta.env.ITINERA_PROJECT_ROOT': JSON.stringify(projectRoot),
            },
            build: { rolldownOptions: { onLog: quietHarmlessWarnings } },
          },
          // Only public reports are listed for search engines (a sitemap needs SITE), without
          // their embeddable views (noindex). The publisher comes last, so it runs after every
          // other step that writes into the build.
          integrations: [
            ...(publicReport && site
              ? [
                  sitemap({
                    filter: (page) =>
                      !isEmbedPath(new URL(page).pathname.slice(config.base.length)),
                  }),
                ]
              : []),
            ...(staged ? [staged.publisher] : []),
          ],
        });
        if (
          sources?.report.data.visibility === 'protected' &&
          command === 'build' &&
          !process.env.ITINERA_PASSWORD
        ) {
          process.stderr.write(
            '\nThis report is protected (visibility: protected in report.yaml): set its password in the ITINERA_PASSWORD environment variable.\n\nNothing was built.\n',
          );
          process.exit(1);
        }
        reportProblems(validation, contentDir, command, logger);
        // Entity cards need only the model: drawn from here on the cores Astro leaves idle.
        earlyCards = startEarlyCards(command, sources, cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!sources) return;
        const outDir = fileURLToPath(dir);
        const report = resolveReport(sources);
        const visibility = report.data.visibility;
        // Astro leaves its rendering garbage on the heap, and the card step allocates too little
        // to collect it: at L the process then stayed 450 MB larger while Pagefind ran after it.
        collectGarbage();
        // Pagefind reads only the pages' HTML, the card step writes og/*.png: Pagefind runs in
        // its own process beside the card step when that leaves a core idle.
        await writeOgCards({
          outDir,
          cacheDir,
          report,
          logger,
          early: earlyCards,
          besides: visibility !== 'protected' ? () => writeSearchIndex(outDir, logger) : undefined,
        });
        const logo = report.data.branding.logo;
        if (logo) {
          mkdirSync(join(outDir, 'brand'), { recursive: true });
          copyFileSync(
            join(projectRoot, dirname(sources.report.file), logo),
            join(outDir, logoPath(logo)),
          );
        }
        const sitemapUrl =
          site && visibility === 'public'
            ? new URL(withBase(base, 'sitemap-index.xml'), site).href
            : undefined;
        writeRobotsTxt(outDir, visibility, sitemapUrl);
        if (visibility === 'protected') {
          // Loaded only for a protected report: its crypto and HTML rewriting cost CPU to load.
          const { protectPages } = await import('./build/protect.ts');
          await protectPages({
            outDir,
            base,
            password: process.env.ITINERA_PASSWORD!,
            lang: report.data.locale,
            logger,
          });
        }
      },
    },
  };
}
