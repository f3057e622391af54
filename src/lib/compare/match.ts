/**
 * Pairing of a current-state item with its future-state counterpart. An explicit reference
 * wins; otherwise items with the same title pair up, so authors only write `improves:` where a
 * redesign also renamed the thing.
 */

/** A title reduced to lower-case words without accents or punctuation. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface MatchKeys<B, A> {
  beforeId: (item: B) => string;
  beforeTitle: (item: B) => string;
  /** The id an `after` item names explicitly (`improves:`), if any. */
  afterReference: (item: A) => string | undefined;
  afterTitle: (item: A) => string;
}

/** Pairs each `after` item with at most one `before` item, and each `before` item with at most one `after` item. */
export function matchItems<B, A>(before: readonly B[], after: readonly A[], keys: MatchKeys<B, A>): Map<A, B> {
  const pairs = new Map<A, B>();
  const taken = new Set<B>();
  const byId = new Map(before.map((item) => [keys.beforeId(item), item]));
  for (const item of after) {
    const reference = keys.afterReference(item);
    const found = reference === undefined ? undefined : byId.get(reference);
    if (found && !taken.has(found)) {
      pairs.set(item, found);
      taken.add(found);
    }
  }
  const byTitle = new Map<string, B[]>();
  for (const item of before) {
    if (taken.has(item)) continue;
    const title = normalizeTitle(keys.beforeTitle(item));
    byTitle.set(title, [...(byTitle.get(title) ?? []), item]);
  }
  for (const item of after) {
    if (pairs.has(item) || keys.afterReference(item) !== undefined) continue;
    const candidates = byTitle.get(normalizeTitle(keys.afterTitle(item)));
    const found = candidates?.shift();
    if (found) pairs.set(item, found);
  }
  return pairs;
}
