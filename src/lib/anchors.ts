import type { UiKey } from './i18n/index.ts';
import { anchors } from './routes.ts';

/**
 * Element ids of the report's linkable entities, declared by their page types in the route
 * registry (src/lib/routes.ts), so that pages, cross-references and the "#" links next to each
 * entity agree. Ids carry their journey or touchpoint, so they stay unique on pages that show
 * several journeys (the print edition).
 */
export { anchors };

/** The kinds of entity that carry a "#" link, as named in its "Link to this …" text (`anchor.<kind>`). */
export type AnchorKind = { [Kind in keyof typeof anchors]: `anchor.${Kind}` extends UiKey ? Kind : never }[keyof typeof anchors];
