import { describe, expect, it } from 'vitest';
import {
  buildJourneyTimeline,
  describeTimeline,
  type TimelineInput,
  type TimelineMark,
} from '../src/lib/charts/timeline.ts';
import { badAttributes, parseSvg } from './helpers/svg.ts';
import { english } from '../src/lib/i18n/index.ts';

const scale = { min: 1, max: 5, labels: [] };

function mark(
  id: string,
  stageId: string,
  laneId: string,
  score: number,
  extra: Partial<TimelineMark> = {},
): TimelineMark {
  return {
    id,
    title: `Touchpoint ${id}`,
    stageId,
    laneId,
    score,
    href: `/touchpoints/${id}/`,
    momentOfTruth: false,
    painPoints: 0,
    ...extra,
  };
}

const input: TimelineInput = {
  id: 'timeline-test',
  title: 'Journey timeline: test',
  t: english,
  stages: [
    { id: 'aware', name: 'Awareness' },
    { id: 'buy', name: 'Purchase' },
    { id: 'care', name: 'Support' },
  ],
  lanes: [
    { id: 'store', name: 'Store', kind: 'offline' },
    { id: 'web', name: 'Website', kind: 'online' },
  ],
  marks: [
    mark('a', 'aware', 'web', 4),
    mark('b', 'buy', 'store', 1.5, { painPoints: 2 }),
    mark('c', 'buy', 'store', 3, { momentOfTruth: true }),
    mark('d', 'care', 'web', 5),
  ],
  scale,
};

/** Centre of each mark's shape, by touchpoint id. */
function markCentres(
  svg: string,
): Map<string, { x: number; y: number; shape: string; anchor: Record<string, string> }> {
  const elements = parseSvg(svg);
  const centres = new Map();
  for (const anchor of elements.filter((e) => e.name === 'a')) {
    const shape = elements.find(
      (e) => e.parent === anchor && e.attributes.class === 'chart-mark__shape',
    )!;
    const x =
      shape.name === 'circle'
        ? Number(shape.attributes.cx)
        : Number(/M([\d.]+),/.exec(shape.attributes.d!)![1]);
    const y =
      shape.name === 'circle'
        ? Number(shape.attributes.cy)
        : Number(/M[\d.]+,([\d.]+)/.exec(shape.attributes.d!)![1]);
    centres.set(anchor.attributes['data-touchpoint'], {
      x,
      y,
      shape: shape.name === 'circle' ? 'circle' : shape.attributes.d!,
      anchor: anchor.attributes,
    });
  }
  return centres;
}

describe('buildJourneyTimeline', () => {
  const { svg, width, height } = buildJourneyTimeline(input);

  it('draws one linked mark per touchpoint', () => {
    const marks = markCentres(svg);
    expect([...marks.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(marks.get('b')!.anchor.href).toBe('/touchpoints/b/');
  });

  it('places marks in stage order from left to right', () => {
    const marks = markCentres(svg);
    expect(marks.get('a')!.x).toBeLessThan(marks.get('b')!.x);
    expect(marks.get('b')!.x).toBe(marks.get('c')!.x);
    expect(marks.get('c')!.x).toBeLessThan(marks.get('d')!.x);
  });

  it('puts online lanes above offline lanes and stacks marks of one cell without overlap', () => {
    const marks = markCentres(svg);
    expect(marks.get('a')!.y).toBeLessThan(marks.get('b')!.y);
    expect(Math.abs(marks.get('c')!.y - marks.get('b')!.y)).toBeGreaterThanOrEqual(20);
  });

  it('encodes emotion by shape as well as colour, and flags moments of truth and pain points', () => {
    const elements = parseSvg(svg);
    const anchors = elements.filter((e) => e.name === 'a');
    const inside = (id: string) =>
      elements.filter(
        (e) => e.parent === anchors.find((a) => a.attributes['data-touchpoint'] === id),
      );
    expect(inside('c').filter((e) => e.name === 'circle')).toHaveLength(2); // neutral circle + ring
    expect(inside('b').some((e) => e.name === 'text' && e.text === '!')).toBe(true);
    expect(inside('a').some((e) => e.name === 'text' && e.text === '!')).toBe(false);
    expect(markCentres(svg).get('a')!.shape).not.toBe(markCentres(svg).get('b')!.shape);
  });

  it('is accessible: group role, title and desc wired by id, full text in each mark title', () => {
    const root = parseSvg(svg)[0]!;
    expect(root.attributes.role).toBe('group');
    expect(root.attributes['aria-labelledby']).toBe('timeline-test-title');
    expect(svg).toContain(
      '<desc id="timeline-test-desc">4 touchpoints across 3 stages (Awareness, Purchase, Support) on 2 channels.',
    );
    expect(svg).toContain(
      '<title>Touchpoint b. Purchase, Store: emotion 1.5 (Negative); 2 pain points.</title>',
    );
  });

  it('prefixes every id with the chart id', () => {
    const ids = parseSvg(svg).flatMap((e) => (e.attributes.id ? [e.attributes.id] : []));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id.startsWith('timeline-test')).toBe(true);
  });

  it('is deterministic and clean', () => {
    expect(buildJourneyTimeline(input).svg).toBe(svg);
    expect(badAttributes(svg)).toEqual([]);
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
  });

  it('escapes and shortens long labels with special characters, keeping the full text in <title>', () => {
    const title = 'Reads "Scarpe & Co" <review> #1 — più comode? '.repeat(4).trim();
    const { svg: long } = buildJourneyTimeline({
      ...input,
      marks: [mark('x', 'aware', 'web', 3, { title })],
    });
    expect(long).not.toContain('<review>');
    expect(long).toContain('&lt;review&gt;');
    const label = parseSvg(long).find(
      (e) => e.name === 'text' && e.parent?.name === 'a' && e.text.startsWith('Reads'),
    )!;
    expect(label.text.endsWith('…')).toBe(true);
    expect(label.text.length).toBeLessThan(title.length);
    expect(
      parseSvg(long).find((e) => e.name === 'title' && e.parent?.name === 'a')!.text,
    ).toContain(title);
  });

  it('renders a journey with no touchpoints and stages without marks', () => {
    const { svg: empty } = buildJourneyTimeline({ ...input, marks: [], lanes: [] });
    expect(badAttributes(empty)).toEqual([]);
    expect(describeTimeline({ ...input, marks: [] })).toBe(
      'No touchpoints mapped yet across 3 stages.',
    );
  });

  it('handles 60 touchpoints in one cell without overlapping marks', () => {
    const many = Array.from({ length: 60 }, (_, i) => mark(`m${i}`, 'buy', 'store', 1 + (i % 5)));
    const { svg: crowded } = buildJourneyTimeline({ ...input, marks: many });
    const ys = [...markCentres(crowded).values()].map((m) => m.y).sort((a, b) => a - b);
    expect(ys).toHaveLength(60);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(20);
  });

  it('compact mode drops labels but keeps links', () => {
    const { svg: compact, width: compactWidth } = buildJourneyTimeline({ ...input, compact: true });
    expect(markCentres(compact).size).toBe(4);
    expect(
      parseSvg(compact).filter(
        (e) => e.name === 'text' && e.parent?.name === 'a' && e.text.startsWith('Touchpoint'),
      ),
    ).toEqual([]);
    expect(compactWidth).toBeLessThan(width);
  });
});
