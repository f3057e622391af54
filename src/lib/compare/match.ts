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

/** How items are told apart; `before` and `after` items answer the same questions. */
export interface MatchKeys<T> {
  /** The id other items refer to it by. */
  id: (item: T) => string;
  /** The title or name compared when no reference pairs an item. */
  title: (item: T) => string;
  /** For an `after` item: the id of the `before` item it names explicitly (`improves:`), if any. */
  reference: (item: T) => string | undefined;
}

/** A future-state KPI finds the current-state KPI it improves by `improves:`, else by the same name. */
export const kpiMatchKeys: MatchKeys<{ id: string; data: { name: string; improves?: string } }> = {
  id: (k) => k.id,
  title: (k) => k.data.name,
  reference: (k) => k.data.improves,
};

/** Pairs each `after` item with at most one `before` item, and each `before` item with at most one `after` item. */
export function matchItems<B extends T, A extends T, T>(
  before: readonly B[],
  after: readonly A[],
  keys: MatchKeys<T>,
): Map<A, B> {
  const pairs = new Map<A, B>();
  const taken = new Set<B>();
  const byId = new Map(before.map((item) => [keys.id(item), item]));
  for (const item of after) {
    const reference = keys.reference(item);
    const found = reference === undefined ? undefined : byId.get(reference);
    if (found && !taken.has(found)) {
      pairs.set(item, found);
      taken.add(found);
    }
  }
  const byTitle = new Map<string, B[]>();
  for (const item of before) {
    if (taken.has(item)) continue;
    const title = normalizeTitle(keys.title(item));
    byTitle.set(title, [...(byTitle.get(title) ?? []), item]);
  }
  for (const item of after) {
    if (pairs.has(item) || keys.reference(item) !== undefined) continue;
    const candidates = byTitle.get(normalizeTitle(keys.title(item)));
    const found = candidates?.shift();
    if (found) pairs.set(item, found);
  }
  return pairs;
}
