import { suggest } from '../../closest.ts';
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

/**
 * A future-state KPI `improves` a KPI of the journey its journey improves (one future KPI per
 * current one), and one without a value needs a current KPI to take today's value from. KPIs of an
 * unknown journey, or of one whose `improves` is wrong, are left to that error.
 */
function futureStateProblems(ctx: RuleContext): Problem[] {
  const { at, failed, improvements } = ctx;
  const kpisByJourney = groupByJourney(ctx.sources.kpis);
  const kpisOf = (journey: string) => kpisByJourney.get(journey) ?? [];
  const kpiPairs = new Map(
    [...improvements.improved].flatMap(([future, current]) => [
      ...matchItems(kpisOf(current), kpisOf(future), kpiMatchKeys),
    ]),
  );
  const problems: Problem[] = [];
  for (const kpi of ctx.sources.kpis) {
    const { data } = kpi;
    if (improvements.misreferenced.has(data.journey) || !ctx.journeyById.has(data.journey))
      continue;
    const current = improvements.improved.get(data.journey);
    const currentKpis = current === undefined ? [] : kpisOf(current);
    const counterpart = kpiPairs.get(kpi);
    if (data.improves !== undefined && failed.has('kpi', data.improves)) continue;
    if (data.improves !== undefined && !currentKpis.some((k) => k.id === data.improves)) {
      problems.push(
        current === undefined
          ? at(kpi, ['improves'], {
              message: "this KPI's journey does not improve a current-state journey",
              hint: `add "improves: <current journey id>" to journey "${data.journey}", or remove "improves:" here`,
            })
          : at(kpi, ['improves'], {
              message: `journey "${current}" has no KPI "${data.improves}"`,
              expected: `the id of a KPI of "${current}"`,
              found: `"${data.improves}"`,
              hint: suggest(
                data.improves,
                currentKpis.map((k) => k.id),
                'KPI',
              ),
            }),
      );
      continue;
    }
    if (data.improves !== undefined && !counterpart) {
      problems.push(
        at(
          kpi,
          ['improves'],
          {
            message: `KPI "${data.improves}" is already improved by another KPI of this journey`,
            hint: 'pair each current KPI with one future KPI; this one gets no value of today',
          },
          'warning',
        ),
      );
    }
    if (current === undefined || currentKpiValue(data) !== undefined) continue;
    if (!counterpart || currentKpiValue(counterpart.data) === undefined) {
      problems.push(
        at(kpi, ['value'], {
          message:
            "the future-state KPI has no value and no current-state KPI to take today's value from",
          expected: `"improves: <KPI id of ${current}>", a KPI of "${current}" with the same name, or a "value:"`,
          hint:
            currentKpis.length > 0
              ? `KPIs of "${current}": ${currentKpis.map((k) => k.id).join(', ')}`
              : `"${current}" has no KPIs: give this one a value`,
        }),
      );
    }
  }
  return problems;
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
