import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser, watchPage } from '../helpers/browser.ts';
import { buildSite, copyFixture } from '../helpers/build.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serveStatic.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Counts PBKDF2 runs (Web Crypto key derivations) on every document the page loads. */
const COUNT_DERIVATIONS = () => {
  const counted = window as unknown as { derivations: number; derivationMs: number };
  counted.derivations = 0;
  counted.derivationMs = 0;
  for (const name of ['deriveBits', 'deriveKey'] as const) {
    // Read without binding: the wrapper below calls it with the real receiver.
    const original = Reflect.get(SubtleCrypto.prototype, name) as (
      this: SubtleCrypto,
      ...args: unknown[]
    ) => Promise<unknown>;
    Object.defineProperty(SubtleCrypto.prototype, name, {
      value: async function (this: SubtleCrypto, ...args: unknown[]) {
        counted.derivations++;
        const start = performance.now();
        try {
          return await original.apply(this, args);
        } finally {
          counted.derivationMs += performance.now() - start;
        }
      },
    });
  }
};

describe('a protected report in the browser', () => {
  it('refuses a wrong password, derives the key once, and opens a second page with no key derivation and no stored password', async () => {
    const password = 'correct horse';
    const dir = copyFixture();
    const report = join(dir, 'report.yaml');
    writeFileSync(
      report,
      readFileSync(report, 'utf8').replace('summary:', 'visibility: protected\nsummary:'),
    );
    const build = buildSite(dir, { env: { ITINERA_PASSWORD: password } });
    expect(build.status, build.output).toBe(0);
    const server = await serveStatic(build.outDir);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(COUNT_DERIVATIONS);
    const derivations = () =>
      page.evaluate(() => (window as unknown as { derivations: number }).derivations);
    const stored = () =>
      page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
    await page.goto(`${server.url}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Protected report');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Password', { exact: true }).fill('wrong horse');
    await page.getByRole('button', { name: 'Open the report' }).click();
    await page.getByText('Wrong password. Try again.').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('Protected report');
    expect(await stored()).toBe('{}');

    await page.reload();
    await page.getByLabel('Password', { exact: true }).fill(password);
    const unlockStart = Date.now();
    await page.getByRole('button', { name: 'Open the report' }).click();
    await page.locator('h1', { hasText: 'Minimal report' }).waitFor({ timeout: 15_000 });
    const unlockMs = Date.now() - unlockStart;
    await expect(page.getByText('Fixture Shoes').first().isVisible()).resolves.toBe(true);
    expect(await derivations()).toBe(1);
    const pbkdf2Ms = await page.evaluate(
      () => (window as unknown as { derivationMs: number }).derivationMs,
    );

    // Another page opens by itself with the remembered key: no PBKDF2, and no password stored.
    const secondStart = Date.now();
    await page.goto(`${server.url}/personas/anna/`);
    await page.locator('h1', { hasText: 'Anna' }).waitFor({ timeout: 15_000 });
    const secondMs = Date.now() - secondStart;
    expect(await derivations()).toBe(0);
    const storage = await stored();
    expect(storage).toMatch(/"itinera-key:[^"]+":"[A-Za-z0-9+/]{43}="/);
    expect(storage).not.toContain(password);
    expect(storage).not.toContain(Buffer.from(password).toString('base64'));
    // Figures for docs/protected-reports.md (printed, not asserted).
    console.log(
      `protected report in Chromium: first unlock ${unlockMs} ms (PBKDF2 ${Math.round(pbkdf2Ms)} ms), second page ${secondMs} ms`,
    );
    await context.close();
    await server.close();
  });
});

describe('search in the browser', () => {
  const base = '/reports/shoes/';
  let server: StaticServer;
  beforeAll(async () => {
    const build = buildSite(copyFixture(), { base });
    expect(build.status, build.output).toBe(0);
    server = await serveStatic(build.outDir, base);
  });
  afterAll(async () => {
    await server?.close();
  });
  const fallback = (page: Page) => page.locator('#search-fallback');

  it('finds a touchpoint from the header search box, under a sub-path', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const watched = watchPage(page);
    const fetched: string[] = [];
    let clickedAt = 0;
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.includes('/pagefind/')) fetched.push(`${Date.now() - clickedAt} ms: ${path}`);
    });
    await page.goto(`${server.url}/`);
    await page.getByRole('searchbox', { name: 'Search the report' }).fill('PayPal');
    clickedAt = Date.now();
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const result = page.locator('.pagefind-ui__result-link').first();
    // CI once saw no result here, and could not say why: a failure now tells what the page did.
    await result.waitFor({ timeout: 15_000 }).catch(async (error: Error) => {
      const said = [...watched.errors, ...watched.warnings, ...fetched].join('\n  ');
      const shown = await page
        .locator('main')
        .innerText()
        .catch(() => '(no main)');
      throw new Error(
        `${error.message}\nat ${page.url()}, showing "${shown}"; the page:\n  ${said}`,
      );
    });
    await expect(result.textContent()).resolves.toBe('Pays online · Touchpoint');
    await expect(result.getAttribute('href')).resolves.toBe(`${base}touchpoints/checkout/`);
    await expect(fallback(page).isVisible()).resolves.toBe(false);
    await context.close();
  });

  it("says so when Pagefind's code or index cannot be loaded, and lists the index pages", async () => {
    // As on a host the pagefind/ folder was not uploaded to, or a connection lost.
    for (const missing of ['**/pagefind/pagefind-entry.json*', '**/pagefind/pagefind-ui.js']) {
      const context = await browser.newContext();
      await context.route(missing, (route) => route.abort());
      const page = await context.newPage();
      await page.goto(`${server.url}/search/?q=PayPal`);
      await fallback(page)
        .getByText('Search could not be loaded; reloading the page may help.')
        .waitFor({ timeout: 15_000 });
      await expect(
        fallback(page).getByRole('link', { name: 'Touchpoints' }).getAttribute('href'),
        missing,
      ).resolves.toBe(`${base}touchpoints/`);
      // Pagefind's box, which would go on saying "Searching…", is gone.
      await expect(page.locator('#search').isVisible()).resolves.toBe(false);
      await context.close();
    }
  });

  it('keeps the search box when another script fails', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/search/`);
    await page.getByRole('searchbox').first().waitFor();
    await page.evaluate(
      () =>
        new Promise((done) => {
          setTimeout(() => {
            throw new Error('another script');
          });
          void Promise.reject(new Error('another promise'));
          setTimeout(done, 100);
        }),
    );
    await expect(fallback(page).isVisible()).resolves.toBe(false);
    await expect(page.locator('#search').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('lists the index pages with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/search/`);
    await expect(fallback(page).isVisible()).resolves.toBe(true);
    await expect(fallback(page).innerText()).resolves.toBe(
      'Search needs JavaScript. Every page is also listed on the index pages: Personas, Journeys, Touchpoints, KPIs.',
    );
    await expect(fallback(page).getByRole('link').count()).resolves.toBe(4);
    await context.close();
  });
});
