import { describe, expect, it } from 'vitest';
import {
  buildEmotionCurve,
  curvePointTitle,
  layoutEmotionCurve,
  scoreTicks,
  type EmotionCurveInput,
} from '../src/lib/charts/emotionCurve.ts';
import { badAttributes, parseSvg } from './helpers/svg.ts';
import { english } from '../src/lib/i18n/index.ts';

const stages = [
  { id: 's1', name: 'Awareness' },
  { id: 's2', name: 'Purchase' },
  { id: 's3', name: 'Support' },
];

const input: EmotionCurveInput = {
  id: 'curve-test',
  title: 'Emotion curve: test',
  t: english,
  stages,
  scale: {
    min: 1,
    max: 5,
    labels: [
      { score: 1, label: 'Furious' },
      { score: 5, label: 'Delighted' },
    ],
  },
  series: [
    {
      name: 'Journey',
      points: [
        { id: 'a', label: 'See ad', stageId: 's1', score: 4 },
        { id: 'b', label: 'Pay', stageId: 's2', score: 1.5 },
        { id: 'c', label: 'Collect', stageId: 's2', score: 4.5 },
        { id: 'd', label: 'Call', stageId: 's3', score: 2.5 },
      ],
    },
  ],
};

describe('layoutEmotionCurve', () => {
  const g = layoutEmotionCurve(input);
  const points = g.series[0]!.points;

  it('orders points left to right and keeps each inside its stage band', () => {
    for (let i = 1; i < points.length; i++) expect(points[i]!.x).toBeGreaterThan(points[i - 1]!.x);
    for (const p of points) {
      const band = g.bands.find((b) => b.stage.id === p.stageId)!;
      expect(p.x).toBeGreaterThan(band.x0);
      expect(p.x).toBeLessThan(band.x1);
    }
  });

  it('maps scores onto the scale: higher is up, the neutral line at 3', () => {
    expect(points[2]!.y).toBeLessThan(points[0]!.y);
    expect(g.neutralY).toBeCloseTo((g.plot.top + g.plot.bottom) / 2);
    expect(g.ticks.map((t) => t.label)).toEqual(['1 Furious', '2', '3', '4', '5 Delighted']);
  });

  it('marks the lowest point', () => {
    expect(points.filter((p) => p.lowest).map((p) => p.id)).toEqual(['b']);
  });

  it('draws a path that passes through every point', () => {
    const path = g.series[0]!.path;
    for (const p of points)
      expect(path).toContain(`${Math.round(p.x * 100) / 100},${Math.round(p.y * 100) / 100}`);
  });
});

describe('buildEmotionCurve', () => {
  const { svg } = buildEmotionCurve(input);

  it('is an image with title and a desc naming the lowest and highest points', () => {
    const root = parseSvg(svg)[0]!;
    expect(root.attributes.role).toBe('img');
    expect(svg).toContain('lowest 1.5 (Furious) at Pay in Purchase');
    expect(svg).toContain('highest 4.5 (Delighted) at Collect in Purchase');
  });

  it('has one point group per touchpoint, labelled with its score', () => {
    const points = parseSvg(svg).filter((e) => e.attributes.class === 'chart-point');
    expect(points.map((p) => p.attributes['data-touchpoint'])).toEqual(['a', 'b', 'c', 'd']);
    expect(points[1]!.text).toContain('1.5');
  });

  it('works on a -2..+2 scale with the neutral line at 0', () => {
    const g = layoutEmotionCurve({
      ...input,
      scale: { min: -2, max: 2, labels: [] },
      series: [
        {
          name: 'x',
          points: [
            { id: 'a', label: 'A', stageId: 's1', score: -2 },
            { id: 'b', label: 'B', stageId: 's2', score: 2 },
          ],
        },
      ],
    });
    expect(g.series[0]!.points[0]!.y).toBeCloseTo(g.plot.bottom);
    expect(g.series[0]!.points[1]!.y).toBeCloseTo(g.plot.top);
    expect(g.ticks.map((t) => t.score)).toEqual([-2, -1, 0, 1, 2]);
  });

  it('overlays several series with a legend and distinct dash patterns', () => {
    const overlay = buildEmotionCurve({
      ...input,
      series: [
        input.series[0]!,
        {
          name: 'Future state',
          points: input.series[0]!.points.map((p) => ({ ...p, score: Math.min(5, p.score + 1) })),
        },
      ],
    }).svg;
    const curves = parseSvg(overlay).filter((e) => e.attributes.class === 'chart-curve');
    expect(curves).toHaveLength(2);
    expect(curves[0]!.attributes['stroke-dasharray']).toBeUndefined();
    expect(curves[1]!.attributes['stroke-dasharray']).toBeDefined();
    expect(parseSvg(overlay).find((e) => e.attributes.class === 'chart-legend')!.text).toContain(
      'Future state',
    );
  });

  it('renders a single touchpoint, all-equal scores and an empty stage without NaN', () => {
    const single = buildEmotionCurve({
      ...input,
      series: [{ name: 'x', points: [{ id: 'a', label: 'A', stageId: 's2', score: 3 }] }],
    }).svg;
    const equal = buildEmotionCurve({
      ...input,
      series: [
        {
          name: 'x',
          points: ['a', 'b', 'c'].map((id) => ({ id, label: id, stageId: 's1', score: 2 })),
        },
      ],
    }).svg;
    const none = buildEmotionCurve({ ...input, series: [{ name: 'x', points: [] }] }).svg;
    for (const svg of [single, equal, none]) expect(badAttributes(svg)).toEqual([]);
  });
});

describe('scoreTicks', () => {
  const y = (score: number) => 100 - score;

  it("ticks every whole score of a narrow scale, with the scale's word where it has one", () => {
    const ticks = scoreTicks(input.scale, y, 'en');
    expect(ticks.map((t) => t.label)).toEqual(['1 Furious', '2', '3', '4', '5 Delighted']);
    expect(ticks.map((t) => t.y)).toEqual([99, 98, 97, 96, 95]);
  });

  it('keeps a wide scale to about ten ticks, starting at its first whole score', () => {
    expect(scoreTicks({ min: 0, max: 100, labels: [] }, y, 'en').map((t) => t.score)).toEqual([
      0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100,
    ]);
    expect(scoreTicks({ min: 0.5, max: 25, labels: [] }, y, 'en').map((t) => t.score)).toEqual([
      1, 4, 7, 10, 13, 16, 19, 22, 25,
    ]);
  });

  it('writes negative scores with a true minus sign', () => {
    const ticks = scoreTicks({ min: -2, max: 2, labels: [] }, y, 'it');
    expect(ticks.map((t) => t.label)).toEqual(['\u22122', '\u22121', '0', '1', '2']);
  });
});

describe('curvePointTitle', () => {
  const point = { id: 'b', label: 'Pay', stageId: 's2', score: 1.5, x: 0, y: 0, lowest: false };

  it("says touchpoint, score and the scale's word for it", () => {
    expect(curvePointTitle(point, undefined, input)).toBe('Pay: 1.5 (Furious)');
  });

  it('names the series when several overlay, and says when the point is the lowest', () => {
    expect(curvePointTitle({ ...point, lowest: true }, 'Future state', input)).toBe(
      'Future state: Pay: 1.5 (Furious), lowest point',
    );
  });

  it('is the title of each point of the built chart', () => {
    const titles = parseSvg(buildEmotionCurve(input).svg)
      .filter((e) => e.name === 'title' && e.parent?.attributes.class === 'chart-point')
      .map((e) => e.text);
    expect(titles).toContain('Pay: 1.5 (Furious), lowest point');
  });
});
