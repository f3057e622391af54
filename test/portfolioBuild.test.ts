import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { selectAll as cssSelectAll } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveReport, type ResolvedReport } from '../src/lib/model.ts';
import { paths, withBase } from '../src/lib/paths.ts';
import { heatmapRow, sortHeatmapRows } from '../src/lib/portfolio/heatmap.ts';
import { personaMatrix } from '../src/lib/portfolio/personaMatrix.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { exampleContent, projectRoot, readPage } from './helpers/build.ts';
import { exampleSite } from './helpers/sharedBuild.ts';

const page = (outDir: string, path: string) => parseDocument(readPage(outDir, path));
const selectAll = (query: string, root: AnyNode) => cssSelectAll<AnyNode, Element>(query, root);
const hrefs = (element: AnyNode) => selectAll('a', element).map((a) => a.attribs.href);

describe('the portfolio views of the example report', () => {
  const outDir = exampleSite();
  let report: ResolvedReport;

  beforeAll(() => {
    report = resolveReport(validateContent(exampleContent, projectRoot).sources!);
  });

  /** For each journey of a state: the expected cell of each phase and the stage links it holds. */
  function expectedCells(state: 'current' | 'future'): Map<string, string[]> {
    const cells = new Map<string, string[]>();
    for (const journey of report.journeys.filter((j) => j.data.state === state)) {
      for (const phase of report.data.lifecycle) {
        const stages = journey.stages.filter((s) => s.data.phase === phase.id);
        cells.set(
          `${journey.id} ${phase.id}`,
          stages.map((s) => withBase('/', paths.stage(journey.id, s.id))),
        );
      }
    }
    return cells;
  }

  function cellsOn(path: string): Map<string, (string | undefined)[]> {
    const heatmaps = selectAll('[data-heatmap]', page(outDir, path));
    expect(heatmaps).toHaveLength(1);
    const cells = selectAll('[data-heatmap-cell]', heatmaps[0]!);
    const found = new Map(
      cells.map((cell) => [
        `${cell.attribs['data-journey']} ${cell.attribs['data-phase']}`,
        hrefs(cell),
      ]),
    );
    expect(found.size).toBe(cells.length);
    return found;
  }

  it('draws one cell per current journey × phase on the overview and the heatmap page, linking to the stages it sums up', () => {
    const expected = expectedCells('current');
    expect([...expected.values()].flat().length).toBeGreaterThan(0);
    expect(cellsOn(paths.overview())).toEqual(expected);
    expect(cellsOn(paths.heatmap())).toEqual(expected);
  });

  it('has a future-state variant, and pre-sorted variants in the right order', () => {
    expect(cellsOn(paths.heatmap('future/'))).toEqual(expectedCells('future'));
    const current = report.journeys
      .filter((j) => j.data.state === 'current')
      .map((j) => heatmapRow(j, report.data.lifecycle));
    for (const sort of ['emotion', 'pain-points'] as const) {
      const html = page(outDir, paths.heatmap(`by-${sort}/`));
      const rows = selectAll('[data-heatmap] tbody tr', html).map(
        (row) => selectAll('[data-heatmap-cell]', row)[0]!.attribs['data-journey'],
      );
      expect(rows).toEqual(sortHeatmapRows(current, sort).map((r) => r.journey.id));
    }
    // The sort links keep the state, and the toggle keeps the sort.
    expect(hrefs(page(outDir, paths.heatmap('future/by-emotion/')))).toEqual(
      expect.arrayContaining(['/heatmap/future/by-pain-points/', '/heatmap/by-emotion/']),
    );
  });

  it('writes the persona-journey matrix and the recurring pain points, linked to touchpoints', () => {
    const matrix = page(outDir, paths.personaMatrix());
    const rows = selectAll('tbody tr', matrix);
    expect(rows).toHaveLength(report.personas.length);
    for (const [i, row] of personaMatrix(report.journeys, report.personas).entries()) {
      const lowest = row.cells.flatMap((cell) =>
        cell?.lowest ? [withBase('/', paths.touchpoint(cell.lowest.touchpoint.id))] : [],
      );
      expect(lowest.length).toBeGreaterThan(0);
      expect(hrefs(rows[i]!)).toEqual([withBase('/', paths.persona(row.persona.id)), ...lowest]);
    }
    const seams = page(outDir, paths.painPointSeams());
    const linked = new Set(hrefs(seams));
    const painful = report.touchpoints.filter(
      (t) => t.journey.data.state === 'current' && t.painPoints.length > 0,
    );
    expect(painful.some((t) => linked.has(withBase('/', paths.touchpoint(t.id))))).toBe(true);
    expect(existsSync(join(outDir, paths.heatmap('page-2/')))).toBe(false);
  });
});
