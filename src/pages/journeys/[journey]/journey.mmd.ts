import type { APIRoute, GetStaticPaths } from 'astro';
import { journeyToMermaid } from '../../../lib/import/mermaid/fromJourney.ts';
import type { Journey } from '../../../lib/model.ts';
import { publishesDataFiles } from '../../../lib/paths.ts';
import { getReport } from '../../../site/report.ts';

/** `/journeys/<id>/journey.mmd`: each journey as a Mermaid user journey (left out of protected reports). */
export const getStaticPaths = (async () => {
  const report = await getReport();
  if (!publishesDataFiles(report.data.visibility)) return [];
  return report.journeys.map((journey) => ({
    params: { journey: journey.id },
    props: { journey },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ journey: Journey }> = async ({ props }) => {
  const { emotionScale } = (await getReport()).data;
  return new Response(journeyToMermaid(props.journey, emotionScale), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
