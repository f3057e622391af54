import type { Channel, SourceEntry } from '../model.ts';
import type { ChannelData } from '../schema/channel.ts';
import { byName, indexById } from './lookup.ts';

/** Channels in source order; touchpoints add themselves when they are resolved. */
export function resolveChannels(sources: readonly SourceEntry<ChannelData>[]): {
  channels: Channel[];
  channelById: Map<string, Channel>;
} {
  const channels: Channel[] = sources.map((c) => ({ id: c.id, data: c.data, touchpoints: [] }));
  return { channels, channelById: indexById(channels) };
}

/** Channels by name, for the report's channel list. */
export function sortChannels(channels: readonly Channel[]): Channel[] {
  return [...channels].sort((a, b) => byName(a.data.name, b.data.name));
}

/** A channel's touchpoints by journey title, then stage order. */
export function sortChannelTouchpoints(channels: readonly Channel[]): void {
  for (const channel of channels) {
    channel.touchpoints.sort(
      (a, b) =>
        byName(a.journey.data.title, b.journey.data.title) ||
        a.stage.data.order - b.stage.data.order,
    );
  }
}
