/**
 * A journey of the report as a Mermaid user journey (https://mermaid.js.org/syntax/userJourney.html):
 * one section per stage, one task per touchpoint, scored on Mermaid's 1-5. Pure: no I/O.
 */
import type { Journey } from '../../model.ts';
import { mapScore, MERMAID_SCALE, type ScoreRange } from './toContent.ts';

/**
 * Text Mermaid can hold on one line of a journey: its grammar ends a task name at ":", a title
 * or section at "#" or ";", and anything at "%%". Those become look-alikes, so no word is lost.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/:/g, '꞉')
    .replace(/;/g, ',')
    .replace(/#/g, '＃')
    .replace(/%%/g, '%');
}

/** The journey as a Mermaid diagram; emotion scores are mapped linearly from the report's scale onto 1-5. */
export function journeyToMermaid(journey: Journey, scale: ScoreRange): string {
  const actors = journey.personas
    .map((p) => mermaidText(p.data.name).replace(/,/g, ' '))
    .join(', ');
  const lines = [
    'journey',
    `  title ${mermaidText(journey.data.title)}`,
    `  accDescr: ${mermaidText(journey.data.scenario)}`,
  ];
  for (const stage of journey.stages) {
    lines.push(`  section ${mermaidText(stage.data.name)}`);
    for (const touchpoint of stage.touchpoints) {
      const score = mapScore(touchpoint.data.emotion, MERMAID_SCALE, scale);
      lines.push(
        `    ${mermaidText(touchpoint.data.title)}: ${score}${actors ? `: ${actors}` : ''}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
