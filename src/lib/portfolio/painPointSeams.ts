import type { Channel, Journey, Persona, Touchpoint } from '../model.ts';
import type { PainPoint } from '../schema/touchpoint.ts';
import type { Phase } from '../schema/lifecycle.ts';
import { severities } from '../schema/touchpoint.ts';
import type { Severity } from './heatmap.ts';

/** Pain points that share a lifecycle phase and a channel, across journeys: a seam. */
export interface PainPointSeam {
  /** Undefined for touchpoints of stages without a phase. */
  phase: Phase | undefined;
  channel: Channel;
  painPoints: { painPoint: PainPoint; touchpoint: Touchpoint }[];
  bySeverity: Record<Severity, number>;
  journeys: Journey[];
  personas: Persona[];
}

/**
 * Pain points grouped by phase (lifecycle order, unplaced last) and channel. Within a phase the
 * seams touching most journeys, then most personas, then most pain points come first.
 */
export function painPointSeams(
  touchpoints: readonly Touchpoint[],
  lifecycle: readonly Phase[],
): PainPointSeam[] {
  const phaseIndex = new Map(lifecycle.map((p, i) => [p.id, i]));
  const seams = new Map<string, PainPointSeam>();
  for (const touchpoint of touchpoints) {
    if (touchpoint.painPoints.length === 0) continue;
    const index = phaseIndex.get(touchpoint.stage.data.phase ?? '');
    const key = `${index ?? ''}\u0000${touchpoint.channel.id}`;
    let seam = seams.get(key);
    if (!seam) {
      seam = {
        phase: index === undefined ? undefined : lifecycle[index],
        channel: touchpoint.channel,
        painPoints: [],
        bySeverity: { low: 0, medium: 0, high: 0 },
        journeys: [],
        personas: [],
      };
      seams.set(key, seam);
    }
    for (const painPoint of touchpoint.painPoints) {
      seam.painPoints.push({ painPoint, touchpoint });
      seam.bySeverity[painPoint.severity]++;
    }
    if (!seam.journeys.includes(touchpoint.journey)) seam.journeys.push(touchpoint.journey);
    for (const persona of touchpoint.journey.personas)
      if (!seam.personas.includes(persona)) seam.personas.push(persona);
  }
  const order = (seam: PainPointSeam) =>
    seam.phase === undefined ? lifecycle.length : phaseIndex.get(seam.phase.id)!;
  const severityRank = (p: PainPoint) => severities.length - severities.indexOf(p.severity);
  for (const seam of seams.values())
    seam.painPoints.sort((a, b) => severityRank(a.painPoint) - severityRank(b.painPoint));
  return [...seams.values()].sort(
    (a, b) =>
      order(a) - order(b) ||
      b.journeys.length - a.journeys.length ||
      b.personas.length - a.personas.length ||
      b.painPoints.length - a.painPoints.length ||
      a.channel.data.name.localeCompare(b.channel.data.name),
  );
}

/** The report's seams, as the recurring pain points page shows them: today's journeys only. */
export function currentStateSeams(
  touchpoints: readonly Touchpoint[],
  lifecycle: readonly Phase[],
): PainPointSeam[] {
  return painPointSeams(
    touchpoints.filter((tp) => tp.journey.data.state === 'current'),
    lifecycle,
  );
}

/** Pain points listed per seam; the rest are counted, so the page stays light at 200 journeys. */
export const SEAM_EXAMPLES = 5;
