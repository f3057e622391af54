import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../src/lib/problems.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { copyFixture, exampleContent, projectRoot } from './helpers/build.ts';

/** Copies the minimal fixture, applies an edit, validates, and returns the problems. */
function problemsAfter(edit: (dir: string) => void): Problem[] {
  const dir = copyFixture();
  edit(dir);
  return validateContent(dir, dir).problems;
}

function replaceIn(dir: string, file: string, from: string, to: string) {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture ${file} has no "${from}"`);
  writeFileSync(path, text.replace(from, to));
}

describe('the example report', () => {
  it('validates with no errors and no warnings', () => {
    const { problems, ok } = validateContent(exampleContent, projectRoot);
    expect(problems).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is as large as promised: 3 personas, 3 journeys of 5-7 stages, 40+ touchpoints, 15+ KPIs', () => {
    const { sources } = validateContent(exampleContent, projectRoot);
    expect(sources!.personas.length).toBeGreaterThanOrEqual(3);
    expect(sources!.journeys.length).toBeGreaterThanOrEqual(3);
    for (const journey of sources!.journeys) {
      const stages = sources!.stages.filter((s) => s.data.journey === journey.id).length;
      expect(stages).toBeGreaterThanOrEqual(5);
      expect(stages).toBeLessThanOrEqual(7);
    }
    expect(sources!.touchpoints.length).toBeGreaterThanOrEqual(40);
    expect(sources!.kpis.length).toBeGreaterThanOrEqual(15);
    const channelKinds = new Set(
      sources!.touchpoints.map(
        (t) => sources!.channels.find((c) => c.id === t.data.channel)!.data.kind,
      ),
    );
    expect(channelKinds).toEqual(new Set(['online', 'offline']));
  });
});

describe('content rules fail with file, line and field', () => {
  it('the minimal fixture is valid', () => {
    expect(problemsAfter(() => {})).toEqual([]);
  });

  it('dangling stage reference, with the closest stage suggested', () => {
    const problems = problemsAfter((dir) =>
      replaceIn(dir, 'touchpoints/shoe-shop/search.mdx', 'stage: discover', 'stage: discovr'),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'touchpoints/shoe-shop/search.mdx',
        line: 4,
        field: 'stage',
        message: 'journey "shoe-shop" has no stage "discovr"',
        hint: 'did you mean "discover"?',
      }),
    ]);
  });

  it('emotion score 7 on a 1-5 scale, in a YAML list', () => {
    const problems = problemsAfter((dir) =>
      replaceIn(dir, 'touchpoints/shoe-shop/touchpoints.yaml', 'emotion: 4.5', 'emotion: 7'),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'touchpoints/shoe-shop/touchpoints.yaml',
        line: 7,
        field: 'touchpoints[0].emotion',
        message: 'emotion score out of range',
        expected: "a number from 1 to 5 (the report's emotionScale)",
        found: '7',
      }),
    ]);
  });

  it('a -2..+2 scale accepts -1.5 and rejects 3', () => {
    const problems = problemsAfter((dir) => {
      replaceIn(dir, 'report.yaml', 'summary:', 'emotionScale:\n  min: -2\n  max: 2\nsummary:');
      replaceIn(dir, 'touchpoints/shoe-shop/search.mdx', 'emotion: 3.5', 'emotion: -1.5');
      replaceIn(dir, 'touchpoints/shoe-shop/touchpoints.yaml', 'emotion: 2', 'emotion: 3');
      replaceIn(dir, 'touchpoints/shoe-shop/touchpoints.yaml', 'emotion: 4.5', 'emotion: 1');
    });
    expect(problems.map((p) => [p.file, p.field, p.found])).toEqual([
      ['touchpoints/shoe-shop/touchpoints.yaml', 'touchpoints[1].emotion', '3'],
    ]);
  });

  it('duplicate stage order in a journey', () => {
    const problems = problemsAfter((dir) =>
      replaceIn(dir, 'stages/shoe-shop/discover.mdx', 'order: 1', 'order: 2'),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'stages/shoe-shop/discover.mdx',
        field: 'order',
        line: 3,
        message: 'duplicate stage order 2 in journey "shoe-shop"',
        found: 'also used by stages/shoe-shop/buy.mdx',
      }),
    ]);
  });

  it('dangling persona reference in a journey', () => {
    const problems = problemsAfter((dir) =>
      replaceIn(dir, 'journeys/shoe-shop.mdx', 'personas: [anna]', 'personas: [ana]'),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'journeys/shoe-shop.mdx',
        field: 'personas[0]',
        message: 'unknown persona "ana"',
        hint: 'did you mean "anna"?',
      }),
    ]);
  });

  it('every problem of a run is reported together', () => {
    const problems = problemsAfter((dir) => {
      replaceIn(dir, 'touchpoints/shoe-shop/search.mdx', 'channel: search', 'channel: serch');
      replaceIn(dir, 'kpis/shoe-shop.yaml', 'target: 3', 'target: "three"');
      rmSync(join(dir, 'personas/anna.mdx'));
    });
    expect(problems.map((p) => `${p.file} ${p.field}`).sort()).toEqual([
      'journeys/shoe-shop.mdx personas[0]',
      'kpis/shoe-shop.yaml kpis[0].target',
      'touchpoints/shoe-shop/search.mdx channel',
    ]);
  });
});
