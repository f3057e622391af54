import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportData } from '../lib/schema/report.ts';

/** robots.txt: public reports point crawlers at the sitemap; unlisted and protected ones shut them out. */
export function robotsTxt(
  visibility: ReportData['visibility'],
  sitemapUrl: string | undefined,
): string {
  if (visibility !== 'public') return 'User-agent: *\nDisallow: /\n';
  return `User-agent: *\nAllow: /\n${sitemapUrl ? `\nSitemap: ${sitemapUrl}\n` : ''}`;
}

export function writeRobotsTxt(
  outDir: string,
  visibility: ReportData['visibility'],
  sitemapUrl: string | undefined,
): void {
  writeFileSync(join(outDir, 'robots.txt'), robotsTxt(visibility, sitemapUrl));
}
