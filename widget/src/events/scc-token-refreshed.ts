/** Detail of `scc-token-refreshed`. */
export interface SccTokenRefreshedDetail {
  /** Expiry of the new token (epoch ms), when the token carries a readable `exp`. */
  expiresAt: number | undefined;
}

/**
 * The widget fetched a new token from the host's `fetchToken` (the first one, one before expiry, or
 * one replacing a token the BFF refused). Never carries the token itself. Bubbles and is composed.
 */
export type SccTokenRefreshedEvent = CustomEvent<SccTokenRefreshedDetail>;

export const SCC_TOKEN_REFRESHED = 'scc-token-refreshed';

export function createTokenRefreshedEvent(expiresAt: number | undefined): SccTokenRefreshedEvent {
  return new CustomEvent<SccTokenRefreshedDetail>(SCC_TOKEN_REFRESHED, {
    detail: { expiresAt },
    bubbles: true,
    composed: true,
  });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-token-refreshed': SccTokenRefreshedEvent;
  }
}
