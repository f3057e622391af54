import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesBelow } from '../src/lib/files.ts';
import { translator, uiLanguage, uiLanguages, uiTable } from '../src/lib/i18n/index.ts';
import { projectRoot } from './helpers/build.ts';
import { pluralDisagreements } from './helpers/text.ts';

const english = uiTable('en');
const keys = Object.keys(english);

/** Every .ts and .astro file under src/, as text. */
const sources = filesBelow(join(projectRoot, 'src'), (name) => /\.(ts|astro)$/.test(name))
  .filter((file) => !dirname(file).includes('i18n'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

describe('interface text', () => {
  it('ships English and Italian', () => {
    expect(uiLanguages).toEqual(['en', 'it']);
  });

  it('offers every table in locales/ (the list in i18n/index.ts is written by hand)', () => {
    const files = readdirSync(join(projectRoot, 'src/lib/i18n/locales')).filter((name) =>
      name.endsWith('.ts'),
    );
    expect(files.map((name) => name.replace(/\.ts$/, '')).sort()).toEqual(uiLanguages);
  });

  it('has every key in every language, and no extra key', () => {
    for (const language of uiLanguages)
      expect(Object.keys(uiTable(language)).sort()).toEqual([...keys].sort());
  });

  it('keeps placeholders and plural forms alike across languages', () => {
    const placeholders = (text: string) =>
      [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    const forms = (entry: string | object) =>
      typeof entry === 'string' ? [entry] : (Object.values(entry) as string[]);
    for (const language of uiLanguages) {
      const table = uiTable(language);
      for (const key of keys as (keyof typeof english)[]) {
        const expected = placeholders(forms(english[key]).at(-1)!);
        for (const form of forms(table[key]))
          expect(placeholders(form), `${language} ${key}: ${form}`).toEqual(expected);
        expect(typeof table[key], `${language} ${key}`).toBe(typeof english[key]);
      }
    }
  });

  it('gives every counted phrase a form for each plural category its language uses for counts', () => {
    for (const language of uiLanguages) {
      const rules = new Intl.PluralRules(language);
      const categories = new Set(Array.from({ length: 1001 }, (_, count) => rules.select(count)));
      for (const [key, entry] of Object.entries(uiTable(language))) {
        if (typeof entry === 'string') continue;
        for (const category of categories)
          expect(entry, `${language} ${key} needs "${category}"`).toHaveProperty(category);
      }
    }
  });

  it('uses every key somewhere in src/ (literally, or through a prefix such as status.${…})', () => {
    const prefixes = [...sources.matchAll(/t\(`([\w.-]+)\.\$\{/g)].map((m) => `${m[1]}.`);
    const unused = keys.filter(
      (key) =>
        !sources.includes(`'${key}'`) &&
        !sources.includes(`"${key}"`) &&
        !prefixes.some((p) => key.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });

  it('picks the language from the locale and falls back to English', () => {
    expect(uiLanguage('it-IT')).toBe('it');
    expect(uiLanguage('IT')).toBe('it');
    expect(uiLanguage('fr-FR')).toBe('en');
  });

  it('fills placeholders and plurals by the locale', () => {
    expect(translator('en')('count.touchpoints', { count: 1 })).toBe('1 touchpoint');
    expect(translator('en')('count.touchpoints', { count: 3 })).toBe('3 touchpoints');
    expect(translator('it')('status.at-risk')).toBe('A rischio');
    expect(translator('it')('footer.version', { version: '1.2' })).toContain('1.2');
  });

  it('agrees every counted phrase with its count in both languages, 1 included', () => {
    const italian = translator('it');
    expect(italian('stageStrip.met', { count: 1 })).toBe('1 raggiunto');
    expect(italian('stageStrip.missed', { count: 1 })).toBe('1 mancato');
    expect(italian('stageStrip.missed', { count: 2 })).toBe('2 mancati');
    expect(italian('compare.countResolved', { count: 1 })).toBe('1 criticità risolta');
    expect([1, 2].map((count) => italian('kpiCount.missed', { count }))).toEqual([
      'Mancato',
      'Mancati',
    ]);
    expect(
      italian('charts.curveSeries', { count: 1, min: 1, max: 5, lowest: 'a', highest: 'b' }),
    ).toMatch(/^1 punteggio da/);
    expect(translator('en')('overview.allKpis', { count: 1 })).toBe('1 KPI by journey and stage');
    expect(translator('en')('quadrantCount.big-bet', { count: 1 })).toBe('1 big bet');
    expect(
      translator('en')('charts.sparkline', { count: 1, from: 'x', to: 'x', first: '1', last: '1' }),
    ).toMatch(/^1 value from/);
  });

  it('finds built text whose counted phrase disagrees with its number (the gate of the build tests)', () => {
    expect(pluralDisagreements('KPI: 1 raggiunti · 0 a rischio · 1 mancati', 'it')).toEqual([
      '1 raggiunti',
      '1 mancati',
    ]);
    expect(pluralDisagreements('All 1 KPIs by journey and stage; 2 stage', 'en')).toEqual([
      '1 KPIs by journey and stage',
      '2 stage',
    ]);
    expect(pluralDisagreements('1 stage, 2 stages, 12 stages, 1 raggiunto', 'en')).toEqual([]);
  });

  it('formats numbers it fills in for the locale, negative ones with U+2212', () => {
    expect(
      translator('it')('charts.curveSeries', {
        count: 12000,
        min: -2,
        max: 2,
        lowest: 'a',
        highest: 'b',
      }),
    ).toMatch(/^12\.000 punteggi da −2 a 2;/);
    expect(
      translator('en')('charts.curveSeries', {
        count: 1200,
        min: -2.5,
        max: 2,
        lowest: 'a',
        highest: 'b',
      }),
    ).toMatch(/^1,200 scores from −2\.5 to 2;/);
  });
});
