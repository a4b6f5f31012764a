/** Detail of `scc-business-unit-select`. */
export interface SccBusinessUnitSelectDetail {
  businessUnitId: string;
}

/**
 * Fired when the user selects a business unit in the tree (click, Enter or Space).
 * Bubbles and is composed, so hosts receive it on `<service-control-center>`.
 */
export type SccBusinessUnitSelectEvent = CustomEvent<SccBusinessUnitSelectDetail>;

export const SCC_BUSINESS_UNIT_SELECT = 'scc-business-unit-select';

export function createBusinessUnitSelectEvent(businessUnitId: string): SccBusinessUnitSelectEvent {
  return new CustomEvent<SccBusinessUnitSelectDetail>(SCC_BUSINESS_UNIT_SELECT, {
    detail: { businessUnitId },
    bubbles: true,
    composed: true,
  });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-business-unit-select': SccBusinessUnitSelectEvent;
  }
}
