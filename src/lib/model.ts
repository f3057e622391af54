import type { ChannelData } from './schema/channel.ts';
import type { JourneyData } from './schema/journey.ts';
import type { KpiData } from './schema/kpi.ts';
import type { PersonaData } from './schema/persona.ts';
import type { ReportData } from './schema/report.ts';
import type { StageData } from './schema/stage.ts';
import type { Opportunity, PainPoint, TouchpointData } from './schema/touchpoint.ts';
import type { KpiFreshness } from './freshness.ts';
import type { KpiStatus } from './kpi.ts';
import { freshnessReferenceDate } from './freshness.ts';
import { resolveChannels, sortChannels } from './model/channels.ts';
import { resolveJourneys } from './model/journeys.ts';
import { resolveKpis } from './model/kpis.ts';
import { resolveOpportunities } from './model/opportunities.ts';
import { resolvePersonas } from './model/personas.ts';
import { resolveStages } from './model/stages.ts';
import { resolveTouchpoints } from './model/touchpoints.ts';
import type { StageRef } from './sources.ts';

export { stageKey, type StageRef } from './sources.ts';

/** A validated content entry as a loader hands it over: id, data and the file it came from. */
export interface SourceEntry<T> {
  id: string;
  data: T;
  /** Path of the file, relative to the repository root. */
  file: string;
  /** Where the entry sits inside its file, for entries listed in a YAML file (`['touchpoints', 3]`). */
  path?: (string | number)[];
}

/** A stage entry: `ref` names it (journey and file name); its id is that reference's key, `<journey>/<stage>`, unique across the report. */
export interface StageSource extends SourceEntry<StageData> {
  ref: StageRef;
}

/** Everything a report is made of, before the references are resolved. */
export interface ReportSources {
  report: SourceEntry<ReportData>;
  personas: SourceEntry<PersonaData>[];
  journeys: SourceEntry<JourneyData>[];
  stages: StageSource[];
  touchpoints: SourceEntry<TouchpointData>[];
  kpis: SourceEntry<KpiData & { journey: string }>[];
  channels: SourceEntry<ChannelData>[];
}

export interface Persona {
  id: string;
  data: PersonaData;
  file: string;
  journeys: Journey[];
  preferredChannels: Channel[];
}

export interface Journey {
  id: string;
  data: JourneyData;
  file: string;
  personas: Persona[];
  /** Stages in order. */
  stages: Stage[];
  /** Touchpoints in journey order: by stage, then by their order within the stage. */
  touchpoints: Touchpoint[];
  kpis: Kpi[];
  /** The current-state journey this future-state journey improves. */
  improves?: Journey;
  /** Future-state journeys that improve this one. */
  improvedBy: Journey[];
}

export interface Stage {
  /** `<journey>/<stage>` (see stageKey), unique across the report. */
  key: string;
  /** The stage's id within its journey (the file name). */
  id: string;
  data: StageData;
  file: string;
  journey: Journey;
  touchpoints: Touchpoint[];
  kpis: Kpi[];
}

export interface Channel {
  id: string;
  data: ChannelData;
  touchpoints: Touchpoint[];
}

export interface Touchpoint {
  id: string;
  data: TouchpointData;
  file: string;
  /** Whether the touchpoint has its own MDX file (with a body to render). */
  hasOwnFile: boolean;
  journey: Journey;
  stage: Stage;
  channel: Channel;
  painPoints: PainPoint[];
  opportunities: OpportunityItem[];
  /** In a future-state journey: the current-state touchpoint this one redesigns (`improves`). */
  improves?: Touchpoint;
  /** Opportunities this future-state touchpoint delivers (`addresses`). */
  addresses: OpportunityItem[];
}

export interface OpportunityItem {
  /** The author's id, else one derived from the touchpoint (`<touchpoint>-opportunity-<n>`). */
  id: string;
  /** Element id on the opportunities page; author ids are prefixed so none can clash with the page's own ids. */
  anchor: string;
  data: Opportunity;
  touchpoint: Touchpoint;
  /** Mean of customer and business value, 1-5. */
  value: number;
  /** Future-state touchpoints that deliver it. */
  addressedBy: Touchpoint[];
}

export interface Kpi {
  id: string;
  data: KpiData;
  file: string;
  journey: Journey;
  stage: Stage;
  value: number;
  /** False when a future-state KPI shows today's value of the KPI it improves. */
  measured: boolean;
  /** In a future-state journey: the current-state KPI this target improves. */
  improves?: Kpi;
  tolerance: number;
  status: KpiStatus;
  /** How old the value shown is: the KPI's own measurements, or those of the KPI it improves when it shows that value. */
  freshness: KpiFreshness;
}

export interface ResolvedReport {
  data: ReportData;
  /** The day KPI freshness is judged on (see freshness.ts). */
  today: Date;
  personas: Persona[];
  journeys: Journey[];
  stages: Stage[];
  touchpoints: Touchpoint[];
  channels: Channel[];
  kpis: Kpi[];
  opportunities: OpportunityItem[];
  personaById: Map<string, Persona>;
  journeyById: Map<string, Journey>;
  stageByKey: Map<string, Stage>;
  touchpointById: Map<string, Touchpoint>;
  channelById: Map<string, Channel>;
}

/**
 * Resolves every reference of validated sources into a linked, ordered model, one kind of entry
 * after the other (each resolver in src/lib/model/ links its entries to the ones resolved
 * before). Lookups go through maps built once, so the cost grows linearly with the report.
 */
export function resolveReport(
  sources: ReportSources,
  options: { today?: Date } = {},
): ResolvedReport {
  const report = sources.report.data;
  const today = options.today ?? freshnessReferenceDate(report);
  const { channels, channelById } = resolveChannels(sources.channels);
  const { personas, personaById } = resolvePersonas(sources.personas, channelById);
  const { journeys, journeyById } = resolveJourneys(sources.journeys, personaById);
  const { stageByKey } = resolveStages(sources.stages, journeyById);
  const { touchpoints, touchpointById } = resolveTouchpoints(sources.touchpoints, {
    journeyById,
    stageByKey,
    channelById,
  });
  const orderedTouchpoints = journeys.flatMap((j) => j.touchpoints);
  const opportunities = resolveOpportunities(touchpoints, orderedTouchpoints);
  resolveKpis(sources.kpis, { report, today, journeyById, stageByKey });
  return {
    data: report,
    today,
    personas,
    journeys,
    stages: journeys.flatMap((j) => j.stages),
    touchpoints: orderedTouchpoints,
    channels: sortChannels(channels),
    kpis: journeys.flatMap((j) => j.kpis),
    opportunities,
    personaById,
    journeyById,
    stageByKey,
    touchpointById,
    channelById,
  };
}
