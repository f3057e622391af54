import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator, uiLanguage, uiLanguages, uiTable } from '../src/lib/i18n/index.ts';
import { projectRoot } from './helpers/build.ts';

const english = uiTable('en');
const keys = Object.keys(english);

/** Every .ts and .astro file under src/, as text. */
const sources = readdirSync(join(projectRoot, 'src'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(ts|astro)$/.test(e.name) && !e.parentPath.includes('i18n'))
  .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
  .join('\n');

describe('interface text', () => {
  it('ships English and Italian', () => {
    expect(uiLanguages).toEqual(['en', 'it']);
  });

  it('offers every table in locales/ (the list in i18n/index.ts is written by hand)', () => {
    const files = readdirSync(join(projectRoot, 'src/lib/i18n/locales')).filter((name) => name.endsWith('.ts'));
    expect(files.map((name) => name.replace(/\.ts$/, '')).sort()).toEqual(uiLanguages);
  });

  it('has every key in every language, and no extra key', () => {
    for (const language of uiLanguages) expect(Object.keys(uiTable(language)).sort()).toEqual([...keys].sort());
  });

  it('keeps placeholders and plural forms alike across languages', () => {
    const placeholders = (entry: unknown) => [...JSON.stringify(entry).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const language of uiLanguages) {
      const table = uiTable(language);
      for (const key of keys as (keyof typeof english)[]) {
        expect(placeholders(table[key]), `${language} ${key}`).toEqual(placeholders(english[key]));
        expect(typeof table[key], `${language} ${key}`).toBe(typeof english[key]);
      }
    }
  });

  it('uses every key somewhere in src/ (literally, or through a prefix such as status.${…})', () => {
    const prefixes = [...sources.matchAll(/t\(`([\w.-]+)\.\$\{/g)].map((m) => `${m[1]}.`);
    const unused = keys.filter((key) => !sources.includes(`'${key}'`) && !sources.includes(`"${key}"`) && !prefixes.some((p) => key.startsWith(p)));
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
});
