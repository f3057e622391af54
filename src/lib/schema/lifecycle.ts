import { z } from 'astro/zod';
import { idSchema, textSchema } from './shared.ts';

/** The customer lifecycle every report starts from; a report may rename, reorder or extend it. */
export const defaultPhaseIds = [
  'awareness',
  'consideration',
  'purchase',
  'fulfilment',
  'use',
  'support',
  'loyalty',
] as const;
export type DefaultPhaseId = (typeof defaultPhaseIds)[number];

export const phaseSchema = z.object({
  /** Id that stages name in `phase:`, e.g. "purchase". */
  id: idSchema,
  /** Column heading; defaults to the built-in name of the seven default phases, in the report's language. */
  name: textSchema.optional(),
});

/** The lifecycle phases, in order: the columns of the heatmap. */
export const lifecycleSchema = z
  .array(phaseSchema)
  .min(1, 'list at least one phase')
  .default(defaultPhaseIds.map((id) => ({ id })));

export type Phase = z.infer<typeof phaseSchema>;
