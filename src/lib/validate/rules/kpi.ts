import { kpiMatchKeys, matchItems } from '../../compare/match.ts';
import { currentKpiValue } from '../../kpi.ts';
import type { ReportSources } from '../../model.ts';
import type { Problem } from '../../problems.ts';
import {
  duplicateIdProblems,
  groupByJourney,
  referenceProblems,
  stageReferenceProblems,
  type RuleContext,
} from './context.ts';
import { judgedAsFutureState, unknownImprovesProblem } from './futureState.ts';

type KpiSource = ReportSources['kpis'][number];

/** One KPI: a known journey and stage, and a value (a future-state KPI may borrow today's, see below). */
function kpiProblems(ctx: RuleContext, kpi: KpiSource, improvingJourneys: Set<string>): Problem[] {
  const { data } = kpi;
  const problems = [
    ...referenceProblems(ctx, kpi, ['journey'], 'journey', data.journey),
    ...stageReferenceProblems(ctx, kpi, data),
  ];
  if (
    currentKpiValue(data) === undefined &&
    !improvingJourneys.has(data.journey) &&
    !ctx.failed.has('journey', data.journey)
  ) {
    problems.push(
      ctx.at(kpi, ['value'], {
        message: 'the KPI has a target but no value',
        expected: 'a "value:" or at least one "history:" entry',
        hint: 'add the latest measured value, or import a history with `npm run import -- kpis FILE.csv`',
      }),
    );
  }
  return problems;
}

/** Each future-state KPI's current-state counterpart: by `improves`, else by the same name. */
function kpiCounterparts(
  ctx: RuleContext,
  kpisOf: (journey: string) => KpiSource[],
): Map<KpiSource, KpiSource> {
  return new Map(
    [...ctx.improvements.improved].flatMap(([future, current]) => [
      ...matchItems(kpisOf(current), kpisOf(future), kpiMatchKeys),
    ]),
  );
}

/** A future-state KPI without a value takes today's from its counterpart, which must have one. */
function todaysValueProblems(
  ctx: RuleContext,
  kpi: KpiSource,
  current: string,
  currentKpis: KpiSource[],
  counterpart: KpiSource | undefined,
): Problem[] {
  if (currentKpiValue(kpi.data) !== undefined) return [];
  if (counterpart && currentKpiValue(counterpart.data) !== undefined) return [];
  return [
    ctx.at(kpi, ['value'], {
      message:
        "the future-state KPI has no value and no current-state KPI to take today's value from",
      expected: `"improves: <KPI id of ${current}>", a KPI of "${current}" with the same name, or a "value:"`,
      hint:
        currentKpis.length > 0
          ? `KPIs of "${current}": ${currentKpis.map((k) => k.id).join(', ')}`
          : `"${current}" has no KPIs: give this one a value`,
    }),
  ];
}

/**
 * A future-state KPI `improves` a KPI of the journey its journey improves (one future KPI per
 * current one), and one without a value needs a current KPI to take today's value from.
 */
function futureKpiProblems(
  ctx: RuleContext,
  kpi: KpiSource,
  kpisOf: (journey: string) => KpiSource[],
  counterpart: KpiSource | undefined,
): Problem[] {
  const { journey, improves } = kpi.data;
  if (!judgedAsFutureState(ctx, journey)) return [];
  const current = ctx.improvements.improved.get(journey);
  const currentKpis = current === undefined ? [] : kpisOf(current);
  if (improves !== undefined && ctx.failed.has('kpi', improves)) return [];
  if (improves !== undefined && !currentKpis.some((k) => k.id === improves)) {
    const candidates = currentKpis.map((k) => k.id);
    return [
      unknownImprovesProblem(ctx, kpi, { kind: 'KPI', journey, current, improves, candidates }),
    ];
  }
  const problems: Problem[] = [];
  if (improves !== undefined && !counterpart) {
    problems.push(
      ctx.at(
        kpi,
        ['improves'],
        {
          message: `KPI "${improves}" is already improved by another KPI of this journey`,
          hint: 'pair each current KPI with one future KPI; this one gets no value of today',
        },
        'warning',
      ),
    );
  }
  if (current !== undefined)
    problems.push(...todaysValueProblems(ctx, kpi, current, currentKpis, counterpart));
  return problems;
}

/** The future-state rules of every KPI, each paired with its current-state counterpart. */
function futureStateProblems(ctx: RuleContext): Problem[] {
  const kpisByJourney = groupByJourney(ctx.sources.kpis);
  const kpisOf = (journey: string) => kpisByJourney.get(journey) ?? [];
  const counterparts = kpiCounterparts(ctx, kpisOf);
  return ctx.sources.kpis.flatMap((kpi) =>
    futureKpiProblems(ctx, kpi, kpisOf, counterparts.get(kpi)),
  );
}

/** KPIs: unique ids, then each KPI's own rules, then the future-state ones. */
export function kpiRules(ctx: RuleContext): Problem[] {
  const improvingJourneys = new Set(
    ctx.sources.journeys.filter((j) => j.data.improves !== undefined).map((j) => j.id),
  );
  return [
    ...duplicateIdProblems(ctx, 'KPI', ctx.sources.kpis),
    ...ctx.sources.kpis.flatMap((kpi) => kpiProblems(ctx, kpi, improvingJourneys)),
    ...futureStateProblems(ctx),
  ];
}
