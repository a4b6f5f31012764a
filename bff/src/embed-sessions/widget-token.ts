import { createHash, randomUUID } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import { BoundedCache } from '../bounded-cache.js';
import type { SigningKey } from '../keys/signing-keys.js';
import { noRevocations, type SessionRevocations } from './session-revocations.js';

/** Embed sessions are short so a leaked widget token is worth little; the widget refreshes it. */
export const WIDGET_TOKEN_TTL_SECONDS = 600;
/** The oldest token accepted, by its `iat`, whatever its `exp` says; an embed session lasts as long. */
export const MAX_TOKEN_AGE_SECONDS = WIDGET_TOKEN_TTL_SECONDS + 60;
/** Verified tokens remembered: far more than the widgets open at once on one BFF process. */
export const DEFAULT_VERIFIED_TOKENS_CACHED = 10_000;

export interface WidgetSession {
  userId: string;
  businessUnitId: string;
  hostId: string;
}

/** A session as its verified token names it. */
export interface VerifiedWidgetSession extends WidgetSession {
  /** The embed session: the token's `jti`, what a revocation names. */
  sessionId: string;
  /** When the token ends; long-lived answers (the event stream) end with it. */
  expiresAt: Date;
}

/** The embed session the cockpit stored for a token: its id becomes the `jti`, its end the `exp`. */
export interface StoredEmbedSession {
  sessionId: string;
  expiresAt: Date;
}

export interface WidgetTokenIssuer {
  /** Without `stored`, a token of a session no one stored (tests of the token itself). */
  issue(
    session: WidgetSession,
    stored?: StoredEmbedSession,
  ): Promise<{ token: string; sessionId: string; expiresAt: Date }>;
  verify(token: string): Promise<VerifiedWidgetSession>;
  jwks(): { keys: object[] };
}

/**
 * Tokens are bound to this BFF (issuer and audience are its public URL) and verified only
 * against its own ES256 keys, so `alg: none`, HS256 tricks and other issuers' tokens fail.
 *
 * A widget sends the same token with every request for minutes, so a verified token is
 * remembered until it expires, keyed by the hash of all of it: a token that differs in any byte
 * (another signature too) is verified on its own, and only a token that passed verification is
 * ever remembered, so forged tokens cannot fill or poison the cache. Revocations are consulted
 * on every call, remembered or not.
 */
export function widgetTokenIssuer(options: {
  publicUrl: string;
  signingKey: SigningKey;
  /** Older keys still accepted during a rotation. */
  previousKeys?: SigningKey[];
  now?: () => Date;
  revocations?: SessionRevocations;
  /** How many verified tokens are remembered at most; default {@link DEFAULT_VERIFIED_TOKENS_CACHED}. */
  cacheSize?: number;
}): WidgetTokenIssuer {
  const { publicUrl, signingKey } = options;
  const publicKeys = [signingKey, ...(options.previousKeys ?? [])].map((k) => k.publicJwk);
  const keySet = createLocalJWKSet({ keys: publicKeys });
  const now = options.now ?? (() => new Date());
  const revocations = options.revocations ?? noRevocations;
  const verified = new BoundedCache<string, { session: VerifiedWidgetSession; validUntil: number }>(
    options.cacheSize ?? DEFAULT_VERIFIED_TOKENS_CACHED,
  );

  async function verifySignedToken(token: string) {
    const { payload } = await jwtVerify(token, keySet, {
      algorithms: ['ES256'],
      issuer: publicUrl,
      audience: publicUrl,
      maxTokenAge: `${MAX_TOKEN_AGE_SECONDS}s`,
      requiredClaims: ['sub', 'exp', 'iat', 'jti', 'bu', 'host'],
      currentDate: now(),
    });
    const { sub, bu, host, jti, exp = 0, iat = 0 } = payload;
    if (typeof sub !== 'string' || typeof bu !== 'string' || typeof host !== 'string' || typeof jti !== 'string') {
      throw new Error('widget token lacks its session claims');
    }
    const session: VerifiedWidgetSession = Object.freeze({
      userId: sub,
      businessUnitId: bu,
      hostId: host,
      sessionId: jti,
      expiresAt: new Date(exp * 1000),
    });
    // Exactly as long as jwtVerify would still accept it: before `exp`, and not older than the maximum age.
    return { session, validUntil: Math.min(exp, iat + MAX_TOKEN_AGE_SECONDS + 1) * 1000 };
  }

  return {
    async issue(session, stored) {
      const issuedAt = Math.floor(now().getTime() / 1000);
      const lifetimeEnd = issuedAt + WIDGET_TOKEN_TTL_SECONDS;
      const expiresAt = stored ? Math.min(lifetimeEnd, Math.floor(stored.expiresAt.getTime() / 1000)) : lifetimeEnd;
      const sessionId = stored?.sessionId ?? randomUUID();
      const token = await new SignJWT({ bu: session.businessUnitId, host: session.hostId })
        .setProtectedHeader({ alg: 'ES256', kid: signingKey.kid, typ: 'JWT' })
        .setSubject(session.userId)
        .setIssuer(publicUrl)
        .setAudience(publicUrl)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .setJti(sessionId)
        .sign(signingKey.privateKey);
      return { token, sessionId, expiresAt: new Date(expiresAt * 1000) };
    },
    async verify(token) {
      const key = createHash('sha256').update(token).digest('base64url');
      let entry = verified.get(key);
      if (!entry || entry.validUntil <= now().getTime()) {
        verified.delete(key);
        entry = await verifySignedToken(token);
        verified.set(key, entry);
      }
      if (await revocations.isRevoked(entry.session.sessionId)) throw new Error('the embed session has ended');
      return entry.session;
    },
    jwks: () => ({ keys: publicKeys }),
  };
}
