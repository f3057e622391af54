import type { Translate } from './i18n/index.ts';
import type { EmotionScale } from './schema/report.ts';

export type EmotionTone = 'negative' | 'neutral' | 'positive';

/** The scale's neutral point: 3 on 1-5, 0 on -2..+2. */
export function neutralScore(scale: Pick<EmotionScale, 'min' | 'max'>): number {
  return (scale.min + scale.max) / 2;
}

/** Whether a score sits below, on or above the neutral point (within a tenth of the scale). */
export function emotionTone(score: number, scale: Pick<EmotionScale, 'min' | 'max'>): EmotionTone {
  const band = (scale.max - scale.min) / 10;
  const neutral = neutralScore(scale);
  if (score < neutral - band) return 'negative';
  if (score > neutral + band) return 'positive';
  return 'neutral';
}

/** The author's label for the nearest labelled score, or a word for the score's tone. */
export function emotionLabel(score: number, scale: EmotionScale, t: Translate): string {
  if (scale.labels.length === 0) return t(`emotion.${emotionTone(score, scale)}`);
  let best = scale.labels[0]!;
  for (const label of scale.labels) {
    if (Math.abs(label.score - score) < Math.abs(best.score - score)) best = label;
  }
  return best.label;
}

/** A symbol for the tone, so emotion never relies on colour alone. */
export const toneSymbol: Record<EmotionTone, string> = {
  negative: '▼',
  neutral: '●',
  positive: '▲',
};

/** Mean of scores, or undefined for none. */
export function averageScore(scores: readonly number[]): number | undefined {
  if (scores.length === 0) return undefined;
  return scores.reduce((sum, s) => sum + s, 0) / scores.length;
}
