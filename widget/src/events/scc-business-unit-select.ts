import type { BusinessUnitRef } from '../api/types.js';

/** Detail of `scc-business-unit-select`. */
export interface SccBusinessUnitSelectDetail {
  businessUnitId: string;
  /** When known (search results, breadcrumbs): the caller's unit down to the selected one. */
  path?: BusinessUnitRef[];
}

/**
 * Fired when the user selects a business unit in the tree (click, Enter or Space), a search
 * result or a breadcrumb.
 * Bubbles and is composed, so hosts receive it on `<service-control-center>`.
 */
export type SccBusinessUnitSelectEvent = CustomEvent<SccBusinessUnitSelectDetail>;

export const SCC_BUSINESS_UNIT_SELECT = 'scc-business-unit-select';

export function createBusinessUnitSelectEvent(
  businessUnitId: string,
  path?: BusinessUnitRef[],
): SccBusinessUnitSelectEvent {
  return new CustomEvent<SccBusinessUnitSelectDetail>(SCC_BUSINESS_UNIT_SELECT, {
    detail: path ? { businessUnitId, path } : { businessUnitId },
    bubbles: true,
    composed: true,
  });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-business-unit-select': SccBusinessUnitSelectEvent;
  }
}
