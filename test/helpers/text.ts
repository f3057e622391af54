import { readFileSync } from 'node:fs';
import { filesBelow } from '../../src/lib/files.ts';
import { uiTable } from '../../src/lib/i18n/index.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Text a reader sees: tags, scripts and styles removed, entities decoded. Code to copy (an embed's `<iframe>`, in a read-only field) is markup, not text. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<textarea[^>]*readonly[^>]*>[\s\S]*?<\/textarea>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

/** Every file of a report folder as one text, to tell the author's own words from Itinera's. */
export function authoredText(contentDir: string): string {
  return filesBelow(contentDir)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

/**
 * Negative numbers in `text` written with a hyphen-minus ("-0,5") by Itinera, with the words
 * before them: a range such as "1-5" is not one, nor an author's own "-20 %" found in `authored`.
 */
export function hyphenMinusNumbers(text: string, authored: string): string[] {
  return [...text.matchAll(/(?<![\w-])-\d[\d.,]*/g)]
    .map((match) => text.slice(Math.max(0, match.index - 8), match.index + match[0].length))
    .filter((context) => !authored.includes(context));
}

/**
 * Counted phrases of the interface in `text` whose form does not agree with their number, such
 * as "1 mancati" or "2 stage": for each count up to 30, the words after `{count}` in every form
 * of the table that Intl.PluralRules would not pick for it.
 */
export function pluralDisagreements(text: string, language: string): string[] {
  const rules = new Intl.PluralRules(language);
  const found = new Set<string>();
  for (const entry of Object.values(uiTable(language))) {
    if (typeof entry === 'string') continue;
    const after = (form: string) => form.split('{count}')[1]?.split(/\{\w+\}/)[0];
    for (let count = 0; count <= 30; count++) {
      const right = after(entry[rules.select(count)] ?? entry.other);
      for (const form of Object.values(entry)) {
        const wrong = after(form);
        if (!wrong?.trim() || wrong === right) continue;
        const match = text.match(new RegExp(`(?<![\\d.,])${count}${escape(wrong)}(?!\\p{L})`, 'u'));
        if (match) found.add(match[0]);
      }
    }
  }
  return [...found];
}
