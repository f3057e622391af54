import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchSizes, generateReport } from '../scripts/bench/generateReport.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { buildSite } from './helpers/build.ts';

function writeReport(files: { path: string; text: string }[]): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'itinera-gen-')), 'content');
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
  return dir;
}

describe('the benchmark generator', () => {
  it('is deterministic for a seed and different for another', () => {
    expect(generateReport(benchSizes.XS, 7)).toEqual(generateReport(benchSizes.XS, 7));
    expect(generateReport(benchSizes.XS, 7)).not.toEqual(generateReport(benchSizes.XS, 8));
  });

  it('writes reports of the promised size that validate without problems', () => {
    for (const size of ['XS', 'S'] as const) {
      const dir = writeReport(generateReport(benchSizes[size]));
      const { problems, sources } = validateContent(dir, dir);
      expect(problems).toEqual([]);
      expect(sources!.journeys).toHaveLength(benchSizes[size].journeys);
      expect(sources!.touchpoints).toHaveLength(benchSizes[size].touchpoints);
      expect(sources!.kpis.some((k) => k.data.history.length > 0)).toBe(true);
    }
  });

  it('writes a report that builds', () => {
    const dir = writeReport(generateReport({ journeys: 1, touchpoints: 12 }));
    const build = buildSite(dir);
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/preview cards: \d+ pages/);
  });
});
