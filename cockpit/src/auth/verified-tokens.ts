import { createHash } from 'node:crypto';
import type { ServiceTokenClaims, ServiceTokenVerifier } from '@scc/contracts/service-token';
import { decodeJwt } from 'jose';

/** Enough for every caller of a busy minute; the oldest entry makes room for a new one. */
const DEFAULT_MAX_ENTRIES = 10_000;
/** The verifier refuses tokens older than this (`maxTokenAge`), whatever their `exp` says. */
const MAX_TOKEN_AGE_SECONDS = 90;

/**
 * Verifies each distinct service token once and remembers its claims until it expires. A BFF
 * signs one token per caller and reuses it while it is valid, so most requests would otherwise
 * repeat the same ES256 verification. Keyed by the token's hash, so the cache holds no usable
 * token; a token that fails verification is not remembered and fails again on every request.
 */
export function cachingVerifier(
  verify: ServiceTokenVerifier,
  options: { maxEntries?: number; now?: () => number } = {},
): ServiceTokenVerifier {
  const { maxEntries = DEFAULT_MAX_ENTRIES, now = Date.now } = options;
  const verified = new Map<string, { claims: ServiceTokenClaims; expiresAt: number }>();
  return async (token) => {
    const key = createHash('sha256').update(token).digest('base64url');
    const hit = verified.get(key);
    if (hit && now() < hit.expiresAt) return hit.claims;
    verified.delete(key);
    const claims = await verify(token);
    // The verifier required `exp` and `iat`; read only after the signature held.
    const { exp, iat } = decodeJwt(token);
    if (typeof exp === 'number' && typeof iat === 'number') {
      // Tokens live a minute, so the entry verified longest ago is also about the first to expire.
      if (verified.size >= maxEntries) verified.delete(verified.keys().next().value as string);
      verified.set(key, { claims, expiresAt: Math.min(exp, iat + MAX_TOKEN_AGE_SECONDS) * 1000 });
    }
    return claims;
  };
}
