import { describe, expect, it } from 'vitest';
import { anchors } from '../src/lib/anchors.ts';
import { resolveReport } from '../src/lib/model.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { exampleContent, projectRoot } from './helpers/build.ts';

describe('anchors', () => {
  it('gives every entity of the example report its own id, so pages holding all journeys (print) stay unique', () => {
    const report = resolveReport(validateContent(exampleContent, projectRoot).sources!);
    const ids = [
      ...report.stages.map((stage) => anchors.stage(stage.journey.id, stage.id)),
      ...report.touchpoints.flatMap((tp) => [
        anchors.touchpoint(tp.id),
        ...tp.painPoints.map((_, i) => anchors.painPoint(tp.id, i)),
      ]),
      ...report.opportunities.map((o) => o.anchor),
      ...report.kpis.map((kpi) => anchors.kpi(kpi.id)),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[\w-]+$/.test(id))).toEqual([]);
  });

  it('keeps the opportunity ids links already point to: its own id, or its number within the touchpoint', () => {
    expect(anchors.opportunity('hero-banner', 1)).toBe('hero-banner-opportunity-2');
    expect(anchors.opportunity('hero-banner', 1, 'faster-checkout')).toBe(
      'opportunity-faster-checkout',
    );
  });
});
