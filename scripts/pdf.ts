/**
 * `npm run pdf [-- --out report.pdf] [--site dist]`: prints the report's print edition
 * (cover, contents, overview, every persona and journey) to one PDF with Chromium.
 * `--poster` prints only the journey maps instead, one A3 landscape page each, scaled to fit
 * (default `journey-maps.pdf`).
 * `npm run pdf` builds first; the Chromium is CHROMIUM_PATH, else /usr/bin/chromium. The report
 * is read from ITINERA_CONTENT (default `content/`) to know which pages the print edition holds.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './lib/chromium.ts';
import { serveStatic } from './lib/serveStatic.ts';
import { resolveContentDir } from '../src/lib/contentDir.ts';
import { resolveReport } from '../src/lib/model.ts';
import { paths } from '../src/lib/paths.ts';
import { printSectionOf, reportPages } from '../src/lib/routes.ts';
import { validateContent } from '../src/lib/validate/index.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    site: { type: 'string', default: process.env.ITINERA_OUT_DIR ?? 'dist' },
    poster: { type: 'boolean', default: false },
  },
});
const siteDir = resolve(values.site);
const out = resolve(values.out ?? (values.poster ? 'journey-maps.pdf' : 'report.pdf'));
/** Printable area of an A3 landscape page with the canvas's 10 mm margins, in CSS pixels. */
const A3_AREA = { width: (400 / 25.4) * 96, height: (277 / 25.4) * 96 };
const base = process.env.BASE || '/';

if (!existsSync(join(siteDir, paths.print(), 'index.html'))) {
  console.error(`✗ No print edition in ${siteDir}: build the report first (npm run build).`);
  process.exit(1);
}

const projectRoot = resolve(import.meta.dirname, '..');
const sources = validateContent(resolveContentDir(projectRoot), projectRoot).sources;
if (!sources) {
  console.error('✗ The report has content errors: run npm run check:content.');
  process.exit(1);
}
// Pages that are part of the print edition, by path below the base → their section id there.
const printSections = Object.fromEntries(
  reportPages(resolveReport(sources)).flatMap((page) => {
    const section = printSectionOf(page);
    return section === undefined ? [] : [[page.path, section]];
  }),
);

console.log(`Serving ${siteDir} and opening Chromium…`);
const server = await serveStatic(siteDir, base);
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/${paths.print()}`, { waitUntil: 'load' });
  // Links inside the document become in-document jumps; links to other pages keep working only
  // when the report has a public address (SITE), otherwise they are printed as plain text.
  await page.evaluate(
    ({ origin, base, site, printSections }) => {
      // SVG links are <a> too: read and write the attribute, not the .href property.
      for (const link of document.querySelectorAll('a[href]')) {
        const target = new URL(link.getAttribute('href')!, location.href);
        if (target.origin !== origin || (target.hash && target.pathname === location.pathname))
          continue;
        const path = target.pathname.slice(base.length);
        const section = Object.hasOwn(printSections, path) ? printSections[path] : undefined;
        if (section && document.getElementById(section)) link.setAttribute('href', `#${section}`);
        else if (site) link.setAttribute('href', new URL(target.pathname + target.hash, site).href);
        else link.removeAttribute('href');
      }
    },
    { origin: new URL(server.url).origin, base, site: process.env.SITE ?? '', printSections },
  );
  await page.emulateMedia({ media: 'print' });
  if (values.poster) {
    await page.setViewportSize({
      width: Math.floor(A3_AREA.width),
      height: Math.floor(A3_AREA.height),
    });
    // Only the journey maps (not the Mermaid sketches in their text), each zoomed out until it fits its page.
    const count = await page.evaluate((area) => {
      const canvases = [
        ...document.querySelectorAll<HTMLElement>('[data-canvas]:not([data-canvas-sketch])'),
      ];
      const main = document.querySelector('main')!;
      main.replaceChildren(...canvases);
      main.style.maxWidth = 'none';
      for (const element of document.querySelectorAll('body > :not(main)')) element.remove();
      // Scaling re-wraps the text, so the height changes again: a few rounds settle it.
      for (const canvas of canvases) {
        for (let round = 0; round < 4; round++) {
          const box = canvas.getBoundingClientRect();
          const zoom = Number(getComputedStyle(canvas).zoom) || 1;
          canvas.style.zoom = String(
            zoom * Math.min(1.2, (area.height * 0.98) / box.height, area.width / box.width),
          );
        }
      }
      return canvases.length;
    }, A3_AREA);
    console.log(`${count} journey maps, one A3 page each.`);
  }
  console.log('Printing…');
  await page.pdf({
    path: out,
    preferCSSPageSize: true,
    printBackground: true,
    outline: true,
    tagged: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate:
      '<div style="width:100%;font-size:8px;text-align:center;color:#4d5761"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
  });
  console.log(`✓ Wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
