import type { Translate } from '../i18n/index.ts';
import { defaultPhaseIds, type DefaultPhaseId, type Phase } from '../schema/lifecycle.ts';

/**
 * Words (English and Italian, accents removed) that place a stage in a default phase. A stem
 * matches any word it starts; a word in `exact` only matches whole, as short stems would catch
 * unrelated words ("use" in "user").
 */
const phaseWords: Record<DefaultPhaseId, { stems: string[]; exact: string[] }> = {
  awareness: {
    stems: [
      'aware',
      'discover',
      'inspir',
      'trigger',
      'notic',
      'attention',
      'scopert',
      'scopr',
      'ispira',
      'bisogn',
      'consapevol',
      'notoriet',
      'conoscenz',
    ],
    exact: ['need', 'needs', 'idea', 'ideas'],
  },
  consideration: {
    stems: [
      'consider',
      'research',
      'compar',
      'evaluat',
      'explor',
      'brows',
      'choos',
      'choice',
      'select',
      'shortlist',
      'fitting',
      'decision',
      'decid',
      'ricerc',
      'confront',
      'valuta',
      'scelt',
      'sceglie',
      'selezion',
      'prova',
      'esplor',
    ],
    exact: ['try', 'tries', 'trial', 'search'],
  },
  purchase: {
    stems: [
      'purchas',
      'buy',
      'bought',
      'order',
      'checkout',
      'payment',
      'paying',
      'booking',
      'acquist',
      'compra',
      'ordin',
      'preordin',
      'pagament',
      'cassa',
      'prenota',
    ],
    exact: ['pay', 'book', 'paga'],
  },
  fulfilment: {
    stems: [
      'fulfil',
      'deliver',
      'collect',
      'pickup',
      'pick-up',
      'shipping',
      'dispatch',
      'receiv',
      'unbox',
      'waiting',
      'ritir',
      'consegn',
      'spedizion',
      'attesa',
      'ricev',
    ],
    exact: ['pick', 'ship', 'wait', 'collection'],
  },
  use: {
    stems: ['usage', 'using', 'wear', 'onboard', 'install', 'utilizz', 'indoss'],
    exact: ['use', 'uses', 'uso', 'usa', 'setup'],
  },
  support: {
    stems: [
      'support',
      'help',
      'return',
      'refund',
      'exchang',
      'complain',
      'complaint',
      'assist',
      'repair',
      'aftercare',
      'assistenz',
      'supporto',
      'rimbors',
      'reclam',
      'riparaz',
      'aiut',
    ],
    exact: ['service', 'reso', 'resi', 'cambio'],
  },
  loyalty: {
    stems: [
      'loyal',
      'advoca',
      'repeat',
      'retent',
      'review',
      'recommend',
      'referr',
      'renew',
      'rebuy',
      'fideli',
      'fedelt',
      'riacquist',
      'passaparola',
      'recension',
      'consiglia',
    ],
    exact: [],
  },
};

const defaultPhases: Pick<Phase, 'id'>[] = defaultPhaseIds.map((id) => ({ id }));

/** Lower-case words without accents: "Fidelizzazione & Ritiro" → ["fidelizzazione", "ritiro"]. */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter(Boolean);
}

/**
 * The phase a stage name suggests, among the phases the report's lifecycle has: the phase of
 * the first word that names one ("Order and pay" → purchase), or undefined when none does.
 * A suggestion only: authors confirm it.
 */
export function suggestPhase(
  stageName: string,
  lifecycle: readonly Pick<Phase, 'id'>[] = defaultPhases,
): string | undefined {
  const available = new Set(lifecycle.map((p) => p.id));
  for (const word of words(stageName)) {
    for (const id of defaultPhaseIds) {
      if (!available.has(id)) continue;
      const { stems, exact } = phaseWords[id];
      if (exact.includes(word) || stems.some((stem) => word.startsWith(stem))) return id;
    }
  }
  return undefined;
}

/** Whether an id is one of the seven built-in phases (which have names in every language). */
export function isDefaultPhase(id: string): id is DefaultPhaseId {
  return (defaultPhaseIds as readonly string[]).includes(id);
}

/** The heading of a phase: the report's name for it, else the built-in name, else its id. */
export function phaseName(phase: Phase, t: Translate): string {
  if (phase.name !== undefined) return phase.name;
  return isDefaultPhase(phase.id) ? t(`phase.${phase.id}`) : phase.id;
}

/** The YAML comment that marks a suggested phase, so authors check it. */
export const SUGGESTED_PHASE_COMMENT = 'suggested from the name: check it';

/**
 * The `phase:` line of a new stage's frontmatter: a suggestion from its name, marked as one,
 * or a commented-out line naming the choices when the name suggests none (never a silent guess).
 */
export function suggestedPhaseLine(
  stageName: string,
  lifecycle: readonly Pick<Phase, 'id'>[] = defaultPhases,
): { line: string; phase: string | undefined } {
  const phase = suggestPhase(stageName, lifecycle);
  if (phase !== undefined)
    return { line: `phase: ${phase}   # ${SUGGESTED_PHASE_COMMENT}\n`, phase };
  return {
    line: `# phase: no phase suggested from the name; pick one of ${lifecycle.map((p) => p.id).join(', ')}\n`,
    phase,
  };
}
