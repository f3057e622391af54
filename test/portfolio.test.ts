import { describe, expect, it } from 'vitest';
import {
  heatmapRow,
  heatmapVariantPath,
  heatmapVariants,
  overviewHeatmapRows,
  sortHeatmapRows,
} from '../src/lib/portfolio/heatmap.ts';
import { painPointSeams } from '../src/lib/portfolio/painPointSeams.ts';
import { personaMatrix } from '../src/lib/portfolio/personaMatrix.ts';
import { phaseName, suggestPhase } from '../src/lib/portfolio/phases.ts';
import { english, translator } from '../src/lib/i18n/index.ts';
import { portfolioReport } from './fixtures/portfolioReport.ts';

const report = portfolioReport();
const { lifecycle } = report.data;
const journey = (id: string) => report.journeyById.get(id)!;
const cell = (journeyId: string, phase: string) =>
  heatmapRow(journey(journeyId), lifecycle).cells.find((c) => c.phase.id === phase)!;

describe('heatmap cells', () => {
  it('has one cell per lifecycle phase, in lifecycle order, for the default seven phases', () => {
    expect(heatmapRow(journey('shop'), lifecycle).cells.map((c) => c.phase.id)).toEqual([
      'awareness',
      'consideration',
      'purchase',
      'fulfilment',
      'use',
      'support',
      'loyalty',
    ]);
  });

  it('sums up every stage of the phase: mean emotion of their touchpoints, pain points by severity, KPI statuses', () => {
    const consideration = cell('shop', 'consideration');
    expect(consideration.stages.map((s) => s.id)).toEqual(['browse', 'compare']);
    expect(consideration.meanEmotion).toBe(3); // (4 + 2) / 2
    expect(consideration.touchpoints).toBe(2);
    expect(consideration.painPoints).toBe(3);
    expect(consideration.painPointsBySeverity).toEqual({ low: 0, medium: 1, high: 2 });
    expect(consideration.kpis).toEqual({ met: 1, 'at-risk': 1, missed: 1 });
    expect(cell('shop', 'purchase')).toMatchObject({
      meanEmotion: 3,
      painPoints: 1,
      painPointsBySeverity: { low: 1, medium: 0, high: 0 },
      kpis: { met: 0, 'at-risk': 0, missed: 0 },
    });
  });

  it('leaves a phase without stages empty, with no score', () => {
    expect(cell('shop', 'awareness')).toMatchObject({
      stages: [],
      meanEmotion: undefined,
      touchpoints: 0,
      painPoints: 0,
    });
  });

  it('lists stages without a phase as unplaced instead of guessing one', () => {
    const row = heatmapRow(journey('shop'), lifecycle);
    expect(row.unplaced.map((s) => s.id)).toEqual(['chat']);
    expect(row.cells.flatMap((c) => c.stages).map((s) => s.id)).not.toContain('chat');
    expect(row.meanEmotion).toBe(2.625); // (4 + 2 + 3 + 1.5) / 4, the unplaced stage included
    expect(row.painPoints).toBe(5);
  });

  it('follows a renamed and extended lifecycle', () => {
    const custom = portfolioReport({
      lifecycle: [
        { id: 'consideration', name: 'Choosing' },
        { id: 'support' },
        { id: 'repair', name: 'Repair' },
      ],
    });
    const row = heatmapRow(custom.journeyById.get('returns')!, custom.data.lifecycle);
    expect(row.cells.map((c) => [c.phase.id, c.stages.map((s) => s.id)])).toEqual([
      ['consideration', ['find-store']],
      ['support', ['send-back']],
      ['repair', []],
    ]);
    expect(custom.data.lifecycle.map((p) => phaseName(p, english))).toEqual([
      'Choosing',
      'Support',
      'Repair',
    ]);
    expect(phaseName({ id: 'fulfilment' }, translator('it'))).toBe('Consegna o ritiro');
  });
});

describe('heatmap order and pages', () => {
  const rows = report.journeys
    .filter((j) => j.data.state === 'current')
    .map((j) => heatmapRow(j, lifecycle));
  const order = (sort: Parameters<typeof sortHeatmapRows>[1]) =>
    sortHeatmapRows(rows, sort).map((r) => r.journey.id);

  it('sorts by title, by lowest mean emotion, and by most pain points', () => {
    expect(order('journey')).toEqual(['shop', 'returns']);
    expect(order('emotion')).toEqual(['returns', 'shop']); // 1.67 before 2.625
    expect(order('pain-points')).toEqual(['shop', 'returns']); // 5 before 3
  });

  it('pre-builds a page per state with journeys, sort and page, at stable paths', () => {
    const variants = heatmapVariants(report.journeys, 1);
    expect(variants.map((v) => heatmapVariantPath(v, 'current'))).toEqual([
      '',
      'page-2/',
      'by-emotion/',
      'by-emotion/page-2/',
      'by-pain-points/',
      'by-pain-points/page-2/',
      'future/',
      'future/by-emotion/',
      'future/by-pain-points/',
    ]);
    expect(heatmapVariants([], 1)).toEqual([
      { state: 'current', sort: 'journey', page: 1, pages: 1 },
    ]);
  });

  it('shows the current journeys on the overview, by title while they fit', () => {
    expect(overviewHeatmapRows(report.journeys, lifecycle)).toMatchObject({
      total: 2,
      rows: [{ journey: { id: 'shop' } }, { journey: { id: 'returns' } }],
    });
  });
});

describe('persona-journey matrix', () => {
  const rows = personaMatrix(report.journeys, report.personas);

  it('has a row per persona and a column per journey, empty where the persona does not take it', () => {
    expect(rows.map((r) => r.persona.id)).toEqual(['anna', 'ben']);
    expect(report.journeys.map((j) => j.id)).toEqual(['shop', 'shop-future', 'returns']);
    expect(rows[0]!.cells.map((c) => c !== undefined)).toEqual([true, true, false]);
    expect(rows[1]!.cells.map((c) => c !== undefined)).toEqual([true, false, true]);
  });

  it("uses the persona's own scores for the mean and the lowest moment", () => {
    const [anna, ben] = rows;
    expect(anna!.cells[0]).toMatchObject({
      meanEmotion: 1.875,
      lowest: { touchpoint: { id: 't1' }, score: 1 },
    }); // (1 + 2 + 3 + 1.5) / 4
    expect(ben!.cells[0]).toMatchObject({
      meanEmotion: 2.625,
      lowest: { touchpoint: { id: 't4' }, score: 1.5 },
    });
    expect(ben!.cells[2]).toMatchObject({ lowest: { touchpoint: { id: 't5' }, score: 1 } });
  });

  it('leaves out personas who take none of the journeys on the page', () => {
    expect(personaMatrix([journey('returns')], report.personas).map((r) => r.persona.id)).toEqual([
      'ben',
    ]);
  });
});

describe('recurring pain points', () => {
  const current = report.touchpoints.filter((t) => t.journey.data.state === 'current');
  const seams = painPointSeams(current, lifecycle);

  it('groups pain points by phase and channel, in lifecycle order, unplaced last', () => {
    expect(seams.map((s) => `${s.phase?.id ?? '-'}/${s.channel.id}`)).toEqual([
      'consideration/store',
      'consideration/website',
      'purchase/website',
      'support/store',
      'support/website',
      '-/chat',
    ]);
  });

  it('counts the journeys and personas each seam touches, worst pain points first', () => {
    const [store] = seams;
    expect(store!.journeys.map((j) => j.id)).toEqual(['shop', 'returns']);
    expect(store!.personas.map((p) => p.id).sort()).toEqual(['anna', 'ben']);
    expect(store!.bySeverity).toEqual({ low: 0, medium: 2, high: 1 });
    expect(store!.painPoints.map((p) => p.painPoint.title)).toEqual([
      'No stock',
      'Queue',
      'Closed store',
    ]);
  });
});

describe('phase suggestions from stage names', () => {
  it.each([
    ['Awareness', 'awareness'],
    ['Back-to-school trigger', 'awareness'],
    ['Online research', 'consideration'],
    ['Fitting in store', 'consideration'],
    ['Checkout and pay', 'purchase'],
    ['Collection', 'fulfilment'],
    ['Wear them every day', 'use'],
    ['Support and returns', 'support'],
    ['Loyalty and advocacy', 'loyalty'],
    ['Scoperta', 'awareness'],
    ['Scelta in negozio', 'consideration'],
    ['Preordine', 'purchase'],
    ['Ritiro in negozio', 'fulfilment'],
    ['Attesa', 'fulfilment'],
    ['Utilizzo', 'use'],
    ['Assistenza clienti', 'support'],
    ['Fidelizzazione', 'loyalty'],
  ])('"%s" suggests %s', (name, phase) => {
    expect(suggestPhase(name)).toBe(phase);
  });

  it('suggests nothing rather than guessing, and only phases the lifecycle has', () => {
    expect(suggestPhase('Go to work')).toBeUndefined();
    expect(suggestPhase('La festa')).toBeUndefined();
    expect(suggestPhase('User settings')).toBeUndefined();
    expect(suggestPhase('Checkout', [{ id: 'consideration' }, { id: 'support' }])).toBeUndefined();
  });
});
