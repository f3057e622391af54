import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseMermaidJourney } from '../src/lib/import/mermaid/parseJourney.ts';
import { mermaidToContentFiles } from '../src/lib/import/mermaid/toContent.ts';
import { SUGGESTED_PHASE_COMMENT } from '../src/lib/portfolio/phases.ts';
import { stageTemplate } from '../src/lib/scaffold.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { copyFixture, exampleContent, projectRoot } from './helpers/build.ts';
import { problemsAfterEdits } from './helpers/editContent.ts';

const buyStage = 'stages/shoe-shop/buy.mdx';

/** Frontmatter of a generated MDX file. */
const frontmatter = (text: string) => parseYaml(text.split('---\n')[1]!) as Record<string, unknown>;

describe('stage phases are validated against the report lifecycle', () => {
  it('accepts a default phase', () => {
    expect(problemsAfterEdits([[buyStage, 'name: Buy\n', 'name: Buy\nphase: purchase\n']])).toEqual(
      [],
    );
  });

  it('rejects a misspelt phase at its line, with the closest phase suggested', () => {
    expect(problemsAfterEdits([[buyStage, 'name: Buy\n', 'name: Buy\nphase: purchse\n']])).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: buyStage,
        line: 5,
        field: 'phase',
        message: 'unknown phase "purchse"',
        hint: 'did you mean "purchase"?',
      }),
    ]);
  });

  it('points a phase written in words (Italian too) to the phase they name', () => {
    const [problem] = problemsAfterEdits([
      [buyStage, 'name: Buy\n', 'name: Buy\nphase: acquisto\n'],
    ]);
    expect(problem).toMatchObject({ field: 'phase', hint: 'did you mean "purchase"?' });
    expect(problem!.expected).toContain(
      'awareness, consideration, purchase, fulfilment, use, support, loyalty',
    );
  });

  it('follows a renamed and extended lifecycle, which needs names for phases of its own', () => {
    const lifecycle =
      'lifecycle:\n  - id: purchase\n    name: Buying\n  - id: repair\n  - id: purchase\n';
    const problems = problemsAfterEdits([
      ['report.yaml', 'researchSources:', `${lifecycle}researchSources:`],
      [buyStage, 'name: Buy\n', 'name: Buy\nphase: repair\n'],
      ['stages/shoe-shop/discover.mdx', 'name: Discover\n', 'name: Discover\nphase: awareness\n'],
    ]);
    expect(problems.map((p) => [p.file, p.line, p.field, p.message])).toEqual([
      ['report.yaml', 10, 'lifecycle[1]', 'the phase "repair" has no name'],
      ['report.yaml', 11, 'lifecycle[2].id', 'duplicate phase id "purchase"'],
      ['stages/shoe-shop/discover.mdx', 5, 'phase', 'unknown phase "awareness"'],
    ]);
  });

  it('the example reports give every stage a phase', () => {
    for (const content of [exampleContent, join(projectRoot, 'examples/it/content')]) {
      const { sources } = validateContent(content, projectRoot);
      const unplaced = sources!.stages.filter((s) => s.data.phase === undefined).map((s) => s.file);
      expect(unplaced).toEqual([]);
    }
  });
});

describe('new stages get a phase suggested from their name, marked as a suggestion', () => {
  it('npm run new writes the suggestion with its comment, or a commented line when the name suggests none', () => {
    const suggested = stageTemplate({ journey: 'shop', name: 'Ritiro in negozio', order: 1 });
    expect(suggested).toContain(`phase: fulfilment   # ${SUGGESTED_PHASE_COMMENT}`);
    expect(frontmatter(suggested).phase).toBe('fulfilment');
    const none = stageTemplate({ journey: 'shop', name: 'Lunch break', order: 2 });
    expect(frontmatter(none).phase).toBeUndefined();
    expect(none).toContain(
      '# phase: no phase suggested from the name; pick one of awareness, consideration',
    );
  });

  it('npm run new says which phase it suggested, or that the stage stays unplaced', () => {
    const dir = copyFixture();
    const run = (name: string) => {
      const result = spawnSync(
        process.execPath,
        ['scripts/new.ts', 'stage', name, '--journey', 'shoe-shop'],
        { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, ITINERA_CONTENT: dir } },
      );
      return `${result.stdout}${result.stderr}`;
    };
    expect(run('Checkout')).toContain(
      'Phase "purchase" suggested from the name: check it in the file.',
    );
    expect(run('Lunch break')).toContain(
      'No lifecycle phase suggested from "Lunch break": add "phase:" to the file, or the stage stays unplaced in the heatmap.',
    );
    expect(readFileSync(join(dir, 'stages/shoe-shop/checkout.mdx'), 'utf8')).toContain(
      `phase: purchase   # ${SUGGESTED_PHASE_COMMENT}`,
    );
  });

  it('a future state copies the phases of the stages it starts from, as they are', () => {
    expect(
      stageTemplate({ journey: 'shop-future', name: 'Lunch break', order: 2, phase: 'use' }),
    ).toContain('phase: use\n');
  });

  it('the Mermaid import suggests phases per section and marks them', () => {
    const journey = parseMermaidJourney(
      'journey\n  title Shoes\n  section Order online\n    Pay: 4: Anna\n  section Lunch break\n    Eat: 3: Anna\n',
    );
    const stages = mermaidToContentFiles(journey, { journeyId: 'shoes' }).filter((f) =>
      f.path.startsWith('stages/'),
    );
    expect(stages.map((f) => frontmatter(f.text))).toEqual([
      expect.objectContaining({ name: 'Order online', phase: 'purchase' }),
      expect.not.objectContaining({ phase: expect.anything() }),
    ]);
    expect(stages[0]!.text).toContain(`# ${SUGGESTED_PHASE_COMMENT}`);
    expect(stages[1]!.text).toContain('# phase: no phase suggested from the name');
  });
});
