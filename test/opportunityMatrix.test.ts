import { describe, expect, it } from 'vitest';
import {
  buildOpportunityMatrix,
  placeMatrixMarks,
  quadrantOf,
} from '../src/lib/charts/opportunityMatrix.ts';
import { badAttributes, parseSvg } from './helpers/svg.ts';
import { english } from '../src/lib/i18n/index.ts';

describe('quadrantOf', () => {
  it('names the four quadrants, the midpoint counting as high value and low effort', () => {
    expect(quadrantOf(5, 1)).toBe('quick-win');
    expect(quadrantOf(3, 3)).toBe('quick-win');
    expect(quadrantOf(4, 5)).toBe('big-bet');
    expect(quadrantOf(2, 2)).toBe('fill-in');
    expect(quadrantOf(1.5, 4)).toBe('money-pit');
  });
});

describe('buildOpportunityMatrix', () => {
  const items = [
    { id: 'o1', number: 1, title: 'Show stock', value: 5, effort: 2, href: '#o1' },
    { id: 'o2', number: 2, title: 'New app', value: 4.5, effort: 5, href: '#o2' },
    { id: 'o3', number: 3, title: 'Same spot A', value: 2, effort: 2, href: '#o3' },
    { id: 'o4', number: 4, title: 'Same spot B', value: 2, effort: 2, href: '#o4' },
  ];
  const { svg } = buildOpportunityMatrix({ id: 'm', title: 'Matrix', items, t: english });
  const marks = parseSvg(svg).filter((e) => e.name === 'a');
  const centre = (id: string) => {
    const circle = parseSvg(svg).find(
      (e) => e.name === 'circle' && e.parent?.attributes['data-opportunity'] === id,
    )!;
    return { x: Number(circle.attributes.cx), y: Number(circle.attributes.cy) };
  };

  it('draws one numbered, linked mark per opportunity', () => {
    expect(marks.map((m) => m.attributes.href)).toEqual(['#o1', '#o2', '#o3', '#o4']);
    expect(marks[0]!.text).toContain('1. Show stock: value 5, effort 2 (Quick wins)');
  });

  it('puts more effort to the right and more value higher up', () => {
    expect(centre('o2').x).toBeGreaterThan(centre('o1').x);
    expect(centre('o1').y).toBeLessThan(centre('o3').y);
  });

  it('separates opportunities at the same spot', () => {
    const a = centre('o3');
    const b = centre('o4');
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(20);
  });

  it('names the quadrants and counts them in the description', () => {
    for (const name of ['Quick wins', 'Big bets', 'Fill-ins', 'Money pits'])
      expect(svg).toContain(name);
    expect(svg).toContain(
      '4 opportunities by value and effort: 1 quick win, 1 big bet, 2 fill-ins, 0 money pits.',
    );
    expect(badAttributes(svg)).toEqual([]);
  });
});

describe('placeMatrixMarks', () => {
  const item = (id: string, value: number, effort: number) => ({
    id,
    number: 0,
    title: id,
    value,
    effort,
    href: `#${id}`,
  });

  it('puts a lone opportunity exactly on its spot', () => {
    const [alone] = placeMatrixMarks([item('a', 3, 3)]);
    const [besideAnother] = placeMatrixMarks([item('b', 3, 3), item('c', 5, 1)]);
    expect([besideAnother!.cx, besideAnother!.cy]).toEqual([alone!.cx, alone!.cy]);
    const [higher] = placeMatrixMarks([item('d', 4, 3)]);
    expect(higher!.cx).toBe(alone!.cx);
    expect(higher!.cy).toBeLessThan(alone!.cy);
  });

  it('rings opportunities at one spot around it, the first on top, all equally far', () => {
    const spot = placeMatrixMarks([item('centre', 2, 4)])[0]!;
    const ring = placeMatrixMarks(['a', 'b', 'c'].map((id) => item(id, 2, 4)));
    const distances = ring.map((m) => Math.hypot(m.cx - spot.cx, m.cy - spot.cy));
    expect(distances[0]).toBeGreaterThan(10);
    for (const d of distances) expect(d).toBeCloseTo(distances[0]!);
    expect(ring[0]!.cx).toBeCloseTo(spot.cx);
    expect(ring[0]!.cy).toBeLessThan(spot.cy);
  });

  it('draws spots in the order they first appear, so numbers stay grouped', () => {
    const placed = placeMatrixMarks([item('a', 1, 1), item('b', 5, 5), item('c', 1, 1)]);
    expect(placed.map((m) => m.item.id)).toEqual(['a', 'c', 'b']);
  });
});
