import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  contentReferenceFile,
  contentReferenceMarkdown,
} from '../src/lib/docs/contentReference.ts';
import { SchemaDocs, schemaIndexFile } from '../src/lib/docs/schemaDocs.ts';

// One TypeScript program for the whole file: building it is the slow part.
const docs = new SchemaDocs(schemaIndexFile());
const generated = contentReferenceMarkdown(docs);

describe('docs/reference/content.md', () => {
  it('is what `npm run docs:reference` writes from the schemas today', () => {
    const committed = readFileSync(contentReferenceFile(), 'utf8');
    expect(
      committed === generated,
      'docs/reference/content.md is out of date with src/lib/schema: run `npm run docs:reference` and commit the result',
    ).toBe(true);
  });

  it('documents fields with their JSDoc, type, default and allowed values', () => {
    expect(generated).toContain(
      '| `emotionScale.labels[].score` | number | required |  | A score on the emotion scale. |',
    );
    expect(generated).toContain(
      '| `kpis[].direction` | one of | default `higher-is-better` | `higher-is-better`, `lower-is-better` |',
    );
    expect(generated).toContain(
      '| `touchpoints[].opportunities[].effort` | number | required | ≥ 1, ≤ 5 | Effort to deliver, 1-5. |',
    );
    expect(generated).toContain('| `emotionByPersona` | map of id → number | default `{}` |');
  });

  it('has a row for every field of every content file, nested ones included', () => {
    const rows = generated.split('\n').filter((line) => line.startsWith('| `'));
    for (const path of [
      'title',
      'branding.font',
      'researchSources[].method',
      'empathyMap.does',
      'canvas.lanes[].label',
      'lanes',
      'touchpoints[].evidence[].strength',
      'kpis[].history[].date',
      'channels[].icon',
    ]) {
      expect(
        rows.some((row) => row.startsWith(`| \`${path}\``)),
        path,
      ).toBe(true);
    }
  });
});
