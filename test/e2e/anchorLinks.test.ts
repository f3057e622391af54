import { describe, expect, it } from 'vitest';
import { paths } from '../../src/lib/paths.ts';
import { siteInBrowser } from '../helpers/browser.ts';
import { exampleSite } from '../helpers/sharedBuild.ts';

describe('"#" anchor links in Chromium', () => {
  const site = siteInBrowser(exampleSite);

  it('are reached with Tab and visible when focused, pointing at the element they sit in', async () => {
    const context = await site.browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url()}/${paths.kpis()}`);
    // Hidden until hovered or focused, where the device can hover.
    const hiddenBefore = await page.evaluate(
      () => getComputedStyle(document.querySelector('.anchor-link')!).opacity,
    );
    let focused:
      { href: string; opacity: string; visibility: string; targetHoldsLink: boolean } | undefined;
    for (let presses = 0; presses < 150 && !focused; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const link = document.activeElement;
        if (!(link instanceof HTMLAnchorElement) || !link.matches('.anchor-link')) return undefined;
        const style = getComputedStyle(link);
        const href = link.getAttribute('href') ?? '';
        const target = document.getElementById(decodeURIComponent(href.slice(1)));
        return {
          href,
          opacity: style.opacity,
          visibility: style.visibility,
          targetHoldsLink: target?.contains(link) ?? false,
        };
      });
    }
    expect(focused, 'no "#" link reached with Tab').toBeDefined();
    expect(focused!.href).toMatch(/^#kpi-/);
    expect(focused!.opacity).toBe('1');
    expect(focused!.visibility).toBe('visible');
    expect(focused!.targetHoldsLink).toBe(true);
    // The test can fail: on a device that hovers, the link is invisible until focused.
    expect(hiddenBefore).toBe('0');
    await context.close();
  });
});
