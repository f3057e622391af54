import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtPages } from '../src/build/pages.ts';
import { paths } from '../src/lib/paths.ts';
import { buildSite, minimalFixture, readPage } from './helpers/build.ts';
import { createReportRepository } from './helpers/gitRepo.ts';
import {
  authoredText,
  hyphenMinusNumbers,
  pluralDisagreements,
  visibleText,
} from './helpers/text.ts';

const NET_MARGIN =
  '  - id: net-margin\n    name: Net margin per store\n    stage: buy\n    unit: EUR\n    value: -1600\n    target: 500\n';

describe('a report on a -5..+5 scale with negative scores and KPIs, naming history authors', () => {
  const repo = createReportRepository(minimalFixture);
  repo.edit(
    'report.yaml',
    'version: "0.1"',
    'version: "0.1"\nshowHistoryAuthor: true\nemotionScale:\n  min: -5\n  max: 5',
  );
  repo.edit('touchpoints/shoe-shop/search.mdx', 'emotion: 3.5', 'emotion: -0.5');
  repo.edit('kpis/shoe-shop.yaml', 'kpis:\n', `kpis:\n${NET_MARGIN}`);
  repo.commit('First version', 'Ada', '2026-01-10T10:00:00Z');
  const build = buildSite(repo.content);
  const pages = () =>
    builtPages(build.outDir).map((page) => ({
      path: page.path,
      text: visibleText(readFileSync(page.file, 'utf8')),
    }));

  it('builds', () => expect(build.status, build.output).toBe(0));

  it('names who last changed each journey when showHistoryAuthor is true', () => {
    expect(readPage(build.outDir, paths.journey('shoe-shop'))).toMatch(
      /<dd data-last-changed[^>]*>\s*Jan 10, 2026 by Ada\s*<\/dd>/,
    );
  });

  it('writes every negative number a reader sees with U+2212, emotion and KPI alike', () => {
    const authored = authoredText(repo.content);
    const hyphens = pages().flatMap((page) =>
      hyphenMinusNumbers(page.text, authored).map((found) => `${page.path}: ${found}`),
    );
    expect(hyphens).toEqual([]);
    expect(visibleText(readPage(build.outDir, paths.touchpoint('search')))).toContain('\u22120.5');
    const journey = visibleText(readPage(build.outDir, paths.journey('shoe-shop')));
    expect(journey).toContain('\u22120.5');
    expect(journey).toContain('\u22125');
    expect(visibleText(readPage(build.outDir, paths.kpis()))).toContain('\u2212€1,600.00');
  });

  it('agrees every counted phrase with its number', () => {
    expect(
      pages().flatMap((page) =>
        pluralDisagreements(page.text, 'en').map((phrase) => `${page.path}: ${phrase}`),
      ),
    ).toEqual([]);
  });
});
