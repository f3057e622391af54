import { describe, expect, it } from 'vitest';
import { resolveReport, type ResolvedReport } from '../src/lib/model.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { minimalFixture, projectRoot } from './helpers/build.ts';

function resolveFixture(): ResolvedReport {
  const { sources, ok } = validateContent(minimalFixture, projectRoot);
  expect(ok).toBe(true);
  return resolveReport(sources!);
}

describe('resolveReport', () => {
  const report = resolveFixture();

  it('resolves journey personas and links personas back to their journeys', () => {
    const journey = report.journeyById.get('shoe-shop')!;
    expect(journey.personas.map((p) => p.id)).toEqual(['anna']);
    expect(report.personaById.get('anna')!.journeys).toEqual([journey]);
  });

  it('orders stages by their order field and touchpoints by stage', () => {
    const journey = report.journeyById.get('shoe-shop')!;
    expect(journey.stages.map((s) => s.id)).toEqual(['discover', 'buy']);
    expect(journey.touchpoints.map((t) => t.id)).toEqual(['search', 'store-fitting', 'checkout']);
  });

  it('links touchpoints to stage and channel, and both back to the touchpoint', () => {
    const checkout = report.touchpointById.get('checkout')!;
    expect(checkout.stage.key).toBe('shoe-shop/buy');
    expect(checkout.channel.id).toBe('ecommerce');
    expect(checkout.stage.touchpoints).toContain(checkout);
    expect(report.channelById.get('ecommerce')!.touchpoints).toEqual([checkout]);
  });

  it('knows which touchpoints have their own MDX file', () => {
    expect(report.touchpointById.get('search')!.hasOwnFile).toBe(true);
    expect(report.touchpointById.get('checkout')!.hasOwnFile).toBe(false);
  });

  it('attaches KPIs to their stage with a derived status', () => {
    const buy = report.stageByKey.get('shoe-shop/buy')!;
    expect(buy.kpis.map((k) => [k.id, k.status])).toEqual([
      ['checkout-time', 'missed'],
      ['conversion-rate', 'at-risk'],
    ]);
  });

  it('collects opportunities with their touchpoint and mean value', () => {
    expect(report.opportunities).toHaveLength(1);
    expect(report.opportunities[0]!.touchpoint.id).toBe('checkout');
    expect(report.opportunities[0]!.value).toBe(3.5);
  });

  it('merges the built-in channels with the report', () => {
    expect(report.channelById.get('word-of-mouth')!.data.kind).toBe('offline');
  });
});
