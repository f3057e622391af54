import type { CrossReferenceKind } from '../crossRefs.ts';
import { slugify } from '../scaffold.ts';
import { stageKey, type StageRef } from '../sources.ts';

export type FailedKind = CrossReferenceKind | 'opportunity';

type Raw = Record<string, unknown>;

/** An id as written and as the id it was meant to be (`Giulia` → `giulia`): references may use either. */
const forms = (id: string): string[] => [id, slugify(id)];

/** A stage's key as written and as meant, part by part (`Shop/Buy` → `shop/buy`). */
const stageForms = ({ journey, stage }: StageRef): string[] => [
  stageKey({ journey, stage }),
  stageKey({ journey: slugify(journey), stage: slugify(stage) }),
];

export const isRecord = (value: unknown): value is Raw =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Entries that are in the content but failed validation (a bad file name, a wrong field). What
 * refers to them is not wrong: reporting it would only repeat the entry's own error, with advice
 * that sends the author elsewhere. The rules ask here before they complain about a reference.
 */
export class FailedEntries {
  private readonly ids = new Map<FailedKind, Set<string>>();
  /** Journey/stage keys that a failed touchpoint names: those stages are not empty. */
  private readonly touchpointStages = new Set<string>();
  /** Journeys that a failed stage names: those journeys are not without stages. */
  private readonly stageJourneys = new Set<string>();

  add(kind: FailedKind, id: unknown): void {
    if (typeof id !== 'string' || id === '') return;
    this.addForms(kind, forms(id));
  }

  private addForms(kind: FailedKind, ids: readonly string[]): void {
    const set = this.ids.get(kind) ?? new Set<string>();
    for (const form of ids) set.add(form);
    this.ids.set(kind, set);
  }

  /** Whether an entry of this kind failed; a stage is asked for by its key, as cross-references name it. */
  has(kind: FailedKind, id: string): boolean {
    return this.ids.get(kind)?.has(id) ?? false;
  }

  hasStage(ref: StageRef): boolean {
    return this.has('stage', stageKey(ref));
  }

  /** A stage file that failed; `raw` is what its frontmatter holds. */
  addStage(id: string, raw: unknown): void {
    if (!isRecord(raw) || typeof raw.journey !== 'string') return;
    for (const journey of forms(raw.journey)) this.stageJourneys.add(journey);
    this.addForms('stage', stageForms({ journey: raw.journey, stage: id }));
  }

  /** A touchpoint (file or list item) that failed, with the journey it belongs to when known. */
  addTouchpoint(id: unknown, raw: unknown, journey: unknown): void {
    this.add('touchpoint', id);
    if (!isRecord(raw)) return;
    if (typeof journey === 'string' && typeof raw.stage === 'string')
      for (const key of stageForms({ journey, stage: raw.stage })) this.touchpointStages.add(key);
    if (Array.isArray(raw.opportunities))
      for (const opportunity of raw.opportunities)
        if (isRecord(opportunity)) this.add('opportunity', opportunity.id);
  }

  hasStageIn(journey: string): boolean {
    return this.stageJourneys.has(journey);
  }

  hasTouchpointIn(stage: StageRef): boolean {
    return this.touchpointStages.has(stageKey(stage));
  }
}
