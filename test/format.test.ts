import { describe, expect, it } from 'vitest';
import { formatKpiDelta, formatKpiValue, formatNumber } from '../src/lib/format.ts';
import { buildEmotionCurve } from '../src/lib/charts/emotionCurve.ts';
import { translator } from '../src/lib/i18n/index.ts';

const MINUS = '\u2212';
/** A hyphen-minus where a reader would see a negative number. */
const HYPHEN_NUMBER = /(^|[^\w-])-\d/;

describe('negative numbers on display', () => {
  it('take U+2212 MINUS SIGN in every formatter, in English and Italian', () => {
    for (const locale of ['en', 'it-IT']) {
      const shown = [
        formatNumber(-0.5, locale),
        formatKpiValue(-1600, '', locale),
        formatKpiValue(-1600, 'min', locale),
        formatKpiValue(-3.2, '%', locale),
        formatKpiValue(-1600, 'EUR', locale),
        formatKpiDelta(-1600, 'EUR', locale),
        formatKpiDelta(-0.4, '%', locale),
      ];
      for (const text of shown) {
        expect(text, `${locale}: ${text}`).toContain(MINUS);
        expect(text, `${locale}: ${text}`).not.toMatch(HYPHEN_NUMBER);
      }
    }
    expect(formatNumber(-0.5, 'it-IT')).toBe(`${MINUS}0,5`);
    expect(formatKpiValue(-1600, '', 'it-IT')).toBe(`${MINUS}1600`);
    expect(formatKpiValue(-1600, 'EUR', 'en')).toBe(`${MINUS}€1,600.00`);
  });

  it('take U+2212 on the emotion curve: axis ticks, point labels, titles and description', () => {
    for (const compact of [false, true]) {
      const { svg } = buildEmotionCurve({
        id: 'curve',
        title: 'Curve',
        compact,
        t: translator('it-IT'),
        scale: { min: -2, max: 2, labels: [{ score: -2, label: 'Furioso' }] },
        stages: [{ id: 'a', name: 'Scoperta' }],
        series: [
          { name: 'Anna', points: [{ id: 'p', label: 'Cerca', stageId: 'a', score: -0.5 }] },
        ],
      });
      const text = svg.replace(/<[^>]+>/g, ' ');
      expect(text).toContain(`${MINUS}2`);
      expect(text).not.toMatch(HYPHEN_NUMBER);
      if (!compact) expect(text).toContain(`${MINUS}0,5`);
    }
  });
});

describe('zero on display', () => {
  it('has no sign, whether it is −0 or a negative number rounded to zero', () => {
    for (const locale of ['en', 'it-IT']) {
      expect(formatNumber(-0, locale)).toBe('0');
      expect(formatNumber(-0.001, locale)).toBe('0');
      expect(formatKpiValue(-0.001, '%', locale)).not.toContain(MINUS);
    }
  });

  it('labels the curve tick of a scale starting just below zero "0", not "−0"', () => {
    const { svg } = buildEmotionCurve({
      id: 'curve',
      title: 'Curve',
      t: translator('en'),
      scale: { min: -0.5, max: 2, labels: [] },
      stages: [{ id: 'a', name: 'Search' }],
      series: [{ name: 'Anna', points: [{ id: 'p', label: 'Looks', stageId: 'a', score: 1 }] }],
    });
    expect(svg.replace(/<[^>]+>/g, ' ')).not.toMatch(new RegExp(`${MINUS}0(?![.,\\d])`));
  });
});
