import type { omnichannelPatterns, researchMethods } from './schema/index.ts';

/** Words for the model's enum values, as readers see them. */
export const patternLabels: Record<(typeof omnichannelPatterns)[number], string> = {
  'research-online-purchase-offline': 'Research online, purchase offline (ROPO)',
  'click-and-collect': 'Click & collect',
  'try-in-store-buy-online': 'Try in store, buy online',
  'online-only': 'Online only',
  'offline-only': 'Offline only',
};

export const methodLabels: Record<(typeof researchMethods)[number], string> = {
  interviews: 'Interviews',
  survey: 'Survey',
  'web-analytics': 'Web analytics',
  'social-listening': 'Social listening',
  'store-observation': 'Store observation',
  'email-analysis': 'E-mail analysis',
  'usability-test': 'Usability test',
  'desk-research': 'Desk research',
  other: 'Other',
};

export const stateLabels = { current: 'Current state', future: 'Future state' } as const;
