import { z } from 'astro/zod';
import { canvasSchema } from './canvas.ts';
import { dateSchema, idSchema, textListSchema, textSchema } from './shared.ts';

export const journeyStates = ['current', 'future'] as const;

export const omnichannelPatterns = [
  'research-online-purchase-offline',
  'click-and-collect',
  'try-in-store-buy-online',
  'online-only',
  'offline-only',
] as const;

/** A journey's frontmatter; the MDX body is its narrative. */
export const journeySchema = z.object({
  /** Title of the journey, e.g. "Buying running shoes online, collecting in store". */
  title: textSchema,
  /** Persona ids; the first is the main persona. */
  personas: z.array(idSchema).min(1, 'name at least one persona'),
  /** The situation the journey starts from. */
  scenario: textSchema,
  /** What the customer expects from the brand along the way. */
  expectations: textListSchema,
  /** Whether the map shows today's journey or a designed future one. */
  state: z.enum(journeyStates).default('current'),
  /** For a future-state journey: id of the current-state journey it improves (adds a comparison). */
  improves: idSchema.optional(),
  /** The omnichannel pattern the journey follows. */
  pattern: z.enum(omnichannelPatterns).optional(),
  /** When the map was last checked against reality (YYYY-MM-DD). */
  lastReviewed: dateSchema.optional(),
  /** Person or team responsible for the journey. */
  owner: textSchema.optional(),
  /** The canvas lanes of this journey, replacing the report's `canvas`. */
  canvas: canvasSchema.optional(),
});

export type JourneyData = z.infer<typeof journeySchema>;
