import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

/** A signing key of a test identity provider, with the public JWK it publishes. */
export interface ProviderKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function providerKey(kid: string, alg: ProviderKey['alg'] = 'RS256'): Promise<ProviderKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/**
 * A tiny identity provider's key endpoint on a free local port: `GET /jwks` answers the keys it
 * publishes now, which a test changes to rotate or remove a key. Its issuer is its own URL.
 */
export async function startJwksServer(initial: ProviderKey[]) {
  let published = initial;
  let fetches = 0;
  const server = createServer((req, res) => {
    if (req.url !== '/jwks') {
      res.writeHead(404).end();
      return;
    }
    fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: published.map((k) => k.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    publish(keys: ProviderKey[]) {
      published = keys;
    },
    /** How often the key set was fetched. */
    get fetches() {
      return fetches;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface IdTokenOptions {
  issuer: string;
  audience: string;
  subject?: string;
  /** Seconds from now; negative for a token that has expired. */
  expiresIn?: number;
  issuedAgo?: number;
  notBeforeIn?: number;
}

/** An ID token as an identity provider signs it: `claims` beside the registered ones. */
export function signIdToken(key: ProviderKey, claims: JWTPayload, options: IdTokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const iat = now - (options.issuedAgo ?? 0);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(options.subject ?? 'idp-user-1')
    .setIssuedAt(iat)
    .setExpirationTime(now + (options.expiresIn ?? 300));
  if (options.notBeforeIn !== undefined) jwt.setNotBefore(now + options.notBeforeIn);
  return jwt.sign(key.privateKey);
}
