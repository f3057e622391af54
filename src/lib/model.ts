import type { ChannelData } from './schema/channel.ts';
import type { JourneyData } from './schema/journey.ts';
import type { KpiData } from './schema/kpi.ts';
import type { PersonaData } from './schema/persona.ts';
import type { ReportData } from './schema/report.ts';
import type { StageData } from './schema/stage.ts';
import type { Opportunity, PainPoint, TouchpointData } from './schema/touchpoint.ts';
import { anchors } from './anchors.ts';
import { kpiMatchKeys, matchItems } from './compare/match.ts';
import { freshnessReferenceDate, kpiFreshness, type KpiFreshness } from './freshness.ts';
import { currentKpiValue, deriveKpiStatus, type KpiStatus } from './kpi.ts';

/** A validated content entry as a loader hands it over: id, data and the file it came from. */
export interface SourceEntry<T> {
  id: string;
  data: T;
  /** Path of the file, relative to the repository root. */
  file: string;
  /** Where the entry sits inside its file, for entries listed in a YAML file (`['touchpoints', 3]`). */
  path?: (string | number)[];
}

/** Everything a report is made of, before the references are resolved. */
export interface ReportSources {
  report: SourceEntry<ReportData>;
  personas: SourceEntry<PersonaData>[];
  journeys: SourceEntry<JourneyData>[];
  /** Stage ids are `<journey>/<stage>`: the file's path below `stages/`. */
  stages: SourceEntry<StageData>[];
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
  /** `<journey>/<stage>`, unique across the report. */
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

export function stageKey(journey: string, stage: string): string {
  return `${journey}/${stage}`;
}

function indexById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function lookup<T>(map: Map<string, T>, id: string, what: string, file: string): T {
  const found = map.get(id);
  // Validation reports dangling references with context before any page is built; this is a guard.
  if (!found) throw new Error(`${file}: unknown ${what} "${id}" (run \`npm run check\`)`);
  return found;
}

const byName = (a: string, b: string) => a.localeCompare(b);

/**
 * Resolves every reference of validated sources into a linked, ordered model. Lookups go
 * through maps built once, so the cost grows linearly with the report.
 */
export function resolveReport(sources: ReportSources, options: { today?: Date } = {}): ResolvedReport {
  const report = sources.report.data;
  const today = options.today ?? freshnessReferenceDate(report);
  const channels: Channel[] = sources.channels.map((c) => ({ id: c.id, data: c.data, touchpoints: [] }));
  const channelById = indexById(channels);

  const personas: Persona[] = sources.personas
    .map((p) => ({
      id: p.id,
      data: p.data,
      file: p.file,
      journeys: [],
      preferredChannels: p.data.preferredChannels.map((id) => lookup(channelById, id, 'channel', p.file)),
    }))
    .sort((a, b) => byName(a.data.name, b.data.name));
  const personaById = indexById(personas);

  const journeys: Journey[] = sources.journeys
    .map((j) => ({
      id: j.id,
      data: j.data,
      file: j.file,
      personas: j.data.personas.map((id) => lookup(personaById, id, 'persona', j.file)),
      stages: [],
      touchpoints: [],
      kpis: [],
      improvedBy: [],
    }))
    .sort((a, b) => byName(a.data.title, b.data.title));
  const journeyById = indexById(journeys);
  for (const journey of journeys) {
    for (const persona of journey.personas) persona.journeys.push(journey);
    if (journey.data.improves === undefined) continue;
    journey.improves = lookup(journeyById, journey.data.improves, 'journey', journey.file);
    journey.improves.improvedBy.push(journey);
  }

  const stages: Stage[] = sources.stages.map((s) => {
    const journey = lookup(journeyById, s.data.journey, 'journey', s.file);
    const id = s.id.split('/').at(-1)!;
    return { key: stageKey(journey.id, id), id, data: s.data, file: s.file, journey, touchpoints: [], kpis: [] };
  });
  const stageByKey = new Map(stages.map((s) => [s.key, s]));
  for (const stage of stages) stage.journey.stages.push(stage);
  for (const journey of journeys) journey.stages.sort((a, b) => a.data.order - b.data.order);

  const orderInStage = new Map<Touchpoint, number>();
  const touchpoints: Touchpoint[] = sources.touchpoints.map((t, fileOrder) => {
    const journey = lookup(journeyById, t.data.journey, 'journey', t.file);
    const touchpoint: Touchpoint = {
      id: t.id,
      data: t.data,
      file: t.file,
      hasOwnFile: t.path === undefined,
      journey,
      stage: lookup(stageByKey, stageKey(journey.id, t.data.stage), 'stage', t.file),
      channel: lookup(channelById, t.data.channel, 'channel', t.file),
      painPoints: t.data.painPoints,
      opportunities: [],
      addresses: [],
    };
    touchpoint.opportunities = t.data.opportunities.map((data, index) => ({
      id: data.id ?? `${t.id}-opportunity-${index + 1}`,
      anchor: anchors.opportunity(t.id, index, data.id),
      data,
      touchpoint,
      value: (data.customerValue + data.businessValue) / 2,
      addressedBy: [],
    }));
    // Touchpoints without an explicit order keep file order after the ordered ones.
    orderInStage.set(touchpoint, t.data.order ?? Number.MAX_SAFE_INTEGER + fileOrder);
    return touchpoint;
  });
  const touchpointById = indexById(touchpoints);
  for (const touchpoint of touchpoints) {
    touchpoint.stage.touchpoints.push(touchpoint);
    touchpoint.channel.touchpoints.push(touchpoint);
  }
  for (const stage of stages) stage.touchpoints.sort((a, b) => orderInStage.get(a)! - orderInStage.get(b)!);
  for (const journey of journeys) journey.touchpoints = journey.stages.flatMap((s) => s.touchpoints);
  for (const channel of channels) {
    channel.touchpoints.sort(
      (a, b) => byName(a.journey.data.title, b.journey.data.title) || a.stage.data.order - b.stage.data.order,
    );
  }

  // `addresses` names author ids only, so derived ids cannot be mistaken for one.
  const opportunityById = new Map(touchpoints.flatMap((t) => t.opportunities).flatMap((o) => (o.data.id === undefined ? [] : [[o.data.id, o] as const])));
  for (const touchpoint of touchpoints) {
    if (touchpoint.data.improves !== undefined) touchpoint.improves = lookup(touchpointById, touchpoint.data.improves, 'touchpoint', touchpoint.file);
    touchpoint.addresses = touchpoint.data.addresses.map((id) => lookup(opportunityById, id, 'opportunity', touchpoint.file));
    for (const opportunity of touchpoint.addresses) opportunity.addressedBy.push(touchpoint);
  }

  const addKpi = (k: SourceEntry<KpiData & { journey: string }>, improves?: Kpi) => {
    const journey = lookup(journeyById, k.data.journey, 'journey', k.file);
    const measuredValue = currentKpiValue(k.data);
    const value = measuredValue ?? improves?.value;
    if (value === undefined) throw new Error(`${k.file}: KPI "${k.id}" has no value (run \`npm run check\`)`);
    const tolerance = k.data.tolerance ?? report.kpiTolerance;
    const own = kpiFreshness(k.data, report, today);
    const kpi: Kpi = {
      id: k.id,
      data: k.data,
      file: k.file,
      journey,
      stage: lookup(stageByKey, stageKey(journey.id, k.data.stage), 'stage', k.file),
      value,
      measured: measuredValue !== undefined,
      improves,
      tolerance,
      status: deriveKpiStatus(value, k.data.target, k.data.direction, tolerance),
      freshness: measuredValue === undefined && improves ? improves.freshness : own,
    };
    kpi.stage.kpis.push(kpi);
    journey.kpis.push(kpi);
  };
  // Current-state KPIs first: a future-state KPI may show today's value of the one it improves.
  const kpisOfFutureJourney = new Map<string, SourceEntry<KpiData & { journey: string }>[]>();
  for (const k of sources.kpis) {
    if (journeyById.get(k.data.journey)?.improves === undefined) addKpi(k);
    else if (kpisOfFutureJourney.has(k.data.journey)) kpisOfFutureJourney.get(k.data.journey)!.push(k);
    else kpisOfFutureJourney.set(k.data.journey, [k]);
  }
  for (const [journeyId, own] of kpisOfFutureJourney) {
    const pairs = matchItems(journeyById.get(journeyId)!.improves!.kpis, own, kpiMatchKeys);
    for (const k of own) addKpi(k, pairs.get(k));
  }
  for (const stage of stages) stage.kpis.sort((a, b) => byName(a.data.name, b.data.name));
  for (const journey of journeys) journey.kpis = journey.stages.flatMap((s) => s.kpis);

  const orderedStages = journeys.flatMap((j) => j.stages);
  const orderedTouchpoints = journeys.flatMap((j) => j.touchpoints);
  const opportunities = orderedTouchpoints
    .flatMap((t) => t.opportunities)
    .sort((a, b) => b.value - a.value || a.data.effort - b.data.effort || byName(a.data.title, b.data.title));

  return {
    data: report,
    today,
    personas,
    journeys,
    stages: orderedStages,
    touchpoints: orderedTouchpoints,
    channels: [...channels].sort((a, b) => byName(a.data.name, b.data.name)),
    kpis: journeys.flatMap((j) => j.kpis),
    opportunities,
    personaById,
    journeyById,
    stageByKey,
    touchpointById,
    channelById,
  };
}
