import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import type { SigningKey } from '../keys/signing-keys.js';

/** Embed sessions are short so a leaked widget token is worth little; the widget refreshes it. */
export const WIDGET_TOKEN_TTL_SECONDS = 600;

export interface WidgetSession {
  userId: string;
  businessUnitId: string;
  hostId: string;
  /** When the token ends; long-lived answers (the event stream) end with it. Set by `verify`. */
  expiresAt?: Date;
}

export interface WidgetTokenIssuer {
  issue(session: WidgetSession): Promise<{ token: string; expiresAt: Date }>;
  verify(token: string): Promise<WidgetSession>;
  jwks(): { keys: object[] };
}

/**
 * Tokens are bound to this BFF (issuer and audience are its public URL) and verified only
 * against its own ES256 keys, so `alg: none`, HS256 tricks and other issuers' tokens fail.
 */
export function widgetTokenIssuer(options: {
  publicUrl: string;
  signingKey: SigningKey;
  /** Older keys still accepted during a rotation. */
  previousKeys?: SigningKey[];
  now?: () => Date;
}): WidgetTokenIssuer {
  const { publicUrl, signingKey } = options;
  const publicKeys = [signingKey, ...(options.previousKeys ?? [])].map((k) => k.publicJwk);
  const keySet = createLocalJWKSet({ keys: publicKeys });
  const now = options.now ?? (() => new Date());
  return {
    async issue(session) {
      const issuedAt = Math.floor(now().getTime() / 1000);
      const expiresAt = issuedAt + WIDGET_TOKEN_TTL_SECONDS;
      const token = await new SignJWT({ bu: session.businessUnitId, host: session.hostId })
        .setProtectedHeader({ alg: 'ES256', kid: signingKey.kid, typ: 'JWT' })
        .setSubject(session.userId)
        .setIssuer(publicUrl)
        .setAudience(publicUrl)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .setJti(randomUUID())
        .sign(signingKey.privateKey);
      return { token, expiresAt: new Date(expiresAt * 1000) };
    },
    async verify(token) {
      const { payload } = await jwtVerify(token, keySet, {
        algorithms: ['ES256'],
        issuer: publicUrl,
        audience: publicUrl,
        maxTokenAge: `${WIDGET_TOKEN_TTL_SECONDS + 60}s`,
        requiredClaims: ['sub', 'exp', 'iat', 'bu', 'host'],
        currentDate: now(),
      });
      if (typeof payload.sub !== 'string' || typeof payload.bu !== 'string' || typeof payload.host !== 'string') {
        throw new Error('widget token lacks its session claims');
      }
      return {
        userId: payload.sub,
        businessUnitId: payload.bu,
        hostId: payload.host,
        expiresAt: new Date((payload.exp ?? 0) * 1000),
      };
    },
    jwks: () => ({ keys: publicKeys }),
  };
}
