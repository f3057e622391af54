import { mergeChannels } from './defaultChannels.ts';
import type { ReportSources } from './model.ts';
import type { ChannelData } from './schema/channel.ts';
import type { JourneyData } from './schema/journey.ts';
import type { KpiListData } from './schema/kpi.ts';
import type { PersonaData } from './schema/persona.ts';
import type { ReportData } from './schema/report.ts';
import type { StageData } from './schema/stage.ts';
import type { TouchpointData, TouchpointListData } from './schema/touchpoint.ts';

/** One validated file: the id its name gives, its path from the project root, its data. */
export interface FileEntry<T> {
  id: string;
  file: string;
  data: T;
}

/** Validated files per collection, as Astro's content layer or the standalone validator read them. */
export interface CollectionFiles {
  report: FileEntry<ReportData>;
  channels: FileEntry<{ channels: ChannelData[] }>[];
  personas: FileEntry<PersonaData>[];
  journeys: FileEntry<JourneyData>[];
  /** Ids are the stage file names, without the journey. */
  stages: FileEntry<StageData>[];
  touchpoints: FileEntry<TouchpointData>[];
  touchpointLists: FileEntry<TouchpointListData>[];
  kpiLists: FileEntry<KpiListData>[];
}

/** Flattens list files into one entry per item and keys stages by journey. */
export function assembleSources(files: CollectionFiles, channelName?: (id: string) => string | undefined): ReportSources {
  return {
    report: { id: 'report', data: files.report.data, file: files.report.file },
    channels: mergeChannels(
      files.channels.flatMap((f) => f.data.channels.map((data, index) => ({ id: data.id, data, file: f.file, path: ['channels', index] }))),
      channelName,
    ),
    personas: files.personas,
    journeys: files.journeys,
    stages: files.stages.map((s) => ({ ...s, id: `${s.data.journey}/${s.id}` })),
    touchpoints: [
      ...files.touchpoints,
      ...files.touchpointLists.flatMap((f) =>
        f.data.touchpoints.map(({ id, ...fields }, index) => ({
          id,
          data: { ...fields, journey: f.data.journey },
          file: f.file,
          path: ['touchpoints', index],
        })),
      ),
    ],
    kpis: files.kpiLists.flatMap((f) =>
      f.data.kpis.map((data, index) => ({ id: data.id, data: { ...data, journey: f.data.journey }, file: f.file, path: ['kpis', index] })),
    ),
  };
}
