import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Problem } from '../../problems.ts';
import { duplicateIdProblems, referenceProblems, type RuleContext } from './context.ts';

/** Personas: unique ids, known preferred channels, an avatar that exists and has a text alternative. */
export function personaRules(ctx: RuleContext): Problem[] {
  const { sources, at, projectRoot } = ctx;
  const problems = duplicateIdProblems(ctx, 'persona', sources.personas);
  for (const persona of sources.personas) {
    persona.data.preferredChannels.forEach((channel, i) =>
      problems.push(
        ...referenceProblems(ctx, persona, ['preferredChannels', i], 'channel', channel),
      ),
    );
    if (persona.data.avatar === undefined) continue;
    if (!existsSync(join(projectRoot, dirname(persona.file), persona.data.avatar))) {
      problems.push(
        at(persona, ['avatar'], {
          message: 'image file not found',
          found: `"${persona.data.avatar}"`,
          expected: 'a path relative to the persona file, e.g. "./giulia.jpg"',
          hint: 'check the file name and folder',
        }),
      );
    }
    if (persona.data.avatarAlt === undefined) {
      problems.push(
        at(persona, ['avatar'], {
          message: 'the avatar has no text alternative',
          hint: 'add "avatarAlt:" describing the picture for screen-reader users',
        }),
      );
    }
  }
  return problems;
}
