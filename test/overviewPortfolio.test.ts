import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '../scripts/bench/generateReport.ts';
import {
  OVERVIEW_JOURNEY_SUMMARIES,
  summarisesEachJourney,
} from '../src/lib/portfolio/overview.ts';
import { buildSite, readPage } from './helpers/build.ts';
import { exampleSite } from './helpers/sharedBuild.ts';

describe('the overview of a portfolio', () => {
  it('summarises each journey up to the limit, and shows the journeys table above it', () => {
    expect(summarisesEachJourney(OVERVIEW_JOURNEY_SUMMARIES)).toBe(true);
    expect(summarisesEachJourney(OVERVIEW_JOURNEY_SUMMARIES + 1)).toBe(false);
  });

  it('summarises each journey of the example report with its emotion timeline', () => {
    const overview = readPage(exampleSite(), '');
    expect(overview.match(/class="journey-summary"/g)).toHaveLength(4);
    expect(overview).not.toContain('Every journey in the report</caption>');
  });

  describe(`with ${OVERVIEW_JOURNEY_SUMMARIES + 1} journeys`, () => {
    let site: string;
    const journeys = OVERVIEW_JOURNEY_SUMMARIES + 1;
    beforeAll(() => {
      const content = join(mkdtempSync(join(tmpdir(), 'itinera-overview-')), 'content');
      for (const file of generateReport({ journeys, touchpoints: journeys * 5 }, 3)) {
        mkdirSync(dirname(join(content, file.path)), { recursive: true });
        writeFileSync(join(content, file.path), file.text);
      }
      const build = buildSite(content);
      expect(build.status, build.output).toBe(0);
      site = build.outDir;
    }, 300_000);

    it('lists every journey in the journeys table, with its download, instead of a summary each', () => {
      const overview = readPage(site, '');
      expect(overview).not.toContain('class="journey-summary"');
      expect(overview).toContain(`${journeys} journeys: the map and emotion curve of each`);
      expect(overview).toContain('Every journey in the report</caption>');
      for (let i = 1; i <= journeys; i++)
        expect(overview).toContain(`<a href="/journeys/journey-${i}/">`);
      expect(overview).toContain('href="/data/journeys/journeys.csv"');
    });

    it('stays a small page', () => {
      const overview = readPage(site, '');
      expect(gzipSync(overview).length).toBeLessThan(25_000);
    });
  });
});
