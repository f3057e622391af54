import { z } from 'astro/zod';
import { laneTextSchema, textLinesSchema } from './canvas.ts';
import { idSchema, textSchema } from './shared.ts';

export const severities = ['low', 'medium', 'high'] as const;
export const opportunityStatuses = ['idea', 'planned', 'in-progress', 'done', 'dropped'] as const;
export const evidenceStrengths = ['asserted', 'evidenced', 'inferred'] as const;

export const painPointObjectSchema = z.object({
  /** What hurts, in a few words. */
  title: textSchema,
  /** How badly it hurts. */
  severity: z.enum(severities).default('medium'),
  /** Details, data, verbatims. */
  description: textSchema.optional(),
  /** Leave the pain point out of the client edition (see docs/audiences.md). */
  internal: z.boolean().optional(),
});

/** A pain point: a plain sentence or an object with a severity. */
export const painPointSchema = z.union([
  textSchema.transform((title) => ({ title, severity: 'medium' as const, description: undefined })),
  painPointObjectSchema,
]);

/** A value or effort rating from 1 (low) to 5 (high). */
const ratingSchema = z.number().min(1).max(5);

export const opportunitySchema = z.object({
  /** Id, unique across the report, that future-state touchpoints name in `addresses`. */
  id: idSchema.optional(),
  /** The change to make, e.g. "Show store stock on the product page". */
  title: textSchema,
  /** Value for the customer, 1-5. */
  customerValue: ratingSchema,
  /** Value for the business, 1-5. */
  businessValue: ratingSchema,
  /** Effort to deliver, 1-5. */
  effort: ratingSchema,
  /** Person or team who owns the change. */
  owner: textSchema.optional(),
  /** Where the change is. */
  status: z.enum(opportunityStatuses).default('idea'),
  /** Leave the opportunity out of the client edition (see docs/audiences.md). */
  internal: z.boolean().optional(),
});

export const evidenceSchema = z.object({
  /** Id of a research source declared in the report. */
  source: idSchema,
  /** How strongly the source backs this touchpoint. */
  strength: z.enum(evidenceStrengths).default('evidenced'),
  /** What the source says about it. */
  note: textSchema.optional(),
  /** Leave this piece of evidence (and its note or quote) out of the client edition (see docs/audiences.md). */
  internal: z.boolean().optional(),
});

/** Fields every touchpoint has, whether in its own MDX file or in a YAML list. */
export const touchpointFieldsSchema = z.object({
  /** Short name, e.g. "Checks stock on the product page". */
  title: textSchema,
  /** Stage id within the journey (the stage file's name). */
  stage: idSchema,
  /** Channel id (built-in, such as `store`, or from channels.yaml). */
  channel: idSchema,
  /** Position within the stage; touchpoints without one follow in file order. */
  order: z.number().optional(),
  /** What the customer does. */
  does: textSchema.optional(),
  /** What the customer thinks. */
  thinks: textSchema.optional(),
  /** What the customer feels, ideally a verbatim quote. */
  feels: textSchema.optional(),
  /** Service blueprint: what staff do in view of the customer. */
  frontstage: textLinesSchema.optional(),
  /** Service blueprint: what staff do out of the customer's view. */
  backstage: textLinesSchema.optional(),
  /** Service blueprint: support processes behind the touchpoint. */
  support: textLinesSchema.optional(),
  /** Service blueprint: systems and tools involved (shown in the support lane). */
  systems: textLinesSchema.optional(),
  /** Text for custom canvas lanes declared in the report or journey `canvas`, by lane id. */
  lanes: laneTextSchema.default({}),
  /** Emotion score on the report's scale (decimals allowed for survey averages). */
  emotion: z.number(),
  /** Scores per persona id, when the journey has several personas. */
  emotionByPersona: z.record(idSchema, z.number()).default({}),
  /** What goes wrong here. */
  painPoints: z.array(painPointSchema).default([]),
  /** What to change here. */
  opportunities: z.array(opportunitySchema).default([]),
  /** Internal owner or team of the touchpoint. */
  owner: textSchema.optional(),
  /** Research that backs the touchpoint. */
  evidence: z.array(evidenceSchema).default([]),
  /** A moment that makes or breaks the relationship. */
  momentOfTruth: z.boolean().default(false),
  /** In a future-state journey: id of the current-state touchpoint this one redesigns. */
  improves: idSchema.optional(),
  /** In a future-state journey: ids of the opportunities this touchpoint delivers. */
  addresses: z.array(idSchema).default([]),
  /** Leave the whole touchpoint out of the client edition (see docs/audiences.md). */
  internal: z.boolean().optional(),
});

/** A touchpoint MDX file's frontmatter; the file name is its id, the body its notes. */
export const touchpointSchema = touchpointFieldsSchema.extend({
  /** Id of the journey the touchpoint belongs to. */
  journey: idSchema,
});

/** A YAML file listing many touchpoints of one journey. */
export const touchpointListSchema = z.object({
  /** Id of the journey every listed touchpoint belongs to. */
  journey: idSchema,
  /** The touchpoints, each with its own id. */
  touchpoints: z.array(
    touchpointFieldsSchema.extend({
      /** Id, unique across the report; used in URLs. */
      id: idSchema,
    }),
  ),
});

export type TouchpointData = z.infer<typeof touchpointSchema>;
export type TouchpointListData = z.infer<typeof touchpointListSchema>;
export type PainPoint = z.infer<typeof painPointObjectSchema>;
export type Opportunity = z.infer<typeof opportunitySchema>;
