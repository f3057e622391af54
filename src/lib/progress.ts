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

/** What a progress reporter needs: the step's words, its size, where lines go, and a clock. */
export interface ProgressOptions {
  step: string;
  unit: string;
  total: number;
  log: (line: string) => void;
  /** Time between two lines, and before the first: a step shorter than this prints none. */
  intervalMs?: number;
  now?: () => number;
}

/** A function to call with the items done so far; it logs a progress line at most once per interval. */
export function progressReporter(options: ProgressOptions): (done: number) => void {
  const { step, unit, total, log, intervalMs = 1000, now = () => performance.now() } = options;
  const started = now();
  let last = started;
  return (done) => {
    const at = now();
    if (done >= total || at - last < intervalMs) return;
    last = at;
    log(progressLine(step, unit, done, total, at - started));
  };
}
