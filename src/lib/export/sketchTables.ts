/**
 * Downloads of the Mermaid journeys drawn inside MDX bodies: the data table under each sketch.
 * A sketch has no id of its own, so its download is named after a hash of its source: the page
 * and the endpoint, which both hold the source, find the same name.
 */
import { createHash } from 'node:crypto';
import { mermaidCanvas } from '../canvas/mermaid.ts';
import type { Translate } from '../i18n/index.ts';
import { parseMermaidJourney } from '../import/mermaid/parseJourney.ts';
import { joinNames, type DataTable } from './tableModel.ts';

/**
 * A short, stable name for a sketch's download. Lines are trimmed and blank ones dropped first:
 * MDX hands the page the block without its indentation and last line break, the raw body keeps them.
 */
export function sketchId(source: string): string {
  const lines = source
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 12);
}

/** One row per task, section by section, with its 1-5 score as written. */
export function mermaidSketchDataTable(source: string, t: Translate): DataTable {
  const canvas = mermaidCanvas(parseMermaidJourney(source), 'download');
  const columns = [
    { key: 'section', header: t('table.section') },
    { key: 'task', header: t('table.task') },
    { key: 'score', header: t('table.score') },
    { key: 'actors', header: t('table.actors') },
  ];
  const rows = canvas.stages.flatMap((stage) =>
    stage.tasks.map((task) => ({
      section: stage.name,
      task: task.name,
      score: task.score,
      actors: joinNames(task.actors),
    })),
  );
  return { columns, rows };
}
