import type { Translate } from '../i18n/index.ts';
import type { Journey, Stage, Touchpoint } from '../model.ts';
import { builtInLanes, type BuiltInLane, type CanvasData } from '../schema/canvas.ts';
import type { ReportData } from '../schema/report.ts';
import type { TouchpointData } from '../schema/touchpoint.ts';

export interface CanvasLane {
  id: string;
  /** The author's label; built-in lanes without one take theirs from the translation tables. */
  label?: string;
  builtIn: boolean;
}

/** Text lanes whose per-touchpoint text is a touchpoint field. */
const touchpointFields: Partial<Record<BuiltInLane, (keyof TouchpointData)[]>> = {
  doing: ['does'],
  thinking: ['thinks'],
  feeling: ['feels'],
  frontstage: ['frontstage'],
  backstage: ['backstage'],
  support: ['support', 'systems'],
};

const isBuiltIn = (id: string): id is BuiltInLane =>
  (builtInLanes as readonly string[]).includes(id);

/** The lanes a journey's canvas asks for: the journey's own choice, else the report's, else every built-in lane. */
export function configuredLanes(
  journey: Pick<Journey, 'data'>,
  report: Pick<ReportData, 'canvas'>,
): CanvasLane[] {
  const canvas: CanvasData | undefined = journey.data.canvas ?? report.canvas;
  const lanes = canvas?.lanes ?? builtInLanes.map((id) => ({ id, label: undefined }));
  return lanes.map((lane) => ({ id: lane.id, label: lane.label, builtIn: isBuiltIn(lane.id) }));
}

/** A touchpoint's text for a lane, as lines; empty when it has none. */
export function touchpointLaneText(touchpoint: Pick<Touchpoint, 'data'>, laneId: string): string[] {
  const fields = isBuiltIn(laneId) ? touchpointFields[laneId] : undefined;
  if (!fields) return touchpoint.data.lanes[laneId] ?? [];
  return fields.flatMap((field) => {
    const value = touchpoint.data[field] as string | string[] | undefined;
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  });
}

/** Text of one cell of a text lane: the stage's own lines first, then each touchpoint's. */
export function laneCell(
  stage: Pick<Stage, 'data' | 'touchpoints'>,
  laneId: string,
): { stageLines: string[]; touchpoints: { touchpoint: Touchpoint; lines: string[] }[] } {
  return {
    stageLines: stage.data.lanes[laneId] ?? [],
    touchpoints: stage.touchpoints
      .map((touchpoint) => ({ touchpoint, lines: touchpointLaneText(touchpoint, laneId) }))
      .filter((cell) => cell.lines.length > 0),
  };
}

/** Whether a stage's cell in a lane has anything to show; the line of visibility is drawn in every stage. */
export function cellHasContent(
  stage: Pick<Stage, 'data' | 'touchpoints' | 'kpis'>,
  laneId: string,
): boolean {
  if ((stage.data.lanes[laneId]?.length ?? 0) > 0) return true;
  switch (laneId) {
    case 'touchpoints':
    case 'emotion':
      return stage.touchpoints.length > 0;
    case 'pain-points':
      return stage.touchpoints.some((t) => t.painPoints.length > 0);
    case 'opportunities':
      return stage.touchpoints.some((t) => t.opportunities.length > 0);
    case 'kpis':
      return stage.kpis.length > 0;
    case 'visibility':
      return true;
    default:
      return stage.touchpoints.some((t) => touchpointLaneText(t, laneId).length > 0);
  }
}

/** Whether any stage of the journey has content for a lane; the line of visibility goes with the frontstage or backstage. */
function laneHasContent(journey: Pick<Journey, 'stages'>, laneId: string): boolean {
  if (laneId === 'visibility')
    return ['frontstage', 'backstage'].some((id) => laneHasContent(journey, id));
  return journey.stages.some((stage) => cellHasContent(stage, laneId));
}

/** The lanes a journey's canvas draws: the configured ones that have content, in the configured order. */
export function canvasLanes(journey: Journey, report: Pick<ReportData, 'canvas'>): CanvasLane[] {
  return configuredLanes(journey, report).filter((lane) => laneHasContent(journey, lane.id));
}

/** A lane's name: the author's label, else the built-in lane's name in the report's language. */
export function laneLabel(lane: CanvasLane, t: Translate): string {
  if (lane.label) return lane.label;
  return isBuiltIn(lane.id) ? t(`lane.${lane.id}`) : lane.id;
}
