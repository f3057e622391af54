import type { Journey, Persona, SourceEntry } from '../model.ts';
import type { JourneyData } from '../schema/journey.ts';
import { byName, indexById, lookup } from './lookup.ts';

/**
 * Journeys by title, linked to their personas (and back) and to the current-state journey a
 * future state improves (and back). Stages, touchpoints and KPIs fill in later.
 */
export function resolveJourneys(
  sources: readonly SourceEntry<JourneyData>[],
  personaById: Map<string, Persona>,
): { journeys: Journey[]; journeyById: Map<string, Journey> } {
  const journeys: Journey[] = sources
    .map((j) => ({
      id: j.id,
      data: j.data,
      file: j.file,
      personas: j.data.personas.map((id) => lookup(personaById, id, 'persona', j.file)),
      stages: [],
      touchpoints: [],
      kpis: [],
      improvedBy: [],
    }))
    .sort((a, b) => byName(a.data.title, b.data.title));
  const journeyById = indexById(journeys);
  for (const journey of journeys) {
    for (const persona of journey.personas) persona.journeys.push(journey);
    if (journey.data.improves === undefined) continue;
    journey.improves = lookup(journeyById, journey.data.improves, 'journey', journey.file);
    journey.improves.improvedBy.push(journey);
  }
  return { journeys, journeyById };
}
