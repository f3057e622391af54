import { z } from 'astro/zod';
import { laneTextSchema } from './canvas.ts';
import { idSchema, textSchema } from './shared.ts';

/** A stage's frontmatter; the file name is its id within the journey, the MDX body its description. */
export const stageSchema = z.object({
  /** Id of the journey the stage belongs to. */
  journey: idSchema,
  /** Position in the journey (1, 2, 3...); unique within the journey. */
  order: z.number().int().min(0),
  /** Name shown in charts and headings, e.g. "Awareness". */
  name: textSchema,
  /** What the customer wants to get done in this stage. */
  customerGoal: textSchema,
  // Portfolio views (heatmap): where the stage sits in the customer lifecycle.
  /** Id of a phase in the report's `lifecycle` (default: awareness, consideration, purchase, fulfilment, use, support, loyalty); without it the stage is listed as unplaced. */
  phase: idSchema.optional(),
  /** Canvas text for the whole stage, by lane id (e.g. `thinking`, `backstage` or a custom lane). */
  lanes: laneTextSchema.default({}),
});

export type StageData = z.infer<typeof stageSchema>;
