/** Edit distance between two short strings (Levenshtein). */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(
        above + 1,
        previous[j - 1]! + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** Below this length a string is found inside too many others (`id` in `evidence`) to mean anything. */
const MIN_CONTAINED = 3;

/**
 * The candidates closest to `wanted`, best first: those within a third of its length in edits,
 * or that contain it or are contained in it (`collect` finds `click-collect`).
 */
export function closestMatches(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate);
    const contains = (outer: string, inner: string) =>
      inner.length >= MIN_CONTAINED && outer.includes(inner);
    const related = contains(candidate, wanted) || contains(wanted, candidate);
    if (distance <= Math.max(2, Math.ceil(wanted.length / 3)) || related)
      scored.push({ candidate, distance });
  }
  return scored
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((s) => s.candidate);
}

/** `did you mean "a" or "b"?`, or a fallback listing what exists. */
export function suggest(wanted: string, candidates: readonly string[], what: string): string {
  const close = closestMatches(wanted, candidates);
  if (close.length > 0) return `did you mean ${close.map((c) => `"${c}"`).join(' or ')}?`;
  if (candidates.length === 0) return `there is no ${what} yet: create one first`;
  const shown = candidates
    .slice(0, 8)
    .map((c) => `"${c}"`)
    .join(', ');
  return `use one of the existing ${what} ids: ${shown}${candidates.length > 8 ? ', ...' : ''}`;
}
