import type { UiKey } from './i18n/index.ts';
import en from './i18n/locales/en.ts';
import { anchors as allAnchors } from './routes.ts';

/** The kinds of entity that carry a "#" link, as named in its "Link to this …" text (`anchor.<kind>`). */
export type AnchorKind = {
  [Kind in keyof typeof allAnchors]: `anchor.${Kind}` extends UiKey ? Kind : never;
}[keyof typeof allAnchors];

/**
 * Element ids of the report's linkable entities (those with a "#" link beside them), declared by
 * their page types in the route registry (src/lib/routes.ts), so that pages, cross-references and
 * the "#" links agree. Ids carry their journey or touchpoint, so they stay unique on pages that
 * show several journeys (the print edition). Other ids (sections, print parts) are in `anchors`
 * of src/lib/routes.ts.
 */
export const anchors = Object.fromEntries(
  Object.entries(allAnchors).filter(([kind]) => Object.hasOwn(en, `anchor.${kind}`)),
) as Pick<typeof allAnchors, AnchorKind>;
