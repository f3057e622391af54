import { z } from 'astro/zod';
import { kpiStatuses } from '../kpi.ts';
import { canvasOutputSchema, laneTextOutputSchema, textLinesOutputSchema } from './canvas.ts';
import { channelSchema } from './channel.ts';
import { journeySchema } from './journey.ts';
import { kpiSampleSchema, kpiSchema } from './kpi.ts';
import { personaSchema } from './persona.ts';
import { reportSchema, reportVersionSchema, researchSourceSchema } from './report.ts';
import { idSchema } from './shared.ts';
import { stageSchema } from './stage.ts';
import {
  evidenceStrengths,
  opportunitySchema,
  painPointObjectSchema,
  touchpointSchema,
} from './touchpoint.ts';

/**
 * The shape of `/report.json`: the resolved report as JSON, one flat list per kind of entry,
 * linked by ids. Built from the content schemas, with the fields JSON cannot hold as authored
 * (dates, versions written as numbers) replaced by their written form.
 */

/** Bumped whenever a field of report.json is removed or changes meaning. */
export const REPORT_SCHEMA_VERSION = 1;

/** A calendar day as JSON text. */
const isoDaySchema = z.iso.date();
/** Ids of other entries in the export. */
const idListSchema = z.array(idSchema);

const versionTextSchema = z.string();

export const reportMetaExportSchema = reportSchema.omit({ researchSources: true }).extend({
  /** Publication date (YYYY-MM-DD). */
  date: isoDaySchema,
  /** Version of the report, e.g. "1.2". */
  version: versionTextSchema,
  /** The day (YYYY-MM-DD) KPI freshness is judged on, when the report sets one. */
  kpiReferenceDate: isoDaySchema.optional(),
  /** Dated versions of the report. */
  versions: z.array(
    reportVersionSchema.extend({
      /** Version name, e.g. "1.1". */
      version: versionTextSchema,
      /** Release date (YYYY-MM-DD). */
      date: isoDaySchema,
    }),
  ),
  /** The journey map's lanes, when the report chooses them. */
  canvas: canvasOutputSchema.optional(),
});

export const personaExportSchema = personaSchema.extend({
  /** The persona's id (the file name). */
  id: idSchema,
  /** Ids of the journeys the persona appears in. */
  journeys: idListSchema,
});

export const journeyExportSchema = journeySchema.extend({
  /** The journey's id (the file name). */
  id: idSchema,
  /** When the map was last checked against reality (YYYY-MM-DD). */
  lastReviewed: isoDaySchema.optional(),
  /** Keys of the journey's stages, in order. */
  stages: z.array(z.string()),
  /** Ids of future-state journeys that improve this one. */
  improvedBy: idListSchema,
  /** The journey map's lanes, when the journey chooses its own. */
  canvas: canvasOutputSchema.optional(),
});

export const stageExportSchema = stageSchema.extend({
  /** `<journey>/<stage>`: unique across the report; touchpoints and KPIs name it in `stageKey`. */
  key: z.string(),
  /** The stage's id within its journey (the file name). */
  id: idSchema,
  /** Journey-map text for the whole stage, by lane id. */
  lanes: laneTextOutputSchema,
});

export const touchpointExportSchema = touchpointSchema.omit({ opportunities: true }).extend({
  /** Id, unique across the report. */
  id: idSchema,
  /** Key of the touchpoint's stage (`<journey>/<stage>`). */
  stageKey: z.string(),
  /** What goes wrong here, each with its severity. */
  painPoints: z.array(painPointObjectSchema),
  /** Ids of the opportunities found at this touchpoint (listed in `opportunities`). */
  opportunities: idListSchema,
  /** Service blueprint: what staff do in view of the customer. */
  frontstage: textLinesOutputSchema.optional(),
  /** Service blueprint: what staff do out of the customer's view. */
  backstage: textLinesOutputSchema.optional(),
  /** Service blueprint: support processes behind the touchpoint. */
  support: textLinesOutputSchema.optional(),
  /** Service blueprint: systems and tools involved. */
  systems: textLinesOutputSchema.optional(),
  /** Text for custom journey-map lanes, by lane id. */
  lanes: laneTextOutputSchema,
});

export const opportunityExportSchema = opportunitySchema.extend({
  /** The author's id, else one derived from the touchpoint (`<touchpoint>-opportunity-<n>`). */
  id: z.string(),
  /** Id of the touchpoint where the opportunity was found. */
  touchpoint: idSchema,
  /** Id of that touchpoint's journey. */
  journey: idSchema,
  /** Mean of customer and business value, 1-5. */
  value: z.number(),
  /** Ids of the future-state touchpoints that deliver it. */
  addressedBy: idListSchema,
});

export const kpiExportSchema = kpiSchema.extend({
  /** Id of the journey whose stage the KPI measures. */
  journey: idSchema,
  /** Key of that stage (`<journey>/<stage>`). */
  stageKey: z.string(),
  /** The value shown: the latest measured one, or today's value of the KPI it improves. */
  value: z.number(),
  /** False when a future-state KPI shows today's value of the KPI it improves. */
  measured: z.boolean(),
  /** Tolerance in force (share of target), the KPI's own or the report's. */
  tolerance: z.number(),
  /** Status derived from value, target, direction and tolerance. */
  status: z.enum(kpiStatuses),
  /** How recent the value shown is. */
  freshness: z.object({
    /** The newest value's date (YYYY-MM-DD); missing for a KPI with no dated value. */
    asOf: isoDaySchema.optional(),
    /** Days the value may age, the KPI's own or the report's. */
    staleAfterDays: z.number(),
    /** Older than `staleAfterDays` on the day the report was built (or its date). */
    stale: z.boolean(),
  }),
  /** Dated values, oldest first. */
  history: z.array(
    kpiSampleSchema.extend({
      /** When the value was measured (YYYY-MM-DD). */
      date: isoDaySchema,
    }),
  ),
});

export const evidenceExportSchema = researchSourceSchema.extend({
  /** The touchpoints this source backs, with how strongly and what it says. */
  citedBy: z.array(
    z.object({
      /** Id of the touchpoint. */
      touchpoint: idSchema,
      /** How strongly the source backs it. */
      strength: z.enum(evidenceStrengths),
      /** What the source says about it. */
      note: z.string().optional(),
    }),
  ),
});

export const reportExportSchema = z.object({
  /** Version of this format; see REPORT_SCHEMA_VERSION. */
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  /** Title, client, dates, scale and settings of the report. */
  report: reportMetaExportSchema,
  /** Personas, by name. */
  personas: z.array(personaExportSchema),
  /** Journeys, by title. */
  journeys: z.array(journeyExportSchema),
  /** Stages, journey by journey, in order. */
  stages: z.array(stageExportSchema),
  /** Touchpoints in journey order: by stage, then by their order within the stage. */
  touchpoints: z.array(touchpointExportSchema),
  /** Channels, built-in and the report's own, by name. */
  channels: z.array(channelSchema),
  /** KPIs, journey by journey and stage by stage. */
  kpis: z.array(kpiExportSchema),
  /** Opportunities, highest value first. */
  opportunities: z.array(opportunityExportSchema),
  /** Research sources and the touchpoints each backs. */
  evidence: z.array(evidenceExportSchema),
});

export type ReportExport = z.infer<typeof reportExportSchema>;
