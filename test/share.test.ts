import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, sep } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { builtPages } from '../src/build/pages.ts';
import { filesBelow } from '../src/lib/files.ts';
import { isEmbedPath, paths } from '../src/lib/paths.ts';
import { ogImagePath } from '../src/lib/og/cards.ts';
import { decryptPage, deriveKeyBytes, type EncryptedPage } from '../src/lib/protect.ts';
import {
  buildSite,
  copyFixture,
  filesContaining,
  readPage,
  setVisibility,
} from './helpers/build.ts';
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
    // A card published from the cache is the card drawn the first time, byte for byte.
    for (const page of builtPages(first.outDir))
      expect(readFileSync(join(second.outDir, ogImagePath(page.path))), page.path).toEqual(
        readFileSync(join(first.outDir, ogImagePath(page.path))),
      );
    // Renaming a persona changes her card only (and the cards that show her name).
    writeFileSync(
      join(dir, 'personas/anna.mdx'),
      readFileSync(join(dir, 'personas/anna.mdx'), 'utf8').replace(
        'quote: I want shoes that fit.',
        'quote: Città, perché così?',
      ),
    );
    const third = buildSite(dir, { cacheDir });
    expect(third.output).toMatch(/preview cards: \d+ pages, 1 rendered/);
  });
});

describe('search', () => {
  it('indexes every page but the 404, search and print-edition pages and the embeddable views', () => {
    const outDir = exampleSite();
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    const searchable = builtPages(outDir).filter(
      (p) => !['404', 'search/', 'print/'].includes(p.path) && !isEmbedPath(p.path),
    );
    expect(entry.languages.en.page_count).toBe(searchable.length);
    expect(readPage(outDir, '')).toContain(
      '<form class="site-search" role="search" action="/search/"',
    );
  });
});

describe('hosting', () => {
  it('a public report with SITE under a sub-path has a sitemap of every page (embeddable views aside) and a robots.txt pointing at it', () => {
    const dir = copyFixture();
    const build = buildSite(dir, {
      base: '/reports/shoes/',
      env: { SITE: 'https://acme.example' },
    });
    expect(build.status, build.output).toBe(0);
    const sitemap = readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8');
    for (const page of builtPages(build.outDir).filter(
      (p) => p.path !== '404' && !isEmbedPath(p.path),
    )) {
      expect(sitemap).toContain(`<loc>https://acme.example/reports/shoes/${page.path}</loc>`);
    }
    expect(readFileSync(join(build.outDir, 'robots.txt'), 'utf8')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://acme.example/reports/shoes/sitemap-index.xml\n',
    );
    const home = readPage(build.outDir, '');
    expect(home).toContain(
      '<meta property="og:image" content="https://acme.example/reports/shoes/og/index.png"',
    );
    expect(home).toContain('<link rel="canonical" href="https://acme.example/reports/shoes/"');
  });

  it('an unlisted report is kept out of search engines but keeps its link previews', () => {
    const dir = copyFixture();
    setVisibility(dir, 'unlisted');
    const build = buildSite(dir, { env: { SITE: 'https://acme.example' } });
    expect(build.status, build.output).toBe(0);
    expect(readFileSync(join(build.outDir, 'robots.txt'), 'utf8')).toBe(
      'User-agent: *\nDisallow: /\n',
    );
    expect(existsSync(join(build.outDir, 'sitemap-index.xml'))).toBe(false);
    for (const page of builtPages(build.outDir)) {
      const html = readFileSync(page.file, 'utf8');
      expect(html).toContain('<meta name="robots" content="noindex, nofollow"');
      expect(html).toContain('property="og:image"');
    }
  });
});

describe('a protected report', () => {
  const markers = [
    'Tries shoes in the store',
    'I want shoes that fit',
    'Checkout time',
    'Card declined twice',
    'Offer PayPal',
    'Fixture Shoes',
  ];

  it('will not build without a password', () => {
    const dir = copyFixture();
    setVisibility(dir, 'protected');
    const build = buildSite(dir, { env: { ITINERA_PASSWORD: '' } });
    expect(build.status).toBe(1);
    expect(build.output).toContain('set its password in the ITINERA_PASSWORD environment variable');
  });

  /** A protected page's HTML as the reader's browser decrypts it. */
  async function decrypted(outDir: string, path: string, password: string): Promise<string> {
    const shell = readFileSync(join(outDir, path, 'index.html'), 'utf8');
    const payload = JSON.parse(
      /<script type="application\/json" id="itinera-payload">(.*?)<\/script>/.exec(shell)![1]!,
    ) as EncryptedPage;
    return decryptPage(payload, await deriveKeyBytes(password, payload));
  }

  /** Files of a build whose bytes contain the given bytes. */
  const filesHolding = (outDir: string, bytes: Buffer) =>
    filesBelow(outDir).filter((file) => readFileSync(file).includes(bytes));

  it('leaves no plaintext of its content in any file of dist/, binary files and images included', async () => {
    const dir = copyFixture();
    setVisibility(dir, 'protected');
    // Noise, so the image's bytes (and its optimised copies' bytes) occur nowhere by chance.
    const noise = Buffer.from(
      Array.from({ length: 96 * 96 * 3 }, (_, i) => (i * 7919 + ((i * i) % 251)) % 256),
    );
    const avatar = await sharp(noise, { raw: { width: 96, height: 96, channels: 3 } })
      .png()
      .toBuffer();
    writeFileSync(join(dir, 'personas/anna.png'), avatar);
    writeFileSync(
      join(dir, 'personas/anna.mdx'),
      readFileSync(join(dir, 'personas/anna.mdx'), 'utf8').replace(
        'quote:',
        'avatar: ./anna.png\navatarAlt: Portrait of Anna\nquote:',
      ),
    );
    const logo = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40"><rect width="80" height="40" fill="#7a1f5c"/></svg>',
    );
    writeFileSync(join(dir, 'logo.svg'), logo);
    writeFileSync(
      join(dir, 'report.yaml'),
      readFileSync(join(dir, 'report.yaml'), 'utf8').replace(
        'summary:',
        'branding:\n  logo: ./logo.svg\n  logoAlt: Fixture Shoes logo\nsummary:',
      ),
    );
    const build = buildSite(dir, { env: { ITINERA_PASSWORD: 'correct horse' } });
    expect(build.status, build.output).toBe(0);
    const files = filesBelow(build.outDir);
    expect(files.length).toBeGreaterThan(20);
    expect(filesContaining(build.outDir, [...markers, 'Portrait of Anna'])).toEqual([]);
    expect(existsSync(join(build.outDir, 'pagefind'))).toBe(false);
    // Data files would not be encrypted: they are left out (the schema holds no content).
    expect(existsSync(join(build.outDir, 'report.json'))).toBe(false);
    expect(existsSync(join(build.outDir, 'report.schema.json'))).toBe(true);
    expect(
      files
        .filter(
          (file) =>
            /\.(csv|mmd|svg)$/.test(file) ||
            (file.endsWith('.json') && !file.endsWith('report.schema.json')),
        )
        .map((file) => basename(file)),
    ).toEqual(['favicon.svg']);
    expect(readFileSync(join(build.outDir, 'index.html'), 'utf8')).toContain(
      '<title>Protected report</title>',
    );
    // Its embeddable views are encrypted like every other page (the markers above cover them too).
    for (const embed of [
      paths.embedCanvas('shoe-shop'),
      paths.embedCurve('shoe-shop'),
      paths.embedKpis('shoe-shop'),
    ]) {
      expect(readPage(build.outDir, embed), embed).toContain('<title>Protected report</title>');
    }
    // Preview cards are drawn, not written, so text search cannot see into them: they are all the same generic card.
    const cards = files.filter((file) => file.includes(`${sep}og${sep}`));
    expect(cards.length).toBeGreaterThan(10);
    expect(new Set(cards.map((file) => readFileSync(file).toString('base64'))).size).toBe(1);
    // The avatar and the logo: no file holds the source images or is named after them...
    expect(filesHolding(build.outDir, avatar)).toEqual([]);
    expect(filesHolding(build.outDir, logo)).toEqual([]);
    // (Preview cards are named after their page, as pages are, and are generic.)
    expect(
      files.filter((file) => /anna|logo/i.test(basename(file)) && !file.includes(`${sep}og${sep}`)),
    ).toEqual([]);
    // ...they are inside the encrypted pages, and the optimised avatar's bytes are nowhere else.
    const persona = await decrypted(build.outDir, 'personas/anna', 'correct horse');
    const shown = /<img[^>]*alt="Portrait of Anna"[^>]*>/.exec(persona)![0];
    const [, mediaType, base64] = /src="data:(image\/[a-z+]+);base64,([^"]+)"/.exec(shown)!;
    expect(mediaType).toMatch(/^image\/(webp|png|avif|jpeg)$/);
    expect(filesHolding(build.outDir, Buffer.from(base64!, 'base64'))).toEqual([]);
    expect(await decrypted(build.outDir, '', 'correct horse')).toMatch(
      /<img class="site-logo" src="data:image\/svg\+xml;base64,[^"]+" alt="Fixture Shoes logo"/,
    );
  });
});
