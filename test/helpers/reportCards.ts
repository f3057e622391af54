import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { benchSizes, generateReport } from '../../scripts/bench/generateReport.ts';
import { translator } from '../../src/lib/i18n/index.ts';
import { resolveReport } from '../../src/lib/model.ts';
import type { OgCard } from '../../src/lib/og/cards.ts';
import { pageCard, reportPages } from '../../src/lib/routes.ts';
import { validateContent } from '../../src/lib/validate/index.ts';

/** Every page's card of a report, as `npm run bench:cards` makes them. */
export function reportCards(contentDir: string): OgCard[] {
  const report = resolveReport(validateContent(contentDir, contentDir).sources!);
  const t = translator(report.data.locale);
  return reportPages(report).map((page) => pageCard(page, { report, t }, '#1d4e89'));
}

/** A report of the benchmark's S size, written to a temporary folder. */
export function benchContent(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'itinera-og-')), 'content');
  for (const file of generateReport(benchSizes.S)) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
  return dir;
}
