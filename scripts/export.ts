/**
 * `npm run export -- <subcommand> ...`: hands the report's data to other tools.
 *
 *   mermaid JOURNEY [--out FILE]   a journey as a Mermaid user journey (stdout, or FILE)
 */
import { writeFileSync } from 'node:fs';
import { parseCommandLine, UsageError, usageErrorText } from '../src/lib/commandLine.ts';
import { suggest } from '../src/lib/closest.ts';
import { resolveContentDir } from '../src/lib/contentDir.ts';
import { editionFor } from '../src/lib/audience.ts';
import { journeyToMermaid } from '../src/lib/import/mermaid/fromJourney.ts';
import { resolveReport, type ResolvedReport } from '../src/lib/model.ts';
import { formatProblems, validateContent } from '../src/lib/validate/index.ts';

const USAGE = `Usage: npm run export -- <subcommand> [options]

Subcommands:
  mermaid JOURNEY [--out FILE]
      The journey as a Mermaid user journey: one section per stage, one task per touchpoint,
      emotion scores mapped onto Mermaid's 1-5. Printed, or written to FILE.

The content folder is content/, or ITINERA_CONTENT when set. ITINERA_AUDIENCE=client exports
the client edition (docs/audiences.md).`;

/** The validated, resolved report; undefined (problems printed) when it has errors. */
function loadReport(): ResolvedReport | undefined {
  const projectRoot = process.cwd();
  const contentDir = resolveContentDir(projectRoot);
  const { problems, ok, sources } = validateContent(contentDir, projectRoot);
  if (ok && sources) {
    try {
      return resolveReport(editionFor(sources).sources);
    } catch (error) {
      // Only an unusable ITINERA_AUDIENCE throws here: one line, no stack.
      console.error(`✗ ${(error as Error).message}`);
      return undefined;
    }
  }
  console.error(
    `${formatProblems(problems)}\n\n✗ Nothing was exported: fix the errors above (\`npm run check\` lists them too).`,
  );
  return undefined;
}

function exportMermaid(args: string[]): number {
  const { values, positionals } = parseCommandLine(
    args,
    { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    { command: 'npm run export -- mermaid', usage: USAGE },
  );
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? 'Give the id of the journey to export.'
        : `Give one journey, not ${positionals.length}.`,
      USAGE,
    );
  const report = loadReport();
  if (!report) return 1;
  const id = positionals[0]!;
  const journey = report.journeyById.get(id);
  if (!journey) {
    throw new UsageError(
      `There is no journey "${id}": ${suggest(id, [...report.journeyById.keys()], 'journey')}`,
    );
  }
  const diagram = journeyToMermaid(journey, report.data.emotionScale);
  if (values.out === undefined) process.stdout.write(diagram);
  else {
    writeFileSync(values.out, diagram);
    console.error(`✓ Wrote ${values.out}`);
  }
  return 0;
}

const commands: Record<string, (args: string[]) => number> = { mermaid: exportMermaid };

function main([name, ...args]: string[]): number {
  if (name === '--help' || name === '-h') {
    console.log(USAGE);
    return 0;
  }
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    console.error(
      name === undefined
        ? USAGE
        : `✗ Unknown subcommand "${name}": use one of ${Object.keys(commands).join(', ')}.\n\n${USAGE}`,
    );
    return 1;
  }
  try {
    return command(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(usageErrorText(error));
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
