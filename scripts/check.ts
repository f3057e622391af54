/**
 * `npm run check`: validates the report (every file, every reference) without building and
 * prints all problems at once. Exits 1 when there is an error, 0 with only warnings.
 */
import { resolveContentDir } from '../src/lib/contentDir.ts';
import { formatProblems, validateContent } from '../src/lib/validate/index.ts';

const projectRoot = process.cwd();
const contentDir = resolveContentDir(projectRoot);
const { problems, ok } = validateContent(contentDir, projectRoot);

if (problems.length === 0) {
  console.log(`✓ ${contentDir}: no problems found.`);
} else {
  console.log(`${formatProblems(problems)}\n`);
  console.log(
    ok
      ? '✓ The report builds; the warnings above are worth a look.'
      : '✗ Fix the errors above, then run `npm run check` again.',
  );
}
process.exitCode = ok ? 0 : 1;
