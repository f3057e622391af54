/** Map from id to item, built once so that resolving stays linear in the size of the report. */
export function indexById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** The item a reference names. Validation reports dangling references with context before any page is built; this is a guard. */
export function lookup<T>(map: Map<string, T>, id: string, what: string, file: string): T {
  const found = map.get(id);
  if (!found) throw new Error(`${file}: unknown ${what} "${id}" (run \`npm run check\`)`);
  return found;
}

export const byName = (a: string, b: string) => a.localeCompare(b);
