import { describe, expect, it } from 'vitest';
import { buildSparkline, describeSparkline, sparklineScales } from '../src/lib/charts/sparkline.ts';
import { badAttributes, parseSvg } from './helpers/svg.ts';
import { english } from '../src/lib/i18n/index.ts';

const samples = [
  { date: new Date('2026-03-31'), value: 3 },
  { date: new Date('2026-01-31'), value: 1 },
  { date: new Date('2026-02-28'), value: 2 },
];

describe('buildSparkline', () => {
  const { svg } = buildSparkline({
    id: 'spark-x',
    title: 'Conversion: history',
    samples,
    target: 2.5,
    formatValue: (v) => `${v} %`,
    t: english,
  });

  it('describes the trend from oldest to newest with the target', () => {
    expect(svg).toContain('3 values from 2026-01-31 to 2026-03-31: from 1 % to 3 %, target 2.5 %.');
    expect(parseSvg(svg)[0]!.attributes.role).toBe('img');
  });

  it('draws the line rising over time, the target dashed and the latest value dotted', () => {
    const elements = parseSvg(svg);
    const path = elements.find((e) => e.name === 'path')!.attributes.d!;
    const ys = [...path.matchAll(/[\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(3);
    expect(ys[0]!).toBeGreaterThan(ys[2]!);
    expect(elements.find((e) => e.name === 'line')!.attributes['stroke-dasharray']).toBe('3 2');
    expect(Number(elements.find((e) => e.name === 'circle')!.attributes.cy)).toBe(ys[2]);
  });

  it('handles a flat history without NaN', () => {
    const flat = buildSparkline({
      id: 'f',
      title: 'f',
      samples: samples.map((s) => ({ ...s, value: 5 })),
      formatValue: String,
      t: english,
    }).svg;
    expect(badAttributes(flat)).toEqual([]);
  });
});

describe('sparklineScales', () => {
  it('spans the values and the target, higher values higher up', () => {
    const { x, y } = sparklineScales(samples, 5);
    expect(y(5)).toBeLessThan(y(3));
    expect(y(1)).toBeGreaterThan(y(3));
    expect(x(2)).toBeGreaterThan(x(0));
  });

  it('gives a flat history a band of a tenth of its value each side, its line mid-height', () => {
    const flat = samples.map((s) => ({ ...s, value: 40 }));
    const { y } = sparklineScales(flat, undefined);
    // 32px tall with 4px padding: 44 at the top, 36 at the bottom.
    expect(y(40)).toBeCloseTo(16);
    expect(y(44)).toBeCloseTo(4);
    expect(y(36)).toBeCloseTo(28);
  });
});

describe('describeSparkline', () => {
  const input = { id: 's', title: 'T', samples, formatValue: (v: number) => `${v} %`, t: english };

  it('says there is no history when there are no samples', () => {
    expect(describeSparkline([], input)).toBe('No history.');
  });

  it('adds the target only when there is one', () => {
    const sorted = [...samples].sort((a, b) => a.date.getTime() - b.date.getTime());
    const withTarget = describeSparkline(sorted, { ...input, target: 2.5 });
    const without = describeSparkline(sorted, input);
    expect(withTarget).toContain('2.5 %');
    expect(without).not.toContain('2.5 %');
    expect(without).toContain('1 %');
    expect(without).toContain('3 %');
  });
});
