import { describe, expect, it } from 'vitest';
import {
  buildLineChart,
  describeLineChart,
  lineChartScales,
  type LineChartInput,
} from '../src/lib/charts/lineChart.ts';
import { badAttributes, parseSvg } from './helpers/svg.ts';

const input: LineChartInput = {
  id: 'bench-plot',
  title: 'Build time against pages',
  xLabel: 'Pages',
  yLabel: 'Build seconds',
  series: [
    {
      name: 'With cards',
      points: [
        { x: 120, y: 9.5 },
        { x: 560, y: 31.2 },
      ],
    },
    {
      name: 'Cards excluded',
      points: [
        { x: 120, y: 6.1 },
        { x: 560, y: 18.4 },
      ],
    },
  ],
};

describe('lineChartScales', () => {
  it('runs both axes from 0 to the largest value, rounded up to a round number', () => {
    const { x, y } = lineChartScales(input.series);
    expect(x.domain()).toEqual([0, 600]);
    expect(y.domain()).toEqual([0, 35]);
  });

  it('puts larger values further right and higher up', () => {
    const { x, y } = lineChartScales(input.series);
    expect(x(560)).toBeGreaterThan(x(120));
    expect(y(31.2)).toBeLessThan(y(9.5));
  });

  it('falls back to 0-1 when there is nothing to plot', () => {
    const { x, y } = lineChartScales([]);
    expect(x.domain()).toEqual([0, 1]);
    expect(y.domain()).toEqual([0, 1]);
  });
});

describe('describeLineChart', () => {
  it('says what is plotted against what and lists every point of every series', () => {
    expect(describeLineChart(input)).toBe(
      'Pages against Build seconds. With cards: 120 → 9.5, 560 → 31.2; Cards excluded: 120 → 6.1, 560 → 18.4.',
    );
  });
});

describe('buildLineChart', () => {
  const { svg } = buildLineChart(input);
  const elements = parseSvg(svg);

  it('is an image with its title and the description wired by id', () => {
    const root = elements[0]!;
    expect(root.attributes.role).toBe('img');
    expect(root.attributes['aria-labelledby']).toBe('bench-plot-title');
    expect(elements.find((e) => e.name === 'desc')!.text).toBe(describeLineChart(input));
  });

  it('draws one line per series, each with its own dash pattern, and a legend naming them', () => {
    const lines = elements.filter((e) => e.name === 'path' && e.attributes.fill === 'none');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.attributes['stroke-dasharray']).toBeUndefined();
    expect(lines[1]!.attributes['stroke-dasharray']).toBeDefined();
    const texts = elements.filter((e) => e.name === 'text').map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['With cards', 'Cards excluded']));
  });

  it('labels both axes with their names and round numbers', () => {
    const texts = elements.filter((e) => e.name === 'text').map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['Pages', 'Build seconds', '0', '300', '600']));
  });

  it('escapes labels and leaves no broken attribute, even with no series', () => {
    const odd = buildLineChart({ ...input, xLabel: 'Pages <all> & "more"', series: [] }).svg;
    expect(odd).toContain('Pages &lt;all&gt; &amp; &quot;more&quot;');
    expect(badAttributes(odd)).toEqual([]);
    expect(badAttributes(svg)).toEqual([]);
  });
});
