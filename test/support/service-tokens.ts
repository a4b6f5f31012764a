import {
  type ServiceSigningKey,
  type ServiceTokenClaims,
  type ServiceTokenVerifier,
  serviceTokenVerifier,
  signServiceToken,
} from '@scc/contracts/service-token';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/** A service's ES256 key pair as the BFF would hold it, plus the cockpit's view of it (public JWK). */
export interface ServiceKeys {
  signingKey: ServiceSigningKey;
  publicJwk: JWK;
  verifier: ServiceTokenVerifier;
  sign(claims: ServiceTokenClaims): Promise<string>;
}

export async function createServiceKeys(kid = 'test-bff-1'): Promise<ServiceKeys> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const signingKey = { kid, privateKey };
  return {
    signingKey,
    publicJwk,
    verifier: serviceTokenVerifier([publicJwk]),
    sign: (claims) => signServiceToken(signingKey, claims),
  };
}

const base64url = (value: string | Uint8Array) => Buffer.from(value).toString('base64url');

/** An unsigned JWT (`alg: none`) carrying the given claims. */
export function unsignedToken(payload: Record<string, unknown>): string {
  return `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}.`;
}

export function decodeTokenPart(token: string, part: 0 | 1): Record<string, unknown> {
  const segment = token.split('.')[part];
  if (segment === undefined) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The same token with its payload replaced but the original header and signature kept. */
export function withTamperedPayload(token: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, , signature] = token.split('.');
  const payload = decodeTokenPart(token, 1);
  change(payload);
  return `${header}.${base64url(JSON.stringify(payload))}.${signature}`;
}
