import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/serveStatic.ts';
import { resolveReport, type ResolvedReport } from '../../src/lib/model.ts';
import { paths } from '../../src/lib/paths.ts';
import { validateContent } from '../../src/lib/validate/index.ts';
import { accessibilityViolations, launchBrowser, watchPage } from '../helpers/browser.ts';
import { exampleContent, projectRoot } from '../helpers/build.ts';
import { embedCodes } from '../helpers/embeds.ts';
import { exampleSite } from '../helpers/sharedBuild.ts';

/** Blank space the estimate may leave below a view: a little more than its rounding and font slack. */
const spareAllowed = (height: number) => Math.max(120, height * 0.08);

describe('embeddable views in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let report: ResolvedReport;
  /** Every embed as its snippet offers it: path, width and height. */
  let frames: { kind: string; path: string; width: number; height: number }[];

  beforeAll(async () => {
    const outDir = exampleSite();
    report = resolveReport(validateContent(exampleContent, projectRoot).sources!);
    server = await serveStatic(outDir);
    browser = await launchBrowser();
    const page = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
    const kinds = ['canvas', 'curve'];
    frames = [
      ...report.journeys.flatMap((journey) =>
        embedCodes(page(paths.journey(journey.id))).map((code, i) => ({
          kind: kinds[i]!,
          path: code.src.slice(1),
          width: code.width,
          height: code.height,
        })),
      ),
      ...embedCodes(page(paths.kpis())).map((code) => ({
        kind: 'kpis',
        path: code.src.slice(1),
        width: code.width,
        height: code.height,
      })),
    ];
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(
    path: string,
    options: {
      width: number;
      height?: number;
      javaScriptEnabled?: boolean;
      colorScheme?: 'light' | 'dark';
    },
  ): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({
      viewport: { width: options.width, height: options.height ?? 800 },
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      colorScheme: options.colorScheme ?? 'light',
    });
    const page = await context.newPage();
    const { errors } = watchPage(page);
    await page.goto(`${server.url}/${path}`, { waitUntil: 'load' });
    return { page, errors };
  }

  it('offers all three views of every journey', () => {
    expect(frames.filter((f) => f.kind === 'canvas')).toHaveLength(report.journeys.length);
    expect(frames.filter((f) => f.kind === 'curve')).toHaveLength(report.journeys.length);
    expect(frames.filter((f) => f.kind === 'kpis')).toHaveLength(
      report.journeys.filter((j) => j.kpis.length > 0).length,
    );
  });

  it('fits each view in the frame its snippet asks for: no scrollbar inside, little blank space below', async () => {
    const misfits: string[] = [];
    for (const frame of frames) {
      const { page, errors } = await open(frame.path, frame);
      const size = await page.evaluate(() => ({
        content: Math.ceil(document.body.getBoundingClientRect().height),
        scrollHeight: document.documentElement.scrollHeight,
        clientHeight: document.documentElement.clientHeight,
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      if (size.scrollHeight > size.clientHeight)
        misfits.push(`${frame.path}: ${size.scrollHeight} px tall in a ${frame.height} px frame`);
      if (frame.height - size.content > spareAllowed(frame.height))
        misfits.push(`${frame.path}: ${size.content} px of content in a ${frame.height} px frame`);
      if (size.scrollWidth > size.clientWidth)
        misfits.push(`${frame.path}: ${size.scrollWidth} px wide in a ${frame.width} px frame`);
      misfits.push(...errors.map((error) => `${frame.path}: ${error}`));
      await page.context().close();
    }
    expect(misfits).toEqual([]);
  }, 300_000);

  // axe takes seconds a page: the views of two journeys, one with a persona per curve line, one a future state.
  const axeFrames = () => {
    const chosen = new Set([
      report.journeys.find((j) => j.personas.length > 1)!.id,
      report.journeys.find((j) => j.improves)!.id,
    ]);
    return frames.filter((frame) => [...chosen].some((id) => frame.path.includes(`/${id}/`)));
  };

  for (const width of [375, 1024]) {
    it(`has no axe violation and no horizontal overflow but the map's own scroller at ${width} px`, async () => {
      const problems: string[] = [];
      expect(axeFrames()).toHaveLength(6);
      for (const frame of axeFrames()) {
        const { page } = await open(frame.path, { width });
        problems.push(...(await accessibilityViolations(page)).map((v) => `${frame.path}: ${v}`));
        const overflow = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        if (overflow.scroll > overflow.client)
          problems.push(`${frame.path}: page ${overflow.scroll} px wide at ${overflow.client} px`);
        await page.context().close();
      }
      expect(problems).toEqual([]);
    }, 300_000);
  }

  it('shows the map, the curve and the KPI table with JavaScript off, and no site navigation', async () => {
    const journey = report.journeys[0]!;
    const checks: [string, string][] = [
      [paths.embedCanvas(journey.id), '[data-canvas] [data-curve-stage]'],
      [paths.embedCurve(journey.id), '.chart-figure svg'],
      [paths.embedKpis(journey.id), 'table.kpi-table'],
    ];
    for (const [path, selector] of checks) {
      const { page } = await open(path, { width: 1024, javaScriptEnabled: false });
      await expect(page.locator(selector).first().isVisible(), path).resolves.toBe(true);
      await expect(page.getByRole('navigation').count(), path).resolves.toBe(0);
      await expect(
        page.getByRole('link', { name: 'Open in the full report' }).getAttribute('target'),
      ).resolves.toBe('_top');
      await page.context().close();
    }
  });

  it('follows the system dark mode, with no axe violation', async () => {
    const journey = report.journeys[0]!;
    for (const path of [paths.embedCanvas(journey.id), paths.embedKpis(journey.id)]) {
      const { page } = await open(path, { width: 1024, colorScheme: 'dark' });
      await expect(
        page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
      ).resolves.toBe('rgb(18, 22, 28)');
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('shows the embed code on the journey page without JavaScript, and a copy button with it', async () => {
    const journey = report.journeys[0]!;
    for (const javaScriptEnabled of [false, true]) {
      const { page } = await open(paths.journey(journey.id), { width: 1024, javaScriptEnabled });
      await page.getByText('Embed', { exact: true }).click();
      const field = page.getByLabel('Embed code: Journey map');
      await expect(field.isVisible()).resolves.toBe(true);
      await expect(field.inputValue()).resolves.toContain(
        `<iframe src="/${paths.embedCanvas(journey.id)}"`,
      );
      await expect(page.getByRole('button', { name: 'Copy' }).first().isVisible()).resolves.toBe(
        javaScriptEnabled,
      );
      await page.context().close();
    }
  });
});
