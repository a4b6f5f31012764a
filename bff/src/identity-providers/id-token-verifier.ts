import type { IdentityProvider } from '@scc/contracts/identity-providers';
import { ProblemError, problem } from '@scc/contracts/problem';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import { BoundedCache } from '../bounded-cache.js';

export interface IdTokenVerifierOptions {
  /**
   * How soon after a fetch an unknown `kid` makes the BFF fetch the provider's keys again (a key
   * rotated in at the IdP is picked up at its first use after this); default 30 s, so forged kids
   * cannot make the BFF hammer the IdP.
   */
  jwksCooldownMs?: number;
  /** How long fetched keys are used without fetching them again (a key removed at the IdP is refused after this at the latest); default 10 min. */
  jwksMaxAgeMs?: number;
  /** How long one fetch of the keys may take; default 5 s. */
  jwksTimeoutMs?: number;
}

/** Tolerated clock difference to the IdP for `exp`, `nbf` and `iat`. */
const CLOCK_TOLERANCE_SECONDS = 30;
/** ID tokens are exchanged right after sign-in or a refresh; an older one is refused by its `iat`. */
const MAX_ID_TOKEN_AGE = '1h';
const KEY_SETS_KEPT = 100;

/** An ID token that was not accepted: why, in words a host's developer understands (never a secret). */
export class IdTokenRefused extends Error {}

export type IdTokenVerifier = (idToken: string, registration: IdentityProvider) => Promise<JWTPayload>;

/**
 * Verifies ID tokens against the keys of their registration: its `jwks_uri`, fetched and kept per
 * URL with jose's remote key set (refetched when a token names an unknown key, so a rotation at
 * the IdP needs nothing here), or the keys registered inline. Only the registration's asymmetric
 * algorithms, its issuer and audience, and a token in its lifetime pass.
 */
export function idTokenVerifier(options: IdTokenVerifierOptions = {}): IdTokenVerifier {
  const remoteSets = new BoundedCache<string, JWTVerifyGetKey>(KEY_SETS_KEPT);
  const keysOf = (registration: IdentityProvider): JWTVerifyGetKey => {
    if (registration.jwks) return createLocalJWKSet(registration.jwks as JSONWebKeySet);
    const uri = registration.jwksUri ?? '';
    let keys = remoteSets.get(uri);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(uri), {
        cooldownDuration: options.jwksCooldownMs ?? 30_000,
        cacheMaxAge: options.jwksMaxAgeMs ?? 600_000,
        timeoutDuration: options.jwksTimeoutMs ?? 5_000,
      });
      remoteSets.set(uri, keys);
    }
    return keys;
  };
  return async (idToken, registration) => {
    try {
      const { payload } = await jwtVerify(idToken, keysOf(registration), {
        issuer: registration.issuer,
        audience: registration.audience,
        algorithms: registration.algorithms,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        maxTokenAge: MAX_ID_TOKEN_AGE,
        requiredClaims: ['sub', 'iat', 'exp'],
      });
      return payload;
    } catch (error) {
      throw refusalOf(error);
    }
  };
}

function refusalOf(error: unknown): Error {
  if (error instanceof errors.JWTExpired && error.claim === 'exp')
    return new IdTokenRefused('The ID token has expired');
  if (error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired) {
    const claims: Record<string, string> = {
      aud: 'The ID token is meant for another audience',
      iss: 'The ID token names another issuer',
      nbf: 'The ID token is not valid yet',
      iat: 'The ID token was issued too long ago, or in the future',
    };
    return new IdTokenRefused(claims[error.claim] ?? `The ID token lacks or breaks its claim ${error.claim}`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new IdTokenRefused('The ID token is signed with an algorithm the registration does not allow');
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new IdTokenRefused('The ID token is signed with a key the identity provider does not publish');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new IdTokenRefused('The ID token’s signature does not verify');
  }
  // The keys could not be had (unreachable, a timeout, no key set): not the token's fault.
  const keysUnavailable =
    !(error instanceof errors.JOSEError) ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    error.constructor === errors.JOSEError;
  if (!keysUnavailable) return new IdTokenRefused('The ID token is malformed or its key cannot verify it');
  return new ProblemError(
    problem('unavailable', 'The identity provider’s keys cannot be fetched. Try again shortly.'),
    { 'retry-after': '5' },
  );
}
