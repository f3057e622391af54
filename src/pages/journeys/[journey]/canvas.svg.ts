import type { APIRoute } from 'astro';
import type { Journey } from '../../../lib/model.ts';
import { journeyCanvasSvg } from '../../../site/canvasSvg.ts';
import { getReport } from '../../../site/report.ts';

// Protected reports publish nothing readable without the password: no SVG files.
export async function getStaticPaths() {
  const report = await getReport();
  if (report.data.visibility === 'protected') return [];
  return report.journeys.map((journey) => ({
    params: { journey: journey.id },
    props: { journey },
  }));
}

export const GET: APIRoute<{ journey: Journey }> = async ({ props }) =>
  new Response(await journeyCanvasSvg(props.journey), {
    headers: { 'Content-Type': 'image/svg+xml' },
  });
