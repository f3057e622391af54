import { describe, expect, it } from 'vitest';
import { resolveReport } from '../src/lib/model.ts';
import { summarizeStages } from '../src/lib/stageSummary.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { minimalFixture, projectRoot } from './helpers/build.ts';

describe('summarizeStages', () => {
  it('averages emotion and counts touchpoints, pain points and KPI statuses per stage', () => {
    const report = resolveReport(validateContent(minimalFixture, projectRoot).sources!);
    const [discover, buy] = summarizeStages(report.journeyById.get('shoe-shop')!);
    expect(discover).toMatchObject({
      averageEmotion: 4,
      touchpoints: 2,
      painPoints: 0,
      kpis: { met: 0, 'at-risk': 0, missed: 0 },
    });
    expect(buy).toMatchObject({
      averageEmotion: 2,
      touchpoints: 1,
      painPoints: 1,
      kpis: { met: 0, 'at-risk': 1, missed: 1 },
    });
  });
});
