import { z } from 'astro/zod';
import { dateSchema, idSchema, textSchema } from './shared.ts';

export const kpiDirections = ['higher-is-better', 'lower-is-better'] as const;

export const kpiSampleSchema = z.object({
  /** When the value was measured (YYYY-MM-DD). */
  date: dateSchema,
  /** The measured value. */
  value: z.number(),
});

export const kpiSchema = z.object({
  /** Id, unique across the report. */
  id: idSchema,
  /** Display name, e.g. "Add-to-cart rate". */
  name: textSchema,
  /** Stage id within the list's journey. */
  stage: idSchema,
  /** How the KPI is computed. */
  definition: textSchema.optional(),
  /** Unit: `%`, a currency code such as `EUR`, `s`, `min`, `days`, or any word ("visits"). */
  unit: z.string().default(''),
  /**
   * Latest value; may be left out when `history` has values (the newest is used), and in a
   * future-state journey, where today's value of the KPI it improves is used.
   */
  value: z.number().optional(),
  /** The value the team aims for. */
  target: z.number(),
  /** Whether a higher or a lower value is better. */
  direction: z.enum(kpiDirections).default('higher-is-better'),
  /** Value before the work started. */
  baseline: z.number().optional(),
  /** Period the value covers, e.g. "Q3 2026". */
  period: textSchema.optional(),
  /** Where the number comes from, e.g. "GA4", "CRM". */
  source: textSchema.optional(),
  /** This KPI's tolerance (share of target) for "at risk"; defaults to the report's. */
  tolerance: z.number().min(0).max(1).optional(),
  /** Days after its newest value's date this KPI counts as stale; defaults to the report's `kpiStaleAfterDays`. */
  staleAfterDays: z.number().int().positive().optional(),
  /** Dated values, oldest first or in any order. */
  history: z.array(kpiSampleSchema).default([]),
  /** In a future-state journey: id of the current-state KPI this target improves (else matched by name). */
  improves: idSchema.optional(),
  /** Leave the KPI out of the client edition (see docs/audiences.md). */
  internal: z.boolean().optional(),
});

/** A YAML file listing the KPIs of one journey. */
export const kpiListSchema = z.object({
  /** Id of the journey whose stages the KPIs measure. */
  journey: idSchema,
  /** The KPIs. */
  kpis: z.array(kpiSchema),
});

export type KpiData = z.infer<typeof kpiSchema>;
export type KpiListData = z.infer<typeof kpiListSchema>;
