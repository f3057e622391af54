import { z } from 'astro/zod';
import type { FieldRoots } from '../fieldPaths.ts';
import { audienceSettingSchema, defaultInternalFields } from './audience.ts';
import { brandingSchema } from './branding.ts';
import { channelSchema } from './channel.ts';
import { journeySchema } from './journey.ts';
import { kpiSchema } from './kpi.ts';
import { personaSchema } from './persona.ts';
import { stageSchema } from './stage.ts';
import { touchpointSchema } from './touchpoint.ts';
import { lifecycleSchema } from './lifecycle.ts';
import { canvasSchema } from './canvas.ts';
import { dateSchema, idSchema, textListSchema, textSchema, versionSchema } from './shared.ts';

export const researchMethods = [
  'interviews',
  'survey',
  'web-analytics',
  'social-listening',
  'store-observation',
  'email-analysis',
  'usability-test',
  'desk-research',
  'other',
] as const;

export const researchSourceSchema = z.object({
  /** Id that touchpoint evidence refers to (`evidence[].source`). */
  id: idSchema,
  /** Short name of the study, e.g. "In-store interviews, Milan". */
  title: textSchema,
  /** How the data was gathered. */
  method: z.enum(researchMethods),
  /** Number of people, sessions or records behind the source. */
  sampleSize: z.number().int().positive().optional(),
  /** When the research ran, free text such as "March-April 2026". */
  period: textSchema.optional(),
  /** Caveats, recruiting notes, links to raw data. */
  notes: textSchema.optional(),
});

export const objectiveSchema = z.object({
  /** What the map is for, e.g. "Understand why store visitors do not buy online". */
  title: textSchema,
  /** Longer explanation of the objective. */
  description: textSchema.optional(),
  /** Products or product lines the objective covers. */
  products: textListSchema,
  /** Customer segments the objective covers. */
  segments: textListSchema,
});

export const emotionLabelSchema = z.object({
  /** A score on the emotion scale. */
  score: z.number(),
  /** The word for that score, e.g. "Frustrated". */
  label: textSchema,
});

export const emotionScaleSchema = z
  .object({
    /** Most negative score (1 as in Mermaid journeys, or -2). */
    min: z.number().default(1),
    /** Most positive score (5, or +2). */
    max: z.number().default(5),
    /** Words for some or all scores, shown in legends and tables. */
    labels: z.array(emotionLabelSchema).default([]),
  })
  .refine((scale) => scale.min < scale.max, {
    message: 'min must be lower than max',
    path: ['max'],
  });

export const reportVersionSchema = z.object({
  /** Version name, e.g. "1.1"; the entry equal to the report's `version` is the content being built. */
  version: versionSchema,
  /** Release date (YYYY-MM-DD). */
  date: dateSchema,
  /** Git tag or commit holding that version's content; defaults to a tag named like the version (`1.1` or `v1.1`), else the last commit on or before `date`. */
  ref: z.string().trim().min(1).optional(),
  /** What the version changed, in a sentence or two. */
  notes: textSchema.optional(),
});

export const visibilities = ['public', 'unlisted', 'protected'] as const;

export const reportSchema = z.object({
  /** Title of the report, shown in the header and on every page title. */
  title: textSchema,
  /** The brand the map was made for. */
  client: textSchema,
  /** Agency or person who wrote the report. */
  author: textSchema,
  /** Publication date (YYYY-MM-DD). */
  date: dateSchema,
  /** Version of the report, e.g. "1.2". */
  version: versionSchema,
  /** BCP 47 language tag used for the page language and number formats. */
  locale: z.string().default('en'),
  /** One-paragraph summary shown on the overview. */
  summary: textSchema,
  /** The emotion scale every touchpoint score uses. */
  emotionScale: emotionScaleSchema.default({ min: 1, max: 5, labels: [] }),
  /** Default KPI tolerance: a KPI short of target by at most this share of the target is "at risk". */
  kpiTolerance: z.number().min(0).max(1).default(0.1),
  /** Days after its newest value's date a KPI counts as stale; a KPI's own `staleAfterDays` overrides it. */
  kpiStaleAfterDays: z.number().int().positive().default(45),
  /**
   * The day (YYYY-MM-DD) KPI freshness is judged on, e.g. the delivery date of an archived
   * edition; default: the build day. The ITINERA_TODAY environment variable overrides it.
   */
  kpiReferenceDate: dateSchema.optional(),
  /**
   * Which KPI each column of a wide analytics export fills: column name → KPI id, or `ignore`
   * to skip the column. Written by `npm run import -- kpis FILE.csv --map "Column=id" --save`.
   */
  kpiColumns: z.record(z.string().trim().min(1), idSchema).default({}),
  /**
   * Who may find the report: `public`; `unlisted` (no search engines, no sitemap, reachable by
   * link); `protected` (every page encrypted; readers need the password from ITINERA_PASSWORD).
   */
  visibility: z.enum(visibilities).default('public'),
  /** Logo, colours, font and footer of the client's brand. */
  branding: brandingSchema.default({ font: 'system' }),
  /** What the map is for. */
  objectives: z.array(objectiveSchema).default([]),
  /** The research the map is built on. */
  researchSources: z.array(researchSourceSchema).default([]),
  /** Dated versions shown on the "what changed" page; git tags are used when absent. */
  versions: z.array(reportVersionSchema).default([]),
  /** Show on each journey page the date it last changed, from git. */
  showHistory: z.boolean().default(true),
  /** Also name who made that change (the git author): off by default, as it publishes names from the repository. */
  showHistoryAuthor: z.boolean().default(false),
  /** The customer-lifecycle phases stages are placed in (`phase:`), in order; rename or extend the default seven. */
  lifecycle: lifecycleSchema,
  /** The journey map canvas: which lanes, in which order, with which names. */
  canvas: canvasSchema.optional(),
  /** Who the build is for: the default edition, and the fields the client edition leaves out (see docs/audiences.md). */
  audience: audienceSettingSchema(() => contentFieldRoots).default({
    default: 'internal',
    internalFields: defaultInternalFields,
  }),
});

/** The schema each `<kind>.` of an `audience.internalFields` path starts from. */
export const contentFieldRoots: FieldRoots = {
  report: reportSchema,
  personas: personaSchema,
  journeys: journeySchema,
  stages: stageSchema,
  touchpoints: touchpointSchema,
  kpis: kpiSchema,
  channels: channelSchema,
};

export type ReportData = z.infer<typeof reportSchema>;
export type ResearchSource = z.infer<typeof researchSourceSchema>;
export type EmotionScale = z.infer<typeof emotionScaleSchema>;
