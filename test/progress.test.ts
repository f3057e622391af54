import { describe, expect, it } from 'vitest';
import { progressEvery, progressLine } from '../src/lib/progress.ts';

describe('progress lines', () => {
  it('give the rate and the time left at that rate', () => {
    expect(progressLine('preview cards', 'cards', 400, 2000, 8000)).toBe(
      'preview cards: 400/2000 (50 cards/s, about 32 s left)',
    );
    expect(progressLine('preview cards', 'cards', 5, 20, 2000)).toBe(
      'preview cards: 5/20 (2.5 cards/s, about 6 s left)',
    );
  });

  it('come about ten times per step', () => {
    expect(progressEvery(1889)).toBe(189);
    expect(progressEvery(7)).toBe(1);
    expect(progressEvery(100_000)).toBe(500);
  });
});
