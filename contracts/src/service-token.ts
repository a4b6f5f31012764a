import { type CryptoKey, createLocalJWKSet, type JSONWebKeySet, type JWK, jwtVerify, SignJWT } from 'jose';

/**
 * Service tokens are how trusted services (the BFF) call the cockpit on behalf of a user.
 * They are ES256, live for a minute, and name who acts (`sub` or, while a session is being
 * opened, `email`), on which business unit (`bu`) and within which host's home subtree (`root`).
 */
export const SERVICE_TOKEN_AUDIENCE = 'scc-cockpit';
export const SERVICE_TOKEN_ISSUER = 'scc-bff';
export const SERVICE_TOKEN_TTL_SECONDS = 60;

export interface ServiceTokenClaims {
  /** The acting user's id; absent only while a session is being opened by e-mail. */
  sub?: string | undefined;
  email?: string | undefined;
  /**
   * The embed session (the widget token's `jti`) the call belongs to: the cockpit refuses every
   * call of a revoked session, also while the BFF has not yet heard of the revocation.
   */
  sessionId?: string | undefined;
  /**
   * The host's backend itself acts, for no user (revoking sessions, recording security events):
   * the call may reach only the cockpit's host routes, within the home unit's subtree.
   */
  actsAsHost?: true | undefined;
  businessUnitId: string;
  homeBusinessUnitId: string;
  hostId: string;
}

export interface ServiceSigningKey {
  kid: string;
  privateKey: CryptoKey;
}

/** `issuedAt` (default: now) lets a signer that reuses tokens know exactly when each one expires. */
export async function signServiceToken(
  key: ServiceSigningKey,
  claims: ServiceTokenClaims,
  issuedAt: Date = new Date(),
): Promise<string> {
  const iat = Math.floor(issuedAt.getTime() / 1000);
  const jwt = new SignJWT({
    bu: claims.businessUnitId,
    root: claims.homeBusinessUnitId,
    host: claims.hostId,
    ...(claims.email ? { email: claims.email } : {}),
    ...(claims.sessionId ? { sid: claims.sessionId } : {}),
    ...(claims.actsAsHost ? { act: 'host' } : {}),
  })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
    .setIssuer(SERVICE_TOKEN_ISSUER)
    .setAudience(SERVICE_TOKEN_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + SERVICE_TOKEN_TTL_SECONDS);
  if (claims.sub) jwt.setSubject(claims.sub);
  return jwt.sign(key.privateKey);
}

export type ServiceTokenVerifier = (token: string) => Promise<ServiceTokenClaims>;

/** Accepts tokens signed by any of the trusted public keys (several during a key rotation). */
export function serviceTokenVerifier(trustedKeys: JSONWebKeySet | JWK[]): ServiceTokenVerifier {
  const keySet = createLocalJWKSet(Array.isArray(trustedKeys) ? { keys: trustedKeys } : trustedKeys);
  return async (token) => {
    const { payload } = await jwtVerify(token, keySet, {
      algorithms: ['ES256'],
      audience: SERVICE_TOKEN_AUDIENCE,
      issuer: SERVICE_TOKEN_ISSUER,
      maxTokenAge: `${SERVICE_TOKEN_TTL_SECONDS + 30}s`,
      requiredClaims: ['exp', 'iat', 'bu', 'root', 'host'],
    });
    const { sub, email, sid, act, bu, root, host } = payload;
    if (typeof bu !== 'string' || typeof root !== 'string' || typeof host !== 'string') {
      throw new Error('service token lacks its scope claims');
    }
    const namesUser = typeof sub === 'string' || typeof email === 'string';
    if (act === 'host' ? namesUser : !namesUser) throw new Error('service token names no user, or a user for its host');
    if (act !== undefined && act !== 'host') throw new Error('service token names an unknown actor');
    return {
      sub: typeof sub === 'string' ? sub : undefined,
      email: typeof email === 'string' ? email : undefined,
      sessionId: typeof sid === 'string' ? sid : undefined,
      actsAsHost: act === 'host' ? true : undefined,
      businessUnitId: bu,
      homeBusinessUnitId: root,
      hostId: host,
    };
  };
}
