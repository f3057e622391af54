import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/serveStatic.ts';
import { generateReport } from '../../scripts/bench/generateReport.ts';
import { resolveReport, type ResolvedReport } from '../../src/lib/model.ts';
import { paths } from '../../src/lib/paths.ts';
import { validateContent } from '../../src/lib/validate/index.ts';
import { accessibilityViolations, launchBrowser } from '../helpers/browser.ts';
import { buildSite, exampleContent, projectRoot } from '../helpers/build.ts';
import { exampleSite } from '../helpers/sharedBuild.ts';

/** Screenshots for people to look at; gitignored. */
const artifacts = join(projectRoot, 'artifacts');
const widths = [1440, 1024, 375];
/** Layout is also checked just above the phone layout (48rem), where the map scrolls inside its box and the page must not. */
const layoutWidths = [...widths, 800];
const LONG_WORD = 'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhalterung';

/** A generated report with one 7-stage, 60-touchpoint journey, one title an unbroken word and one right-to-left. */
function generatedContent(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'itinera-canvas-')), 'content');
  for (const file of generateReport({ journeys: 1, touchpoints: 60, stages: 7 })) {
    let text = file.text;
    if (file.path.endsWith('touchpoints.yaml')) {
      text = text
        .replace(/title: .*/, `title: ${LONG_WORD}`)
        .replace(/(- id: tp-3\n\s+title: ).*/, '$1"يقارن الأسعار <b>على</b> الهاتف & المتجر"');
    }
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), text);
  }
  return dir;
}

interface Target {
  name: string;
  server: () => StaticServer;
  report: () => ResolvedReport;
  journey: string;
}

describe('the journey map canvas in Chromium', () => {
  let browser: Browser;
  let example: StaticServer;
  let generated: StaticServer;
  let exampleReport: ResolvedReport;
  let generatedReport: ResolvedReport;
  const targets: Target[] = [];

  beforeAll(async () => {
    const content = generatedContent();
    generatedReport = resolveReport(validateContent(content, content).sources!);
    const build = buildSite(content);
    if (build.status !== 0) throw new Error(`The generated report did not build:\n${build.output}`);
    exampleReport = resolveReport(validateContent(exampleContent, projectRoot).sources!);
    [example, generated, browser] = await Promise.all([
      serveStatic(exampleSite()),
      serveStatic(build.outDir),
      launchBrowser(),
    ]);
    for (const journey of exampleReport.journeys)
      targets.push({
        name: journey.id,
        server: () => example,
        report: () => exampleReport,
        journey: journey.id,
      });
    targets.push({
      name: 'generated 7×60',
      server: () => generated,
      report: () => generatedReport,
      journey: generatedReport.journeys[0]!.id,
    });
    mkdirSync(artifacts, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await example?.close();
    await generated?.close();
  });

  async function open(
    target: Target,
    options: {
      width?: number;
      colorScheme?: 'light' | 'dark';
      javaScriptEnabled?: boolean;
      hash?: string;
    } = {},
  ): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1440, height: 900 },
      colorScheme: options.colorScheme ?? 'light',
      javaScriptEnabled: options.javaScriptEnabled ?? true,
    });
    const page = await context.newPage();
    await page.goto(
      `${target.server().url}/${paths.journey(target.journey)}${options.hash ?? ''}`,
      { waitUntil: 'load' },
    );
    return page;
  }

  /** Everything the layout must get right, measured in the page. */
  function measure(page: Page, selector = '[data-canvas]') {
    return page.evaluate((selector) => {
      const box = (e: Element) => e.getBoundingClientRect();
      const canvas = document.querySelector(selector)!;
      const stages = [...canvas.querySelectorAll<HTMLElement>('[data-canvas-stage]')].map(
        (head) => {
          const id = head.dataset.canvasStage!;
          const band = canvas.querySelector(`[data-curve-stage="${CSS.escape(id)}"]`);
          const column = box(head);
          return {
            id,
            head: {
              left: column.left,
              right: column.right,
              top: column.top,
              bottom: column.bottom,
            },
            band: band && { left: box(band).left, right: box(band).right },
            points: [...canvas.querySelectorAll<HTMLElement>('[data-curve-touchpoint]')]
              .filter((p) => p.closest('[data-curve-stage]') === band)
              .map((p) => ({
                id: p.dataset.curveTouchpoint!,
                x: (box(p).left + box(p).right) / 2,
              })),
            touchpoints: [
              ...canvas.querySelectorAll<HTMLElement>(
                `[data-canvas-touchpoint][data-stage="${CSS.escape(id)}"]`,
              ),
            ].map((t) => ({
              id: t.dataset.canvasTouchpoint!,
              left: box(t).left,
              right: box(t).right,
            })),
          };
        },
      );
      // Any text cut: an element whose content is wider or taller than its box, or an ellipsis.
      const clipped = [
        ...canvas.querySelectorAll<HTMLElement>(
          '[data-canvas-touchpoint], [data-canvas-touchpoint] *, .canvas__cell, .canvas__stage-head, [data-canvas-lane]',
        ),
      ]
        // Visually hidden text is clipped on purpose: it is for screen readers.
        .filter(
          (e) =>
            e.getClientRects().length > 0 &&
            !e.closest('svg') &&
            getComputedStyle(e).clipPath === 'none',
        )
        .filter(
          (e) =>
            e.scrollWidth > e.clientWidth + 1 || getComputedStyle(e).textOverflow === 'ellipsis',
        )
        .map(
          (e) =>
            `${e.className || e.tagName}: ${e.textContent?.slice(0, 40)} (${e.scrollWidth} > ${e.clientWidth})`,
        );
      return {
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        stages,
        clipped,
        ellipsis: canvas.textContent.includes('…'),
      };
    }, selector);
  }

  /** Columns side by side (stacked at 375 px), each curve band within 2 px of its column, points and touchpoints inside theirs. */
  function layoutProblems(
    name: string,
    m: Awaited<ReturnType<typeof measure>>,
    width: number,
  ): string[] {
    const problems: string[] = [];
    if (m.overflow > 0) problems.push(`${name}: page overflows by ${m.overflow} px`);
    problems.push(...m.clipped.map((c) => `${name}: clipped ${c}`));
    if (m.ellipsis) problems.push(`${name}: an ellipsis in the canvas`);
    for (const stage of m.stages) {
      const within = (x: number) => x >= stage.head.left - 0.5 && x <= stage.head.right + 0.5;
      for (const t of stage.touchpoints)
        if (!within(t.left) || !within(t.right))
          problems.push(`${name}: touchpoint ${t.id} outside its stage ${stage.id}`);
      if (width === 375) continue;
      if (!stage.band) problems.push(`${name}: no curve band for ${stage.id}`);
      else if (
        Math.abs(stage.band.left - stage.head.left) > 2 ||
        Math.abs(stage.band.right - stage.head.right) > 2
      ) {
        problems.push(
          `${name}: band ${stage.id} ${stage.band.left}-${stage.band.right} vs column ${stage.head.left}-${stage.head.right}`,
        );
      }
      for (const p of stage.points)
        if (!within(p.x)) problems.push(`${name}: point ${p.id} at ${p.x} outside ${stage.id}`);
    }
    if (width === 375) {
      // A vertical sequence: each stage starts below the previous one.
      for (const [i, stage] of m.stages.entries())
        if (i > 0 && stage.head.top < m.stages[i - 1]!.head.bottom)
          problems.push(`${name}: stage ${stage.id} is beside the previous one`);
    } else {
      // Stage columns side by side, left to right.
      for (const [i, stage] of m.stages.entries())
        if (i > 0 && stage.head.left < m.stages[i - 1]!.head.right - 1)
          problems.push(`${name}: stage ${stage.id} is not right of the previous one`);
    }
    return problems;
  }

  for (const width of layoutWidths) {
    it(`lays the canvas out at ${width} px: no page overflow, bands on their columns, points and touchpoints in theirs, nothing cut`, async () => {
      const problems: string[] = [];
      for (const target of targets) {
        const page = await open(target, { width });
        const m = await measure(page);
        const journey = target.report().journeyById.get(target.journey)!;
        expect(
          m.stages.map((s) => s.id),
          target.name,
        ).toEqual(journey.stages.map((s) => s.id));
        const touchpoints = m.stages.flatMap((s) => s.touchpoints.map((t) => t.id));
        expect([...touchpoints].sort(), target.name).toEqual(
          journey.touchpoints.map((t) => t.id).sort(),
        );
        problems.push(...layoutProblems(target.name, m, width));
        if (target.journey === 'click-collect' || target.name.startsWith('generated')) {
          for (const scheme of ['light', 'dark'] as const) {
            const shot =
              scheme === 'light' ? page : await open(target, { width, colorScheme: 'dark' });
            await shot
              .locator('[data-canvas]')
              .first()
              .screenshot({
                path: join(artifacts, `canvas-${target.journey}-${width}-${scheme}.png`),
              });
            if (shot !== page) await shot.context().close();
          }
        }
        await page.context().close();
      }
      expect(problems).toEqual([]);
    });
  }

  it('lays a Mermaid sketch out as a map too: its bands on its section columns, each task and point in its own', async () => {
    const problems: string[] = [];
    const target = targets.find((t) => t.journey === 'click-collect')!;
    for (const width of widths) {
      const page = await open(target, { width });
      const m = await measure(page, '[data-canvas-sketch]');
      // The diagram in content/journeys/click-collect.mdx: Order (2 tasks), Wait (1), Collect (2).
      expect(m.stages.map((s) => [s.id, s.touchpoints.length, s.points.length])).toEqual([
        ['section-1', 2, 2],
        ['section-2', 1, 1],
        ['section-3', 2, 2],
      ]);
      problems.push(...layoutProblems(`sketch at ${width} px`, m, width));
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });

  it('has zero WCAG 2.2 A/AA violations (scrollable regions included) on every journey page at every width, light and dark', async () => {
    const violations: string[] = [];
    for (const target of targets) {
      for (const width of widths) {
        for (const colorScheme of width === 1024
          ? (['light'] as const)
          : (['light', 'dark'] as const)) {
          const page = await open(target, { width, colorScheme });
          violations.push(
            ...(await accessibilityViolations(page)).map(
              (v) => `${target.name} ${width} ${colorScheme}: ${v}`,
            ),
          );
          await page.context().close();
        }
      }
    }
    expect(violations).toEqual([]);
  }, 600_000);

  it('reaches every touchpoint of the canvas with the keyboard', async () => {
    for (const target of [targets[0]!, targets.at(-1)!]) {
      const journey = target.report().journeyById.get(target.journey)!;
      const page = await open(target);
      const reached = new Set<string>();
      for (let presses = 0; presses < 600 && reached.size < journey.touchpoints.length; presses++) {
        await page.keyboard.press('Tab');
        const id = await page.evaluate(
          () =>
            document.activeElement?.closest<HTMLElement>('[data-canvas-touchpoint]')?.dataset
              .canvasTouchpoint,
        );
        if (id) reached.add(id);
      }
      expect([...reached].sort(), target.name).toEqual(journey.touchpoints.map((t) => t.id).sort());
      await page.context().close();
    }
  });

  it('works with JavaScript off: the map, its links, and the persona switch', async () => {
    const journey = exampleReport.journeys.find((j) =>
      j.touchpoints.some((t) => Object.keys(t.data.emotionByPersona).length > 0),
    )!;
    const target = targets.find((t) => t.journey === journey.id)!;
    const page = await open(target, { javaScriptEnabled: false });
    const tp = journey.touchpoints[0]!;
    await expect(
      page.locator(`[data-canvas-touchpoint="${tp.id}"] a`).getAttribute('href'),
    ).resolves.toBe(`/${paths.touchpoint(tp.id)}`);
    const visibleSeries = () =>
      page.evaluate(() => [
        ...new Set(
          [...document.querySelectorAll<HTMLElement>('.canvas__path')]
            .filter((p) => getComputedStyle(p).display !== 'none')
            .map((p) => p.dataset.series),
        ),
      ]);
    await expect(visibleSeries()).resolves.toEqual(journey.personas.map((_, i) => String(i)));
    // Choosing the second persona shows only that persona's line and scores.
    await page
      .getByRole('navigation', { name: 'Emotion curve of' })
      .getByRole('link', { name: journey.personas[1]!.data.name })
      .click();
    await expect(visibleSeries()).resolves.toEqual(['1']);
    const unscored = journey.touchpoints.find(
      (t) => t.data.emotionByPersona[journey.personas[1]!.id] === undefined,
    );
    if (unscored)
      await expect(
        page
          .locator(
            `[data-canvas-touchpoint="${unscored.id}"] .canvas__persona-score[data-series="1"]`,
          )
          .textContent(),
      ).resolves.toContain('not scored');
    await expect(page.locator(`[data-curve-touchpoint]:visible`).count()).resolves.toBe(
      journey.touchpoints.filter(
        (t) => t.data.emotionByPersona[journey.personas[1]!.id] !== undefined,
      ).length,
    );
    await page.context().close();
  });

  it('prints each journey map on one A3 landscape page of its own', async () => {
    const { getDocumentProxy } = await import('unpdf');
    const problems: string[] = [];
    for (const target of targets) {
      const page = await open(target);
      await page.emulateMedia({ media: 'print' });
      const pdf = await getDocumentProxy(
        new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true })),
      );
      const sizes: string[] = [];
      for (let i = 1; i <= pdf.numPages; i++) {
        const view = (await pdf.getPage(i)).getViewport({ scale: 1 });
        sizes.push(
          Math.round(view.width) === 1191 && Math.round(view.height) === 842 ? 'A3' : 'other',
        );
      }
      // The header page, then the map alone on one A3 page, then the rest of the journey.
      if (sizes.filter((s) => s === 'A3').length !== 1)
        problems.push(`${target.name}: ${sizes.join(' ')}`);
      await page.context().close();
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('gives persona lines different colours, dash patterns and marker shapes', async () => {
    const journey = exampleReport.journeys.find((j) =>
      j.touchpoints.some((t) => Object.keys(t.data.emotionByPersona).length > 0),
    )!;
    const page = await open(targets.find((t) => t.journey === journey.id)!);
    const lines = await page.evaluate(() =>
      [0, 1].map((series) => {
        const path = document.querySelector(`.canvas__path[data-series="${series}"]`)!;
        const mark = document.querySelector(`.canvas__point[data-series="${series}"] svg > *`)!;
        return {
          stroke: path.getAttribute('stroke'),
          dash: path.getAttribute('stroke-dasharray') ?? '',
          shape: mark.tagName,
        };
      }),
    );
    expect(lines[0]!.stroke).not.toBe(lines[1]!.stroke);
    expect(lines[0]!.dash).not.toBe(lines[1]!.dash);
    expect(lines[0]!.shape).not.toBe(lines[1]!.shape);
    await page.context().close();
  });
});
