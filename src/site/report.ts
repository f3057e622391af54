import { getCollection } from 'astro:content';
import { resolveReport, type ResolvedReport } from '../lib/model.ts';
import { translator, type UiKey } from '../lib/i18n/index.ts';
import { editionFor } from '../lib/audience.ts';
import { assembleSources, parseStageKey } from '../lib/sources.ts';

let cached: Promise<ResolvedReport> | undefined;

const entry = <T>(e: { id: string; filePath?: string; data: T }) => ({
  id: e.id,
  file: e.filePath ?? '',
  data: e.data,
});

async function loadReport(): Promise<ResolvedReport> {
  const [reports, channels, personas, journeys, stages, touchpoints, touchpointLists, kpiLists] =
    await Promise.all([
      getCollection('report'),
      getCollection('channels'),
      getCollection('personas'),
      getCollection('journeys'),
      getCollection('stages'),
      getCollection('touchpoints'),
      getCollection('touchpointLists'),
      getCollection('kpiLists'),
    ]);
  const report = reports[0];
  if (!report) throw new Error('content/report.yaml is missing (run `npm run check`)');
  // Built-in channels are named in the report's language.
  const t = translator(report.data.locale);
  const sources = assembleSources(
    {
      report: entry(report),
      channels: channels.map(entry),
      // The model keeps the avatar's path; pages take Astro's optimised image from the entry.
      personas: personas.map((e) => ({
        ...entry(e),
        data: { ...e.data, avatar: e.data.avatar?.src },
      })),
      journeys: journeys.map(entry),
      // Astro ids stages by their key (see content.config.ts); the assembler takes the journey from the data.
      stages: stages.map((e) => ({ ...entry(e), id: parseStageKey(e.id).stage })),
      touchpoints: touchpoints.map(entry),
      touchpointLists: touchpointLists.map(entry),
      kpiLists: kpiLists.map(entry),
    },
    (id) => t(`channel.${id}` as UiKey),
  );
  // The same edition the integration validated and announced (ITINERA_AUDIENCE or the report's default).
  return resolveReport(editionFor(sources).sources);
}

/** The resolved report, built once per build and shared by every page. */
export function getReport(): Promise<ResolvedReport> {
  cached ??= loadReport();
  return cached;
}
