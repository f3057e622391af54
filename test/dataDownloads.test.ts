import { parse } from 'csv-parse/sync';
import { selectAll as cssSelectAll, selectOne as cssSelectOne } from 'css-select';
import { isText, type AnyNode, type Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPages } from '../src/build/pages.ts';
import {
  emotionDataTable,
  kpiDataTable,
  opportunityDataTable,
  tableDownloads,
  tableToCsv,
  touchpointDataTable,
  type DataTable,
} from '../src/lib/export/dataTables.ts';
import { heatmapDataTable } from '../src/lib/export/portfolioTables.ts';
import { mermaidSketchSources, type BodyEntry } from '../src/lib/export/sketchSources.ts';
import { mermaidSketchesShown } from '../src/lib/export/sketchesShown.ts';
import { sketchId } from '../src/lib/export/sketchTables.ts';
import { heatmapRow } from '../src/lib/portfolio/heatmap.ts';
import { translator } from '../src/lib/i18n/index.ts';
import { isEmbedPath } from '../src/lib/paths.ts';
import { resolveReport } from '../src/lib/model.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { exampleContent, readPage } from './helpers/build.ts';
import { exampleSite } from './helpers/sharedBuild.ts';

const example = resolveReport(validateContent(exampleContent, exampleContent).sources!);

/** A CSV download's header row and records, as a spreadsheet would read them. */
function readCsv(file: string): { headers: string[]; records: string[][] } {
  const [headers, ...records]: string[][] = parse(readFileSync(file, 'utf8'), { bom: true });
  return { headers: headers!, records };
}

const selectAll = (query: string, root: AnyNode) => cssSelectAll<AnyNode, Element>(query, root);
const selectOne = (query: string, root: AnyNode) => cssSelectOne<AnyNode, Element>(query, root);

/** The first text in an element, trimmed: a row header's title before any tag or "#" link after it. */
function firstText(node: AnyNode): string | undefined {
  if (isText(node)) return node.data.trim() || undefined;
  if (!('children' in node)) return undefined;
  for (const child of node.children) {
    const text = firstText(child);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** What each body row of a table is about: its row header, or its first cell. */
const rowHeaders = (table: Element) =>
  selectAll('tbody > tr', table).map((row) =>
    firstText(selectOne('th[scope="row"]', row) ?? selectOne('td', row)!)!,
  );

/**
 * Every table of a built page with the "Download data" links that follow it (before the next
 * table), or undefined when none does. The links are the page's own addresses (base `/`).
 */
function tablesWithDownloads(
  html: string,
): { caption: string; rows: string[]; csv: string | undefined }[] {
  const nodes = selectAll('table, p.data-links', parseDocument(html));
  return nodes.flatMap((node, i) => {
    if (node.name !== 'table') return [];
    const links = nodes[i + 1]?.name === 'p' ? nodes[i + 1]! : undefined;
    const csv =
      links &&
      selectAll('a[download]', links).find((a) => a.attribs.href!.endsWith('.csv'))?.attribs.href;
    return [
      { caption: firstText(selectOne('caption', node) ?? node) ?? '', rows: rowHeaders(node), csv },
    ];
  });
}

/** Whether some column of the records lists the rows in order, each row repeated for its cells when the download is one row per cell of a grid. */
function someColumnLists(records: string[][], rows: string[]): boolean {
  if (rows.length === 0 || records.length % rows.length !== 0)
    return records.length === rows.length;
  const perRow = records.length / rows.length;
  const expected = rows.flatMap((row) => Array<string>(perRow).fill(row));
  return records[0]!.some((_, column) =>
    records.every((record, r) => record[column] === expected[r]),
  );
}

describe('"Download data": CSV and JSON behind the tables', () => {
  const outDir = exampleSite();

  it('every KPI table links its CSV and JSON, and they hold the rows shown, numbers unformatted', () => {
    const kpisPage = readPage(outDir, 'kpis');
    for (const journey of example.journeys.filter((j) => j.kpis.length > 0)) {
      const base = `data/journeys/${journey.id}/kpis`;
      for (const format of ['csv', 'json'])
        expect(kpisPage).toContain(`href="/${base}.${format}" download`);
      const { headers, records } = readCsv(join(outDir, `${base}.csv`));
      expect(headers.slice(0, 3)).toEqual(['KPI', 'Stage', 'Value']);
      expect(records.map((r) => r[0])).toEqual(journey.kpis.map((k) => k.data.name));
      expect(records.map((r) => Number(r[2]))).toEqual(journey.kpis.map((k) => k.value));
      expect(records.map((r) => r[headers.indexOf('Status')])).toEqual(
        journey.kpis.map((k) => k.status),
      );
      expect(records.map((r) => r[headers.indexOf('Stale')])).toEqual(
        journey.kpis.map((k) => String(k.freshness.stale)),
      );
      const json = JSON.parse(readFileSync(join(outDir, `${base}.json`), 'utf8'));
      expect(json.columns.map((c: { header: string }) => c.header)).toEqual(headers);
      expect(json.rows.map((r: { value: number }) => r.value)).toEqual(
        journey.kpis.map((k) => k.value),
      );
    }
  });

  it("each stage's KPI table on the journey page links its own download", () => {
    const journey = example.journeys.find((j) => j.stages.some((s) => s.kpis.length > 0))!;
    const stage = journey.stages.find((s) => s.kpis.length > 0)!;
    const base = `data/journeys/${journey.id}/${stage.id}/kpis`;
    expect(readPage(outDir, `journeys/${journey.id}`)).toContain(`href="/${base}.csv" download`);
    expect(readPage(outDir, `journeys/${journey.id}/${stage.id}`)).toContain(
      `href="/${base}.json" download`,
    );
    expect(readCsv(join(outDir, `${base}.csv`)).records.map((r) => r[0])).toEqual(
      stage.kpis.map((k) => k.data.name),
    );
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
        expect(records.map((r) => Number(r[4]))).toEqual(
          journey.touchpoints.map((t) => t.data.emotion),
        );
        checkedScores++;
      }
      expect(existsSync(join(outDir, `${base}.json`))).toBe(true);
    }
    expect(checkedScores).toBeGreaterThan(0);
  });

  it('the touchpoint and opportunity tables download with their rows in the order shown', () => {
    const touchpoints = readCsv(join(outDir, 'data/touchpoints.csv'));
    expect(readPage(outDir, 'touchpoints')).toContain('href="/data/touchpoints.csv" download');
    expect(touchpoints.records.map((r) => [r[0], Number(r[4])])).toEqual(
      example.touchpoints.map((t) => [t.data.title, t.data.emotion]),
    );
    const opportunities = readCsv(join(outDir, 'data/opportunities.csv'));
    expect(readPage(outDir, 'opportunities')).toContain('href="/data/opportunities.json" download');
    expect(opportunities.headers.slice(0, 2)).toEqual(['#', 'Opportunity']);
    expect(opportunities.records.map((r) => r[1])).toEqual(
      example.opportunities.map((o) => o.data.title),
    );
    expect(opportunities.records.map((r) => r[opportunities.headers.indexOf('Status')])).toEqual(
      example.opportunities.map((o) => o.data.status),
    );
  });

  it("headers are in the report's language, numbers keep a decimal point, text with commas and quotes is quoted", () => {
    const journey = example.journeys.find((j) => j.kpis.length > 0)!;
    const kpi = {
      ...journey.kpis[0]!,
      value: 1234.5,
      data: { ...journey.kpis[0]!.data, name: 'Tasso "add", carrello' },
    };
    const csv = tableToCsv(kpiDataTable([kpi], translator('it'), { withStage: true }));
    const [headers, row]: string[][] = parse(csv, { bom: true });
    expect(headers!.slice(0, 3)).toEqual(['KPI', 'Fase', 'Valore']);
    expect(row![0]).toBe('Tasso "add", carrello');
    expect(row![2]).toBe('1234.5');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(emotionDataTable(journey, translator('it')).columns.map((c) => c.header)).toContain(
      'Fase',
    );
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
        expect(
          someColumnLists(records, table.rows),
          `${page.path}: ${table.caption} → ${table.csv}`,
        ).toBe(true);
        expect(existsSync(join(outDir, table.csv.replace(/\.csv$/, '.json')))).toBe(true);
        checked++;
      }
    }
    expect(missing).toEqual([]);
    // Every kind of table: KPIs, touchpoints, opportunities, emotion curves, heatmaps, the matrix, seams, comparisons, the journey list.
    expect(checked).toBeGreaterThan(150);
  });

  it('every chart and journey map on every built page has a download of its data before the next chart', () => {
    const charts: string[] = [];
    const missing: string[] = [];
    // Embeddable views are a chart alone, without the site around it; the page they come from links the download.
    for (const page of builtPages(outDir).filter((p) => !isEmbedPath(p.path))) {
      const nodes = selectAll(
        'figure.chart-figure, [data-canvas], p.data-links',
        parseDocument(readFileSync(page.file, 'utf8')),
      );
      nodes.forEach((node, i) => {
        if (node.name === 'p') return;
        const next = nodes
          .slice(i + 1)
          .find(
            (later) =>
              later.name === 'p' ||
              later.attribs.class?.includes('chart-figure') ||
              'data-canvas' in later.attribs,
          );
        const label = `${page.path || '/'}: ${firstText(node)}`;
        charts.push(label);
        if (next?.name !== 'p') missing.push(label);
      });
    }
    expect(missing).toEqual([]);
    // Timelines on the overview, journey maps and Mermaid sketches, comparison curves, the opportunity matrix.
    expect(charts.length).toBeGreaterThan(10);
  });

  it('the KPI trends drawn in a table download next to it, one row per measurement, oldest first', () => {
    const journey = example.journeys.find((j) => j.kpis.some((k) => k.data.history.length > 1))!;
    const base = tableDownloads.kpiHistory(`data/journeys/${journey.id}/kpis`);
    expect(readPage(outDir, 'kpis')).toContain(`href="/${base}.csv" download`);
    const { headers, records } = readCsv(join(outDir, `${base}.csv`));
    expect(headers).toEqual(['KPI', 'Date', 'Value', 'Unit']);
    const kpi = journey.kpis.find((k) => k.data.history.length > 1)!;
    const rows = records.filter((r) => r[0] === kpi.data.name);
    expect(rows.map((r) => [r[1], Number(r[2])])).toEqual(
      [...kpi.data.history]
        .sort((a, b) => a.date.getTime() - b.date.getTime())
        .map((h) => [h.date.toISOString().slice(0, 10), h.value]),
    );
  });

  it('stage, channel and touchpoint pages download the columns their tables show, not the ones they leave out', () => {
    const stage = example.stages.find((s) =>
      s.touchpoints.some((tp) => tp.opportunities.length > 0),
    )!;
    expect(readCsv(join(outDir, `${tableDownloads.stageTouchpoints(stage)}.csv`)).headers).toEqual([
      'Touchpoint',
      'Channel',
      'Emotion',
      'Moment of truth',
      'Pain points',
      'Opportunities',
    ]);
    const stageOpportunities = readCsv(
      join(outDir, `${tableDownloads.stageOpportunities(stage)}.csv`),
    );
    expect(stageOpportunities.headers.slice(0, 3)).toEqual([
      'Opportunity',
      'Touchpoint',
      'Journey',
    ]);
    expect(stageOpportunities.records.map((r) => r[0])).toEqual(
      stage.touchpoints.flatMap((tp) => tp.opportunities.map((o) => o.data.title)),
    );
    const channel = example.channels.find((c) => c.touchpoints.length > 0)!;
    const channelTable = readCsv(join(outDir, `${tableDownloads.channelTouchpoints(channel)}.csv`));
    expect(channelTable.headers).not.toContain('Channel');
    expect(channelTable.records.map((r) => r[0])).toEqual(
      channel.touchpoints.map((tp) => tp.data.title),
    );
    const touchpoint = example.touchpoints.find((tp) => tp.opportunities.length > 0)!;
    expect(readPage(outDir, `touchpoints/${touchpoint.id}`)).toContain(
      `href="/${tableDownloads.touchpointOpportunities(touchpoint)}.csv" download`,
    );
    expect(
      readCsv(
        join(outDir, `${tableDownloads.touchpointOpportunities(touchpoint)}.csv`),
      ).headers.slice(0, 2),
    ).toEqual(['Opportunity', 'Customer value']);
  });

  it('the lists of the comparison and evidence pages download with one row per item shown, kinds of change as codes', () => {
    const future = example.journeys.find((j) => j.improves)!;
    const page = parseDocument(readPage(outDir, `journeys/${future.id}/compare`));
    const changes = readCsv(
      join(outDir, `${tableDownloads.comparison(future, 'touchpoints')}.csv`),
    ).records;
    expect(changes.map((r) => [r[0], r[1]])).toEqual(
      selectAll('li[data-change]', page).map((li) => [li.attribs['data-change'], firstText(li)]),
    );
    // Today's and the future state's scores: null (empty) on the side a touchpoint is missing from.
    expect(changes.filter((r) => r[0] === 'added').every((r) => r[5] === '' && r[6] !== '')).toBe(
      true,
    );
    const painPoints = readCsv(
      join(outDir, `${tableDownloads.comparison(future, 'pain-points')}.csv`),
    ).records;
    const listed = ['resolved', 'introduced'].flatMap((change) =>
      selectAll(`ul[data-pain-points="${change}"] > li`, page).map((li) => [
        change,
        firstText(li)!.replace(/ ·$/, ''),
      ]),
    );
    expect(painPoints.map((r) => [r[0], r[1]])).toEqual(listed);
    const delivered = readCsv(
      join(outDir, `${tableDownloads.comparison(future, 'opportunities')}.csv`),
    ).records;
    expect(delivered.map((r) => r[0])).toEqual(
      selectAll('li[data-opportunity]', page).map((li) => firstText(li)),
    );
    const kpis = readCsv(join(outDir, `${tableDownloads.comparison(future, 'kpis')}.csv`));
    expect(
      kpis.records.every((r) =>
        /^-?\d+(\.\d{1,6})?$/.test(r[kpis.headers.indexOf('Gap to future target')]!),
      ),
    ).toBe(true);

    const evidence = parseDocument(readPage(outDir, 'evidence'));
    const gaps = readCsv(join(outDir, `${tableDownloads.evidenceGaps()}.csv`)).records;
    expect(gaps.map((r) => r[0])).toEqual(
      selectAll('#gaps li', evidence).map((li) => firstText(li)),
    );
    const sources = readCsv(join(outDir, `${tableDownloads.evidence()}.csv`)).records;
    expect(sources.filter((r) => r[4] !== '').map((r) => r[4])).toEqual(
      selectAll('section[id^="source-"] li', evidence).map((li) => firstText(li)),
    );
    expect(new Set(sources.map((r) => r[1]))).toEqual(
      new Set(example.data.researchSources.map((s) => s.method)),
    );
  });

  it('grids download one row per cell: a phase without stages or a journey a persona does not take is null, means to three decimals', () => {
    const heatmap = readCsv(join(outDir, `${tableDownloads.heatmap('')}.csv`));
    const phases = example.data.lifecycle.length;
    expect(heatmap.records.length % phases).toBe(0);
    const empty = heatmap.records.find((r) => r[2] === '')!;
    expect(empty[3]).toBe('');
    expect(heatmap.records.every((r) => r[3] === '' || /^\d+(\.\d{1,3})?$/.test(r[3]!))).toBe(true);
    const matrix = JSON.parse(
      readFileSync(join(outDir, `${tableDownloads.personaMatrix(1)}.json`), 'utf8'),
    ) as DataTable;
    expect(matrix.rows.find((r) => !r.takesJourney)).toMatchObject({
      meanEmotion: null,
      lowestTouchpoint: null,
      lowestScore: null,
    });
    expect(matrix.rows.some((r) => r.takesJourney && typeof r.meanEmotion === 'number')).toBe(true);
  });

  it('table models: hidden columns stay out of CSV and JSON, stages without touchpoints are not scored, sketches keep their name when re-indented', () => {
    const t = translator('en');
    const stageTable = touchpointDataTable(example.touchpoints.slice(0, 2), t, [
      'journey',
      'stage',
    ]);
    expect(stageTable.columns.map((c) => c.key)).not.toContain('journey');
    expect(Object.keys(stageTable.rows[0]!)).toEqual(stageTable.columns.map((c) => c.key));
    const numbered = opportunityDataTable(example.opportunities, t, {
      numbered: true,
      showTouchpoint: false,
    });
    expect(numbered.columns.map((c) => c.key).slice(0, 3)).toEqual([
      'position',
      'opportunity',
      'customerValue',
    ]);
    const journey = example.journeys[0]!;
    const unscored = {
      ...journey.stages[0]!,
      touchpoints: [],
      data: { ...journey.stages[0]!.data },
    };
    const row = heatmapRow(
      { ...journey, stages: [unscored], touchpoints: [] },
      example.data.lifecycle,
    );
    const cells = heatmapDataTable([row], t, true).rows;
    expect(cells.find((c) => c.stages !== null)).toMatchObject({
      meanEmotion: null,
      painPoints: 0,
      journeyMeanEmotion: null,
    });
    expect(sketchId('journey\n  title A\n  section S\n    Task: 3: Me\n')).toBe(
      sketchId('journey\ntitle A\nsection S\nTask: 3: Me'),
    );
    // A sketch inside <Internal> has no download in the client edition: its data would leak.
    const body =
      'Intro.\n\n```mermaid\njourney\n  title Shown\n  section S\n    Task: 3: Me\n```\n\n<Internal>\n\n```mermaid\njourney\n  title Secret\n  section S\n    Task: 2: Me\n```\n\n</Internal>\n';
    expect(
      mermaidSketchesShown(body, 'client').map((source) => source.split('\n')[1]!.trim()),
    ).toEqual(['title Shown']);
    expect(mermaidSketchesShown(body, 'internal')).toHaveLength(2);
  });

  it("collects the sketches of the edition's MDX bodies in the report's order, reading each file once", async () => {
    const sketch = (title: string) =>
      `Text.\n\n\`\`\`mermaid\njourney\n  title ${title}\n  section S\n    Task: 3: Me\n\`\`\`\n`;
    const [persona, journey, stage] = [
      example.personas[0]!,
      example.journeys[1]!,
      example.stages[0]!,
    ];
    const bodies = new Map([
      [`journeys:${journey.id}`, sketch('Journey')],
      [`personas:${persona.id}`, sketch('Persona')],
      [`stages:${stage.key}`, sketch('Stage')],
    ]);
    const read: BodyEntry[] = [];
    const sources = await mermaidSketchSources(example, (entry) => {
      read.push(entry);
      return bodies.get(`${entry.collection}:${entry.id}`);
    });
    expect(sources.map((source) => source.split('\n')[1]!.trim())).toEqual([
      'title Persona',
      'title Journey',
      'title Stage',
    ]);
    const files = read.map((entry) => entry.file);
    expect(new Set(files).size).toBe(files.length);
    expect(await mermaidSketchSources(example, () => 'No sketch here.')).toEqual([]);
  });
});
