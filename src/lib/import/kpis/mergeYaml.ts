/**
 * Merging dated values into a KPI list file (`journey:` + `kpis:`) through the `yaml` Document
 * API, so the author's comments and layout survive.
 */
import { isMap, isScalar, isSeq, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { isoDate } from '../../format.ts';
import type { KpiCsvRow } from './kpiRows.ts';
import { parseKpiDate } from './parseValues.ts';

export interface KpiUpdate {
  id: string;
  /** Samples with a date the history did not have. */
  added: number;
  /** Samples whose date was there with another value. */
  replaced: number;
  /** The KPI's value after the merge: the newest sample's. */
  value: number;
  /** Whether the file's `value` was changed. */
  valueChanged: boolean;
}

/** A KPI name as compared: one line, lower-case. */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function scalarText(node: unknown): string | undefined {
  const value = isScalar(node) ? node.value : node;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return isoDate(value);
  return undefined;
}

/** The KPI maps of a parsed KPI list file (`kpis:`), with their id and name. */
export function kpiNodes(doc: Document): { node: YAMLMap; id: string; name: string }[] {
  const list = doc.get('kpis');
  if (!isSeq(list)) return [];
  return list.items.flatMap((node) => {
    if (!isMap(node)) return [];
    const id = scalarText(node.get('id', true));
    if (!id) return [];
    return [{ node, id, name: scalarText(node.get('name', true)) ?? '' }];
  });
}

/**
 * Which of `kpis` the CSV text `key` names: the KPI whose id equals it (case aside), else the
 * one whose name equals it case-insensitively. Several name matches give all of them.
 */
export function matchKpis<T extends { id: string; name: string }>(kpis: T[], key: string): T[] {
  const wanted = normalizeName(key);
  const byId = kpis.filter((k) => k.id.toLowerCase() === wanted);
  if (byId.length > 0) return byId;
  return kpis.filter((k) => normalizeName(k.name) === wanted);
}

/** The day of a history entry, or `undefined` when it has none that can be read. */
function entryDay(entry: unknown): string | undefined {
  if (!isMap(entry)) return undefined;
  const text = scalarText(entry.get('date', true));
  const date = text === undefined ? undefined : parseKpiDate(text);
  return date ? isoDate(date) : undefined;
}

/** Adds or replaces one KPI's samples in its history, kept oldest first; says what changed. */
function mergeSamples(
  doc: Document,
  seq: YAMLSeq,
  rows: readonly KpiCsvRow[],
): { added: number; replaced: number; reordered: boolean } {
  let added = 0;
  let replaced = 0;
  for (const row of rows) {
    const day = isoDate(row.date);
    const existing = seq.items.find((entry) => entryDay(entry) === day);
    if (existing && isMap(existing)) {
      if (existing.get('value') !== row.value) {
        existing.set('value', row.value);
        replaced++;
      }
    } else {
      seq.items.push(doc.createNode({ date: day, value: row.value }));
      added++;
    }
  }
  // Entries whose date can't be read keep the file's order, after the others.
  const keyed = seq.items.map((entry, i) => ({ entry, i, day: entryDay(entry) ?? '\uffff' }));
  keyed.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.i - b.i));
  const reordered = keyed.some((k, i) => k.entry !== seq.items[i]);
  seq.items = keyed.map((k) => k.entry);
  return { added, replaced, reordered };
}

/** The value of the newest dated sample of a history. */
function newestValue(seq: YAMLSeq): number | undefined {
  const dated = seq.items.filter((entry) => entryDay(entry) !== undefined);
  const newest = dated.at(-1);
  const value = isMap(newest) ? newest.get('value') : undefined;
  return typeof value === 'number' ? value : undefined;
}

/**
 * Merges CSV rows into a parsed KPI list file, in place. A row belongs to the KPI whose `id`
 * equals its KPI text, or whose `name` does case-insensitively (rows that match no KPI of this
 * file, or several by name, are left out). Per KPI: a sample on a date already in `history`
 * replaces that value, others are added, the history is kept oldest first with dates written
 * YYYY-MM-DD, and `value` (when the file has one) becomes the newest sample's value. A KPI
 * without `value` keeps none, since the newest history sample is its value.
 */
export function mergeKpiHistory(
  doc: Document,
  rows: readonly KpiCsvRow[],
): { updated: KpiUpdate[]; changed: boolean } {
  const kpis = kpiNodes(doc);
  const byKpi = new Map<(typeof kpis)[number], KpiCsvRow[]>();
  for (const row of rows) {
    const matches = matchKpis(kpis, row.kpi);
    if (matches.length === 1) byKpi.set(matches[0]!, [...(byKpi.get(matches[0]!) ?? []), row]);
  }
  const updated: KpiUpdate[] = [];
  let changed = false;
  for (const [kpi, kpiRows] of byKpi) {
    let history = kpi.node.get('history');
    if (!isSeq(history)) {
      history = doc.createNode([]);
      kpi.node.set('history', history);
      changed = true;
    }
    const { added, replaced, reordered } = mergeSamples(doc, history as YAMLSeq, kpiRows);
    const value = newestValue(history as YAMLSeq) ?? kpiRows.at(-1)!.value;
    const valueChanged = kpi.node.has('value') && kpi.node.get('value') !== value;
    if (valueChanged) kpi.node.set('value', value);
    if (added > 0 || replaced > 0 || valueChanged || reordered) changed = true;
    updated.push({ id: kpi.id, added, replaced, value, valueChanged });
  }
  return { updated, changed };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One report line: `conversion-rate: +4 samples, 1 replaced, value now 3.1`. */
export function formatKpiUpdate(update: KpiUpdate): string {
  if (update.added === 0 && update.replaced === 0) {
    return update.valueChanged
      ? `${update.id}: history up to date, value now ${update.value}`
      : `${update.id}: up to date, value ${update.value}`;
  }
  const parts: string[] = [];
  if (update.added > 0) parts.push(`+${plural(update.added, 'sample')}`);
  if (update.replaced > 0) parts.push(`${update.replaced} replaced`);
  return `${update.id}: ${parts.join(', ')}, value now ${update.value}`;
}
