import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPages } from '../src/build/pages.ts';
import { ogImagePath } from '../src/lib/og/cards.ts';
import { filesBelow } from '../src/lib/files.ts';
import { isEmbedPath, paths } from '../src/lib/paths.ts';
import { buildSite, copyFixture, filesContaining, readPage, setVisibility } from './helpers/build.ts';
import { exampleSite } from './helpers/sharedBuild.ts';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('preview cards', () => {
  const outDir = exampleSite();

  it('every page has a 1200x630 PNG card and Open Graph and Twitter meta pointing at it', () => {
    const pages = builtPages(outDir);
    expect(pages.length).toBeGreaterThan(100);
    for (const page of pages) {
      const card = join(outDir, ogImagePath(page.path));
      expect(existsSync(card), card).toBe(true);
      expect(pngSize(card)).toEqual({ width: 1200, height: 630 });
      const html = readFileSync(page.file, 'utf8');
      expect(html).toContain(`<meta property="og:image" content="/${ogImagePath(page.path)}"`);
      expect(html).toContain('<meta name="twitter:card" content="summary_large_image"');
    }
  });

  it('renders only changed cards on a rebuild (cached by a hash of their inputs)', () => {
    const dir = copyFixture();
    const cacheDir = mkdtempSync(join(tmpdir(), 'itinera-cache-'));
    const first = buildSite(dir, { cacheDir });
    expect(first.output).toMatch(/preview cards: (\d+) pages, \1 rendered, 0 from cache/);
    const second = buildSite(dir, { cacheDir });
    expect(second.output).toMatch(/preview cards: (\d+) pages, 0 rendered, \1 from cache/);
    // Renaming a persona changes her card only (and the cards that show her name).
    writeFileSync(join(dir, 'personas/anna.mdx'), readFileSync(join(dir, 'personas/anna.mdx'), 'utf8').replace('quote: I want shoes that fit.', 'quote: Città, perché così?'));
    const third = buildSite(dir, { cacheDir });
    expect(third.output).toMatch(/preview cards: \d+ pages, 1 rendered/);
  });
});

describe('search', () => {
  it('indexes every page but the 404, search and print-edition pages and the embeddable views', () => {
    const outDir = exampleSite();
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    const searchable = builtPages(outDir).filter((p) => !['404', 'search/', 'print/'].includes(p.path) && !isEmbedPath(p.path));
    expect(entry.languages.en.page_count).toBe(searchable.length);
    expect(readPage(outDir, '')).toContain('<form class="site-search" role="search" action="/search/"');
  });
});

describe('hosting', () => {
  it('a public report with SITE under a sub-path has a sitemap of every page (embeddable views aside) and a robots.txt pointing at it', () => {
    const dir = copyFixture();
    const build = buildSite(dir, { base: '/reports/shoes/', env: { SITE: 'https://acme.example' } });
    expect(build.status, build.output).toBe(0);
    const sitemap = readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8');
    for (const page of builtPages(build.outDir).filter((p) => p.path !== '404' && !isEmbedPath(p.path))) {
      expect(sitemap).toContain(`<loc>https://acme.example/reports/shoes/${page.path}</loc>`);
    }
    expect(readFileSync(join(build.outDir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://acme.example/reports/shoes/sitemap-index.xml\n');
    const home = readPage(build.outDir, '');
    expect(home).toContain('<meta property="og:image" content="https://acme.example/reports/shoes/og/index.png"');
    expect(home).toContain('<link rel="canonical" href="https://acme.example/reports/shoes/"');
  });

  it('an unlisted report is kept out of search engines but keeps its link previews', () => {
    const dir = copyFixture();
    setVisibility(dir, 'unlisted');
    const build = buildSite(dir, { env: { SITE: 'https://acme.example' } });
    expect(build.status, build.output).toBe(0);
    expect(readFileSync(join(build.outDir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
    expect(existsSync(join(build.outDir, 'sitemap-index.xml'))).toBe(false);
    for (const page of builtPages(build.outDir)) {
      const html = readFileSync(page.file, 'utf8');
      expect(html).toContain('<meta name="robots" content="noindex, nofollow"');
      expect(html).toContain('property="og:image"');
    }
  });
});

describe('a protected report', () => {
  const markers = ['Tries shoes in the store', 'I want shoes that fit', 'Checkout time', 'Card declined twice', 'Offer PayPal', 'Fixture Shoes'];

  it('will not build without a password', () => {
    const dir = copyFixture();
    setVisibility(dir, 'protected');
    const build = buildSite(dir, { env: { ITINERA_PASSWORD: '' } });
    expect(build.status).toBe(1);
    expect(build.output).toContain('set its password in the ITINERA_PASSWORD environment variable');
  });

  it('leaves no plaintext of its content in any file of dist/, binary files included', () => {
    const dir = copyFixture();
    setVisibility(dir, 'protected');
    const build = buildSite(dir, { env: { ITINERA_PASSWORD: 'correct horse' } });
    expect(build.status, build.output).toBe(0);
    expect(filesBelow(build.outDir).length).toBeGreaterThan(20);
    expect(filesContaining(build.outDir, markers)).toEqual([]);
    expect(existsSync(join(build.outDir, 'pagefind'))).toBe(false);
    // Data files would not be encrypted: they are left out (the schema holds no content).
    expect(existsSync(join(build.outDir, 'report.json'))).toBe(false);
    expect(existsSync(join(build.outDir, 'report.schema.json'))).toBe(true);
    expect(readFileSync(join(build.outDir, 'index.html'), 'utf8')).toContain('<title>Protected report</title>');
    // Its embeddable views are encrypted like every other page (the markers above cover them too).
    for (const embed of [paths.embedCanvas('shoe-shop'), paths.embedCurve('shoe-shop'), paths.embedKpis('shoe-shop')]) {
      expect(readPage(build.outDir, embed), embed).toContain('<title>Protected report</title>');
    }
  });
});
