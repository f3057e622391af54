import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReportHistory, type ReportHistory } from '../src/lib/history/index.ts';
import { extractPageLinks, findBrokenLinks } from './helpers/linkCheck.ts';
import { resolveReport } from '../src/lib/model.ts';
import { paths } from '../src/lib/paths.ts';
import { formatProblems } from '../src/lib/problems.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import {
  buildSite,
  copyFixture,
  copyFutureStateFixture,
  futureStateOverlay,
  minimalFixture,
  readPage,
} from './helpers/build.ts';
import { createReportRepository, type ReportRepository } from './helpers/gitRepo.ts';
import { parseSvg } from './helpers/svg.ts';

const KPIS = 'kpis/shoe-shop.yaml';
const TOUCHPOINTS = 'touchpoints/shoe-shop/touchpoints.yaml';
const STORE_FITTING =
  '  - id: store-fitting\n    title: Tries shoes in the store\n    stage: discover\n    channel: store\n    emotion: 4.5\n    momentOfTruth: true\n';

/** Version 1.0 by Ada in January; version 1.1 by Bruno in March re-scores a touchpoint, moves a KPI and drops a touchpoint. */
function twoVersionRepository(): ReportRepository {
  const repo = createReportRepository(minimalFixture);
  repo.edit('report.yaml', 'version: "0.1"', 'version: "1.0"');
  repo.commit('First version', 'Ada', '2026-01-10T10:00:00Z');
  repo.tag('v1.0');
  repo.edit('report.yaml', 'version: "1.0"', 'version: "1.1"');
  repo.edit('touchpoints/shoe-shop/search.mdx', 'emotion: 3.5', 'emotion: 4');
  repo.edit(KPIS, 'value: 2.7', 'value: 3.1');
  repo.edit(TOUCHPOINTS, STORE_FITTING, '');
  repo.commit('Spring research', 'Bruno', '2026-03-05T15:30:00Z');
  repo.tag('v1.1');
  return repo;
}

function historyOf(content: string, git?: string): ReportHistory {
  const { sources, ok, problems } = validateContent(content, content);
  expect(ok, formatProblems(problems)).toBe(true);
  return readReportHistory(resolveReport(sources!), content, content, { git });
}

describe('readReportHistory on a git repository', () => {
  const history = historyOf(twoVersionRepository().content);

  it('tells when each journey last changed and who changed it', () => {
    expect(history.tracked).toBe(true);
    const last = history.lastChanged.get('shoe-shop')!;
    expect(last.author).toBe('Bruno');
    expect(last.date.toISOString()).toBe('2026-03-05T15:30:00.000Z');
  });

  it('uses the tags as versions, newest first, with touchpoint and KPI changes and their deltas', () => {
    expect(history.versions.map((v) => [v.version, v.missing])).toEqual([
      ['v1.1', undefined],
      ['v1.0', 'first'],
    ]);
    const [journey] = history.versions[0]!.changes!;
    expect(journey!.after!.id).toBe('shoe-shop');
    expect(
      journey!.touchpoints.map((c) => [(c.after ?? c.before)!.id, c.kind, c.emotionDelta]),
    ).toEqual([
      ['search', 'changed', 0.5],
      ['store-fitting', 'removed', undefined],
    ]);
    expect(journey!.kpis.map((k) => [k.after!.id, k.kind, k.valueDelta, k.targetDelta])).toEqual([
      ['conversion-rate', 'changed', expect.closeTo(0.4), 0],
    ]);
  });

  it('uses the versions listed in report.yaml, found by date or ref, the current one being the content built', () => {
    const repo = twoVersionRepository();
    repo.edit(
      'report.yaml',
      'version: "1.1"',
      'version: "1.2"\nversions:\n  - version: first\n    date: 2026-01-31\n  - version: "1.1"\n    date: 2026-03-05\n    ref: v1.1\n  - version: "1.2"\n    date: 2026-03-06',
    );
    repo.edit(KPIS, 'value: 90', 'value: 75');
    const listed = historyOf(repo.content);
    expect(listed.versions.map((v) => [v.version, v.missing])).toEqual([
      ['1.2', undefined],
      ['1.1', undefined],
      ['first', 'first'],
    ]);
    expect(listed.versions[0]!.commit).toBeUndefined();
    expect(
      listed.versions[0]!.changes!.flatMap((j) => j.kpis.map((k) => [k.after!.id, k.valueDelta])),
    ).toEqual([['checkout-time', -15]]);
    expect(
      listed.versions[1]!.changes!.flatMap((j) =>
        j.touchpoints.map((c) => (c.after ?? c.before)!.id),
      ),
    ).toEqual(['search', 'store-fitting']);

    repo.edit('report.yaml', 'ref: v1.1', 'ref: no-such-tag');
    expect(historyOf(repo.content).versions.map((v) => [v.version, v.missing])).toEqual([
      ['1.2', 'previous-unreadable'],
      ['1.1', 'unknown-ref'],
      ['first', 'first'],
    ]);
  });
});

describe('readReportHistory in unusual repositories', () => {
  it('finds the files of a report in a folder with spaces and accents', () => {
    const repo = createReportRepository(minimalFixture, undefined, 'Clienti/Città nuova');
    repo.commit('First version', 'Zoë', '2026-02-02T09:00:00Z');
    expect(historyOf(repo.content).lastChanged.get('shoe-shop')?.author).toBe('Zoë');
  });

  it('leaves last changes out of a shallow clone, where every file seems new in its one commit', () => {
    const repo = twoVersionRepository();
    const clone = join(dirname(repo.root), `${basename(repo.root)}-shallow`);
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.root}`, clone]);
    const history = historyOf(join(clone, 'content'));
    expect(history.tracked).toBe(true);
    expect(history.lastChanged.size).toBe(0);
    // The tag of the one commit it has still gives a version.
    expect(history.versions.map((v) => v.version)).toContain('v1.1');
  });
});

describe('readReportHistory without history', () => {
  it('reads nothing when git is not installed, and keeps the listed versions', () => {
    const repo = twoVersionRepository();
    repo.edit(
      'report.yaml',
      'version: "1.1"',
      'version: "1.1"\nversions:\n  - version: "1.0"\n    date: 2026-01-10\n  - version: "1.1"\n    date: 2026-03-05',
    );
    const history = historyOf(repo.content, '/nonexistent/git');
    expect(history.tracked).toBe(false);
    expect(history.lastChanged.size).toBe(0);
    expect(history.versions.map((v) => [v.version, v.missing])).toEqual([
      ['1.1', 'no-git'],
      ['1.0', 'no-git'],
    ]);
  });

  it('reads nothing when the content is not in a repository', () => {
    const history = historyOf(copyFixture());
    expect(history).toEqual({ tracked: false, lastChanged: new Map(), versions: [] });
  });

  it('keeps authors off the site when showHistory is false', () => {
    const repo = twoVersionRepository();
    repo.edit('report.yaml', 'version: "1.1"', 'version: "1.1"\nshowHistory: false');
    const history = historyOf(repo.content);
    expect(history.lastChanged.size).toBe(0);
    expect(history.versions).toHaveLength(2);
  });
});

describe('building a report with git history and a future state', () => {
  const repo = createReportRepository(minimalFixture, futureStateOverlay);
  repo.commit('First version', 'Ada', '2026-01-10T10:00:00Z');
  repo.tag('v1.0');
  repo.edit('touchpoints/shoe-shop/search.mdx', 'emotion: 3.5', 'emotion: 4');
  repo.edit(KPIS, 'value: 2.7', 'value: 3.1');
  repo.edit(TOUCHPOINTS, STORE_FITTING, '');
  repo.commit('Spring research', 'Bruno', '2026-03-05T15:30:00Z');
  repo.tag('v1.1');
  const build = buildSite(repo.content);
  const page = (path: string) => readPage(build.outDir, path);

  it('builds', () => expect(build.status, build.output).toBe(0));

  it('shows on each journey page when it last changed, but not who changed it unless showHistoryAuthor is set', () => {
    expect(page(paths.journey('shoe-shop'))).toMatch(
      /<dd data-last-changed[^>]*>\s*Mar 5, 2026\s*<\/dd>/,
    );
    expect(page(paths.journey('shoe-shop-future'))).toMatch(
      /<dd data-last-changed[^>]*>\s*Jan 10, 2026\s*<\/dd>/,
    );
    for (const journey of ['shoe-shop', 'shoe-shop-future'])
      expect(page(paths.journey(journey))).not.toMatch(/\b(Bruno|Ada)\b/);
  });

  it('lists per version the touchpoints and KPIs that changed, with their deltas', () => {
    const html = page(paths.changes());
    const latest = html.slice(
      html.indexOf('data-version="v1.1"'),
      html.indexOf('data-version="v1.0"'),
    );
    expect(latest).toMatch(
      /data-change="changed" data-touchpoint="search">.*emotion 3\.5 → 4 \(\+0\.5\)/s,
    );
    expect(latest).toMatch(/data-kpi="conversion-rate">.*2\.7% → 3\.1% \(\+0\.4 pp\)/s);
    // Gone from the report: named, not linked.
    expect(latest).toMatch(
      /data-change="removed" data-touchpoint="store-fitting">Tries shoes in the store · /,
    );
    expect(html.slice(html.indexOf('data-version="v1.0"'))).toContain(
      'nothing before it to compare with',
    );
  });

  it('draws both emotion curves on the comparison page, with the change list', () => {
    const html = page(paths.comparison('shoe-shop-future'));
    const curve = parseSvg(html.match(/<svg[^>]*chart--curve[\s\S]*?<\/svg>/)![0]);
    const withClass = (name: string) =>
      curve.filter((e) => e.attributes.class?.split(' ').includes(name));
    expect(withClass('chart-curve')).toHaveLength(2);
    expect(withClass('chart-legend__item').map((item) => item.text)).toEqual([
      'Today',
      'Future state',
    ]);
    // 2 touchpoints today (store-fitting was dropped in v1.1), 3 in the future state.
    expect(withClass('chart-point')).toHaveLength(5);
    expect(html).toMatch(/data-change="added" data-touchpoint="review-email"/);
    expect(html).toMatch(
      /data-change="changed" data-touchpoint="fit-finder">.*was Searches for running shoes/s,
    );
    expect(html).toMatch(/data-pain-points="resolved">\s*<li>Card declined twice/);
    expect(html).toMatch(/data-kpi="checkout-time-future">.*90 s.*60 s.*30 s/s);
  });

  it('sums the comparison up on the future journey page and links both journeys', () => {
    const future = page(paths.journey('shoe-shop-future'));
    expect(future).toContain('Compared with today');
    expect(extractPageLinks(future).links).toEqual(
      expect.arrayContaining([
        `/${paths.comparison('shoe-shop-future')}`,
        `/${paths.journey('shoe-shop')}`,
      ]),
    );
    expect(extractPageLinks(page(paths.journey('shoe-shop'))).links).toContain(
      `/${paths.comparison('shoe-shop-future')}`,
    );
  });

  it('shows on the opportunities backlog which future touchpoints deliver each opportunity', () => {
    expect(page(paths.opportunities())).toMatch(
      /<td data-addressed-by="one-tap-checkout"><a href="\/touchpoints\/one-tap-checkout\/">Pays online<\/a><\/td>/,
    );
  });

  it('has no broken internal link', () => expect(findBrokenLinks(build.outDir)).toEqual([]));
});

describe('building on a machine without git', () => {
  it('builds, without dates or authors, and says why the versions have no change list', () => {
    const content = copyFutureStateFixture();
    writeFileSync(
      join(content, 'report.yaml'),
      `${readFileSync(join(content, 'report.yaml'), 'utf8')}versions:\n  - version: "0.1"\n    date: 2026-01-15\n`,
    );
    // Only Node's own folder on the PATH: no git to run.
    const build = buildSite(content, { env: { PATH: dirname(process.execPath) } });
    expect(build.status, build.output).toBe(0);
    expect(readPage(build.outDir, paths.journey('shoe-shop'))).not.toContain('data-last-changed');
    expect(readPage(build.outDir, paths.changes())).toContain(
      'not in a git repository this build can read',
    );
    expect(existsSync(join(build.outDir, paths.comparison('shoe-shop-future'), 'index.html'))).toBe(
      true,
    );
  });
});
