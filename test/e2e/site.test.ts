import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveReport, type ResolvedReport } from '../../src/lib/model.ts';
import { paths, reportPages, routeNames, type RouteName } from '../../src/lib/routes.ts';
import { validateContent } from '../../src/lib/validate/index.ts';
import { accessibilityViolations, launchBrowser, watchPage } from '../helpers/browser.ts';
import { exampleContent, projectRoot } from '../helpers/build.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serveStatic.ts';
import { exampleSite } from '../helpers/sharedBuild.ts';

/** Screenshots for people to look at; gitignored. */
const artifacts = join(projectRoot, 'artifacts');

describe('the example report in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let report: ResolvedReport;
  let pageTypes: [string, string][];

  beforeAll(async () => {
    report = resolveReport(validateContent(exampleContent, projectRoot).sources!);
    server = await serveStatic(exampleSite());
    browser = await launchBrowser();
    const journey = report.journeys.find((j) => j.personas.length > 1)!;
    const touchpoint = journey.touchpoints.find((t) => t.opportunities.length > 0 && t.hasOwnFile)!;
    const future = report.journeys.find((j) => j.improves)!;
    // One page of every page type in the route registry (the 404 page has tests of its own), the
    // richest example where it matters, and a few more views.
    const examples: Partial<Record<RouteName, string>> = {
      persona: paths.persona(journey.personas[0]!.id),
      journey: paths.journey(journey.id),
      stage: paths.stage(journey.id, touchpoint.stage.id),
      touchpoint: paths.touchpoint(touchpoint.id),
      channel: paths.channel(touchpoint.channel.id),
      search: `${paths.search()}?q=queue`,
      comparison: paths.comparison(future.id),
    };
    const pages = reportPages(report);
    pageTypes = [
      ...routeNames
        .filter((name) => name !== 'notFound')
        .map((name): [string, string] => [
          name,
          examples[name] ?? pages.find((p) => p.route === name)!.path,
        ]),
      ['future-state journey', paths.journey(future.id)],
      ['heatmap, future state by emotion', paths.heatmap('future/by-emotion/')],
      // Every journey page: each one's narrative can hold its own charts (a Mermaid block).
      ...report.journeys
        .filter((j) => j !== journey && j !== future)
        .map((j): [string, string] => [`journey ${j.id}`, paths.journey(j.id)]),
    ];
    mkdirSync(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(
    path: string,
    options: { javaScriptEnabled?: boolean; width?: number; colorScheme?: 'light' | 'dark' } = {},
  ): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      viewport: { width: options.width ?? 1280, height: 900 },
      colorScheme: options.colorScheme ?? 'light',
    });
    const page = await context.newPage();
    const { errors } = watchPage(page);
    await page.goto(`${server.url}/${path}`, { waitUntil: 'load' });
    return { page, errors };
  }

  it('loads every page type with no console error and no failed request', async () => {
    const problems: string[] = [];
    for (const [type, path] of pageTypes) {
      const { page, errors } = await open(path);
      problems.push(...errors.map((e) => `${type}: ${e}`));
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });

  it('serves the 404 page for an unknown address', async () => {
    const { page } = await open('no-such-page/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    await page.context().close();
  });

  it('has zero WCAG 2.2 A/AA violations (axe) on every page type, the 404 page included', async () => {
    const violations: string[] = [];
    for (const [type, path] of [...pageTypes, ['404', 'no-such-page/'] as [string, string]]) {
      const { page } = await open(path);
      violations.push(...(await accessibilityViolations(page)).map((v) => `${type}: ${v}`));
      await page.context().close();
    }
    expect(violations).toEqual([]);
  }, 600_000);

  it('has zero WCAG 2.2 A/AA violations in dark mode too', async () => {
    const violations: string[] = [];
    for (const [type, path] of pageTypes) {
      const { page } = await open(path, { colorScheme: 'dark' });
      await expect(
        page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
      ).resolves.toBe('rgb(18, 22, 28)');
      violations.push(...(await accessibilityViolations(page)).map((v) => `${type}: ${v}`));
      await page.context().close();
    }
    expect(violations).toEqual([]);
  }, 600_000);

  it('switches theme with the toggle and remembers the choice on the next page', async () => {
    const { page } = await open(paths.overview());
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    const filled = () => toggle.evaluate((button) => getComputedStyle(button).backgroundColor);
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(filled()).resolves.toBe('rgba(0, 0, 0, 0)');
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    // Pressed shows too, not only to a screen reader.
    await expect(filled()).resolves.toBe('rgb(255, 255, 255)');
    await page.goto(`${server.url}/${paths.kpis()}`);
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await expect(
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
    ).resolves.toBe('rgb(18, 22, 28)');
    // Print is always light.
    await page.emulateMedia({ media: 'print' });
    await expect(
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
    ).resolves.toBe('rgb(255, 255, 255)');
    await page.context().close();
  });

  it('shows the journey map with its emotion curve, the KPI tables and the navigation with JavaScript off', async () => {
    const journey = report.journeys[0]!;
    const { page } = await open(paths.journey(journey.id), { javaScriptEnabled: false });
    await expect(page.locator('[data-canvas]:not([data-canvas-sketch])').isVisible()).resolves.toBe(
      true,
    );
    await expect(page.locator('[data-canvas-touchpoint] a').count()).resolves.toBe(
      journey.touchpoints.length,
    );
    await expect(page.locator('[data-curve-stage]').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('table.kpi-table').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('table.kpi-table').first().isVisible()).resolves.toBe(true);
    for (const label of ['Overview', 'Personas', 'Journeys', 'KPIs', 'Opportunities']) {
      await expect(
        page
          .getByRole('navigation', { name: 'Report sections' })
          .getByRole('link', { name: label })
          .isVisible(),
      ).resolves.toBe(true);
    }
    await page.context().close();
  });

  it('reaches every touchpoint of the journey map with Tab, shows a focus ring, and opens the touchpoint with Enter', async () => {
    const journey = report.journeys[0]!;
    const { page } = await open(paths.journey(journey.id));
    const focusedMark = () =>
      page.evaluate(
        () =>
          document.activeElement?.closest<HTMLElement>('[data-canvas-touchpoint]')?.dataset
            .canvasTouchpoint ?? null,
      );
    const reached: string[] = [];
    for (let presses = 0; presses < 200 && reached.length < journey.touchpoints.length; presses++) {
      await page.keyboard.press('Tab');
      const id = await focusedMark();
      if (id) reached.push(id);
    }
    expect([...reached].sort()).toEqual(journey.touchpoints.map((t) => t.id).sort());

    // The last touchpoint's link still has focus: it is outlined in the focus colour.
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { color: style.outlineColor, width: style.outlineWidth };
    });
    expect(ring).toEqual({ color: 'rgb(179, 92, 0)', width: '3px' });

    const target = reached.at(-1)!;
    await Promise.all([
      page.waitForURL(`**/${paths.touchpoint(target)}`),
      page.keyboard.press('Enter'),
    ]);
    expect(new URL(page.url()).pathname).toBe(`/${paths.touchpoint(target)}`);
    await page.context().close();
  });

  // axe runs at each width after the page has laid out there: a box that scrolls only at some
  // widths (a chart wider than the column) must be focusable at those widths.
  for (const width of [375, 1024, 1440]) {
    it(`has no horizontal page overflow and no axe violation at ${width} px (wide content scrolls in a focusable box)`, async () => {
      const overflowing: string[] = [];
      const violations: string[] = [];
      for (const [type, path] of pageTypes) {
        const { page } = await open(path, { width });
        const sizes = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        if (sizes.scroll > sizes.client)
          overflowing.push(`${type}: ${sizes.scroll} > ${sizes.client}`);
        violations.push(...(await accessibilityViolations(page)).map((v) => `${type}: ${v}`));
        if (type === 'journey')
          await page.screenshot({ path: join(artifacts, `journey-${width}.png`), fullPage: true });
        await page.context().close();
      }
      expect(overflowing).toEqual([]);
      expect(violations).toEqual([]);
      expect(existsSync(join(artifacts, `journey-${width}.png`))).toBe(true);
    }, 600_000);
  }

  it('prints a journey to a PDF with its charts', async () => {
    const journey = report.journeys[0]!;
    const { page } = await open(paths.journey(journey.id));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-canvas]:not([data-canvas-sketch])').isVisible()).resolves.toBe(
      true,
    );
    await expect(page.locator('.site-nav').isVisible()).resolves.toBe(false);
    const pdfPath = join(artifacts, `journey-${journey.id}.pdf`);
    const pdf = await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(statSync(pdfPath).size).toBeGreaterThan(50_000);
    await page.context().close();
  });
});
