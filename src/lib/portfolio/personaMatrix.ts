import { averageScore } from '../emotion.ts';
import type { Journey, Persona, Touchpoint } from '../model.ts';
import { pageOf } from './heatmap.ts';

/** How one persona fares in one journey. */
export interface PersonaJourneyCell {
  persona: Persona;
  journey: Journey;
  /** Mean of the persona's scores (`emotionByPersona`, else the touchpoint's emotion). */
  meanEmotion: number | undefined;
  /** The persona's lowest moment: the first touchpoint with the lowest score. */
  lowest: { touchpoint: Touchpoint; score: number } | undefined;
}

export interface PersonaMatrixRow {
  persona: Persona;
  /** One entry per journey column; undefined where the persona does not take the journey. */
  cells: (PersonaJourneyCell | undefined)[];
}

/** A touchpoint's score for a persona: their own score when the author gave one. */
export function personaScore(touchpoint: Touchpoint, persona: Persona): number {
  return touchpoint.data.emotionByPersona[persona.id] ?? touchpoint.data.emotion;
}

export function personaJourneyCell(persona: Persona, journey: Journey): PersonaJourneyCell {
  let lowest: PersonaJourneyCell['lowest'];
  for (const touchpoint of journey.touchpoints) {
    const score = personaScore(touchpoint, persona);
    if (lowest === undefined || score < lowest.score) lowest = { touchpoint, score };
  }
  return {
    persona,
    journey,
    meanEmotion: averageScore(journey.touchpoints.map((t) => personaScore(t, persona))),
    lowest,
  };
}

/** Personas as rows, the given journeys as columns; only personas who take one of them. */
export function personaMatrix(
  journeys: readonly Journey[],
  personas: readonly Persona[],
): PersonaMatrixRow[] {
  const shown = new Set(journeys);
  return personas
    .filter((persona) => persona.journeys.some((j) => shown.has(j)))
    .map((persona) => ({
      persona,
      cells: journeys.map((journey) =>
        journey.personas.includes(persona) ? personaJourneyCell(persona, journey) : undefined,
      ),
    }));
}

/** Journey columns per matrix page, so the matrix stays readable at 200 journeys. */
export const PERSONA_MATRIX_PAGE_SIZE = 12;

/** How many pages the matrix takes: journeys are columns, a page's worth at a time. */
export const personaMatrixPages = (journeys: readonly Journey[]): number =>
  Math.max(1, Math.ceil(journeys.length / PERSONA_MATRIX_PAGE_SIZE));

/** One matrix page (1-based): its journey columns and its persona rows. */
export function personaMatrixPage(
  journeys: readonly Journey[],
  personas: readonly Persona[],
  page: number,
): { journeys: Journey[]; rows: PersonaMatrixRow[] } {
  const shown = pageOf(journeys, page, PERSONA_MATRIX_PAGE_SIZE);
  return { journeys: shown, rows: personaMatrix(shown, personas) };
}
