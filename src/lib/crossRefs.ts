import type { ReportSources } from './model.ts';
import { paths } from './routes.ts';
import { stageKey } from './sources.ts';

export const crossReferenceKinds = [
  'persona',
  'journey',
  'stage',
  'touchpoint',
  'channel',
  'kpi',
] as const;
export type CrossReferenceKind = (typeof crossReferenceKinds)[number];

/** `[[persona:giulia]]` or `[[touchpoint:cc-pickup-queue|the pick-up queue]]` in prose. */
export const CROSS_REFERENCE =
  /\[\[(persona|journey|stage|touchpoint|channel|kpi):([a-z0-9/-]+)(?:\|([^\]\n]+))?\]\]/g;

export interface CrossReference {
  kind: CrossReferenceKind;
  id: string;
  /** Link text the author chose; the entity's title otherwise. */
  label?: string;
  /** Offset of the `[[` in the text. */
  index: number;
  length: number;
}

/** Every cross-reference in a piece of text, in order. */
export function findCrossReferences(text: string): CrossReference[] {
  return [...text.matchAll(CROSS_REFERENCE)].map((m) => ({
    kind: m[1] as CrossReferenceKind,
    id: m[2]!,
    label: m[3]?.trim(),
    index: m.index,
    length: m[0].length,
  }));
}

export interface CrossReferenceTarget {
  /** Page path relative to the site base, with an anchor for KPIs. */
  path: string;
  title: string;
}

/** `kind:id` → page and title, for every entity a cross-reference can name. */
export type CrossReferenceIndex = Map<string, CrossReferenceTarget>;

export function buildCrossReferenceIndex(sources: ReportSources): CrossReferenceIndex {
  const index: CrossReferenceIndex = new Map();
  for (const p of sources.personas)
    index.set(`persona:${p.id}`, { path: paths.persona(p.id), title: p.data.name });
  for (const j of sources.journeys)
    index.set(`journey:${j.id}`, { path: paths.journey(j.id), title: j.data.title });
  for (const s of sources.stages)
    index.set(`stage:${stageKey(s.ref)}`, {
      path: paths.stage(s.ref.journey, s.ref.stage),
      title: s.data.name,
    });
  for (const t of sources.touchpoints)
    index.set(`touchpoint:${t.id}`, { path: paths.touchpoint(t.id), title: t.data.title });
  // Only channels with touchpoints have a page.
  const usedChannels = new Set(sources.touchpoints.map((t) => t.data.channel));
  for (const c of sources.channels)
    if (usedChannels.has(c.id))
      index.set(`channel:${c.id}`, { path: paths.channel(c.id), title: c.data.name });
  for (const k of sources.kpis)
    index.set(`kpi:${k.id}`, { path: paths.kpi(k.id), title: k.data.name });
  return index;
}

/** Replaces fenced code blocks with blank lines of the same count, so offsets of lines stay true. */
export function blankOutCodeFences(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) =>
    block.replace(/[^\n]/g, ' '),
  );
}
