import type { Channel, Persona, SourceEntry } from '../model.ts';
import type { PersonaData } from '../schema/persona.ts';
import { byName, indexById, lookup } from './lookup.ts';

/** Personas by name, with their preferred channels; journeys add themselves when they are resolved. */
export function resolvePersonas(
  sources: readonly SourceEntry<PersonaData>[],
  channelById: Map<string, Channel>,
): { personas: Persona[]; personaById: Map<string, Persona> } {
  const personas: Persona[] = sources
    .map((p) => ({
      id: p.id,
      data: p.data,
      file: p.file,
      journeys: [],
      preferredChannels: p.data.preferredChannels.map((id) =>
        lookup(channelById, id, 'channel', p.file),
      ),
    }))
    .sort((a, b) => byName(a.data.name, b.data.name));
  return { personas, personaById: indexById(personas) };
}
