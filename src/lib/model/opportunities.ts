import type { OpportunityItem, Touchpoint } from '../model.ts';
import { anchors } from '../anchors.ts';
import { byName, lookup } from './lookup.ts';

/** A touchpoint's opportunities, with ids (the author's, else derived from the touchpoint) and value. */
function opportunitiesOf(touchpoint: Touchpoint): OpportunityItem[] {
  return touchpoint.data.opportunities.map((data, index) => ({
    id: data.id ?? `${touchpoint.id}-opportunity-${index + 1}`,
    anchor: anchors.opportunity(touchpoint.id, index, data.id),
    data,
    touchpoint,
    value: (data.customerValue + data.businessValue) / 2,
    addressedBy: [],
  }));
}

/**
 * Gives every touchpoint its opportunities, links the future-state touchpoints that `address`
 * them, and returns all of them by value (highest first), then effort (lowest first), then title.
 * `orderedTouchpoints` are in journey order, which breaks the remaining ties.
 */
export function resolveOpportunities(
  touchpoints: readonly Touchpoint[],
  orderedTouchpoints: readonly Touchpoint[],
): OpportunityItem[] {
  for (const touchpoint of touchpoints) touchpoint.opportunities = opportunitiesOf(touchpoint);
  // `addresses` names author ids only, so derived ids cannot be mistaken for one.
  const opportunityById = new Map(
    touchpoints
      .flatMap((t) => t.opportunities)
      .flatMap((o) => (o.data.id === undefined ? [] : [[o.data.id, o] as const])),
  );
  for (const touchpoint of touchpoints) {
    touchpoint.addresses = touchpoint.data.addresses.map((id) =>
      lookup(opportunityById, id, 'opportunity', touchpoint.file),
    );
    for (const opportunity of touchpoint.addresses) opportunity.addressedBy.push(touchpoint);
  }
  return orderedTouchpoints
    .flatMap((t) => t.opportunities)
    .sort(
      (a, b) =>
        b.value - a.value || a.data.effort - b.data.effort || byName(a.data.title, b.data.title),
    );
}
