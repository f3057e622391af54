import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { diffJourneys } from '../src/lib/compare/journeyDiff.ts';
import { resolveReport } from '../src/lib/model.ts';
import { formatProblems } from '../src/lib/problems.ts';
import { slugify } from '../src/lib/scaffold.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { buildSite, copyFixture, projectRoot } from './helpers/build.ts';

function runNew(contentDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/new.ts', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, ITINERA_CONTENT: contentDir },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('slugify', () => {
  it('makes ids from titles with accents, symbols and spaces', () => {
    expect(slugify('Città & Co. — "Click & Collect"')).toBe('citta-co-click-collect');
    expect(slugify('  ')).toBe('untitled');
  });
});

describe('npm run new', () => {
  it('scaffolds a journey from scratch: every file validates and the report builds', () => {
    const dir = copyFixture();
    const steps: string[][] = [
      ['persona', 'Giulia Rossi'],
      ['journey', 'Click & collect: "fast"', '--persona', 'giulia-rossi,anna'],
      ['stage', 'Purchase', '--journey', 'click-collect-fast'],
      [
        'touchpoint',
        'Reads #1 review <site>',
        '--journey',
        'click-collect-fast',
        '--stage',
        'awareness',
        '--channel',
        'reviews',
      ],
      [
        'touchpoint',
        'Pays',
        '--journey',
        'click-collect-fast',
        '--stage',
        'purchase',
        '--channel',
        'ecommerce',
      ],
      [
        'kpi',
        'Conversion rate',
        '--journey',
        'click-collect-fast',
        '--stage',
        'purchase',
        '--id',
        'cc-conversion',
      ],
      ['kpi', 'Net Promoter Score', '--journey', 'shoe-shop', '--stage', 'buy'],
    ];
    for (const step of steps) {
      const run = runNew(dir, ...step);
      expect(run.output).not.toContain('✗');
      expect(run.status).toBe(0);
    }
    expect(readFileSync(join(dir, 'stages/click-collect-fast/awareness.mdx'), 'utf8')).toContain(
      'order: 1',
    );
    expect(existsSync(join(dir, 'stages/click-collect-fast/purchase.mdx'))).toBe(true);
    expect(readFileSync(join(dir, 'stages/click-collect-fast/purchase.mdx'), 'utf8')).toContain(
      'order: 2',
    );
    expect(readFileSync(join(dir, 'kpis/shoe-shop.yaml'), 'utf8')).toContain(
      'id: net-promoter-score',
    );

    const { problems, ok } = validateContent(dir, dir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(ok).toBe(true);
    const build = buildSite(dir);
    expect(build.status, build.output).toBe(0);
    expect(existsSync(join(build.outDir, 'touchpoints/reads-1-review-site/index.html'))).toBe(true);
  });

  it('starts a future state from a current journey: its personas, a copy of its stages, and a comparison that lines up', () => {
    const dir = copyFixture();
    expect(runNew(dir, 'journey', 'Shoe shop, redesigned', '--improves', 'shoe-shop').status).toBe(
      0,
    );
    const journey = readFileSync(join(dir, 'journeys/shoe-shop-redesigned.mdx'), 'utf8');
    expect(journey).toMatch(/personas: \[anna\]\n/);
    expect(journey).toMatch(/state: future\n.*\nimproves: shoe-shop\n/);
    expect(readFileSync(join(dir, 'stages/shoe-shop-redesigned/buy.mdx'), 'utf8')).toMatch(
      /order: 2\nname: Buy\n.*\ncustomerGoal: Pay quickly\./s,
    );
    expect(
      runNew(
        dir,
        'touchpoint',
        'Pays by phone',
        '--journey',
        'shoe-shop-redesigned',
        '--stage',
        'buy',
        '--channel',
        'app',
      ).status,
    ).toBe(0);
    const { problems, ok, sources } = validateContent(dir, dir);
    expect(ok, formatProblems(problems)).toBe(true);
    const report = resolveReport(sources!);
    const diff = diffJourneys(
      report.journeyById.get('shoe-shop')!,
      report.journeyById.get('shoe-shop-redesigned')!,
    );
    expect(diff.stages.map((s) => [s.current?.id, s.future?.id])).toEqual([
      ['discover', 'discover'],
      ['buy', 'buy'],
    ]);

    const wrong = runNew(dir, 'journey', 'Again', '--improves', 'shoe-shopp');
    expect(wrong.status).toBe(1);
    expect(wrong.output).toContain(
      'There is no current-state journey "shoe-shopp": did you mean "shoe-shop"?',
    );
  });

  it('starts an empty report that validates', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'itinera-new-')), 'content');
    expect(runNew(dir, 'report', 'Acme journeys', '--client', 'Acme').status).toBe(0);
    const { problems } = validateContent(dir, dir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  const freshDir = () => join(mkdtempSync(join(tmpdir(), 'itinera-new-')), 'content');
  const errorsIn = (dir: string) =>
    validateContent(dir, dir).problems.filter((p) => p.severity === 'error');

  it('creates the folders the README shows, next to report.yaml', () => {
    const dir = freshDir();
    expect(runNew(dir, 'report', 'Acme journeys').status).toBe(0);
    for (const folder of ['personas', 'journeys', 'stages', 'touchpoints', 'kpis'])
      expect(statSync(join(dir, folder)).isDirectory(), folder).toBe(true);
  });

  // Every scaffold must pass `npm run check:content` as written, whatever the report's scale and language.
  const scales = [
    { option: '1-5', min: 1, max: 5 },
    { option: '-2..2', min: -2, max: 2 },
    { option: '0-10', min: 0, max: 10 },
  ];
  const locales = [
    { option: 'en', labels: ['Negative', 'Neutral', 'Positive'] },
    { option: 'it-IT', labels: ['Negativa', 'Neutra', 'Positiva'] },
  ];
  for (const scale of scales) {
    for (const locale of locales) {
      it(`scaffolds a report on ${scale.option} in ${locale.option} whose every file passes check:content as written`, () => {
        const dir = freshDir();
        const steps: string[][] = [
          ['report', 'Rapporto', '--scale', scale.option, '--locale', locale.option],
          ['persona', 'Giulia'],
          ['journey', 'Click & collect', '--persona', 'giulia'],
          ['stage', 'Compare', '--journey', 'click-collect'],
          [
            'touchpoint',
            'Sees an ad',
            '--journey',
            'click-collect',
            '--stage',
            'awareness',
            '--channel',
            'social',
          ],
          [
            'touchpoint',
            'Reads reviews',
            '--journey',
            'click-collect',
            '--stage',
            'compare-stage',
            '--channel',
            'reviews',
          ],
          ['kpi', 'Conversion rate', '--journey', 'click-collect', '--stage', 'compare-stage'],
        ];
        for (const step of steps) {
          const run = runNew(dir, ...step);
          expect(run.status, run.output).toBe(0);
          expect(errorsIn(dir), step.join(' ')).toEqual([]);
        }
        const report = parseYaml(readFileSync(join(dir, 'report.yaml'), 'utf8')) as {
          locale: string;
          emotionScale: { min: number; max: number; labels: { score: number; label: string }[] };
        };
        expect(report.locale).toBe(locale.option);
        const mid = (scale.min + scale.max) / 2;
        expect(report.emotionScale).toEqual({
          min: scale.min,
          max: scale.max,
          labels: [scale.min, mid, scale.max].map((score, i) => ({
            score,
            label: locale.labels[i],
          })),
        });
        expect(
          readFileSync(join(dir, 'touchpoints/click-collect/reads-reviews.mdx'), 'utf8'),
        ).toContain(`\nemotion: ${mid}\n`);
        const check = spawnSync(process.execPath, ['scripts/check.ts'], {
          cwd: projectRoot,
          encoding: 'utf8',
          env: { ...process.env, ITINERA_CONTENT: dir },
        });
        expect(check.status, check.stdout).toBe(0);
      });
    }
  }

  it('never makes a stage id the site keeps for a page, and refuses one given with --id', () => {
    const dir = copyFixture();
    const made = runNew(dir, 'stage', 'Compare', '--journey', 'shoe-shop');
    expect(made.status).toBe(0);
    expect(made.output).toContain(
      'Stage "Compare" is compare-stage: journeys/<journey>/compare/ is the comparison page.',
    );
    expect(existsSync(join(dir, 'stages/shoe-shop/compare-stage.mdx'))).toBe(true);
    const chosen = runNew(dir, 'stage', 'Comparison', '--journey', 'shoe-shop', '--id', 'compare');
    expect(chosen.status).toBe(1);
    expect(chosen.output).toContain('--id compare cannot be a stage id');
    expect(existsSync(join(dir, 'stages/shoe-shop/compare.mdx'))).toBe(false);
    expect(errorsIn(dir)).toEqual([]);
  });

  it('answers an unknown option of every kind with one line and the usage, never a stack trace', () => {
    const dir = copyFixture();
    for (const kind of ['report', 'persona', 'journey', 'stage', 'touchpoint', 'kpi']) {
      const run = runNew(dir, kind, 'X', '--colour', 'red');
      expect(run.status, kind).toBe(1);
      expect(run.output).toMatch(
        new RegExp(
          `^✗ Unknown option --colour for \`npm run new -- ${kind}\`: the options are [^\n]+\n\nUsage: npm run new`,
        ),
      );
      expect(run.output).not.toMatch(/\n\s+at /);
    }
    const misplaced = runNew(dir, 'persona', 'X', '--stage', 'buy');
    expect(misplaced.output).toContain(
      '✗ Unknown option --stage for `npm run new -- persona`: the options are --id, --help.',
    );
    const typo = runNew(dir, 'report', 'X', '--locael', 'it');
    expect(typo.output).toContain('did you mean --locale?');
    const badScale = runNew(freshDir(), 'report', 'X', '--scale', 'big');
    expect(badScale.status).toBe(1);
    expect(badScale.output).toContain('--scale "big" is not a scale');
    const badKind = runNew(dir, 'widget', 'X');
    expect(badKind.output).toContain(
      '✗ Unknown kind "widget": use one of report, persona, journey, stage, touchpoint, kpi.',
    );
    const optionFirst = runNew(dir, '--locale', 'it', 'report', 'X');
    expect(optionFirst.output).toContain(
      '✗ Start with the kind (report, persona, journey, stage, touchpoint, kpi), then the name and the options: found --locale first.',
    );
    expect(
      `${misplaced.output}${typo.output}${badScale.output}${badKind.output}${optionFirst.output}`,
    ).not.toMatch(/\n\s+at /);
  });

  it('refuses to overwrite, and names unknown references with a suggestion', () => {
    const dir = copyFixture();
    const again = runNew(dir, 'persona', 'Anna');
    expect(again.status).toBe(1);
    expect(again.output).toContain('personas/anna.mdx already exists: nothing was written');
    const typo = runNew(dir, 'touchpoint', 'X', '--journey', 'shoe-shop', '--stage', 'by');
    expect(typo.status).toBe(1);
    expect(typo.output).toContain('There is no stage "by": did you mean "buy"?');
    const missing = runNew(dir, 'stage', 'Care');
    expect(missing.status).toBe(1);
    expect(missing.output).toContain('--journey is required. Existing: shoe-shop');
  });
});
