/**
 * Journeys the overview summarises one by one, each with its emotion timeline and stage strip.
 * A larger portfolio gets the journeys table there instead: a summary is about 16 KB of HTML,
 * so 200 of them made an overview of 3 MB that no reader scrolls through (docs/performance.md).
 */
export const OVERVIEW_JOURNEY_SUMMARIES = 12;

/** Whether the overview summarises each journey (else it shows the journeys table). */
export function summarisesEachJourney(journeyCount: number): boolean {
  return journeyCount <= OVERVIEW_JOURNEY_SUMMARIES;
}
