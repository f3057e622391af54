import { mergeChannels } from './defaultChannels.ts';
import type { ReportSources, SourceEntry, StageSource } from './model.ts';
import type { ChannelData } from './schema/channel.ts';
import type { JourneyData } from './schema/journey.ts';
import type { KpiListData } from './schema/kpi.ts';
import type { PersonaData } from './schema/persona.ts';
import type { ReportData } from './schema/report.ts';
import type { StageData } from './schema/stage.ts';
import type { TouchpointData, TouchpointListData } from './schema/touchpoint.ts';

/** A stage as touchpoints and KPIs name it: its journey and its own id (the stage file's name). */
export interface StageRef {
  journey: string;
  stage: string;
}

/**
 * The string form of a stage reference, `<journey>/<stage>`: Astro's id of a stage entry (stage
 * file names repeat across journeys), the form cross-references and the JSON export use, and the
 * key of `stageByKey`. Only loading reads it back, with parseStageKey.
 */
export function stageKey(ref: StageRef): string {
  return `${ref.journey}/${ref.stage}`;
}

/** The stage reference a `<journey>/<stage>` key stands for. */
export function parseStageKey(key: string): StageRef {
  const slash = key.indexOf('/');
  return { journey: key.slice(0, slash), stage: key.slice(slash + 1) };
}

/** Validated files per collection (each entry's id is the one its file name gives), as Astro's content layer or the standalone validator read them. */
export interface CollectionFiles {
  report: SourceEntry<ReportData>;
  channels: SourceEntry<{ channels: ChannelData[] }>[];
  personas: SourceEntry<PersonaData>[];
  journeys: SourceEntry<JourneyData>[];
  /** Ids are the stage file names, without the journey. */
  stages: SourceEntry<StageData>[];
  touchpoints: SourceEntry<TouchpointData>[];
  touchpointLists: SourceEntry<TouchpointListData>[];
  kpiLists: SourceEntry<KpiListData>[];
}

/** A stage file's entry, with the reference touchpoints and KPIs use for it and that reference's key as id. */
function stageSource(file: SourceEntry<StageData>): StageSource {
  const ref = { journey: file.data.journey, stage: file.id };
  return { ...file, id: stageKey(ref), ref };
}

/** Flattens list files into one entry per item and gives every stage its reference. */
export function assembleSources(
  files: CollectionFiles,
  channelName?: (id: string) => string | undefined,
): ReportSources {
  return {
    report: { id: 'report', data: files.report.data, file: files.report.file },
    channels: mergeChannels(
      files.channels.flatMap((f) =>
        f.data.channels.map((data, index) => ({
          id: data.id,
          data,
          file: f.file,
          path: ['channels', index],
        })),
      ),
      channelName,
    ),
    personas: files.personas,
    journeys: files.journeys,
    stages: files.stages.map(stageSource),
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
      f.data.kpis.map((data, index) => ({
        id: data.id,
        data: { ...data, journey: f.data.journey },
        file: f.file,
        path: ['kpis', index],
      })),
    ),
  };
}
