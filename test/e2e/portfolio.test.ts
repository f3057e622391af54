import { describe, expect, it } from 'vitest';
import { paths } from '../../src/lib/paths.ts';
import { accessibilityViolations, siteInBrowser } from '../helpers/browser.ts';
import { exampleSite } from '../helpers/sharedBuild.ts';

const portfolioPages = [
  paths.overview(),
  paths.heatmap(),
  paths.personaMatrix(),
  paths.painPointSeams(),
];

describe('the portfolio views in Chromium', () => {
  const site = siteInBrowser(exampleSite);

  for (const width of [1440, 375]) {
    it(`are axe-clean and do not scroll sideways at ${width} px`, async () => {
      const problems: string[] = [];
      for (const path of portfolioPages) {
        const context = await site.browser().newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${site.url()}/${path}`);
        problems.push(...(await accessibilityViolations(page)).map((v) => `${path}: ${v}`));
        const sizes = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        if (sizes.scroll > sizes.client)
          problems.push(`${path}: ${sizes.scroll} > ${sizes.client}`);
        await context.close();
      }
      expect(problems).toEqual([]);
    }, 300_000);
  }

  it('sorts with JavaScript off by following a link, and prints the heatmap without the sort links', async () => {
    const context = await site.browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url()}/${paths.heatmap()}`);
    await page.getByRole('link', { name: 'Lowest mean emotion' }).click();
    await expect(page.evaluate(() => location.pathname)).resolves.toBe(
      `/${paths.heatmap('by-emotion/')}`,
    );
    const means = await page
      .locator('[data-heatmap] tbody tr td.num:nth-last-child(2)')
      .allTextContents();
    const scores = means.map((text) => Number(text.replace(/[^\d.]/g, '')));
    expect(scores.length).toBeGreaterThan(1);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.option-links').first().isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-heatmap]').isVisible()).resolves.toBe(true);
    await context.close();
  });
});
