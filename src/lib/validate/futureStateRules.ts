import { suggest } from '../closest.ts';
import { kpiMatchKeys, matchItems } from '../compare/match.ts';
import { currentKpiValue } from '../kpi.ts';
import { nonReservedStageId, reservedStagePage } from '../paths.ts';
import type { ReportSources, SourceEntry } from '../model.ts';
import { formatFieldPath, type Problem } from '../problems.ts';
import type { FailedEntries } from './failedEntries.ts';
import type { ParsedFile } from './parseFile.ts';
import { locator } from './rules.ts';

/** Entries per journey id, built once so the rules stay linear in the size of the report. */
function groupByJourney<T extends SourceEntry<{ journey: string }>>(entries: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const group = groups.get(entry.data.journey);
    if (group) group.push(entry);
    else groups.set(entry.data.journey, [entry]);
  }
  return groups;
}

/**
 * Rules for future-state journeys and report versions: `improves` names a current-state journey
 * (and, on touchpoints and KPIs, one of its items), `addresses` names existing opportunities,
 * opportunity ids and version names are unique. Entries of an unknown or failed journey, and
 * references to entries that failed validation, are left to the error that caused them.
 */
export function checkFutureStateRules(sources: ReportSources, files: Map<string, ParsedFile>, failed: FailedEntries): Problem[] {
  const at = locator(files);
  const problems: Problem[] = [];
  const journeyById = new Map(sources.journeys.map((j) => [j.id, j]));

  /** The current-state journey a journey improves, when that reference is sound. */
  const improved = new Map<string, string>();
  /** Journeys whose own `improves` is wrong: their items' references are not checked again. */
  const misreferenced = new Set<string>();
  for (const journey of sources.journeys) {
    const target = journey.data.improves;
    if (target === undefined) continue;
    misreferenced.add(journey.id);
    const current = journeyById.get(target);
    if (journey.data.state !== 'future') {
      problems.push(at(journey, ['improves'], { message: 'only a future-state journey can improve another journey', found: `state: ${journey.data.state}`, hint: 'add "state: future" to this journey, or remove "improves:"' }));
    } else if (!current && failed.has('journey', target)) {
      continue;
    } else if (!current) {
      problems.push(at(journey, ['improves'], { message: `unknown journey "${target}"`, expected: 'the id of a current-state journey', found: `"${target}"`, hint: suggest(target, [...journeyById.keys()], 'journey') }));
    } else if (current.data.state !== 'current') {
      problems.push(at(journey, ['improves'], { message: `journey "${target}" is not a current-state journey`, expected: 'the id of a journey with "state: current"', hint: 'a future state improves the journey as it is today' }));
    } else {
      improved.set(journey.id, target);
      misreferenced.delete(journey.id);
    }
  }

  const touchpointsByJourney = groupByJourney(sources.touchpoints);
  const touchpointsOf = (journey: string) => touchpointsByJourney.get(journey) ?? [];
  const opportunityIds = new Map<string, SourceEntry<unknown>>();
  for (const touchpoint of sources.touchpoints) {
    touchpoint.data.opportunities.forEach((opportunity, i) => {
      if (opportunity.id === undefined) return;
      const located = { ...touchpoint, path: [...(touchpoint.path ?? []), 'opportunities', i] };
      const earlier = opportunityIds.get(opportunity.id);
      if (earlier) {
        problems.push(at(located, ['id'], { message: `duplicate opportunity id "${opportunity.id}"`, found: `also used in ${earlier.file}${earlier.path ? ` (${formatFieldPath(earlier.path)})` : ''}`, hint: 'ids must be unique across the report: rename one of them' }));
      } else opportunityIds.set(opportunity.id, located);
    });
  }

  const improvedBy = new Map<string, SourceEntry<unknown>>();
  for (const touchpoint of sources.touchpoints) {
    const { data } = touchpoint;
    if (misreferenced.has(data.journey) || !journeyById.has(data.journey)) continue;
    const current = improved.get(data.journey);
    const isFuture = journeyById.get(data.journey)?.data.state === 'future';
    if (data.improves !== undefined) {
      const candidates = current === undefined ? [] : touchpointsOf(current).map((t) => t.id);
      if (current === undefined) {
        problems.push(at(touchpoint, ['improves'], { message: 'this touchpoint\'s journey does not improve a current-state journey', hint: `add "improves: <current journey id>" to journey "${data.journey}", or remove "improves:" here` }));
      } else if (!candidates.includes(data.improves) && !failed.has('touchpoint', data.improves)) {
        problems.push(at(touchpoint, ['improves'], { message: `journey "${current}" has no touchpoint "${data.improves}"`, expected: `the id of a touchpoint of "${current}"`, found: `"${data.improves}"`, hint: suggest(data.improves, candidates, 'touchpoint') }));
      } else if (candidates.includes(data.improves)) {
        const earlier = improvedBy.get(data.improves);
        if (earlier) {
          problems.push(at(touchpoint, ['improves'], { message: `touchpoint "${data.improves}" is already improved by "${earlier.id}"`, hint: 'the comparison pairs one future touchpoint with one current touchpoint; this one will show as added' }, 'warning'));
        } else improvedBy.set(data.improves, touchpoint);
      }
    }
    data.addresses.forEach((id, i) => {
      if (!isFuture) {
        problems.push(at(touchpoint, ['addresses'], { message: 'only touchpoints of a future-state journey can address opportunities', hint: `add "state: future" to journey "${data.journey}", or remove "addresses:"` }));
      } else if (!opportunityIds.has(id) && !failed.has('opportunity', id)) {
        problems.push(at(touchpoint, ['addresses', i], { message: `unknown opportunity "${id}"`, expected: 'the "id:" of an opportunity on a current-state touchpoint', found: `"${id}"`, hint: suggest(id, [...opportunityIds.keys()], 'opportunity') }));
      }
    });
  }

  const kpisByJourney = groupByJourney(sources.kpis);
  const kpisOf = (journey: string) => kpisByJourney.get(journey) ?? [];
  const kpiPairs = new Map([...improved].flatMap(([future, current]) => [...matchItems(kpisOf(current), kpisOf(future), kpiMatchKeys)]));
  for (const kpi of sources.kpis) {
    if (misreferenced.has(kpi.data.journey) || !journeyById.has(kpi.data.journey)) continue;
    const current = improved.get(kpi.data.journey);
    const currentKpis = current === undefined ? [] : kpisOf(current);
    const counterpart = kpiPairs.get(kpi);
    if (kpi.data.improves !== undefined && failed.has('kpi', kpi.data.improves)) continue;
    if (kpi.data.improves !== undefined && !currentKpis.some((k) => k.id === kpi.data.improves)) {
      problems.push(
        current === undefined
          ? at(kpi, ['improves'], { message: 'this KPI\'s journey does not improve a current-state journey', hint: `add "improves: <current journey id>" to journey "${kpi.data.journey}", or remove "improves:" here` })
          : at(kpi, ['improves'], { message: `journey "${current}" has no KPI "${kpi.data.improves}"`, expected: `the id of a KPI of "${current}"`, found: `"${kpi.data.improves}"`, hint: suggest(kpi.data.improves, currentKpis.map((k) => k.id), 'KPI') }),
      );
      continue;
    }
    if (kpi.data.improves !== undefined && !counterpart) {
      problems.push(at(kpi, ['improves'], { message: `KPI "${kpi.data.improves}" is already improved by another KPI of this journey`, hint: 'pair each current KPI with one future KPI; this one gets no value of today' }, 'warning'));
    }
    if (current === undefined || currentKpiValue(kpi.data) !== undefined) continue;
    if (!counterpart || currentKpiValue(counterpart.data) === undefined) {
      problems.push(at(kpi, ['value'], { message: 'the future-state KPI has no value and no current-state KPI to take today\'s value from', expected: `"improves: <KPI id of ${current}>", a KPI of "${current}" with the same name, or a "value:"`, hint: currentKpis.length > 0 ? `KPIs of "${current}": ${currentKpis.map((k) => k.id).join(', ')}` : `"${current}" has no KPIs: give this one a value` }));
    }
  }

  for (const stage of sources.stages) {
    const id = stage.id.split('/').at(-1)!;
    const page = reservedStagePage(id);
    if (page !== undefined) {
      problems.push(at(stage, [], { message: `"${id}" cannot be a stage id: journeys/<journey>/${id}/ is ${page}`, hint: `rename the stage file, e.g. to "${nonReservedStageId(id)}.mdx"` }));
    }
  }

  const seenVersions = new Map<string, number>();
  sources.report.data.versions.forEach((version, i) => {
    const earlier = seenVersions.get(version.version);
    if (earlier !== undefined) {
      problems.push(at(sources.report, ['versions', i, 'version'], { message: `duplicate version "${version.version}"`, found: `also at versions[${earlier}]`, hint: 'give every version its own name' }));
    } else seenVersions.set(version.version, i);
  });
  return problems;
}
