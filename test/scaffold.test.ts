import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffJourneys } from '../src/lib/compare/journeyDiff.ts';
import { resolveReport } from '../src/lib/model.ts';
import { formatProblems } from '../src/lib/problems.ts';
import { slugify } from '../src/lib/scaffold.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { buildSite, copyFixture, projectRoot } from './helpers/build.ts';

function runNew(contentDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/new.ts', ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, ITINERA_CONTENT: contentDir } });
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
      ['stage', 'Awareness', '--journey', 'click-collect-fast'],
      ['stage', 'Purchase', '--journey', 'click-collect-fast'],
      ['touchpoint', 'Reads #1 review <site>', '--journey', 'click-collect-fast', '--stage', 'awareness', '--channel', 'reviews'],
      ['touchpoint', 'Pays', '--journey', 'click-collect-fast', '--stage', 'purchase', '--channel', 'ecommerce'],
      ['kpi', 'Conversion rate', '--journey', 'click-collect-fast', '--stage', 'purchase', '--id', 'cc-conversion'],
      ['kpi', 'Net Promoter Score', '--journey', 'shoe-shop', '--stage', 'buy'],
    ];
    for (const step of steps) {
      const run = runNew(dir, ...step);
      expect(run.output).not.toContain('✗');
      expect(run.status).toBe(0);
    }
    expect(existsSync(join(dir, 'stages/click-collect-fast/purchase.mdx'))).toBe(true);
    expect(readFileSync(join(dir, 'stages/click-collect-fast/purchase.mdx'), 'utf8')).toContain('order: 2');
    expect(readFileSync(join(dir, 'kpis/shoe-shop.yaml'), 'utf8')).toContain('id: net-promoter-score');

    const { problems, ok } = validateContent(dir, dir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(ok).toBe(true);
    const build = buildSite(dir);
    expect(build.status, build.output).toBe(0);
    expect(existsSync(join(build.outDir, 'touchpoints/reads-1-review-site/index.html'))).toBe(true);
  });

  it('starts a future state from a current journey: its personas, a copy of its stages, and a comparison that lines up', () => {
    const dir = copyFixture();
    expect(runNew(dir, 'journey', 'Shoe shop, redesigned', '--improves', 'shoe-shop').status).toBe(0);
    const journey = readFileSync(join(dir, 'journeys/shoe-shop-redesigned.mdx'), 'utf8');
    expect(journey).toMatch(/personas: \[anna\]\n/);
    expect(journey).toMatch(/state: future\n.*\nimproves: shoe-shop\n/);
    expect(readFileSync(join(dir, 'stages/shoe-shop-redesigned/buy.mdx'), 'utf8')).toMatch(/order: 2\nname: Buy\n.*\ncustomerGoal: Pay quickly\./s);
    expect(runNew(dir, 'touchpoint', 'Pays by phone', '--journey', 'shoe-shop-redesigned', '--stage', 'buy', '--channel', 'app').status).toBe(0);
    const { problems, ok, sources } = validateContent(dir, dir);
    expect(ok, formatProblems(problems)).toBe(true);
    const report = resolveReport(sources!);
    const diff = diffJourneys(report.journeyById.get('shoe-shop')!, report.journeyById.get('shoe-shop-redesigned')!);
    expect(diff.stages.map((s) => [s.current?.id, s.future?.id])).toEqual([
      ['discover', 'discover'],
      ['buy', 'buy'],
    ]);

    const wrong = runNew(dir, 'journey', 'Again', '--improves', 'shoe-shopp');
    expect(wrong.status).toBe(1);
    expect(wrong.output).toContain('There is no current-state journey "shoe-shopp": did you mean "shoe-shop"?');
  });

  it('starts an empty report that validates', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'itinera-new-')), 'content');
    expect(runNew(dir, 'report', 'Acme journeys', '--client', 'Acme').status).toBe(0);
    const { problems } = validateContent(dir, dir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
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
