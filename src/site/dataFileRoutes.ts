import type { APIRoute, GetStaticPaths } from 'astro';
import {
  dataFileContentTypes,
  dataFilesOf,
  dataFileText,
  type DataFile,
  type TableFormat,
} from '../lib/export/dataFiles.ts';
import { downloadTables } from '../lib/export/dataTables.ts';
import { translator } from '../lib/i18n/index.ts';
import { publishesDataFiles } from '../lib/paths.ts';
import { getReport } from './report.ts';
import { getMermaidSketchSources } from './sketches.ts';

/**
 * The route of the data downloads in one format (`/data/…/<table>.csv`), for `astro dev`. A build
 * writes the same files itself, beside Astro's pages (src/build/dataFiles.ts): as routes, Astro
 * wrote them one at a time, 3.5 s of an M build. One route file per format, because a route
 * whose file name has no extension gets the site's trailing slash, and `/data/x.csv/` is not
 * where the download links point.
 */
export function dataFileRoute(format: TableFormat) {
  const getStaticPaths = (async () => {
    if (import.meta.env.ITINERA_BUILD_WRITES_DATA_FILES) return [];
    const report = await getReport();
    if (!publishesDataFiles(report.data.visibility)) return [];
    const downloads = downloadTables(
      report,
      translator(report.data.locale),
      await getMermaidSketchSources(),
    );
    return dataFilesOf(downloads)
      .filter((file) => file.format === format)
      .map((file) => ({
        params: { table: file.path.replace(/^data\//, '').slice(0, -`.${format}`.length) },
        props: { file },
      }));
  }) satisfies GetStaticPaths;
  const GET: APIRoute<{ file: DataFile }> = ({ props }) =>
    new Response(dataFileText(props.file), {
      headers: { 'Content-Type': dataFileContentTypes[props.file.format] },
    });
  return { getStaticPaths, GET };
}
