import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropStaleContentCache } from '../src/build/contentCache.ts';

describe('dropStaleContentCache', () => {
  it("drops Astro's parsed-content cache when the schema changes, and only then", () => {
    const root = mkdtempSync(join(tmpdir(), 'itinera-cache-'));
    const schema = join(root, 'schema');
    const caches = [join(root, 'cache'), join(root, '.astro')];
    mkdirSync(schema);
    for (const dir of caches) mkdirSync(dir);
    const store = (dir: string) => join(dir, 'data-store.json');
    const fillStores = () => caches.forEach((dir) => writeFileSync(store(dir), '{}'));
    writeFileSync(join(schema, 'touchpoint.ts'), 'export const a = 1;');

    fillStores();
    expect(dropStaleContentCache(schema, caches)).toBe(true);
    expect(caches.map((dir) => existsSync(store(dir)))).toEqual([false, false]);

    fillStores();
    expect(dropStaleContentCache(schema, caches)).toBe(false);
    expect(caches.map((dir) => existsSync(store(dir)))).toEqual([true, true]);

    writeFileSync(join(schema, 'touchpoint.ts'), 'export const a = 2;');
    expect(dropStaleContentCache(schema, caches)).toBe(true);
    expect(caches.map((dir) => existsSync(store(dir)))).toEqual([false, false]);
  });
});
