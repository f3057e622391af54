import type { EmotionTone } from '../emotion.ts';
import { el, type Attributes } from './svg.ts';

export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'triangle-down';

/** A marker of a given shape centred on (x, y) with radius r. */
export function marker(
  shape: MarkerShape,
  x: number,
  y: number,
  r: number,
  attrs: Attributes = {},
): string {
  switch (shape) {
    case 'circle':
      return el('circle', { cx: x, cy: y, r, ...attrs });
    case 'square':
      return el('rect', {
        x: x - r * 0.85,
        y: y - r * 0.85,
        width: r * 1.7,
        height: r * 1.7,
        ...attrs,
      });
    case 'diamond':
      return el('path', {
        d: path([
          [x, y - r],
          [x + r, y],
          [x, y + r],
          [x - r, y],
        ]),
        ...attrs,
      });
    case 'triangle':
      return el('path', {
        d: path([
          [x, y - r],
          [x + r, y + r * 0.8],
          [x - r, y + r * 0.8],
        ]),
        ...attrs,
      });
    case 'triangle-down':
      return el('path', {
        d: path([
          [x, y + r],
          [x + r, y - r * 0.8],
          [x - r, y - r * 0.8],
        ]),
        ...attrs,
      });
  }
}

function path(points: [number, number][]): string {
  return `${points.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${Math.round(px * 100) / 100},${Math.round(py * 100) / 100}`).join('')}Z`;
}

/** Emotion is shown by shape as well as colour: up for positive, circle for neutral, down for negative. */
export const toneShape: Record<EmotionTone, MarkerShape> = {
  positive: 'triangle',
  neutral: 'circle',
  negative: 'triangle-down',
};
