import { z } from 'astro/zod';
import { idSchema, textSchema } from './shared.ts';

/**
 * The canvas's built-in lanes, in their default order. `visibility` is the drawn line of
 * visibility between frontstage and backstage; `support` also shows a touchpoint's `systems`.
 */
export const builtInLanes = [
  'touchpoints',
  'doing',
  'thinking',
  'feeling',
  'emotion',
  'pain-points',
  'opportunities',
  'kpis',
  'frontstage',
  'visibility',
  'backstage',
  'support',
] as const;
export type BuiltInLane = (typeof builtInLanes)[number];

/** One line of text or a list of short lines (e.g. the steps staff take backstage). */
export const textLinesSchema = z.union([
  textSchema.transform((line) => [line]),
  z.array(textSchema).min(1, 'list at least one line, or leave the field out'),
]);

/** Text per lane id, for lanes authored per stage or custom lanes authored per touchpoint. */
export const laneTextSchema = z.record(idSchema, textLinesSchema);

const laneObjectSchema = z.object({
  /** A built-in lane id (`touchpoints`, `doing`, `frontstage`…) or a new id for a custom lane. */
  id: idSchema,
  /** Name shown in the lane header; built-in lanes have one in the report's language. */
  label: textSchema.optional(),
});

/** A lane of the canvas: its id alone, or an id with a label (a custom lane needs one). */
export const laneSchema = z.union([
  idSchema.transform((id) => ({ id, label: undefined })),
  laneObjectSchema,
]);

export const canvasSchema = z.object({
  /** The lanes to draw, in order; each shows only when the journey has content for it. */
  lanes: z.array(laneSchema).min(1, 'list at least one lane'),
});

/** What `textLinesSchema` reads into: always a list of lines (for report.json). */
export const textLinesOutputSchema = z.array(textSchema);
/** What `laneTextSchema` reads into (for report.json). */
export const laneTextOutputSchema = z.record(idSchema, textLinesOutputSchema);
/** What `canvasSchema` reads into: every lane as an object (for report.json). */
export const canvasOutputSchema = z.object({
  /** The lanes to draw, in order. */
  lanes: z.array(laneObjectSchema),
});

export type CanvasData = z.infer<typeof canvasSchema>;
export type LaneData = z.infer<typeof laneObjectSchema>;
