import { describe, expect, it } from 'vitest';
import { layoutCanvasCurve } from '../src/lib/canvas/curve.ts';
import { mermaidCanvas } from '../src/lib/canvas/mermaid.ts';
import { parseMermaidJourney } from '../src/lib/import/mermaid/parseJourney.ts';

const sketch = parseMermaidJourney(`journey
  title Click & collect
  section Order
    Finds the model: 4: Giulia
    Pays: 5: Giulia
  section Wait
  section Collect
    Queues at the till: 1: Giulia, Staff`);

describe('mermaidCanvas', () => {
  it('makes each section a stage column holding its tasks, numbered across the journey', () => {
    const canvas = mermaidCanvas(sketch, 'line-3');
    expect(canvas.title).toBe('Click & collect');
    expect(
      canvas.stages.map((s) => [
        s.id,
        s.name,
        s.tasks.map((t) => [t.id, t.number, t.name, t.score, t.actors.join(', ')]),
      ]),
    ).toEqual([
      [
        'section-1',
        'Order',
        [
          ['task-1-1', 1, 'Finds the model', 4, 'Giulia'],
          ['task-1-2', 2, 'Pays', 5, 'Giulia'],
        ],
      ],
      ['section-2', 'Wait', []],
      ['section-3', 'Collect', [['task-3-1', 3, 'Queues at the till', 1, 'Giulia, Staff']]],
    ]);
  });

  it('tells diagrams on one page apart by their key', () => {
    expect(mermaidCanvas(sketch, 'line-3').id).not.toBe(mermaidCanvas(sketch, 'line-40').id);
  });

  it("puts each task's curve point in its own section's column, on Mermaid's 1-5 scale", () => {
    const curve = layoutCanvasCurve(mermaidCanvas(sketch, 'line-3').curve);
    const points = curve.series[0]!.points;
    expect(points.map((p) => [p.touchpoint, p.stage, p.stageIndex])).toEqual([
      ['task-1-1', 'section-1', 0],
      ['task-1-2', 'section-1', 0],
      ['task-3-1', 'section-3', 2],
    ]);
    // 5 is the top of the scale, 1 its bottom.
    expect(points[1]!.y).toBe(curve.yOf(5));
    expect(points[2]!.y).toBe(curve.yOf(1));
    expect(curve.yOf(5)).toBeLessThan(curve.yOf(1));
  });
});
