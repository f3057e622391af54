import type { Journey, Kpi, SourceEntry, Stage } from '../model.ts';
import type { KpiData } from '../schema/kpi.ts';
import type { ReportData } from '../schema/report.ts';
import { kpiMatchKeys, matchItems } from '../compare/match.ts';
import { kpiFreshness } from '../freshness.ts';
import { currentKpiValue, deriveKpiStatus } from '../kpi.ts';
import { stageKey } from '../sources.ts';
import { byName, lookup } from './lookup.ts';

type KpiSource = SourceEntry<KpiData & { journey: string }>;

interface Context {
  report: ReportData;
  today: Date;
  journeyById: Map<string, Journey>;
  stageByKey: Map<string, Stage>;
}

/** A KPI with its value, status and freshness; a future-state KPI without a value shows today's value of the KPI it `improves`. */
function resolveKpi(
  k: KpiSource,
  { report, today, journeyById, stageByKey }: Context,
  improves?: Kpi,
): Kpi {
  const journey = lookup(journeyById, k.data.journey, 'journey', k.file);
  const measuredValue = currentKpiValue(k.data);
  const value = measuredValue ?? improves?.value;
  if (value === undefined)
    throw new Error(`${k.file}: KPI "${k.id}" has no value (run \`npm run check\`)`);
  const tolerance = k.data.tolerance ?? report.kpiTolerance;
  const own = kpiFreshness(k.data, report, today);
  return {
    id: k.id,
    data: k.data,
    file: k.file,
    journey,
    stage: lookup(
      stageByKey,
      stageKey({ journey: journey.id, stage: k.data.stage }),
      'stage',
      k.file,
    ),
    value,
    measured: measuredValue !== undefined,
    improves,
    tolerance,
    status: deriveKpiStatus(value, k.data.target, k.data.direction, tolerance),
    freshness: measuredValue === undefined && improves ? improves.freshness : own,
  };
}

/**
 * KPIs, each added to its stage (by name) and its journey (stage by stage). Current-state KPIs
 * come first: a future-state KPI is paired with the one it improves (by `improves`, else by name).
 */
export function resolveKpis(sources: readonly KpiSource[], context: Context): void {
  const add = (k: KpiSource, improves?: Kpi) => {
    const kpi = resolveKpi(k, context, improves);
    kpi.stage.kpis.push(kpi);
    kpi.journey.kpis.push(kpi);
  };
  const { journeyById } = context;
  const kpisOfFutureJourney = new Map<string, KpiSource[]>();
  for (const k of sources) {
    if (journeyById.get(k.data.journey)?.improves === undefined) add(k);
    else if (kpisOfFutureJourney.has(k.data.journey))
      kpisOfFutureJourney.get(k.data.journey)!.push(k);
    else kpisOfFutureJourney.set(k.data.journey, [k]);
  }
  for (const [journeyId, own] of kpisOfFutureJourney) {
    const pairs = matchItems(journeyById.get(journeyId)!.improves!.kpis, own, kpiMatchKeys);
    for (const k of own) add(k, pairs.get(k));
  }
  for (const journey of journeyById.values()) {
    for (const stage of journey.stages) stage.kpis.sort((a, b) => byName(a.data.name, b.data.name));
    journey.kpis = journey.stages.flatMap((s) => s.kpis);
  }
}
