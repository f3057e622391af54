import { z } from 'astro/zod';
import { idSchema, textSchema } from './shared.ts';

export const channelKinds = ['online', 'offline'] as const;

export const channelSchema = z.object({
  /** Id that touchpoints refer to (`channel: store`). */
  id: idSchema,
  /** Display name. */
  name: textSchema,
  /** Whether the contact happens online or offline. */
  kind: z.enum(channelKinds),
  /** Optional short symbol shown beside the name (an emoji or a character). */
  icon: z.string().max(4).optional(),
});

/** `content/channels.yaml`: channels that add to or replace the built-in defaults. */
export const channelFileSchema = z.object({
  /** The report's own channels. */
  channels: z.array(channelSchema).default([]),
});

export type ChannelData = z.infer<typeof channelSchema>;
