import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/serveStatic.ts';
import { accessibilityViolations, launchBrowser } from '../helpers/browser.ts';
import { italianContent } from '../helpers/build.ts';
import { sharedBuild } from '../helpers/sharedBuild.ts';

describe('the Italian, branded example report in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const build = sharedBuild(italianContent);
    expect(build.status, build.output).toBe(0);
    server = await serveStatic(build.outDir);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has zero WCAG 2.2 A/AA violations, in light and dark mode', async () => {
    const violations: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const path of [
        '',
        'journeys/preordine-ritiro/',
        'journeys/torta-festa/ritiro/',
        'touchpoints/pr-ritiro-banco/',
        'kpis/',
        'opportunities/',
        'personas/chiara/',
      ]) {
        const context = await browser.newContext({ colorScheme });
        const page = await context.newPage();
        await page.goto(`${server.url}/${path}`);
        violations.push(
          ...(await accessibilityViolations(page)).map((v) => `${colorScheme} ${path}: ${v}`),
        );
        await context.close();
      }
    }
    expect(violations).toEqual([]);
  });

  it('paints the header and the preview card in the brand colour', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await expect(
      page.evaluate(
        () => getComputedStyle(document.querySelector('.site-header')!).backgroundColor,
      ),
    ).resolves.toBe('rgb(138, 59, 18)');
    // Read a pixel of the card's brand band through a canvas.
    const pixel = await page.evaluate(async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context2d = canvas.getContext('2d')!;
      context2d.drawImage(image, 0, 0);
      return [...context2d.getImageData(600, 10, 1, 1).data.slice(0, 3)];
    }, `${server.url}/og/index.png`);
    expect(pixel).toEqual([138, 59, 18]);
    await context.close();
  });
});
