import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_VERSION } from '../src/lib/schema/reportExport.ts';
import { exampleSite } from './helpers/sharedBuild.ts';

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('report.json and report.schema.json', () => {
  const outDir = exampleSite();
  const report = readJson(join(outDir, 'report.json'));
  const schema = readJson(join(outDir, 'report.schema.json'));
  // Dates also carry a pattern, which ajv checks; the `date` format needs no plug-in then.
  const validate = new Ajv2020({ allErrors: true, strict: false, formats: { date: true } }).compile(
    schema,
  );

  it("the example's report.json is valid against the published schema", () => {
    const valid = validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema rejects a report.json with a field it does not describe or a wrong status', () => {
    expect(validate({ ...report, surprise: 1 })).toBe(false);
    const kpis = report.kpis.map((k: object, i: number) =>
      i === 0 ? { ...k, status: 'great' } : k,
    );
    expect(validate({ ...report, kpis })).toBe(false);
  });

  it('holds the whole resolved report: every kind of entry, linked by ids, KPIs with their derived status', () => {
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(report.report.title).toBeTruthy();
    expect(report.report.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const list of [
      'personas',
      'journeys',
      'stages',
      'touchpoints',
      'channels',
      'kpis',
      'opportunities',
      'evidence',
    ])
      expect(report[list].length, list).toBeGreaterThan(0);
    const stageKeys = new Set(report.stages.map((s: { key: string }) => s.key));
    for (const t of report.touchpoints) expect(stageKeys.has(t.stageKey), t.id).toBe(true);
    for (const j of report.journeys)
      for (const key of j.stages) expect(stageKeys.has(key), key).toBe(true);
    expect(new Set(report.kpis.map((k: { status: string }) => k.status))).toEqual(
      new Set(['met', 'at-risk', 'missed']),
    );
    expect(
      report.kpis.some((k: { freshness: { asOf?: string } }) => k.freshness.asOf !== undefined),
    ).toBe(true);
    const touchpointIds = new Set(report.touchpoints.map((t: { id: string }) => t.id));
    for (const source of report.evidence)
      for (const cite of source.citedBy) expect(touchpointIds.has(cite.touchpoint)).toBe(true);
    expect(
      report.evidence.some((source: { citedBy: unknown[] }) => source.citedBy.length > 0),
    ).toBe(true);
  });
});
