import { z } from 'astro/zod';
import { idSchema, textListSchema, textSchema } from './shared.ts';

export const empathyMapSchema = z.object({
  /** What the persona thinks. */
  thinks: textListSchema,
  /** What the persona feels. */
  feels: textListSchema,
  /** What the persona sees around them. */
  sees: textListSchema,
  /** What the persona hears from others. */
  hears: textListSchema,
  /** What the persona says. */
  says: textListSchema,
  /** What the persona does. */
  does: textListSchema,
});

/** A persona's frontmatter; the MDX body is the short bio. */
export const personaSchema = z.object({
  /** Display name, e.g. "Giulia". */
  name: textSchema,
  /** Role or segment, e.g. "Urban professional, 34". */
  role: textSchema,
  /** A sentence in the persona's voice. */
  quote: textSchema.optional(),
  /** Avatar image path relative to the persona file. */
  avatar: z.string().optional(),
  /** Text alternative for the avatar (required when avatar is set). */
  avatarAlt: textSchema.optional(),
  /** Free key/value facts: age, city, income... */
  demographics: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /** What the persona wants to achieve. */
  goals: textListSchema,
  /** What the persona needs from the brand. */
  needs: textListSchema,
  /** What annoys or blocks the persona. */
  frustrations: textListSchema,
  /** Why the persona acts. */
  motivations: textListSchema,
  /** Channel ids the persona prefers. */
  preferredChannels: z.array(idSchema).default([]),
  /** Empathy map: thinks, feels, sees, hears, says, does. */
  empathyMap: empathyMapSchema.default({
    thinks: [],
    feels: [],
    sees: [],
    hears: [],
    says: [],
    does: [],
  }),
});

export type PersonaData = z.infer<typeof personaSchema>;
