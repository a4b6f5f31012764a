import {
  SERVICE_TOKEN_TTL_SECONDS,
  type ServiceSigningKey,
  type ServiceTokenClaims,
  signServiceToken,
} from '@scc/contracts/service-token';
import { BoundedCache } from '../bounded-cache.js';

/**
 * A token is handed out only while at least this much of its minute is left: more than a call
 * may take (the cockpit timeout is 10 s by default) plus clock skew, so the cockpit never sees it
 * expired.
 */
export const SERVICE_TOKEN_RENEW_BEFORE_SECONDS = 30;
/** Callers remembered: far more than act through one BFF process within half a minute. */
export const DEFAULT_SERVICE_TOKENS_CACHED = 10_000;

export type ServiceTokenSigner = (claims: ServiceTokenClaims) => Promise<string>;

/**
 * Signs one service token per caller (the same claims) and hands it out again while it has
 * enough life left, instead of an ES256 signature per cockpit call. Concurrent first calls of a
 * caller share one signature.
 */
export function serviceTokenSigner(
  signingKey: ServiceSigningKey,
  options: { now?: () => Date; maxCallers?: number } = {},
): ServiceTokenSigner {
  const now = options.now ?? (() => new Date());
  const tokens = new BoundedCache<string, { token: Promise<string>; renewAt: number }>(
    options.maxCallers ?? DEFAULT_SERVICE_TOKENS_CACHED,
  );
  return (claims) => {
    const caller = callerKey(claims);
    const at = now().getTime();
    const held = tokens.get(caller);
    if (held && at < held.renewAt) return held.token;
    const issuedAt = Math.floor(at / 1000);
    const entry = {
      token: signServiceToken(signingKey, claims, new Date(issuedAt * 1000)),
      renewAt: (issuedAt + SERVICE_TOKEN_TTL_SECONDS - SERVICE_TOKEN_RENEW_BEFORE_SECONDS) * 1000,
    };
    tokens.set(caller, entry);
    entry.token.catch(() => {
      if (tokens.get(caller) === entry) tokens.delete(caller);
    });
    return entry.token;
  };
}

/** Every claim the token carries, so two callers share a token only when it would say the same. */
function callerKey(claims: ServiceTokenClaims): string {
  return JSON.stringify([
    claims.sub ?? null,
    claims.email ?? null,
    claims.businessUnitId,
    claims.homeBusinessUnitId,
    claims.hostId,
    claims.sessionId ?? null,
    claims.actsAsHost ?? false,
  ]);
}
