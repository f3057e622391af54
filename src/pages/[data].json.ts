import type { APIRoute, GetStaticPaths } from 'astro';
import { exportReport, reportJsonSchema } from '../lib/export/reportJson.ts';
import { publishesDataFiles } from '../lib/paths.ts';
import { getReport } from '../site/report.ts';

/** `/report.json` (left out of protected reports) and `/report.schema.json`. */
export const getStaticPaths = (async () => {
  const report = await getReport();
  const files = publishesDataFiles(report.data.visibility)
    ? ['report', 'report.schema']
    : ['report.schema'];
  return files.map((data) => ({ params: { data } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const body = params.data === 'report' ? exportReport(await getReport()) : reportJsonSchema();
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
