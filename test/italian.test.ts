import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPages } from '../src/build/pages.ts';
import { translator, uiTable } from '../src/lib/i18n/index.ts';
import type { KpiStatus } from '../src/lib/kpi.ts';
import { italianContent, readPage, type BuildResult } from './helpers/build.ts';
import { sharedBuild } from './helpers/sharedBuild.ts';
import { pluralDisagreements, visibleText } from './helpers/text.ts';

/** English interface phrases that Italian says differently, split at placeholders into fragments worth searching for. */
function englishOnlyFragments(): string[] {
  const en = uiTable('en');
  const it = uiTable('it');
  const fragments = new Set<string>();
  for (const key of Object.keys(en) as (keyof typeof en)[]) {
    const forms = (entry: unknown) =>
      typeof entry === 'string' ? [entry] : Object.values(entry as object);
    const italian = forms(it[key]).join(' ');
    for (const form of forms(en[key]) as string[]) {
      for (const fragment of form.split(/\{\w+\}/)) {
        const clean = fragment.trim().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
        // Short fragments ("KPI", "Chat") are shared words, not untranslated text.
        if (clean.length >= 8 && !italian.includes(clean)) fragments.add(clean);
      }
    }
  }
  return [...fragments];
}

describe('the Italian example report', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = sharedBuild(italianContent);
  });

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('is Italian on every page: <html lang="it"> and no English interface text left', () => {
    const fragments = englishOnlyFragments();
    expect(fragments.length).toBeGreaterThan(100);
    const leftovers: string[] = [];
    for (const page of builtPages(build.outDir)) {
      const html = readFileSync(page.file, 'utf8');
      expect(html, page.path).toContain('<html lang="it"');
      const text = visibleText(html);
      for (const fragment of fragments)
        if (text.includes(fragment)) leftovers.push(`${page.path}: "${fragment}"`);
    }
    expect(leftovers).toEqual([]);
  });

  it('formats numbers, money and dates the Italian way', () => {
    const kpis = visibleText(readPage(build.outDir, 'kpis/'));
    expect(kpis).toMatch(/12,5\d? €/);
    expect(kpis).toMatch(/\d+,\d%/);
    expect(visibleText(readPage(build.outDir, ''))).toContain('12 mag 2026');
  });

  it('agrees every counted phrase with its number ("KPI: 1 raggiunto", not "1 raggiunti")', () => {
    const wrong = builtPages(build.outDir).flatMap((page) =>
      pluralDisagreements(visibleText(readFileSync(page.file, 'utf8')), 'it').map(
        (phrase) => `${page.path}: ${phrase}`,
      ),
    );
    expect(wrong).toEqual([]);
    expect(visibleText(readPage(build.outDir, ''))).toMatch(
      /KPI: 1 raggiunto · \d+ a rischio · \d+ mancat/,
    );
    // KPI health: each figure's status word agrees with it ("4 Raggiunti").
    const health = [
      ...readPage(build.outDir, '').matchAll(
        /stat__value">(\d+)<\/span><span class="status status--([\w-]+)"><span aria-hidden="true">.<\/span> ([^<]+)</g,
      ),
    ];
    expect(health).toHaveLength(3);
    const italian = translator('it');
    for (const [, count, status, label] of health)
      expect(label).toBe(italian(`kpiCount.${status as KpiStatus}`, { count: Number(count) }));
  });

  it('speaks Italian in charts and navigation', () => {
    const journey = readPage(build.outDir, 'journeys/preordine-ritiro/');
    expect(journey).toContain('<h2 id="canvas-preordine-ritiro-heading">Mappa della journey</h2>');
    expect(journey).toMatch(/aria-label="Emozione in [^"]* 2,1 \(Infastidito\)/);
    expect(visibleText(journey)).toContain('Panoramica');
  });
});
