import { describe, expect, it } from 'vitest';
import { channelSchema } from '../src/lib/schema/channel.ts';
import { journeySchema } from '../src/lib/schema/journey.ts';
import { kpiListSchema } from '../src/lib/schema/kpi.ts';
import { personaSchema } from '../src/lib/schema/persona.ts';
import { reportSchema } from '../src/lib/schema/report.ts';
import { stageSchema } from '../src/lib/schema/stage.ts';
import { touchpointListSchema, touchpointSchema } from '../src/lib/schema/touchpoint.ts';

const report = {
  title: 'R',
  client: 'C',
  author: 'A',
  date: '2026-01-01',
  version: 1.2,
  summary: 'S',
};
const persona = { name: 'Giulia', role: 'Runner' };
const journey = { title: 'J', personas: ['giulia'], scenario: 'S' };
const stage = { journey: 'j', order: 1, name: 'Awareness', customerGoal: 'G' };
const touchpoint = { journey: 'j', title: 'T', stage: 'awareness', channel: 'store', emotion: 3.5 };
const kpi = { id: 'k', name: 'K', stage: 'awareness', value: 1, target: 2 };

/** Which field paths a schema rejects in a value. */
function rejectedPaths(
  schema: {
    safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } };
  },
  value: unknown,
): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error!.issues.map((i) => i.path.join('.'));
}

describe('schemas accept valid minimal entries with defaults filled in', () => {
  it('report: default 1-5 emotion scale, 10 % tolerance, version as text', () => {
    const parsed = reportSchema.parse(report);
    expect(parsed.emotionScale).toEqual({ min: 1, max: 5, labels: [] });
    expect(parsed.kpiTolerance).toBe(0.1);
    expect(parsed.version).toBe('1.2');
    expect(parsed.date).toEqual(new Date('2026-01-01'));
  });
  it('persona, journey, stage, channel, touchpoint, KPI', () => {
    expect(personaSchema.parse(persona).empathyMap.thinks).toEqual([]);
    expect(journeySchema.parse(journey).state).toBe('current');
    expect(stageSchema.parse(stage).order).toBe(1);
    expect(channelSchema.parse({ id: 'kiosk', name: 'Kiosk', kind: 'offline' }).kind).toBe(
      'offline',
    );
    expect(touchpointSchema.parse({ ...touchpoint, painPoints: ['Slow'] }).painPoints).toEqual([
      { title: 'Slow', severity: 'medium', description: undefined },
    ]);
    expect(kpiListSchema.parse({ journey: 'j', kpis: [kpi] }).kpis[0]!.direction).toBe(
      'higher-is-better',
    );
  });
});

describe('schemas reject bad values at the right field', () => {
  const cases: [string, Parameters<typeof rejectedPaths>[0], unknown, string[]][] = [
    ['report without a title', reportSchema, { ...report, title: undefined }, ['title']],
    [
      'report with min >= max',
      reportSchema,
      { ...report, emotionScale: { min: 5, max: 1 } },
      ['emotionScale.max'],
    ],
    [
      'report with tolerance above 1',
      reportSchema,
      { ...report, kpiTolerance: 10 },
      ['kpiTolerance'],
    ],
    [
      'research source with an unknown method',
      reportSchema,
      { ...report, researchSources: [{ id: 's', title: 'S', method: 'focus-group' }] },
      ['researchSources.0.method'],
    ],
    ['persona with an empty name', personaSchema, { ...persona, name: ' ' }, ['name']],
    [
      'persona with a channel id in capitals',
      personaSchema,
      { ...persona, preferredChannels: ['Store'] },
      ['preferredChannels.0'],
    ],
    ['journey with no persona', journeySchema, { ...journey, personas: [] }, ['personas']],
    ['journey with an unknown state', journeySchema, { ...journey, state: 'past' }, ['state']],
    ['stage with a fractional order', stageSchema, { ...stage, order: 1.5 }, ['order']],
    ['channel of an unknown kind', channelSchema, { id: 'x', name: 'X', kind: 'hybrid' }, ['kind']],
    [
      'touchpoint with a text emotion',
      touchpointSchema,
      { ...touchpoint, emotion: 'happy' },
      ['emotion'],
    ],
    [
      'touchpoint opportunity rated 6',
      touchpointSchema,
      {
        ...touchpoint,
        opportunities: [{ title: 'O', customerValue: 6, businessValue: 3, effort: 2 }],
      },
      ['opportunities.0.customerValue'],
    ],
    [
      'touchpoint evidence of unknown strength',
      touchpointSchema,
      { ...touchpoint, evidence: [{ source: 's', strength: 'proven' }] },
      ['evidence.0.strength'],
    ],
    [
      'touchpoint list item without id',
      touchpointListSchema,
      { journey: 'j', touchpoints: [{ ...touchpoint, journey: undefined }] },
      ['touchpoints.0.id'],
    ],
    [
      'KPI without target',
      kpiListSchema,
      { journey: 'j', kpis: [{ ...kpi, target: undefined }] },
      ['kpis.0.target'],
    ],
    [
      'KPI with an unknown direction',
      kpiListSchema,
      { journey: 'j', kpis: [{ ...kpi, direction: 'up' }] },
      ['kpis.0.direction'],
    ],
  ];
  for (const [name, schema, value, paths] of cases) {
    it(name, () => expect(rejectedPaths(schema, value)).toEqual(paths));
  }
});
