/**
 * Element ids of the report's linkable entities, built in one place so that pages, cross-references
 * and the "#" links next to each entity agree. Ids carry their journey or touchpoint, so they stay
 * unique on pages that show several journeys (the print edition).
 */
export const anchors = {
  stage: (journeyId: string, stageId: string) => `stage-${journeyId}-${stageId}`,
  touchpoint: (touchpointId: string) => `touchpoint-${touchpointId}`,
  /** `index` counts from 0 in the touchpoint's list of pain points. */
  painPoint: (touchpointId: string, index: number) => `${touchpointId}-pain-${index + 1}`,
  /** An opportunity with an id of its own keeps it; one without is numbered within its touchpoint (`index` from 0). */
  opportunity: (touchpointId: string, index: number, opportunityId?: string) =>
    opportunityId === undefined ? `${touchpointId}-opportunity-${index + 1}` : `opportunity-${opportunityId}`,
  kpi: (kpiId: string) => `kpi-${kpiId}`,
} as const;

/** The kinds of entity that carry an anchor, as named in the "Link to this …" text. */
export type AnchorKind = keyof typeof anchors;
