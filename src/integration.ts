import sitemap from '@astrojs/sitemap';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dropStaleContentCache } from './build/contentCache.ts';
import { placeDataFiles, startDataFiles, type DataFilesJob } from './build/dataFiles.ts';
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
import { isEmbedPath, publishesDataFiles, withBase } from './lib/paths.ts';
import { searchedFiles } from './lib/routes.ts';
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
): { outDir: URL; scratch: string; publisher: AstroIntegration } {
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
  return { outDir: pathToFileURL(`${staging.dir}/`), scratch: staging.scratch, publisher };
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

/** What the config step learnt that the steps after Astro's build need. */
interface BuildState {
  sources?: ReportSources;
  cacheDir: string;
  site?: URL;
  base: string;
  projectRoot: string;
  earlyCards?: EarlyCards;
  dataFiles?: DataFilesJob;
}

/** A protected report cannot be built without its password: stops the run with one line. */
function requirePassword(sources: ReportSources | undefined, command: string): void {
  if (
    sources?.report.data.visibility !== 'protected' ||
    command !== 'build' ||
    process.env.ITINERA_PASSWORD
  )
    return;
  process.stderr.write(
    '\nThis report is protected (visibility: protected in report.yaml): set its password in the ITINERA_PASSWORD environment variable.\n\nNothing was built.\n',
  );
  process.exit(1);
}

/**
 * The integrations Itinera adds: a sitemap only for public reports (it needs SITE), without
 * their embeddable views (noindex); the publisher last, so it runs after every other step that
 * writes into the build.
 */
function addedIntegrations(
  publicReport: boolean,
  site: URL | undefined,
  base: string,
  publisher: AstroIntegration | undefined,
): AstroIntegration[] {
  return [
    ...(publicReport && site
      ? [sitemap({ filter: (page) => !isEmbedPath(new URL(page).pathname.slice(base.length)) })]
      : []),
    ...(publisher ? [publisher] : []),
  ];
}

/** Copies the report's logo into the build, where the pages link it. */
function copyLogo(sources: ReportSources, projectRoot: string, outDir: string): void {
  const logo = sources.report.data.branding.logo;
  if (!logo) return;
  mkdirSync(join(outDir, 'brand'), { recursive: true });
  copyFileSync(join(projectRoot, dirname(sources.report.file), logo), join(outDir, logoPath(logo)));
}

/**
 * Validates the report and configures Astro for it (output staging, the Markdown plugin, the
 * sitemap), then starts drawing the preview cards. Content errors stop the run here.
 */
function setUpBuild(state: BuildState, options: Parameters<ConfigSetupHook>[0]): void {
  const { config, command, logger, updateConfig } = options;
  // Preview serves an existing dist/: nothing to validate.
  if (command === 'preview') return;
  state.projectRoot = fileURLToPath(config.root);
  const contentDir = resolveContentDir(state.projectRoot);
  const validation = validateContent(contentDir, state.projectRoot);
  const edition = validation.sources && chooseEdition(validation.sources, logger);
  // Every later step (pages, cards, search, downloads) sees only this audience's report.
  const sources = (state.sources = edition?.sources);
  state.cacheDir = join(fileURLToPath(config.cacheDir), 'itinera-og');
  dropStaleContentCache(fileURLToPath(new URL('./lib/schema/', import.meta.url)), [
    fileURLToPath(config.cacheDir),
    join(state.projectRoot, '.astro'),
  ]);
  state.site = config.site ? new URL(config.site) : undefined;
  state.base = config.base;
  const index = sources ? buildCrossReferenceIndex(sources) : undefined;
  const leftOut =
    edition && validation.sources ? leftOutReferences(validation.sources, index!) : undefined;
  // A build that stops below (content errors, no password) removes its staging folder on exit.
  const staged =
    command === 'build'
      ? stagedBuild(state.projectRoot, contentDir, config.outDir, logger)
      : undefined;
  const markdown = itineraMarkdown({
    contentDir,
    projectRoot: state.projectRoot,
    base: config.base,
    index,
    audience: edition?.audience ?? 'internal',
    leftOut,
  });
  updateConfig({
    outDir: staged?.outDir,
    vite: {
      plugins: [markdown],
      // Pages read the content's git history; bundled page code cannot find these folders itself.
      define: {
        'import.meta.env.ITINERA_CONTENT_DIR': JSON.stringify(contentDir),
        'import.meta.env.ITINERA_PROJECT_ROOT': JSON.stringify(state.projectRoot),
        'import.meta.env.ITINERA_BUILD_WRITES_DATA_FILES': JSON.stringify(staged !== undefined),
      },
      build: { rolldownOptions: { onLog: quietHarmlessWarnings } },
    },
    integrations: addedIntegrations(
      sources?.report.data.visibility === 'public',
      state.site,
      config.base,
      staged?.publisher,
    ),
  });
  requirePassword(sources, command);
  reportProblems(validation, contentDir, command, logger);
  // Preview cards need only the model: drawn from here on the cores Astro leaves idle.
  state.earlyCards = startEarlyCards(command, sources, state.cacheDir);
  if (staged && sources && publishesDataFiles(sources.report.data.visibility))
    state.dataFiles = startDataFiles(sources, validation.bodies, staged.scratch);
}

/**
 * After Astro's build: preview cards (with the search index beside or after them), the logo,
 * robots.txt, and a protected report's encryption, all in the staging folder.
 */
async function finishBuild(
  state: BuildState,
  dir: URL,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const { sources, cacheDir, site, base, projectRoot, earlyCards, dataFiles } = state;
  if (!sources) return;
  const outDir = fileURLToPath(dir);
  if (dataFiles) await placeDataFiles(dataFiles, outDir);
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
    besides:
      visibility !== 'protected'
        ? () => writeSearchIndex(outDir, searchedFiles(report), logger)
        : undefined,
  });
  copyLogo(sources, projectRoot, outDir);
  const sitemapUrl =
    site && visibility === 'public'
      ? new URL(withBase(base, 'sitemap-index.xml'), site).href
      : undefined;
  writeRobotsTxt(outDir, visibility, sitemapUrl);
  if (visibility !== 'protected') return;
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

type ConfigSetupHook = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;

/**
 * Validates the report before Astro builds anything, so a content mistake stops the build with
 * one readable list of problems and leaves an existing `dist/` as it was; after the build, adds
 * preview cards, the search index and robots.txt, and encrypts a protected report's pages, all
 * in the staging folder that is swapped into the output folder at the very end.
 */
export function itinera(): AstroIntegration {
  const state: BuildState = { cacheDir: '', base: '/', projectRoot: '' };
  return {
    name: 'itinera',
    hooks: {
      'astro:config:setup': (options) => setUpBuild(state, options),
      'astro:build:done': ({ dir, logger }) => finishBuild(state, dir, logger),
    },
  };
}
