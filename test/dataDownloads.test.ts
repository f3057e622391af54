import { parse } from 'csv-parse/sync';
import { selectAll as cssSelectAll, selectOne as cssSelectOne } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPages } from '../src/build/pages.ts';
import { emotionDataTable, kpiDataTable, tableToCsv } from '../src/lib/export/dataTables.ts';
import { translator } from '../src/lib/i18n/index.ts';
import { resolveReport } from '../src/lib/model.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { exampleContent, readPage } from './helpers/build.ts';
import { exampleSite } from './helpers/sharedBuild.ts';

const example = resolveReport(validateContent(exampleContent, exampleContent).sources!);

/** A CSV download's header row and records, as a spreadsheet would read them. */
function readCsv(file: string): { headers: string[]; records: string[][] } {
  const [headers, ...records] = parse(readFileSync(file, 'utf8'), { bom: true }) as string[][];
  return { headers: headers!, records };
}

const selectAll = (query: string, root: AnyNode) => cssSelectAll<AnyNode, Element>(query, root);
const selectOne = (query: string, root: AnyNode) => cssSelectOne<AnyNode, Element>(query, root);

/** The first text in an element, trimmed: a row header's title before any tag or "#" link after it. */
function firstText(node: AnyNode): string | undefined {
  if (node.type === 'text') return node.data.trim() || undefined;
  if (!('children' in node)) return undefined;
  for (const child of node.children) {
    const text = firstText(child);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** What each body row of a table is about: its row header, or its first cell. */
const rowHeaders = (table: Element) => selectAll('tbody > tr', table).map((row) => firstText(selectOne('th[scope="row"]', row) ?? selectOne('td', row)!)!);

/**
 * Every table of a built page with the "Download data" links that follow it (before the next
 * table), or undefined when none does. The links are the page's own addresses (base `/`).
 */
function tablesWithDownloads(html: string): { caption: string; rows: string[]; csv: string | undefined }[] {
  const nodes = selectAll('table, p.data-links', parseDocument(html));
  return nodes.flatMap((node, i) => {
    if (node.name !== 'table') return [];
    const links = nodes[i + 1]?.name === 'p' ? nodes[i + 1]! : undefined;
    const csv = links && selectAll('a[download]', links).find((a) => a.attribs.href!.endsWith('.csv'))?.attribs.href;
    return [{ caption: firstText(selectOne('caption', node) ?? node) ?? '', rows: rowHeaders(node), csv }];
  });
}

/** Whether some column of the records lists the rows in order, each row repeated for its cells when the download is one row per cell of a grid. */
function someColumnLists(records: string[][], rows: string[]): boolean {
  if (rows.length === 0 || records.length % rows.length !== 0) return records.length === rows.length;
  const perRow = records.length / rows.length;
  const expected = rows.flatMap((row) => Array<string>(perRow).fill(row));
  return records[0]!.some((_, column) => records.every((record, r) => record[column] === expected[r]));
}

describe('"Download data": CSV and JSON behind the tables', () => {
  const outDir = exampleSite();

  it('every KPI table links its CSV and JSON, and they hold the rows shown, numbers unformatted', () => {
    const kpisPage = readPage(outDir, 'kpis');
    for (const journey of example.journeys.filter((j) => j.kpis.length > 0)) {
      const base = `data/journeys/${journey.id}/kpis`;
      for (const format of ['csv', 'json']) expect(kpisPage).toContain(`href="/${base}.${format}" download`);
      const { headers, records } = readCsv(join(outDir, `${base}.csv`));
      expect(headers.slice(0, 3)).toEqual(['KPI', 'Stage', 'Value']);
      expect(records.map((r) => r[0])).toEqual(journey.kpis.map((k) => k.data.name));
      expect(records.map((r) => Number(r[2]))).toEqual(journey.kpis.map((k) => k.value));
      expect(records.map((r) => r[headers.indexOf('Status')])).toEqual(journey.kpis.map((k) => k.status));
      expect(records.map((r) => r[headers.indexOf('Stale')])).toEqual(journey.kpis.map((k) => String(k.freshness.stale)));
      const json = JSON.parse(readFileSync(join(outDir, `${base}.json`), 'utf8'));
      expect(json.columns.map((c: { header: string }) => c.header)).toEqual(headers);
      expect(json.rows.map((r: { value: number }) => r.value)).toEqual(journey.kpis.map((k) => k.value));
    }
  });

  it("each stage's KPI table on the journey page links its own download", () => {
    const journey = example.journeys.find((j) => j.stages.some((s) => s.kpis.length > 0))!;
    const stage = journey.stages.find((s) => s.kpis.length > 0)!;
    const base = `data/journeys/${journey.id}/${stage.id}/kpis`;
    expect(readPage(outDir, `journeys/${journey.id}`)).toContain(`href="/${base}.csv" download`);
    expect(readPage(outDir, `journeys/${journey.id}/${stage.id}`)).toContain(`href="/${base}.json" download`);
    expect(readCsv(join(outDir, `${base}.csv`)).records.map((r) => r[0])).toEqual(stage.kpis.map((k) => k.data.name));
  });

  it("the emotion curve's data table downloads with every touchpoint and its score", () => {
    let checkedScores = 0;
    for (const journey of example.journeys) {
      const base = `data/journeys/${journey.id}/emotion-curve`;
      expect(readPage(outDir, `journeys/${journey.id}`)).toContain(`href="/${base}.csv" download`);
      const { headers, records } = readCsv(join(outDir, `${base}.csv`));
      expect(headers.slice(0, 4)).toEqual(['#', 'Touchpoint', 'Stage', 'Channel']);
      expect(records.map((r) => r[1])).toEqual(journey.touchpoints.map((t) => t.data.title));
      // Journeys scored per persona have a column per persona instead.
      if (headers[4] === 'Emotion') {
        expect(records.map((r) => Number(r[4]))).toEqual(journey.touchpoints.map((t) => t.data.emotion));
        checkedScores++;
      }
      expect(existsSync(join(outDir, `${base}.json`))).toBe(true);
    }
    expect(checkedScores).toBeGreaterThan(0);
  });

  it('the touchpoint and opportunity tables download with their rows in the order shown', () => {
    const touchpoints = readCsv(join(outDir, 'data/touchpoints.csv'));
    expect(readPage(outDir, 'touchpoints')).toContain('href="/data/touchpoints.csv" download');
    expect(touchpoints.records.map((r) => [r[0], Number(r[4])])).toEqual(example.touchpoints.map((t) => [t.data.title, t.data.emotion]));
    const opportunities = readCsv(join(outDir, 'data/opportunities.csv'));
    expect(readPage(outDir, 'opportunities')).toContain('href="/data/opportunities.json" download');
    expect(opportunities.headers.slice(0, 2)).toEqual(['#', 'Opportunity']);
    expect(opportunities.records.map((r) => r[1])).toEqual(example.opportunities.map((o) => o.data.title));
    expect(opportunities.records.map((r) => r[opportunities.headers.indexOf('Status')])).toEqual(example.opportunities.map((o) => o.data.status));
  });

  it("headers are in the report's language, numbers keep a decimal point, text with commas and quotes is quoted", () => {
    const journey = example.journeys.find((j) => j.kpis.length > 0)!;
    const kpi = { ...journey.kpis[0]!, value: 1234.5, data: { ...journey.kpis[0]!.data, name: 'Tasso "add", carrello' } };
    const csv = tableToCsv(kpiDataTable([kpi], translator('it'), { withStage: true }));
    const [headers, row] = parse(csv, { bom: true }) as string[][];
    expect(headers!.slice(0, 3)).toEqual(['KPI', 'Fase', 'Valore']);
    expect(row![0]).toBe('Tasso "add", carrello');
    expect(row![2]).toBe('1234.5');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(emotionDataTable(journey, translator('it')).columns.map((c) => c.header)).toContain('Fase');
  });

  it('every table on every built page is followed by its download, which lists the same rows in the same order', () => {
    const pages = builtPages(outDir);
    let checked = 0;
    const missing: string[] = [];
    for (const page of pages) {
      for (const table of tablesWithDownloads(readFileSync(page.file, 'utf8'))) {
        if (table.csv === undefined) {
          missing.push(`${page.path || '/'}: "${table.caption}"`);
          continue;
        }
        const { records } = readCsv(join(outDir, table.csv));
        expect(someColumnLists(records, table.rows), `${page.path}: ${table.caption} → ${table.csv}`).toBe(true);
        expect(existsSync(join(outDir, table.csv.replace(/\.csv$/, '.json')))).toBe(true);
        checked++;
      }
    }
    expect(missing).toEqual([]);
    // Every kind of table: KPIs, touchpoints, opportunities, emotion curves, heatmaps, the matrix, seams, comparisons, the journey list.
    expect(checked).toBeGreaterThan(150);
  });
});
