import type { ChannelData } from './schema/channel.ts';
import type { SourceEntry } from './model.ts';

/** Channels every report has; `content/channels.yaml` adds to them or renames them by id. */
export const defaultChannels: readonly ChannelData[] = [
  { id: 'website', name: 'Website', kind: 'online', icon: '🌐' },
  { id: 'ecommerce', name: 'E-commerce', kind: 'online', icon: '🛒' },
  { id: 'search', name: 'Search engine', kind: 'online', icon: '🔍' },
  { id: 'ads', name: 'Online ads', kind: 'online', icon: '📣' },
  { id: 'social', name: 'Social media', kind: 'online', icon: '💬' },
  { id: 'reviews', name: 'Review sites', kind: 'online', icon: '⭐' },
  { id: 'email', name: 'E-mail', kind: 'online', icon: '✉️' },
  { id: 'app', name: 'Mobile app', kind: 'online', icon: '📱' },
  { id: 'chat', name: 'Chat', kind: 'online', icon: '🗨️' },
  { id: 'store', name: 'Store', kind: 'offline', icon: '🏬' },
  { id: 'call-centre', name: 'Phone / call centre', kind: 'offline', icon: '☎️' },
  { id: 'event', name: 'Event', kind: 'offline', icon: '🎪' },
  { id: 'delivery', name: 'Delivery', kind: 'offline', icon: '📦' },
  { id: 'word-of-mouth', name: 'Word of mouth', kind: 'offline', icon: '🗣️' },
];

/**
 * The built-in channels with the report's own added; a report channel replaces a default of the
 * same id; `nameOf` names built-in channels in the report's language. Authored channels are all kept, duplicates included, so validation can report them.
 */
export function mergeChannels(
  authored: readonly SourceEntry<ChannelData>[],
  nameOf: (id: string) => string | undefined = () => undefined,
): SourceEntry<ChannelData>[] {
  const authoredIds = new Set(authored.map((c) => c.id));
  const defaults = defaultChannels
    .filter((c) => !authoredIds.has(c.id))
    .map((data) => ({
      id: data.id,
      data: { ...data, name: nameOf(data.id) ?? data.name },
      file: 'built-in channels',
    }));
  return [...defaults, ...authored];
}
