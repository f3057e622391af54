import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { resolveReport } from '../../src/lib/model.ts';
import { validateContent } from '../../src/lib/validate/index.ts';
import { exampleContent, projectRoot } from '../helpers/build.ts';
import { exampleSite } from '../helpers/sharedBuild.ts';

describe('npm run pdf', () => {
  it('exports the report to one PDF with a cover, contents and a section per persona and journey', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'itinera-pdf-')), 'report.pdf');
    const run = spawnSync(
      process.execPath,
      ['scripts/pdf.ts', '--site', exampleSite(), '--out', out],
      { cwd: projectRoot, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`✓ Wrote ${out}`);

    const report = resolveReport(validateContent(exampleContent, projectRoot).sources!);
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(out)));
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    // Cover, contents, overview, at least a page per persona, and a page per stage of every journey.
    expect(totalPages).toBeGreaterThanOrEqual(3 + report.personas.length + report.stages.length);
    const all = text.join('\n').replace(/\s+/g, ' ');
    expect(text[0]).toContain(report.data.title.split(':')[0]);
    expect(all).toContain('Contents');
    for (const journey of report.journeys) expect(all).toContain(journey.data.title);
    for (const persona of report.personas) expect(all).toContain(persona.data.name);
  });

  it('prints only the journey maps with --poster, one A3 landscape page each', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'itinera-poster-')), 'maps.pdf');
    const run = spawnSync(
      process.execPath,
      ['scripts/pdf.ts', '--poster', '--site', exampleSite(), '--out', out],
      { cwd: projectRoot, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    const report = resolveReport(validateContent(exampleContent, projectRoot).sources!);
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(out)));
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    expect(totalPages).toBe(report.journeys.length);
    for (let i = 1; i <= totalPages; i++) {
      const view = (await pdf.getPage(i)).getViewport({ scale: 1 });
      expect([Math.round(view.width), Math.round(view.height)]).toEqual([1191, 842]);
    }
    // Every stage of every journey is on its journey's page.
    report.journeys.forEach((journey, i) => {
      for (const stage of journey.stages)
        expect(text[i]!.replace(/\s+/g, ' ')).toContain(stage.data.name);
    });
  });
});
