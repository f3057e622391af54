import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildEmotionCurve,
  layoutEmotionCurve,
  type EmotionCurveInput,
} from '../src/lib/charts/emotionCurve.ts';
import { buildJourneyTimeline, type TimelineInput } from '../src/lib/charts/timeline.ts';
import { badAttributes, parseSvg } from './helpers/svg.ts';
import { english } from '../src/lib/i18n/index.ts';

/** Random valid journeys: 1-8 stages, 0-70 touchpoints on 1-6 channels, scores on a random scale. */
const journeyArbitrary = fc
  .record({
    stageCount: fc.integer({ min: 1, max: 8 }),
    laneCount: fc.integer({ min: 1, max: 6 }),
    scale: fc.constantFrom({ min: 1, max: 5 }, { min: -2, max: 2 }, { min: 0, max: 10 }),
    picks: fc.array(
      fc.record({
        stage: fc.nat(),
        lane: fc.nat(),
        score: fc.double({ min: 0, max: 1, noNaN: true }),
        title: fc.string({ maxLength: 120 }),
      }),
      { maxLength: 70 },
    ),
  })
  .map(({ stageCount, laneCount, scale, picks }) => {
    const stages = Array.from({ length: stageCount }, (_, i) => ({
      id: `s${i}`,
      name: `Stage ${i} <&>`,
    }));
    const lanes = Array.from({ length: laneCount }, (_, i) => ({
      id: `l${i}`,
      name: `Lane ${i}`,
      kind: i % 2 ? ('offline' as const) : ('online' as const),
    }));
    const marks = picks
      .map((p, i) => ({
        id: `t${i}`,
        title: p.title,
        stageId: stages[p.stage % stageCount]!.id,
        laneId: lanes[p.lane % laneCount]!.id,
        score: Math.round((scale.min + p.score * (scale.max - scale.min)) * 10) / 10,
        href: `/t${i}/`,
        momentOfTruth: i % 7 === 0,
        painPoints: i % 3,
      }))
      .sort((a, b) => Number(a.stageId.slice(1)) - Number(b.stageId.slice(1)));
    return { stages, lanes, marks, scale: { ...scale, labels: [] } };
  });

describe('charts on random journeys', () => {
  it('the timeline has one mark per touchpoint, valid attributes and well-formed markup', () => {
    fc.assert(
      fc.property(journeyArbitrary, (journey) => {
        const input: TimelineInput = { id: 'tl', title: 'T', ...journey, t: english };
        const { svg } = buildJourneyTimeline(input);
        expect(badAttributes(svg)).toEqual([]);
        expect(parseSvg(svg).filter((e) => e.name === 'a')).toHaveLength(journey.marks.length);
        expect(buildJourneyTimeline(input).svg).toBe(svg);
      }),
      { numRuns: 150 },
    );
  });

  it('the curve keeps every point inside the plot, in order, and never overshoots the scale', () => {
    fc.assert(
      fc.property(journeyArbitrary, (journey) => {
        const input: EmotionCurveInput = {
          id: 'c',
          title: 'C',
          t: english,
          stages: journey.stages,
          scale: journey.scale,
          series: [
            {
              name: 'x',
              points: journey.marks.map((m) => ({
                id: m.id,
                label: m.title,
                stageId: m.stageId,
                score: m.score,
              })),
            },
          ],
        };
        const g = layoutEmotionCurve(input);
        const points = g.series[0]!.points;
        expect(points).toHaveLength(journey.marks.length);
        for (let i = 0; i < points.length; i++) {
          const p = points[i]!;
          expect(p.y).toBeGreaterThanOrEqual(g.plot.top - 1e-6);
          expect(p.y).toBeLessThanOrEqual(g.plot.bottom + 1e-6);
          if (i > 0) expect(p.x).toBeGreaterThan(points[i - 1]!.x);
        }
        // Monotone interpolation: every coordinate of the path stays within the plot's height.
        const ys = [...g.series[0]!.path.matchAll(/-?[\d.]+,(-?[\d.]+)/g)].map((m) => Number(m[1]));
        for (const y of ys) {
          expect(y).toBeGreaterThanOrEqual(g.plot.top - 0.01);
          expect(y).toBeLessThanOrEqual(g.plot.bottom + 0.01);
        }
        expect(badAttributes(buildEmotionCurve(input).svg)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
