import type { APIRoute, GetStaticPaths } from 'astro';
import {
  dataFileContentTypes,
  dataFilesOf,
  dataFileText,
  type DataFile,
} from '../../lib/export/dataFiles.ts';
import { downloadTables } from '../../lib/export/dataTables.ts';
import { translator } from '../../lib/i18n/index.ts';
import { publishesDataFiles } from '../../lib/paths.ts';
import { getReport } from '../../site/report.ts';
import { getMermaidSketchSources } from '../../site/sketches.ts';

/**
 * `/data/…/<table>.csv` and `.json`: the data behind the report's tables (left out of protected
 * reports), for `astro dev`. A build writes the same files itself, beside Astro's pages
 * (src/build/dataFiles.ts): as routes, Astro wrote them one at a time, 3.5 s of an M build.
 */
export const getStaticPaths = (async () => {
  if (import.meta.env.ITINERA_BUILD_WRITES_DATA_FILES) return [];
  const report = await getReport();
  if (!publishesDataFiles(report.data.visibility)) return [];
  const downloads = downloadTables(
    report,
    translator(report.data.locale),
    await getMermaidSketchSources(),
  );
  return dataFilesOf(downloads).map((file) => ({
    params: { file: file.path.replace(/^data\//, '') },
    props: { file },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: DataFile }> = ({ props }) =>
  new Response(dataFileText(props.file), {
    headers: { 'Content-Type': dataFileContentTypes[props.file.format] },
  });
