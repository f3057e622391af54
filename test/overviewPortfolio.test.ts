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
      // Booleans, not toContain: a failure would print the whole page.
      const shows = (text: string) => overview.includes(text);
      expect(shows('class="journey-summary"'), 'a journey summary').toBe(false);
      expect(shows(`${journeys} journeys: the map and emotion curve of each`), 'the lede').toBe(
        true,
      );
      expect(shows('Every journey in the report</caption>'), 'the journeys table').toBe(true);
      for (let i = 1; i <= journeys; i++)
        expect(shows(`<a href="/journeys/journey-${i}/">`), `journey ${i}`).toBe(true);
      expect(shows('href="/data/journeys/journeys.csv"'), 'the download').toBe(true);
    });

    it('stays a small page', () => {
      const overview = readPage(site, '');
      expect(gzipSync(overview).length).toBeLessThan(25_000);
    });
  });
});
