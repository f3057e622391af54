import { formatNumber } from '../format.ts';
import en from './locales/en.ts';
import it from './locales/it.ts';

/** A CLDR plural category, as `Intl.PluralRules.select` names it. */
export type PluralCategory = Intl.LDMLPluralRule;
/**
 * The forms of a counted phrase: one for each plural category `Category` its language uses for
 * whole numbers, always `other`, which also stands in for a category the table leaves out.
 */
export type PluralForms<Category extends PluralCategory = 'one' | 'other'> = Partial<
  Record<PluralCategory, string>
> &
  Record<Category | 'other', string>;

export type UiKey = keyof typeof en;
/** Keys whose text depends on a count (`{ one, other }` in English): they need `vars.count`. */
export type PluralKey = { [K in UiKey]: (typeof en)[K] extends string ? never : K }[UiKey];
/**
 * A complete table of interface text for one language whose counts take the forms `Category`:
 * every counted phrase has each of those forms, every other key a string (checked by `tsc`).
 */
export type UiTable<Category extends PluralCategory = 'one' | 'other'> = {
  readonly [K in UiKey]: K extends PluralKey ? PluralForms<Category> : string;
};
export type Vars = Record<string, string | number>;
/** A counted phrase cannot be looked up without its count. */
type VarsFor<K extends UiKey> = K extends PluralKey
  ? [vars: Vars & { count: number }]
  : [vars?: Vars];
/**
 * Looks up interface text: `t('count.stages', { count: 3 })` → "3 stages". Numbers in `vars`
 * are formatted for `locale` (grouping, decimal comma, U+2212 minus); strings are inserted as given.
 */
export type Translate = (<K extends UiKey>(key: K, ...vars: VarsFor<K>) => string) & {
  locale: string;
};

/**
 * Every language in locales/, listed by hand: `import.meta.glob` exists only under Vite, and this
 * module must load under plain Node (the CLI, benchmarks). test/i18n.test.ts checks the list is complete.
 */
const tables: Record<string, UiTable<never>> = { en, it };

export const uiLanguages = Object.keys(tables).sort();

/** The language of a BCP 47 locale that has a table (`it-IT` → `it`), else English. */
export function uiLanguage(locale: string): string {
  const language = locale.toLowerCase().split('-')[0]!;
  return tables[language] ? language : 'en';
}

/** The table of a language; its counted phrases have `other` and the forms that language uses. */
export function uiTable(language: string): UiTable<never> {
  return tables[language] ?? en;
}

const translators = new Map<string, Translate>();

/** A translator for a report locale, made once per locale (pages ask for it on every render). */
export function translator(locale: string): Translate {
  let made = translators.get(locale);
  if (!made) translators.set(locale, (made = makeTranslator(locale)));
  return made;
}

function makeTranslator(locale: string): Translate {
  const table = uiTable(uiLanguage(locale));
  const plural = new Intl.PluralRules(locale);
  const t = (key: UiKey, vars: Vars = {}) => {
    const entry = table[key];
    const text =
      typeof entry === 'string' ? entry : (entry[plural.select(Number(vars.count))] ?? entry.other);
    // Most interface text has no placeholder: skip the regular expression for it.
    if (!text.includes('{')) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = vars[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? formatNumber(value, locale) : value;
    });
  };
  return Object.assign(t, { locale });
}

/** English, for code that runs without a report (tests, defaults). */
export const english: Translate = translator('en');
