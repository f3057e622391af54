import { layoutCanvasCurve } from '../lib/canvas/curve.ts';
import { canvasCurveInput, canvasSvgLanes, canvasSvgStages } from '../lib/canvas/journey.ts';
import { canvasLanes } from '../lib/canvas/lanes.ts';
import { buildCanvasSvg } from '../lib/canvas/svg.ts';
import type { Journey } from '../lib/model.ts';
import { getBranding } from './branding.ts';
import { getTranslator } from './i18n.ts';
import { getReport } from './report.ts';

/** A journey's canvas as a standalone SVG file. */
export async function journeyCanvasSvg(journey: Journey): Promise<string> {
  const [report, branding, t] = await Promise.all([getReport(), getBranding(), getTranslator()]);
  const lanes = canvasLanes(journey, report.data);
  return buildCanvasSvg({
    id: `canvas-${journey.id}`,
    title: `${t('canvas.title')}: ${journey.data.title}`,
    description: t('canvas.region', { journey: journey.data.title }),
    stages: canvasSvgStages(journey),
    lanes: canvasSvgLanes(journey, lanes, t),
    curve: layoutCanvasCurve(canvasCurveInput(journey, report.data.emotionScale)),
    colors: branding.seriesColors,
    primary: branding.primary.used,
  });
}
