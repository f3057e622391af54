import type { Channel, Journey, SourceEntry, Stage, Touchpoint } from '../model.ts';
import type { TouchpointData } from '../schema/touchpoint.ts';
import { stageKey } from '../sources.ts';
import { sortChannelTouchpoints } from './channels.ts';
import { indexById, lookup } from './lookup.ts';

interface Resolved {
  journeyById: Map<string, Journey>;
  stageByKey: Map<string, Stage>;
  channelById: Map<string, Channel>;
}

/** A touchpoint linked to its journey, stage and channel; its opportunities and `improves` come later. */
function resolveTouchpoint(
  t: SourceEntry<TouchpointData>,
  { journeyById, stageByKey, channelById }: Resolved,
): Touchpoint {
  const journey = lookup(journeyById, t.data.journey, 'journey', t.file);
  return {
    id: t.id,
    data: t.data,
    file: t.file,
    hasOwnFile: t.path === undefined,
    journey,
    stage: lookup(
      stageByKey,
      stageKey({ journey: journey.id, stage: t.data.stage }),
      'stage',
      t.file,
    ),
    channel: lookup(channelById, t.data.channel, 'channel', t.file),
    painPoints: t.data.painPoints,
    opportunities: [],
    addresses: [],
  };
}

/**
 * Touchpoints in source order, each added to its stage (in `order`, then file order), its journey
 * (stage by stage) and its channel, and linked to the current-state touchpoint it `improves`.
 */
export function resolveTouchpoints(
  sources: readonly SourceEntry<TouchpointData>[],
  resolved: Resolved,
): { touchpoints: Touchpoint[]; touchpointById: Map<string, Touchpoint> } {
  const orderInStage = new Map<Touchpoint, number>();
  const touchpoints = sources.map((t, fileOrder) => {
    const touchpoint = resolveTouchpoint(t, resolved);
    // Touchpoints without an explicit order keep file order after the ordered ones.
    orderInStage.set(touchpoint, t.data.order ?? Number.MAX_SAFE_INTEGER + fileOrder);
    return touchpoint;
  });
  const touchpointById = indexById(touchpoints);
  for (const touchpoint of touchpoints) {
    touchpoint.stage.touchpoints.push(touchpoint);
    touchpoint.channel.touchpoints.push(touchpoint);
    if (touchpoint.data.improves !== undefined)
      touchpoint.improves = lookup(
        touchpointById,
        touchpoint.data.improves,
        'touchpoint',
        touchpoint.file,
      );
  }
  const journeys = [...resolved.journeyById.values()];
  for (const stage of journeys.flatMap((j) => j.stages))
    stage.touchpoints.sort((a, b) => orderInStage.get(a)! - orderInStage.get(b)!);
  for (const journey of journeys)
    journey.touchpoints = journey.stages.flatMap((s) => s.touchpoints);
  sortChannelTouchpoints([...resolved.channelById.values()]);
  return { touchpoints, touchpointById };
}
