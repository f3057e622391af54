import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutCanvasCurve, type CanvasCurveInput } from '../src/lib/canvas/curve.ts';
import { canvasCurveInput, evidenceLevel } from '../src/lib/canvas/journey.ts';
import { buildCanvasSvg, wrapText } from '../src/lib/canvas/svg.ts';
import {
  canvasLanes,
  configuredLanes,
  laneCell,
  laneLabel,
  touchpointLaneText,
} from '../src/lib/canvas/lanes.ts';
import { english, translator } from '../src/lib/i18n/index.ts';
import { resolveReport } from '../src/lib/model.ts';
import { reportTemplate, stageTemplate, touchpointTemplate } from '../src/lib/scaffold.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { copyFixture, exampleContent, projectRoot } from './helpers/build.ts';
import { problemsAfterEdits } from './helpers/editContent.ts';
import { badAttributes, parseSvg } from './helpers/svg.ts';

const LONG_WORD = 'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhalterung';
const example = resolveReport(validateContent(exampleContent, projectRoot).sources!);

/** Numbers in a path, as [x, y] pairs. */
const pathPoints = (d: string) =>
  [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);

const curveInput = fc
  .record({
    counts: fc.array(fc.nat({ max: 15 }), { minLength: 1, maxLength: 12 }),
    seriesCount: fc.integer({ min: 1, max: 4 }),
    seed: fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
    min: fc.integer({ min: -5, max: 1 }),
    span: fc.integer({ min: 1, max: 10 }),
  })
  .map(({ counts, seriesCount, seed, min, span }): CanvasCurveInput => {
    const stages = counts.map((count, s) => ({
      id: `s${s}`,
      touchpoints: Array.from({ length: count }, (_, i) => `s${s}-t${i}`),
    }));
    const ids = stages.flatMap((s) => s.touchpoints);
    // Each series scores a different subset, anywhere on (and beyond) the scale.
    const series = Array.from({ length: seriesCount }, (_, k) => ({
      name: `P${k}`,
      scores: new Map(
        ids
          .filter((_, i) => seed[(i * 7 + k * 13) % seed.length])
          .map((id, i) => [id, min - 1 + ((i * 37) % (span + 3))]),
      ),
    }));
    return { stages, series, scale: { min, max: min + span } };
  });

describe('canvas curve layout', () => {
  it('puts every scored point inside its own stage column and on the scale, whatever the counts', () => {
    fc.assert(
      fc.property(curveInput, (input) => {
        const curve = layoutCanvasCurve(input);
        input.series.forEach((s, k) => {
          const placed = curve.series[k]!;
          expect(placed.points.length).toBe(s.scores.size);
          for (const p of placed.points) {
            expect(input.stages[p.stageIndex]!.id).toBe(p.stage);
            expect(input.stages[p.stageIndex]!.touchpoints).toContain(p.touchpoint);
            expect(p.x).toBeGreaterThan(0);
            expect(p.x).toBeLessThan(1);
            expect(p.y).toBeGreaterThanOrEqual(0);
            expect(p.y).toBeLessThanOrEqual(100);
          }
          // The path stays within the stages' units and the row.
          for (const [x, y] of pathPoints(placed.path)) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(input.stages.length);
            expect(y).toBeGreaterThanOrEqual(0);
            expect(y).toBeLessThanOrEqual(100);
          }
          expect(placed.unscored.length + placed.points.length).toBe(
            input.stages.flatMap((st) => st.touchpoints).length,
          );
        });
        expect(curve.neutralY).toBeCloseTo(50, 5);
      }),
    );
  });

  it('leaves a gap where a persona was not scored instead of joining across it', () => {
    const stages = [{ id: 'a', touchpoints: ['t1', 't2', 't3'] }];
    const scores = new Map([
      ['t1', 2],
      ['t3', 4],
    ]);
    const curve = layoutCanvasCurve({
      stages,
      series: [{ name: 'Marco', scores }],
      scale: { min: 1, max: 5 },
    });
    expect(curve.series[0]!.unscored).toEqual(['t2']);
    expect(curve.series[0]!.path.match(/M/g)).toHaveLength(2);
    expect(curve.series[0]!.points.map((p) => p.touchpoint)).toEqual(['t1', 't3']);
  });

  it('draws a persona line from that persona’s scores only, never from the journey’s overall score', () => {
    const journey = example.journeys.find((j) =>
      j.touchpoints.some((t) => Object.keys(t.data.emotionByPersona).length > 0),
    )!;
    const persona = journey.personas[0]!;
    const unscored = journey.touchpoints.filter(
      (t) => t.data.emotionByPersona[persona.id] === undefined,
    );
    const input = canvasCurveInput(journey, example.data.emotionScale);
    const series = input.series.find((s) => s.name === persona.data.name)!;
    for (const t of journey.touchpoints)
      expect(series.scores.get(t.id)).toBe(t.data.emotionByPersona[persona.id]);
    for (const t of unscored) expect(series.scores.has(t.id)).toBe(false);
  });
});

describe('canvas lanes', () => {
  const clickCollect = example.journeyById.get('click-collect')!;

  it('shows every built-in lane that has content, in the default order, the blueprint lanes included', () => {
    expect(canvasLanes(clickCollect, example.data).map((l) => l.id)).toEqual([
      'touchpoints',
      'doing',
      'thinking',
      'feeling',
      'emotion',
      'pain-points',
      'opportunities',
      'kpis',
      'frontstage',
      'visibility',
      'backstage',
      'support',
    ]);
    const future = example.journeyById.get('click-collect-future')!;
    expect(canvasLanes(future, example.data).map((l) => l.id)).not.toContain('visibility');
  });

  it('lets the journey override the report’s lane choice, order and names', () => {
    const report = {
      canvas: {
        lanes: [
          { id: 'emotion', label: undefined },
          { id: 'touchpoints', label: 'Moments' },
        ],
      },
    };
    expect(configuredLanes(clickCollect, report).map((l) => [l.id, laneLabel(l, english)])).toEqual(
      [
        ['emotion', 'Emotion curve'],
        ['touchpoints', 'Moments'],
      ],
    );
    const journey = {
      ...clickCollect,
      data: {
        ...clickCollect.data,
        canvas: { lanes: [{ id: 'staff-mood', label: 'Staff mood' }] },
      },
    };
    expect(configuredLanes(journey, report)).toEqual([
      { id: 'staff-mood', label: 'Staff mood', builtIn: false },
    ]);
    expect(laneLabel({ id: 'backstage', builtIn: true }, translator('it'))).toBe(
      'Backstage (personale, non in vista)',
    );
  });

  it('reads lane text from touchpoint fields, the stage and custom lanes, systems with support', () => {
    const queue = example.touchpointById.get('cc-pickup-queue')!;
    expect(touchpointLaneText(queue, 'support')).toEqual([
      'Pick-up parcels stored by date in the stock room',
      'Till (POS)',
      'OMS store app',
    ]);
    expect(
      touchpointLaneText(
        { data: { ...queue.data, lanes: { 'staff-mood': ['Rushed'] } } },
        'staff-mood',
      ),
    ).toEqual(['Rushed']);
    const preparation = clickCollect.stages.find((s) => s.id === 'order-preparation')!;
    const cell = laneCell(preparation, 'backstage');
    expect(cell.stageLines[0]).toMatch(/^Store picking round once a day/);
    expect(cell.touchpoints.map((c) => c.touchpoint.id)).toContain('cc-ready-email-wait');
  });

  it('rates each touchpoint by its strongest evidence', () => {
    const tp = (strengths: string[]) =>
      ({ data: { evidence: strengths.map((strength) => ({ source: 's', strength })) } }) as never;
    expect(evidenceLevel(tp([]))).toBe('none');
    expect(evidenceLevel(tp(['asserted']))).toBe('asserted');
    expect(evidenceLevel(tp(['asserted', 'inferred']))).toBe('inferred');
    expect(evidenceLevel(tp(['inferred', 'evidenced', 'asserted']))).toBe('evidenced');
  });
});

describe('canvas content errors', () => {
  it('accepts blueprint fields, stage lane text and a labelled custom lane', () => {
    const problems = problemsAfterEdits([
      [
        'report.yaml',
        'summary:',
        'canvas:\n  lanes:\n    - touchpoints\n    - backstage\n    - id: staff-mood\n      label: Staff mood\nsummary:',
      ],
      [
        'touchpoints/shoe-shop/touchpoints.yaml',
        '    emotion: 2\n',
        '    emotion: 2\n    backstage: Card check by the PSP\n    systems: [Adyen]\n    lanes:\n      staff-mood: Rushed\n',
      ],
      [
        'stages/shoe-shop/buy.mdx',
        'journey: shoe-shop',
        'journey: shoe-shop\nlanes:\n  thinking: Is this safe?',
      ],
    ]);
    expect(problems).toEqual([]);
  });

  it('names file, line and field of a custom lane without a label, with the closest built-in lane', () => {
    const problems = problemsAfterEdits([
      ['report.yaml', 'summary:', 'canvas:\n  lanes:\n    - touchpoints\n    - backstge\nsummary:'],
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'report.yaml',
        line: 9,
        field: 'canvas.lanes[1]',
        message: '"backstge" is not a built-in lane, and a custom lane needs a label',
        hint: 'did you mean "backstage"?',
      }),
    ]);
  });

  it('rejects touchpoint lane text for a lane the canvas does not declare, pointing to the right field', () => {
    const problems = problemsAfterEdits([
      [
        'touchpoints/shoe-shop/touchpoints.yaml',
        '    emotion: 2\n',
        '    emotion: 2\n    lanes:\n      thinking: Hmm\n      staff-mood: Rushed\n',
      ],
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'touchpoints/shoe-shop/touchpoints.yaml',
        line: 15,
        field: 'touchpoints[1].lanes.thinking',
        hint: "write the touchpoint's thinking text in its own field `thinks`, not under lanes",
      }),
      expect.objectContaining({
        file: 'touchpoints/shoe-shop/touchpoints.yaml',
        line: 16,
        field: 'touchpoints[1].lanes.staff-mood',
        message: 'no lane "staff-mood" on the canvas of journey "shoe-shop"',
        hint: 'declare it in report.yaml under canvas.lanes with a label, e.g. { id: staff-mood, label: "…" }',
      }),
    ]);
  });

  it('rejects an empty blueprint list with its line', () => {
    const problems = problemsAfterEdits([
      [
        'touchpoints/shoe-shop/touchpoints.yaml',
        '    emotion: 2\n',
        '    emotion: 2\n    frontstage: []\n',
      ],
    ]);
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        file: 'touchpoints/shoe-shop/touchpoints.yaml',
        line: 14,
        field: 'touchpoints[1].frontstage',
        message: 'list at least one line, or leave the field out',
      }),
    );
  });
});

describe('canvas scaffolding', () => {
  it('writes commented blueprint, stage lane and lane-choice lines that validate once uncommented', () => {
    const dir = copyFixture();
    const uncomment = (text: string, keys: string[]) =>
      keys.reduce((out, key) => out.replace(new RegExp(`^# (\\s*${key}:)`, 'm'), '$1'), text);
    const report = uncomment(
      reportTemplate({
        title: 'R',
        client: 'C',
        today: new Date('2026-01-01'),
        locale: 'en',
        scale: {
          min: 1,
          max: 5,
          labels: [
            { score: 1, label: 'Bad' },
            { score: 5, label: 'Good' },
          ],
        },
      }),
      ['canvas', 'lanes'],
    );
    writeFileSync(join(dir, 'report.yaml'), report);
    const stage = uncomment(stageTemplate({ journey: 'shoe-shop', name: 'Buy', order: 2 }), [
      'lanes',
      'backstage',
    ]);
    writeFileSync(join(dir, 'stages/shoe-shop/buy.mdx'), stage);
    const touchpoint = uncomment(
      touchpointTemplate({
        journey: 'shoe-shop',
        stage: 'buy',
        title: 'Pays',
        channel: 'store',
        scale: { min: 1, max: 5 },
      }),
      ['frontstage', 'backstage', 'support', 'systems'],
    );
    writeFileSync(join(dir, 'touchpoints/shoe-shop/pays.mdx'), touchpoint);
    expect(report).toMatch(/^canvas:\n {2}lanes: \[/m);
    expect(touchpoint).toMatch(/^systems: \[/m);
    expect(validateContent(dir, dir).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('canvas SVG export', () => {
  it('wraps any text without cutting a character, long unbroken words included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 80 }), fc.constant(LONG_WORD)), {
          maxLength: 12,
        }),
        fc.integer({ min: 20, max: 400 }),
        (words, width) => {
          const source = words.join(' ');
          const lines = wrapText(source, width, 12);
          const limit = Math.max(1, Math.floor(width / (12 * 0.56)));
          for (const line of lines) expect([...line].length).toBeLessThanOrEqual(limit);
          expect(lines.join('').replace(/\s+/g, '')).toBe(source.replace(/\s+/g, ''));
        },
      ),
    );
  });

  const svgInput = (cellText: string) => {
    const stages = [
      { id: 'a', name: 'Scelta', goal: cellText },
      { id: 'b', name: 'اختيار', goal: 'Goal' },
    ];
    const curve = layoutCanvasCurve({
      stages: stages.map((s) => ({ id: s.id, touchpoints: [`${s.id}1`] })),
      series: [
        {
          name: 'All',
          scores: new Map([
            ['a1', 2],
            ['b1', 4],
          ]),
        },
      ],
      scale: { min: 1, max: 5 },
    });
    return {
      id: 'canvas-x',
      title: 'Map',
      description: 'Map',
      stages,
      curve,
      colors: ['#1d4e89'],
      primary: '#1d4e89',
      lanes: [
        { id: 'doing', label: 'Doing', kind: 'text' as const, cells: [[cellText], ['']] },
        { id: 'emotion', label: 'Emotion', kind: 'curve' as const, cells: [] },
      ],
    };
  };

  it('keeps every text as escaped, well-formed text, right-to-left and markup-like text included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ minLength: 1 }),
          fc.constantFrom('يقارن <b>الأسعار</b> & "المتجر"', '‮evil‬ </text><script>', LONG_WORD),
        ),
        (cellText) => {
          const svg = buildCanvasSvg(svgInput(cellText));
          const elements = parseSvg(svg);
          expect(elements.some((e) => e.name === 'script')).toBe(false);
          expect(badAttributes(svg)).toEqual([]);
          const texts = elements
            .filter((e) => e.name === 'tspan')
            .map((e) => e.text)
            .join('');
          expect(texts.replace(/\s+/g, '')).toContain(cellText.replace(/\s+/g, ''));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('draws stage columns as wide as the curve bands and every curve point inside its column', () => {
    const svg = buildCanvasSvg(svgInput('Walks in'));
    const markers = parseSvg(svg).filter((e) => e.name === 'circle');
    expect(markers.map((m) => Number(m.attributes.cx))).toEqual([160 + 120, 400 + 120]);
  });
});
