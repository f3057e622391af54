/**
 * Downloads of the Mermaid journeys drawn inside MDX bodies: the data table under each sketch.
 * A sketch has no id of its own, so its download is named after a hash of its source: the page
 * and the endpoint, which both hold the source, find the same name.
 */
import type { Code } from 'mdast';
import { createHash } from 'node:crypto';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { mermaidCanvas } from '../canvas/mermaid.ts';
import type { Translate } from '../i18n/index.ts';
import { isMermaidJourney, parseMermaidJourney } from '../import/mermaid/parseJourney.ts';
import { remarkInternalBlocks } from '../remark/internalBlocks.ts';
import type { Audience } from '../schema/audience.ts';
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

/**
 * The Mermaid journeys an MDX body shows in an edition, read as the page's own MDX pipeline reads
 * them: a client edition drops `<Internal>` blocks first, so their sketches get no download.
 */
export function mermaidSketchesShown(body: string, audience: Audience): string[] {
  if (!/^[ \t]*(```|~~~)[ \t]*mermaid\b/m.test(body)) return [];
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkInternalBlocks, { audience, component: 'unused' });
  const sources: string[] = [];
  visit(processor.runSync(processor.parse(body)), 'code', (node: Code) => {
    if (node.lang === 'mermaid' && isMermaidJourney(node.value)) sources.push(node.value);
  });
  return sources;
}
