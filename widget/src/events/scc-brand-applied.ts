import type { EffectiveBrand } from '../api/types.js';

/** Detail of `scc-brand-applied`. */
export interface SccBrandAppliedDetail {
  /** The brand now shown, or null for the product's default look. */
  brand: EffectiveBrand;
  /** The `--scc-*` custom properties it set on the element (light variant), e.g. `--scc-color-primary`. */
  properties: Record<string, string>;
}

/**
 * Fired by the element whose `BrandController` applied a brand (after the session loaded, or
 * after an admin saved one). Host-set `--scc-*` properties on the element still win. Bubbles and
 * is composed.
 */
export type SccBrandAppliedEvent = CustomEvent<SccBrandAppliedDetail>;

export const SCC_BRAND_APPLIED = 'scc-brand-applied';

export function createBrandAppliedEvent(detail: SccBrandAppliedDetail): SccBrandAppliedEvent {
  return new CustomEvent<SccBrandAppliedDetail>(SCC_BRAND_APPLIED, { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-brand-applied': SccBrandAppliedEvent;
  }
}
