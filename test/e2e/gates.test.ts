import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../helpers/linkCheck.ts';
import { accessibilityViolations, siteInBrowser } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/build.ts';

/** The quality gates catch what they promise to catch: each fixture breaks one rule on purpose. */
const fixtures = join(projectRoot, 'test/fixtures/quality-gates');

describe('quality gates fail on broken pages', () => {
  const site = siteInBrowser(() => fixtures);

  async function violationsOf(file: string): Promise<string[]> {
    const context = await site.browser().newContext();
    const page = await context.newPage();
    await page.goto(`${site.url()}/${file}`);
    const violations = await accessibilityViolations(page);
    await context.close();
    return violations;
  }

  it('axe reports an image without alt text', async () => {
    expect(await violationsOf('missing-alt.html')).toEqual([
      expect.stringMatching(/^image-alt: img/),
    ]);
  });

  it('axe reports text with too little contrast', async () => {
    expect(await violationsOf('low-contrast.html')).toEqual([
      expect.stringMatching(/^color-contrast: p/),
    ]);
  });

  it('the link crawler reports a missing page and a missing anchor', () => {
    expect(findBrokenLinks(join(fixtures, 'broken-link'))).toEqual([
      {
        page: 'index.html',
        href: '/guide/#missing-anchor',
        reason: 'no element with id "missing-anchor"',
      },
      { page: 'index.html', href: '/journeys/deleted/', reason: 'no such page or file' },
    ]);
  });
});
