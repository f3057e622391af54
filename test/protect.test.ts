import { describe, expect, it } from 'vitest';
import { decryptPage, deriveKeyBytes, encryptPage, newReportKey } from '../src/lib/protect.ts';
import { imageMediaType, inlineImages } from '../src/lib/inlineImages.ts';

describe('protected report encryption', () => {
  it('encrypts every page of a build under one salt, each with its own IV', async () => {
    const reportKey = await newReportKey('correct horse', 1000);
    const pages = await Promise.all(
      ['<h1>Anna</h1>', '<h1>Checkout</h1>'].map((html) => encryptPage(html, reportKey)),
    );
    expect(new Set(pages.map((page) => page.salt)).size).toBe(1);
    expect(new Set(pages.map((page) => page.iv)).size).toBe(2);
    expect(pages[0]!.data).not.toContain('Anna');
    // One derivation opens both pages.
    const keyBytes = await deriveKeyBytes('correct horse', pages[0]!);
    await expect(decryptPage(pages[0]!, keyBytes)).resolves.toBe('<h1>Anna</h1>');
    await expect(decryptPage(pages[1]!, keyBytes)).resolves.toBe('<h1>Checkout</h1>');
  });

  it('refuses a wrong password', async () => {
    const page = await encryptPage('<h1>Anna</h1>', await newReportKey('correct horse', 1000));
    await expect(decryptPage(page, await deriveKeyBytes('wrong horse', page))).rejects.toThrow();
  });

  it('gives each build a new salt, so a key remembered from an old build opens nothing', async () => {
    const [first, second] = await Promise.all([
      newReportKey('correct horse', 1000),
      newReportKey('correct horse', 1000),
    ]);
    expect(first.salt).not.toBe(second.salt);
    const page = await encryptPage('<h1>Anna</h1>', second);
    await expect(decryptPage(page, await deriveKeyBytes('correct horse', first))).rejects.toThrow();
  });
});

describe("a protected report's images", () => {
  it('are written into the page as data: URIs wherever it links them, srcset included, and nothing else is touched', () => {
    const images = new Map([['/_astro/anna.x1.webp', 'data:image/webp;base64,QUJD']]);
    const html =
      '<img src="/_astro/anna.x1.webp" srcset="/_astro/anna.x1.webp 1x, /_astro/anna.x1.webp.png 2x"><a href="/_astro/anna.x1.webpage">';
    expect(inlineImages(html, images)).toBe(
      '<img src="data:image/webp;base64,QUJD" srcset="data:image/webp;base64,QUJD 1x, /_astro/anna.x1.webp.png 2x"><a href="/_astro/anna.x1.webpage">',
    );
    expect(imageMediaType('logo.SVG')).toBe('image/svg+xml');
    expect(imageMediaType('inter-latin-400-normal.woff2')).toBeUndefined();
  });
});
