import { readFileSync } from 'node:fs';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

/** An ES256 key pair with its key id; the private half never leaves the BFF. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** Reads a private JWK from inline JSON or a file path. Imported once: importing per call is slow. */
export async function loadSigningKey(source: string): Promise<SigningKey> {
  const text = source.trim().startsWith('{') ? source : readFileSync(source.trim(), 'utf8');
  const jwk = JSON.parse(text) as JWK;
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d || !jwk.kid) {
    throw new Error('A signing key must be a private P-256 JWK with a kid');
  }
  const privateKey = (await importJWK(jwk, 'ES256')) as CryptoKey;
  const { d: _d, ...publicJwk } = jwk;
  return { kid: jwk.kid, privateKey, publicJwk: { ...publicJwk, alg: 'ES256', use: 'sig' } };
}

/** A fresh key pair; `privateJwk` is what {@link loadSigningKey} reads back. */
export async function generateSigningKey(kid: string): Promise<SigningKey & { privateJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return { kid, privateKey, publicJwk, privateJwk };
}
