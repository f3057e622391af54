import { describe, expect, it } from 'vitest';
import { progressLine, progressReporter } from '../src/lib/progress.ts';

describe('progress lines', () => {
  it('give the rate and the time left at that rate', () => {
    expect(progressLine('preview cards', 'cards', 400, 2000, 8000)).toBe(
      'preview cards: 400/2000 (50 cards/s, about 32 s left)',
    );
    expect(progressLine('preview cards', 'cards', 5, 20, 2000)).toBe(
      'preview cards: 5/20 (2.5 cards/s, about 6 s left)',
    );
  });

  /** The progress lines of a step of `total` items, each taking `msEach` on a simulated clock. */
  function linesOfStep(total: number, msEach: number): string[] {
    let clock = 0;
    const lines: string[] = [];
    const progress = progressReporter({
      step: 'preview cards',
      unit: 'cards',
      total,
      log: (line) => lines.push(line),
      now: () => clock,
    });
    for (let done = 1; done <= total; done++) {
      clock = done * msEach;
      progress(done);
    }
    return lines;
  }

  it('come at most once a second, and not at all for a step shorter than that', () => {
    expect(linesOfStep(100, 30)).toEqual([
      'preview cards: 34/100 (33 cards/s, about 2 s left)',
      'preview cards: 68/100 (33 cards/s, about 1 s left)',
    ]);
    expect(linesOfStep(9, 30)).toEqual([]);
  });
});
