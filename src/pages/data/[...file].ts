import type { APIRoute, GetStaticPaths } from 'astro';
import {
  downloadTables,
  tableToCsv,
  tableToJson,
  type DataTable,
} from '../../lib/export/dataTables.ts';
import { translator } from '../../lib/i18n/index.ts';
import { publishesDataFiles, tableFormats } from '../../lib/paths.ts';
import { getReport } from '../../site/report.ts';
import { getMermaidSketchSources } from '../../site/sketches.ts';

const writers = { csv: tableToCsv, json: tableToJson };
const contentTypes = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

/** `/data/…/<table>.csv` and `.json`: the data behind the report's tables (left out of protected reports). */
export const getStaticPaths = (async () => {
  const report = await getReport();
  if (!publishesDataFiles(report.data.visibility)) return [];
  const tables = downloadTables(
    report,
    translator(report.data.locale),
    await getMermaidSketchSources(),
  );
  return tables.flatMap(({ path, table }) =>
    tableFormats.map((format) => ({
      params: { file: `${path.replace(/^data\//, '')}.${format}` },
      props: { table, format },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ table: DataTable; format: (typeof tableFormats)[number] }> = ({
  props,
}) =>
  new Response(writers[props.format](props.table), {
    headers: { 'Content-Type': contentTypes[props.format] },
  });
