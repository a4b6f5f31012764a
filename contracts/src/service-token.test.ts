import { SignJWT } from 'jose';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  createServiceKeys,
  decodeTokenPart,
  type ServiceKeys,
  unsignedToken,
  withTamperedPayload,
} from '../../test/support/service-tokens.js';
import {
  SERVICE_TOKEN_AUDIENCE,
  SERVICE_TOKEN_ISSUER,
  type ServiceTokenClaims,
  serviceTokenVerifier,
} from './service-token.js';

const claims: ServiceTokenClaims = {
  sub: '4310384f-4c8f-5538-a818-6885408de757',
  businessUnitId: 'ca17afb7-7494-585d-8697-9b415a101cb3',
  homeBusinessUnitId: '0a1b2c3d-0000-5000-8000-000000000000',
  hostId: 'host-a',
};
const payloadOf = (c: ServiceTokenClaims) => ({
  sub: c.sub,
  bu: c.businessUnitId,
  root: c.homeBusinessUnitId,
  host: c.hostId,
});
const now = () => Math.floor(Date.now() / 1000);

let keys: ServiceKeys;
let other: ServiceKeys;

beforeAll(async () => {
  keys = await createServiceKeys('bff-1');
  other = await createServiceKeys('bff-1'); // same kid, different key: must not be trusted
});

/** A token signed with the trusted key but with arbitrary claims and times. */
function custom(
  payload: Record<string, unknown>,
  options: { iat?: number; exp?: number; aud?: string; iss?: string } = {},
) {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid: keys.signingKey.kid, typ: 'JWT' })
    .setIssuer(options.iss ?? SERVICE_TOKEN_ISSUER)
    .setAudience(options.aud ?? SERVICE_TOKEN_AUDIENCE)
    .setIssuedAt(options.iat ?? now())
    .setExpirationTime(options.exp ?? now() + 60)
    .sign(keys.signingKey.privateKey);
}

describe('signServiceToken', () => {
  test('issues a short-lived ES256 token with the scope claims', async () => {
    const token = await keys.sign(claims);
    expect(decodeTokenPart(token, 0)).toEqual({ alg: 'ES256', kid: 'bff-1', typ: 'JWT' });
    const payload = decodeTokenPart(token, 1);
    expect(payload).toMatchObject({ ...payloadOf(claims), aud: SERVICE_TOKEN_AUDIENCE, iss: SERVICE_TOKEN_ISSUER });
    expect(payload.exp as number).toBe((payload.iat as number) + 60);
    expect(payload).not.toHaveProperty('email');
  });

  test('round-trips through the verifier', async () => {
    await expect(keys.verifier(await keys.sign(claims))).resolves.toEqual({ ...claims, email: undefined });
  });

  test('may name the user by e-mail instead of id', async () => {
    const byEmail = { ...claims, sub: undefined, email: 'casey@contoso.example' };
    await expect(keys.verifier(await keys.sign(byEmail))).resolves.toEqual(byEmail);
  });

  test('carries the embed session a widget call belongs to', async () => {
    const inSession = { ...claims, sessionId: '7d1f5b0e-8d7c-4a53-9a55-2b8f3b1c9e01' };
    expect(decodeTokenPart(await keys.sign(inSession), 1).sid).toBe(inSession.sessionId);
    await expect(keys.verifier(await keys.sign(inSession))).resolves.toEqual(inSession);
  });

  test('may act for the host itself, naming no user', async () => {
    const asHost = { ...claims, sub: undefined, actsAsHost: true as const };
    expect(decodeTokenPart(await keys.sign(asHost), 1).act).toBe('host');
    await expect(keys.verifier(await keys.sign(asHost))).resolves.toEqual(asHost);
  });
});

describe('serviceTokenVerifier rejects', () => {
  const rejects = async (token: string | Promise<string>, verifier = () => keys.verifier) =>
    expect(verifier()(await token)).rejects.toThrow();

  test('garbage', async () => {
    for (const token of ['', 'garbage', 'a.b.c', 'e30.e30.', `${'x'.repeat(5000)}`]) await rejects(token);
  });
  test('an expired token', () => rejects(custom(payloadOf(claims), { iat: now() - 600, exp: now() - 300 })));
  test('a token issued too long ago, even if exp is far away', () =>
    rejects(custom(payloadOf(claims), { iat: now() - 600, exp: now() + 3600 })));
  test('a token issued in the future', () =>
    rejects(custom(payloadOf(claims), { iat: now() + 600, exp: now() + 660 })));
  test('the wrong audience', () => rejects(custom(payloadOf(claims), { aud: 'scc-bff' })));
  test('the wrong issuer', () => rejects(custom(payloadOf(claims), { iss: 'someone-else' })));
  test('an untrusted key with a trusted kid', async () => rejects(other.sign(claims)));
  test('alg: none', () =>
    rejects(
      unsignedToken({
        ...payloadOf(claims),
        aud: SERVICE_TOKEN_AUDIENCE,
        iss: SERVICE_TOKEN_ISSUER,
        iat: now(),
        exp: now() + 60,
      }),
    ));
  test('HS256 (algorithm confusion)', async () => {
    const token = await new SignJWT(payloadOf(claims))
      .setProtectedHeader({ alg: 'HS256', kid: keys.signingKey.kid })
      .setIssuer(SERVICE_TOKEN_ISSUER)
      .setAudience(SERVICE_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(new TextEncoder().encode(JSON.stringify(keys.publicJwk)));
    await rejects(token);
  });
  test('a tampered payload', async () => {
    const token = await keys.sign(claims);
    await rejects(
      withTamperedPayload(token, (p) => {
        p.bu = claims.homeBusinessUnitId;
      }),
    );
  });
  test.each(['bu', 'root', 'host'])('a token without %s', async (claim) => {
    const payload: Record<string, unknown> = payloadOf(claims);
    delete payload[claim];
    await rejects(custom(payload));
  });
  test('scope claims of the wrong type', () => rejects(custom({ ...payloadOf(claims), bu: 42 })));
  test('a token naming no user', () => rejects(custom({ ...payloadOf(claims), sub: undefined })));
  test('a host token naming a user', () => rejects(custom({ ...payloadOf(claims), act: 'host' })));
  test('an unknown actor', () => rejects(custom({ ...payloadOf(claims), act: 'admin' })));
});

describe('key rotation', () => {
  test('a verifier trusting several keys accepts each and only those', async () => {
    const third = await createServiceKeys('bff-3');
    const both = serviceTokenVerifier({ keys: [keys.publicJwk, third.publicJwk] });
    await expect(both(await keys.sign(claims))).resolves.toMatchObject({ hostId: 'host-a' });
    await expect(both(await third.sign(claims))).resolves.toMatchObject({ hostId: 'host-a' });
    await expect(both(await other.sign(claims))).rejects.toThrow();
  });
});
