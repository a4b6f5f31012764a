import type { UnitBrand } from '../api/types.js';

/** Detail of `scc-brand-change`. */
export interface SccBrandChangeDetail {
  businessUnitId: string;
  /** The unit's own brand (null: cleared), the brand it shows now, and contrast warnings. */
  brand: UnitBrand;
}

/**
 * Fired by `<scc-brand-editor>` after the server saved or cleared a unit's brand, so the element
 * showing the acting unit's brand can apply it again. Bubbles and is composed.
 */
export type SccBrandChangeEvent = CustomEvent<SccBrandChangeDetail>;

export const SCC_BRAND_CHANGE = 'scc-brand-change';

export function createBrandChangeEvent(detail: SccBrandChangeDetail): SccBrandChangeEvent {
  return new CustomEvent<SccBrandChangeDetail>(SCC_BRAND_CHANGE, { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-brand-change': SccBrandChangeEvent;
  }
}
