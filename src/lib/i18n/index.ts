import en from './locales/en.ts';
import it from './locales/it.ts';

export type UiKey = keyof typeof en;
type Entry = string | { one: string; other: string };
/** A complete table of interface text for one language. */
export type UiTable = Record<UiKey, Entry>;
export type Vars = Record<string, string | number>;
/** Looks up interface text: `t('count.stages', { count: 3 })` → "3 stages"; `locale` formats numbers. */
export type Translate = ((key: UiKey, vars?: Vars) => string) & { locale: string };

/**
 * Every language in locales/, listed by hand: `import.meta.glob` exists only under Vite, and this
 * module must load under plain Node (the CLI, benchmarks). test/i18n.test.ts checks the list is complete.
 */
const tables: Record<string, UiTable> = { en, it };

export const uiLanguages = Object.keys(tables).sort();

/** The language of a BCP 47 locale that has a table (`it-IT` → `it`), else English. */
export function uiLanguage(locale: string): string {
  const language = locale.toLowerCase().split('-')[0]!;
  return tables[language] ? language : 'en';
}

export function uiTable(language: string): UiTable {
  return tables[language] ?? en;
}

/** A translator for a report locale; numbers in `vars` are inserted as given (format them first). */
export function translator(locale: string): Translate {
  const table = uiTable(uiLanguage(locale));
  const plural = new Intl.PluralRules(locale);
  const t = (key: UiKey, vars: Vars = {}) => {
    const entry = table[key];
    const text = typeof entry === 'string' ? entry : plural.select(Number(vars.count)) === 'one' ? entry.one : entry.other;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
  return Object.assign(t, { locale });
}

/** English, for code that runs without a report (tests, defaults). */
export const english: Translate = translator('en');
