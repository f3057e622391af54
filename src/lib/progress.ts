/**
 * A progress line for a long step: items done, rate and an estimate of the time left from the
 * rate so far (`preview cards: 400/1889 (52 cards/s, about 29 s left)`).
 */
export function progressLine(
  step: string,
  unit: string,
  done: number,
  total: number,
  elapsedMs: number,
): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 ? Math.ceil((total - done) / rate) : undefined;
  const estimate = left === undefined ? '' : `, about ${left} s left`;
  return `${step}: ${done}/${total} (${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} ${unit}/s${estimate})`;
}

/** Reports progress about every tenth of the way (and at least every `maxItems` items). */
export function progressEvery(total: number, maxItems = 500): number {
  return Math.max(1, Math.min(maxItems, Math.ceil(total / 10)));
}
