import { describe, expect, it } from 'vitest';
import { collectGarbage, releaseMemory } from '../src/build/gc.ts';

const rssMB = () => process.memoryUsage.rss() / 2 ** 20;

describe('releasing memory before the search index is built', () => {
  it('gives the pages a plain collection keeps for reuse back to the system', () => {
    // Built and dropped in a function of its own: nothing refers to it once it returns.
    const entries = () =>
      Array.from({ length: 3_000_000 }, (_, id) => ({ id, name: `entry ${id}` }));
    expect(entries().length).toBe(3_000_000);
    collectGarbage();
    const afterPlain = rssMB();
    releaseMemory();
    expect(afterPlain - rssMB()).toBeGreaterThan(100);
  });
});
