import type { EmotionTone } from '../emotion.ts';

/**
 * Colours from the Okabe-Ito palette (safe for the common colour-vision deficiencies), darkened
 * where needed to keep at least 3:1 against white for marks and 4.5:1 for text.
 */
export const toneColor: Record<EmotionTone, string> = {
  negative: '#b8460b',
  neutral: '#5f6b7a',
  positive: '#00795c',
};

/** Series colours for overlays; each series also gets its own dash pattern and marker shape. */
export const seriesColors = ['#1d4e89', '#b8460b', '#00795c', '#7a3d8f', '#8a6d00'] as const;
export const seriesDashes = ['', '6 4', '2 3', '10 3 2 3', '1 5'] as const;
export const seriesShapes = ['circle', 'square', 'diamond', 'triangle', 'circle'] as const;

export const chartInk = '#1b1f24';
export const chartMuted = '#4d5761';
export const chartGrid = '#d0d7de';
export const chartBand = '#f1f4f8';
