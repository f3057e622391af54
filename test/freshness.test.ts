import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshnessReferenceDate, kpiFreshness, lastRefreshed } from '../src/lib/freshness.ts';
import { paths } from '../src/lib/paths.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import {
  buildSite,
  copyFixture,
  projectRoot,
  readPage,
  type BuildResult,
} from './helpers/build.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const history = (...dates: string[]) => dates.map((date) => ({ date: day(date), value: 1 }));

describe('the day freshness is judged on', () => {
  const report = { kpiReferenceDate: day('2026-05-31') };

  it("is ITINERA_TODAY, else the report's kpiReferenceDate, else the build day (UTC)", () => {
    expect(freshnessReferenceDate(report, { ITINERA_TODAY: '2026-04-15' })).toEqual(
      day('2026-04-15'),
    );
    expect(freshnessReferenceDate(report, {})).toEqual(day('2026-05-31'));
    expect(freshnessReferenceDate({}, {}, new Date('2026-07-01T23:59:00Z'))).toEqual(
      day('2026-07-01'),
    );
  });

  it('refuses an ITINERA_TODAY that is not a YYYY-MM-DD day', () => {
    for (const bad of ['2026-02-30', '15/04/2026', 'today']) {
      expect(() => freshnessReferenceDate(report, { ITINERA_TODAY: bad })).toThrow(
        `ITINERA_TODAY="${bad}" is not a day: write it as YYYY-MM-DD`,
      );
    }
  });
});

describe('kpiFreshness', () => {
  const report = { kpiStaleAfterDays: 45 };
  const today = day('2026-04-15');

  it('dates a KPI by its newest sample and marks it stale once older than the limit', () => {
    expect(kpiFreshness({ history: history('2026-01-31', '2026-03-01') }, report, today)).toEqual({
      asOf: day('2026-03-01'),
      ageDays: 45,
      staleAfterDays: 45,
      stale: false,
    });
    expect(kpiFreshness({ history: history('2026-02-28') }, report, today)).toEqual({
      asOf: day('2026-02-28'),
      ageDays: 46,
      staleAfterDays: 45,
      stale: true,
    });
  });

  it('lets a KPI set its own limit, and never calls a KPI without dates stale', () => {
    expect(
      kpiFreshness({ history: history('2026-02-28'), staleAfterDays: 100 }, report, today).stale,
    ).toBe(false);
    expect(kpiFreshness({ history: [] }, report, today)).toEqual({
      staleAfterDays: 45,
      stale: false,
    });
  });

  it('finds when the data was last refreshed across KPIs', () => {
    expect(lastRefreshed([{ asOf: day('2026-03-31') }, {}, { asOf: day('2026-04-05') }])).toEqual(
      day('2026-04-05'),
    );
    expect(lastRefreshed([{}])).toBeUndefined();
  });
});

/** The minimal report with a fresh (conversion-rate, 2026-03-31) and a stale KPI (checkout-time, 2025-12-31). */
function freshAndStaleContent(): string {
  const content = copyFixture();
  const kpiPath = join(content, 'kpis/shoe-shop.yaml');
  const text = readFileSync(kpiPath, 'utf8')
    .replace(
      '    value: 2.7\n',
      '    value: 2.7\n    history:\n      - date: 2026-03-31\n        value: 2.7\n',
    )
    .replace(
      '    value: 90\n',
      '    value: 90\n    history:\n      - date: 2025-12-31\n        value: 90\n',
    );
  writeFileSync(kpiPath, text);
  return content;
}

describe('npm run check', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('warns about a stale KPI at its history, and says how old it is', () => {
    const content = freshAndStaleContent();
    vi.stubEnv('ITINERA_TODAY', '2026-04-15');
    expect(validateContent(content, content).problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 18,
        field: 'kpis[1].history',
        message:
          "the KPI is stale: its newest value is from 2025-12-31, 105 days before 2026-04-15 (the report's kpiStaleAfterDays allows 45)",
      }),
    ]);
    vi.stubEnv('ITINERA_TODAY', '2026-01-10');
    expect(validateContent(content, content).problems).toEqual([]);
  });

  it('prints the warning with file and line, exits 0, and stops on a bad ITINERA_TODAY', () => {
    const content = freshAndStaleContent();
    const run = (today: string) =>
      spawnSync(process.execPath, ['scripts/check.ts'], {
        cwd: projectRoot,
        encoding: 'utf8',
        env: { ...process.env, ITINERA_CONTENT: content, ITINERA_TODAY: today },
      });
    const stale = run('2026-04-15');
    expect(stale.status).toBe(0);
    expect(stale.stdout).toMatch(
      /warning {2}.*kpis\/shoe-shop\.yaml:\d+ {2}kpis\[1\]\.history\n {2}the KPI is stale: its newest value is from 2025-12-31/,
    );
    const bad = run('15/04/2026');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('ITINERA_TODAY="15/04/2026" is not a day: write it as YYYY-MM-DD');
  });

  it('reports a kpiColumns entry naming no KPI, with the closest id', () => {
    const content = copyFixture();
    writeFileSync(
      join(content, 'report.yaml'),
      `${readFileSync(join(content, 'report.yaml'), 'utf8')}kpiColumns:\n  Views: conversion-rat\n  Sessions: ignore\n`,
    );
    const { problems } = validateContent(content, content);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        field: 'kpiColumns.Views',
        line: 13,
        message: 'column "Views" is mapped to an unknown KPI "conversion-rat"',
        hint: 'did you mean "conversion-rate"?',
      }),
    ]);
  });
});

describe('building a report with a fresh and a stale KPI', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite(freshAndStaleContent(), { env: { ITINERA_TODAY: '2026-04-15' } });
    if (build.status !== 0) throw new Error(build.output);
  });

  /** The table row of a KPI on a page. */
  const rowOf = (html: string, id: string) => {
    const start = html.indexOf(`id="kpi-${id}"`);
    expect(start, `row of ${id}`).toBeGreaterThan(-1);
    return html.slice(start, html.indexOf('</tr>', start));
  };

  it('shows "as of" and marks the stale KPI, not the fresh one, on the stage, journey, KPI and print pages', () => {
    for (const path of [
      paths.stage('shoe-shop', 'buy'),
      paths.journey('shoe-shop'),
      paths.kpis(),
      paths.print(),
    ]) {
      const html = readPage(build.outDir, path);
      const fresh = rowOf(html, 'conversion-rate');
      const stale = rowOf(html, 'checkout-time');
      expect(fresh, path).toContain(
        '<time class="kpi-as-of" datetime="2026-03-31">as of Mar 31, 2026</time>',
      );
      expect(fresh, path).not.toContain('status--stale');
      expect(stale, path).toContain(
        '<time class="kpi-as-of" datetime="2025-12-31">as of Dec 31, 2025</time>',
      );
      expect(stale, path).toMatch(
        /<span class="status status--stale" data-stale[^>]*><span aria-hidden="true">⚠︎<\/span> Stale<span class="visually-hidden"> \(newest value more than 45 days old\)<\/span><\/span>/,
      );
    }
  });

  it("counts and names the stale KPI in the overview's KPI health, and says when the data was last refreshed", () => {
    const html = readPage(build.outDir, paths.overview());
    const health = html.slice(
      html.indexOf('id="health"'),
      html.indexOf('</section>', html.indexOf('id="health"')),
    );
    expect(health).toMatch(
      /<span class="stat__value">1<\/span><span class="status status--stale" data-stale><span aria-hidden="true">⚠︎<\/span> Stale<\/span>/,
    );
    expect(health).toContain(
      '<a href="/kpis/#kpi-checkout-time">Checkout time (as of Dec 31, 2025)</a>',
    );
    expect(health).not.toContain('#kpi-conversion-rate');
    expect(health).toContain(
      '<time datetime="2026-03-31">KPI data last refreshed on Mar 31, 2026.</time>',
    );
    expect(health).toContain(
      'Judged on Apr 15, 2026, a KPI is stale when its newest value is more than 45 days old',
    );
  });
});
