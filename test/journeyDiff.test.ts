import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffJourneys, type JourneyDiff } from '../src/lib/compare/journeyDiff.ts';
import { normalizeTitle } from '../src/lib/compare/match.ts';
import { resolveReport, type ResolvedReport } from '../src/lib/model.ts';
import { formatProblems } from '../src/lib/problems.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { copyFutureStateFixture } from './helpers/build.ts';

function resolveFutureState(): ResolvedReport {
  const dir = copyFutureStateFixture();
  const { sources, ok, problems } = validateContent(dir, dir);
  expect(ok, formatProblems(problems)).toBe(true);
  return resolveReport(sources!);
}

describe('future-state journeys in the model', () => {
  const report = resolveFutureState();
  const current = report.journeyById.get('shoe-shop')!;
  const future = report.journeyById.get('shoe-shop-future')!;

  it('links the future state and the journey it improves both ways', () => {
    expect(future.improves).toBe(current);
    expect(current.improvedBy).toEqual([future]);
    expect(current.improves).toBeUndefined();
  });

  it("gives a future KPI without a value today's value of the KPI it improves, by id or by name", () => {
    const byName = report.kpis.find((k) => k.id === 'conversion-rate-future')!;
    const byId = report.kpis.find((k) => k.id === 'checkout-time-future')!;
    expect([byName.improves?.id, byName.value, byName.measured]).toEqual([
      'conversion-rate',
      2.7,
      false,
    ]);
    expect([byId.improves?.id, byId.value, byId.status]).toEqual(['checkout-time', 90, 'missed']);
  });

  it('links opportunities and the future touchpoints that address them', () => {
    const opportunity = report.opportunities.find((o) => o.id === 'offer-paypal')!;
    expect(opportunity.addressedBy.map((t) => t.id)).toEqual(['one-tap-checkout']);
  });
});

describe('diffJourneys', () => {
  const report = resolveFutureState();
  const diff: JourneyDiff = diffJourneys(
    report.journeyById.get('shoe-shop')!,
    report.journeyById.get('shoe-shop-future')!,
  );
  const kinds = Object.fromEntries(
    diff.touchpoints.map((c) => [(c.after ?? c.before)!.id, c.kind]),
  );

  it('pairs touchpoints by improves, then by title, and finds added and removed ones', () => {
    expect(kinds).toEqual({
      'fit-finder': 'changed',
      'one-tap-checkout': 'changed',
      'review-email': 'added',
      'store-fitting': 'removed',
    });
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 2, unchanged: 0 });
    const fitFinder = diff.touchpoints.find((c) => c.after?.id === 'fit-finder')!;
    expect(fitFinder.before?.id).toBe('search');
    expect(fitFinder.aspects).toEqual(['title', 'emotion']);
    expect(fitFinder.emotionDelta).toBe(1);
    const checkout = diff.touchpoints.find((c) => c.after?.id === 'one-tap-checkout')!;
    expect(checkout.before?.id).toBe('checkout');
    // The stage is renamed (pay) but matched by name (Buy): not a stage change.
    expect(checkout.aspects).toEqual(['emotion', 'painPoints']);
    expect(checkout.emotionDelta).toBe(2);
  });

  it("lays both journeys' stages on one axis with mean emotion and delta per stage", () => {
    expect(
      diff.stages.map((s) => [
        s.id,
        s.current?.id,
        s.future?.id,
        s.currentMean,
        s.futureMean,
        s.delta,
      ]),
    ).toEqual([
      ['discover', 'discover', 'discover', 4, 4.5, 0.5],
      ['pay', 'buy', 'pay', 2, 4, 2],
      ['review', undefined, 'review', undefined, 3.5, undefined],
    ]);
    expect(diff.emotion.current).toBeCloseTo(10 / 3);
    expect(diff.emotion.future).toBe(4);
  });

  it('lists pain points resolved and introduced', () => {
    expect(
      diff.painPoints.resolved.map((p) => [p.painPoint.title, p.touchpoint.id, p.withTouchpoint]),
    ).toEqual([['Card declined twice', 'checkout', false]]);
    expect(diff.painPoints.introduced.map((p) => p.painPoint.title)).toEqual(['Too many e-mails']);
  });

  it("sets future KPI targets against today's values", () => {
    expect(
      diff.kpis.map((k) => [k.kpi.id, k.current?.id, k.today, k.kpi.data.target, k.margin]),
    ).toEqual([
      ['conversion-rate-future', 'conversion-rate', 2.7, 4, expect.closeTo(-1.3)],
      ['checkout-time-future', 'checkout-time', 90, 30, -60],
    ]);
    expect(diff.untrackedKpis).toEqual([]);
  });

  it('lists the opportunities the future state delivers', () => {
    expect(diff.opportunities.map((o) => [o.opportunity.id, o.by.map((t) => t.id)])).toEqual([
      ['offer-paypal', ['one-tap-checkout']],
    ]);
  });
});

describe('normalizeTitle', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(normalizeTitle('  Ritira   in negozio — Città! ')).toBe(
      normalizeTitle('ritira in negozio citta'),
    );
    expect(normalizeTitle('Pays online')).not.toBe(normalizeTitle('Pays in store'));
  });
});

describe('diffJourneys on uneven journeys', () => {
  function resolveEdited(edit: (dir: string) => void): ResolvedReport {
    const dir = copyFutureStateFixture();
    edit(dir);
    const { sources, ok, problems } = validateContent(dir, dir);
    expect(ok, formatProblems(problems)).toBe(true);
    return resolveReport(sources!);
  }
  const diffOf = (report: ResolvedReport) =>
    diffJourneys(report.journeyById.get('shoe-shop')!, report.journeyById.get('shoe-shop-future')!);

  it('keeps a stage only today has in its place between matched stages', () => {
    const report = resolveEdited((dir) => {
      const replace = (file: string, from: string, to: string) =>
        writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(from, to));
      replace('stages/shoe-shop/buy.mdx', 'order: 2', 'order: 3');
      writeFileSync(
        join(dir, 'stages/shoe-shop/try-on.mdx'),
        '---\njourney: shoe-shop\norder: 2\nname: Try on\ncustomerGoal: Feel the fit.\n---\n',
      );
      replace(
        'touchpoints/shoe-shop/touchpoints.yaml',
        'stage: discover\n    channel: store',
        'stage: try-on\n    channel: store',
      );
    });
    expect(diffOf(report).stages.map((s) => [s.id, s.current?.id, s.future?.id])).toEqual([
      ['discover', 'discover', 'discover'],
      ['try-on', 'try-on', undefined],
      ['pay', 'buy', 'pay'],
      ['review', undefined, 'review'],
    ]);
  });

  it('has no emotion for a future state without touchpoints yet, and lists every touchpoint as removed', () => {
    const diff = diffOf(
      resolveEdited((dir) => {
        rmSync(join(dir, 'touchpoints/shoe-shop-future'), { recursive: true });
        rmSync(join(dir, 'kpis/shoe-shop-future.yaml'));
      }),
    );
    expect(diff.emotion.future).toBeUndefined();
    expect(diff.stages.every((s) => s.futureMean === undefined && s.delta === undefined)).toBe(
      true,
    );
    expect(diff.counts).toEqual({ added: 0, removed: 3, changed: 0, unchanged: 0 });
    expect(diff.painPoints.resolved.map((p) => p.withTouchpoint)).toEqual([true]);
  });
});
