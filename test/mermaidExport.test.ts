import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { journeyToMermaid, mermaidText } from '../src/lib/import/mermaid/fromJourney.ts';
import { parseMermaidJourney } from '../src/lib/import/mermaid/parseJourney.ts';
import { mapScore, MERMAID_SCALE } from '../src/lib/import/mermaid/toContent.ts';
import { resolveReport, type Journey, type ResolvedReport } from '../src/lib/model.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { exampleContent, projectRoot, readPage } from './helpers/build.ts';
import { exampleSite } from './helpers/sharedBuild.ts';

function run(script: string, content: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], {
    cwd: projectRoot,
    env: { ...process.env, ITINERA_CONTENT: content },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function load(content: string): ResolvedReport {
  const { sources, problems } = validateContent(content, content);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return resolveReport(sources!);
}

/** What a round trip keeps: stage names in order, each with its touchpoints' titles and scores in order. */
const shape = (journey: Journey) =>
  journey.stages.map((s) => ({
    stage: s.data.name,
    touchpoints: s.touchpoints.map((t) => ({ title: t.data.title, emotion: t.data.emotion })),
  }));

const example = load(exampleContent);

describe('npm run export -- mermaid', () => {
  it('round trip: importing each exported journey of the example into an empty report gives the same stages, titles, order and scores', () => {
    const work = mkdtempSync(join(tmpdir(), 'itinera-export-'));
    const empty = join(work, 'content');
    mkdirSync(empty);
    // An empty report on the example's emotion scale, without settings that name the example's entries.
    const { title, client, author, date, version, summary, emotionScale } = parseYaml(
      readFileSync(join(exampleContent, 'report.yaml'), 'utf8'),
    );
    writeFileSync(
      join(empty, 'report.yaml'),
      stringifyYaml({ title, client, author, date, version, summary, emotionScale }),
    );
    expect(example.journeys.length).toBeGreaterThan(1);
    for (const journey of example.journeys) {
      const file = join(work, `${journey.id}.mmd`);
      const exported = run('export', exampleContent, 'mermaid', journey.id, '--out', file);
      expect(exported.status, exported.output).toBe(0);
      const imported = run('import', empty, 'mermaid', file, '--journey', journey.id);
      expect(imported.status, imported.output).toBe(0);
    }
    const roundTripped = load(empty);
    // The example scores on 1-5, Mermaid's own scale: no rounding at all.
    for (const journey of example.journeys)
      expect(shape(roundTripped.journeyById.get(journey.id)!), journey.id).toEqual(shape(journey));
  });

  it('maps scores from the report scale onto 1-5 and back within the two-decimal rounding', () => {
    const scale = { min: 0, max: 10 };
    for (const journey of example.journeys) {
      const diagram = parseMermaidJourney(journeyToMermaid(journey, scale));
      const tasks = diagram.sections.flatMap((s) => s.tasks);
      expect(tasks.map((t) => t.name)).toEqual(journey.touchpoints.map((t) => t.data.title));
      for (const [i, task] of tasks.entries()) {
        expect(task.score).toBeGreaterThanOrEqual(MERMAID_SCALE.min);
        expect(
          Math.abs(mapScore(task.score, scale) - journey.touchpoints[i]!.data.emotion),
        ).toBeLessThanOrEqual(0.02);
      }
    }
  });

  it('keeps names Mermaid cannot hold as written-alike text, so the diagram still parses', () => {
    expect(mermaidText('Pay: card; #2 %% done')).toBe('Pay꞉ card, ＃2 % done');
    const journey = example.journeys[0]!;
    const tricky = {
      ...journey,
      stages: [
        {
          ...journey.stages[0]!,
          touchpoints: [
            {
              ...journey.touchpoints[0]!,
              data: { ...journey.touchpoints[0]!.data, title: 'Step 1: pay #2' },
            },
          ],
        },
      ],
    };
    expect(
      parseMermaidJourney(journeyToMermaid(tricky, MERMAID_SCALE)).sections[0]!.tasks[0]!.name,
    ).toBe('Step 1꞉ pay ＃2');
  });

  it('names the journey ids when the one asked for does not exist', () => {
    const result = run('export', exampleContent, 'mermaid', 'click-colect');
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      'There is no journey "click-colect": did you mean "click-collect"',
    );
  });

  it('publishes journey.mmd beside each journey page, linked from it, equal to the CLI export', () => {
    const outDir = exampleSite();
    for (const journey of example.journeys) {
      expect(readPage(outDir, `journeys/${journey.id}`)).toContain(
        `href="/journeys/${journey.id}/journey.mmd"`,
      );
      expect(readFileSync(join(outDir, 'journeys', journey.id, 'journey.mmd'), 'utf8')).toBe(
        journeyToMermaid(journey, example.data.emotionScale),
      );
    }
  });
});
