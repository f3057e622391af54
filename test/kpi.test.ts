import { describe, expect, it } from 'vitest';
import { countKpiStatuses, currentKpiValue, deriveKpiStatus, kpiMargin } from '../src/lib/kpi.ts';

describe('deriveKpiStatus', () => {
  it('higher is better: met at and above target', () => {
    expect(deriveKpiStatus(3, 3, 'higher-is-better', 0.1)).toBe('met');
    expect(deriveKpiStatus(3.5, 3, 'higher-is-better', 0.1)).toBe('met');
  });

  it('higher is better: at risk within the tolerance, boundary included', () => {
    expect(deriveKpiStatus(2.9, 3, 'higher-is-better', 0.1)).toBe('at-risk');
    expect(deriveKpiStatus(2.7, 3, 'higher-is-better', 0.1)).toBe('at-risk');
    expect(deriveKpiStatus(90, 100, 'higher-is-better', 0.1)).toBe('at-risk');
  });

  it('higher is better: missed beyond the tolerance', () => {
    expect(deriveKpiStatus(2.69, 3, 'higher-is-better', 0.1)).toBe('missed');
    expect(deriveKpiStatus(89.9, 100, 'higher-is-better', 0.1)).toBe('missed');
  });

  it('lower is better: met at and below target, at risk just above, missed beyond', () => {
    expect(deriveKpiStatus(60, 60, 'lower-is-better', 0.1)).toBe('met');
    expect(deriveKpiStatus(45, 60, 'lower-is-better', 0.1)).toBe('met');
    expect(deriveKpiStatus(66, 60, 'lower-is-better', 0.1)).toBe('at-risk');
    expect(deriveKpiStatus(66.1, 60, 'lower-is-better', 0.1)).toBe('missed');
    expect(deriveKpiStatus(90, 60, 'lower-is-better', 0.1)).toBe('missed');
  });

  it('uses the given tolerance, and zero tolerance leaves no at-risk band', () => {
    expect(deriveKpiStatus(80, 100, 'higher-is-better', 0.25)).toBe('at-risk');
    expect(deriveKpiStatus(99.99, 100, 'higher-is-better', 0)).toBe('missed');
  });

  it('handles negative targets by their size', () => {
    expect(deriveKpiStatus(-11, -10, 'higher-is-better', 0.1)).toBe('at-risk');
    expect(deriveKpiStatus(-12, -10, 'higher-is-better', 0.1)).toBe('missed');
  });
});

describe('kpiMargin', () => {
  it('is positive when better than target in either direction', () => {
    expect(kpiMargin(5, 3, 'higher-is-better')).toBe(2);
    expect(kpiMargin(30, 60, 'lower-is-better')).toBe(30);
    expect(kpiMargin(90, 60, 'lower-is-better')).toBe(-30);
  });
});

describe('currentKpiValue', () => {
  const sample = (date: string, value: number) => ({ date: new Date(date), value });
  it('prefers the authored value', () => {
    expect(currentKpiValue({ value: 4, history: [sample('2026-01-31', 1)] })).toBe(4);
  });
  it('falls back to the newest history value, whatever the order', () => {
    expect(
      currentKpiValue({
        history: [sample('2026-03-31', 3), sample('2026-01-31', 1), sample('2026-02-28', 2)],
      }),
    ).toBe(3);
  });
  it('is undefined with neither', () => {
    expect(currentKpiValue({ history: [] })).toBeUndefined();
  });
});

describe('countKpiStatuses', () => {
  it('counts every status, zero included', () => {
    expect(countKpiStatuses(['met', 'missed', 'met'])).toEqual({ met: 2, 'at-risk': 0, missed: 1 });
  });
});
