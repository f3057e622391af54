/**
 * `/report.json` and `/report.schema.json`: the resolved report as plain JSON, and the JSON
 * Schema of that JSON, generated from the zod schema the export is checked against.
 */
import { z } from 'astro/zod';
import { isoDate } from '../format.ts';
import type { ResolvedReport } from '../model.ts';
import {
  REPORT_SCHEMA_VERSION,
  reportExportSchema,
  type ReportExport,
} from '../schema/reportExport.ts';

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);
const day = (date: Date | undefined) => (date === undefined ? undefined : isoDate(date));

function exportReportMeta({ data }: ResolvedReport): ReportExport['report'] {
  const { researchSources: _listedAsEvidence, ...meta } = data;
  return {
    ...meta,
    date: isoDate(data.date),
    kpiReferenceDate: day(data.kpiReferenceDate),
    versions: data.versions.map((v) => ({ ...v, date: isoDate(v.date) })),
  };
}

function exportEvidence(report: ResolvedReport): ReportExport['evidence'] {
  return report.data.researchSources.map((source) => ({
    ...source,
    citedBy: report.touchpoints.flatMap((t) =>
      t.data.evidence
        .filter((e) => e.source === source.id)
        .map((e) => ({ touchpoint: t.id, strength: e.strength, note: e.note })),
    ),
  }));
}

/** The whole resolved report as JSON-ready data (dates as YYYY-MM-DD). */
export function exportReport(report: ResolvedReport): ReportExport {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    report: exportReportMeta(report),
    personas: report.personas.map((p) => ({ ...p.data, id: p.id, journeys: ids(p.journeys) })),
    journeys: report.journeys.map((j) => ({
      ...j.data,
      id: j.id,
      lastReviewed: day(j.data.lastReviewed),
      stages: j.stages.map((s) => s.key),
      improvedBy: ids(j.improvedBy),
    })),
    stages: report.stages.map((s) => ({ ...s.data, key: s.key, id: s.id })),
    touchpoints: report.touchpoints.map((t) => ({
      ...t.data,
      id: t.id,
      stageKey: t.stage.key,
      painPoints: t.painPoints,
      opportunities: ids(t.opportunities),
    })),
    channels: report.channels.map((c) => c.data),
    kpis: report.kpis.map((k) => ({
      ...k.data,
      journey: k.journey.id,
      stageKey: k.stage.key,
      value: k.value,
      measured: k.measured,
      tolerance: k.tolerance,
      status: k.status,
      freshness: {
        asOf: day(k.freshness.asOf),
        staleAfterDays: k.freshness.staleAfterDays,
        stale: k.freshness.stale,
      },
      history: k.data.history
        .map((sample) => ({ ...sample, date: isoDate(sample.date) }))
        .sort((a, b) => a.date.localeCompare(b.date)),
    })),
    opportunities: report.opportunities.map((o) => ({
      ...o.data,
      id: o.id,
      touchpoint: o.touchpoint.id,
      journey: o.touchpoint.journey.id,
      value: o.value,
      addressedBy: ids(o.addressedBy),
    })),
    evidence: exportEvidence(report),
  };
}

/** The JSON Schema (draft 2020-12) of report.json. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(reportExportSchema, { io: 'output' }),
    title: 'Itinera report.json',
    description: `Schema version ${REPORT_SCHEMA_VERSION}`,
  };
}
