import type { BusinessUnit } from '../api/types.js';

export type BusinessUnitChangeAction = 'created' | 'updated' | 'moved' | 'deleted';

/** Detail of `scc-business-unit-change`. */
export interface SccBusinessUnitChangeDetail {
  action: BusinessUnitChangeAction;
  /** The unit as it is now (for `deleted`: as it was). */
  businessUnit: BusinessUnit;
  /** Units whose children changed: the tree reloads exactly these levels. */
  parentIds: string[];
}

/**
 * Fired by the admin screens after the server confirmed a change to a business unit.
 * Bubbles and is composed, so hosts receive it on `<service-control-center>`.
 */
export type SccBusinessUnitChangeEvent = CustomEvent<SccBusinessUnitChangeDetail>;

export const SCC_BUSINESS_UNIT_CHANGE = 'scc-business-unit-change';

export function createBusinessUnitChangeEvent(detail: SccBusinessUnitChangeDetail): SccBusinessUnitChangeEvent {
  return new CustomEvent<SccBusinessUnitChangeDetail>(SCC_BUSINESS_UNIT_CHANGE, {
    detail,
    bubbles: true,
    composed: true,
  });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-business-unit-change': SccBusinessUnitChangeEvent;
  }
}
