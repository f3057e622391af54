import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from '../helpers/browser.ts';
import { buildSite, copyFixture } from '../helpers/build.ts';
import { serveStatic } from '../../src/build/serveStatic.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a protected report in the browser', () => {
  it('refuses a wrong password, opens with the right one, and remembers it for the session', async () => {
    const dir = copyFixture();
    const report = join(dir, 'report.yaml');
    writeFileSync(report, readFileSync(report, 'utf8').replace('summary:', 'visibility: protected\nsummary:'));
    const build = buildSite(dir, { env: { ITINERA_PASSWORD: 'correct horse' } });
    expect(build.status, build.output).toBe(0);
    const server = await serveStatic(build.outDir);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Protected report');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Password', { exact: true }).fill('wrong horse');
    await page.getByRole('button', { name: 'Open the report' }).click();
    await page.getByText('Wrong password. Try again.').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('Protected report');

    await page.getByLabel('Password', { exact: true }).fill('correct horse');
    await page.getByRole('button', { name: 'Open the report' }).click();
    await page.locator('h1', { hasText: 'Minimal report' }).waitFor({ timeout: 15_000 });
    await expect(page.getByText('Fixture Shoes').first().isVisible()).resolves.toBe(true);

    // Another page opens by itself: the password is remembered for the session.
    await page.goto(`${server.url}/personas/anna/`);
    await page.locator('h1', { hasText: 'Anna' }).waitFor({ timeout: 15_000 });
    await context.close();
    await server.close();
  });
});

describe('search in the browser', () => {
  it('finds a touchpoint from the header search box, under a sub-path', async () => {
    const base = '/reports/shoes/';
    const build = buildSite(copyFixture(), { base });
    expect(build.status, build.output).toBe(0);
    const server = await serveStatic(build.outDir, base);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('searchbox', { name: 'Search the report' }).fill('PayPal');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    await expect(result.textContent()).resolves.toBe('Pays online · Touchpoint');
    await expect(result.getAttribute('href')).resolves.toBe(`${base}touchpoints/checkout/`);
    await context.close();
    await server.close();
  });
});
