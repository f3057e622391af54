import type { PainPoint } from '../schema/touchpoint.ts';
import type { Touchpoint } from '../model.ts';
import { normalizeTitle } from './match.ts';

/** What can differ between two versions of a touchpoint. */
export const touchpointAspects = [
  'title',
  'stage',
  'channel',
  'emotion',
  'does',
  'thinks',
  'feels',
  'painPoints',
  'momentOfTruth',
] as const;
export type TouchpointAspect = (typeof touchpointAspects)[number];

export type ChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface TouchpointChange {
  kind: ChangeKind;
  before?: Touchpoint;
  after?: Touchpoint;
  /** Aspects that differ, for `changed`. */
  aspects: TouchpointAspect[];
  /** `after` score minus `before` score, when both exist. */
  emotionDelta?: number;
}

const painTitles = (painPoints: readonly PainPoint[]) =>
  painPoints
    .map((p) => normalizeTitle(p.title))
    .sort()
    .join('\n');

function changedAspects(
  before: Touchpoint,
  after: Touchpoint,
  sameStage: boolean,
): TouchpointAspect[] {
  const differs: Record<TouchpointAspect, boolean> = {
    title: before.data.title !== after.data.title,
    stage: !sameStage,
    channel: before.channel.id !== after.channel.id,
    emotion: before.data.emotion !== after.data.emotion,
    does: before.data.does !== after.data.does,
    thinks: before.data.thinks !== after.data.thinks,
    feels: before.data.feels !== after.data.feels,
    painPoints: painTitles(before.painPoints) !== painTitles(after.painPoints),
    momentOfTruth: before.data.momentOfTruth !== after.data.momentOfTruth,
  };
  return touchpointAspects.filter((aspect) => differs[aspect]);
}

/**
 * Classifies every touchpoint of two versions: `after` items in their order (added, changed or
 * unchanged), then the `before` items nothing replaced (removed). `pairs` maps each `after`
 * touchpoint to its `before` counterpart; `sameStage` says whether a pair sits in matching stages.
 */
export function compareTouchpoints(
  before: readonly Touchpoint[],
  after: readonly Touchpoint[],
  pairs: ReadonlyMap<Touchpoint, Touchpoint>,
  sameStage: (before: Touchpoint, after: Touchpoint) => boolean,
): TouchpointChange[] {
  const paired = new Set(pairs.values());
  const changes: TouchpointChange[] = after.map((item) => {
    const counterpart = pairs.get(item);
    if (!counterpart) return { kind: 'added', after: item, aspects: [] };
    const aspects = changedAspects(counterpart, item, sameStage(counterpart, item));
    return {
      kind: aspects.length > 0 ? 'changed' : 'unchanged',
      before: counterpart,
      after: item,
      aspects,
      emotionDelta: item.data.emotion - counterpart.data.emotion,
    };
  });
  for (const item of before)
    if (!paired.has(item)) changes.push({ kind: 'removed', before: item, aspects: [] });
  return changes;
}

export interface PainPointChange {
  painPoint: PainPoint;
  /** The touchpoint it belongs to (the current one for resolved pain points). */
  touchpoint: Touchpoint;
  /** For resolved pain points: true when the whole touchpoint is gone. */
  withTouchpoint: boolean;
}

/** Pain points of `before` that `after` no longer has (resolved), and those `after` brings (new). */
export function comparePainPoints(changes: readonly TouchpointChange[]): {
  resolved: PainPointChange[];
  introduced: PainPointChange[];
} {
  const resolved: PainPointChange[] = [];
  const introduced: PainPointChange[] = [];
  for (const change of changes) {
    const beforeTitles = new Set(change.before?.painPoints.map((p) => normalizeTitle(p.title)));
    const afterTitles = new Set(change.after?.painPoints.map((p) => normalizeTitle(p.title)));
    for (const painPoint of change.before?.painPoints ?? []) {
      if (!afterTitles.has(normalizeTitle(painPoint.title)))
        resolved.push({
          painPoint,
          touchpoint: change.before!,
          withTouchpoint: change.kind === 'removed',
        });
    }
    for (const painPoint of change.after?.painPoints ?? []) {
      if (!beforeTitles.has(normalizeTitle(painPoint.title)))
        introduced.push({ painPoint, touchpoint: change.after!, withTouchpoint: false });
    }
  }
  return { resolved, introduced };
}
