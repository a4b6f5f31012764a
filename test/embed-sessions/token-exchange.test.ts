import type { RegisterIdentityProvider } from '@scc/contracts/identity-providers';
import { auditEvents, embedSessions, roleAssignments, users } from '@scc/db';
import { and, eq, sql } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listIdentityProviders,
  registerIdentityProvider,
  removeIdentityProvider,
} from '../../bff/src/cli/identity-providers.js';
import { connectCockpit } from '../../bff/src/cockpit/cockpit-client.js';
import { idTokenVerifier } from '../../bff/src/identity-providers/id-token-verifier.js';
import { type BffHarness, createBffHarness, expectProblem, type TestHost } from '../support/bff-harness.js';
import { type ProviderKey, providerKey, signIdToken, startJwksServer } from '../support/identity-provider.js';
import { personaByKey, seededBusinessUnit } from '../support/seed-model.js';

const casey = personaByKey('customer-admin');
const morgan = personaByKey('msp-operator');
const contoso = seededBusinessUnit('contoso');
const north = seededBusinessUnit('contoso/north');
const finance = seededBusinessUnit('contoso/north/finance');
const resellerOne = seededBusinessUnit('reseller-one');
const customerOne = seededBusinessUnit('customer-one');

const AUDIENCE = 'acme-portal';
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const ID_TOKEN = 'urn:ietf:params:oauth:token-type:id_token';

let h: BffHarness;
let idp: Awaited<ReturnType<typeof startJwksServer>>;
let key: ProviderKey;
/** A second provider whose keys are registered inline and which provisions unknown users. */
let inlineKey: ProviderKey;
const INLINE_ISSUER = 'https://login.contoso-north.example';
let app: BffHarness['app'];

const cockpit = () => connectCockpit(h.cockpit);
const register = (registration: RegisterIdentityProvider, host = h.mspHost) =>
  registerIdentityProvider(cockpit(), host.entry, registration);

beforeAll(async () => {
  h = await createBffHarness();
  key = await providerKey('contoso-2026-1');
  inlineKey = await providerKey('north-1', 'ES256');
  idp = await startJwksServer([key]);
  // A refetch on an unknown key is allowed at once, so a rotation shows without waiting.
  app = h.createApp({ idTokens: idTokenVerifier({ jwksCooldownMs: 0 }) });
  await register({ businessUnitId: contoso.id, issuer: idp.issuer, audience: AUDIENCE, jwksUri: idp.jwksUri });
  await register({
    businessUnitId: north.id,
    issuer: INLINE_ISSUER,
    audience: AUDIENCE,
    jwks: { keys: [inlineKey.publicJwk as { kty: 'EC' }] },
    algorithms: ['ES256'],
    claims: { email: 'mail', requireVerifiedEmail: false, name: 'display_name' },
    provisioning: { role: 'viewer' },
  });
});
afterAll(async () => {
  await idp?.close();
  await h?.close();
});

const caseyToken = (overrides: Partial<Parameters<typeof signIdToken>[2]> = {}, claims = {}, signer = key) =>
  signIdToken(
    signer,
    { email: casey.email, email_verified: true, name: casey.displayName, ...claims },
    { issuer: idp.issuer, audience: AUDIENCE, ...overrides },
  );

function exchange(idToken: string, businessUnitId: string, options: { host?: TestHost; via?: 'app' | 'fresh' } = {}) {
  const host = options.host ?? h.mspHost;
  return app.request('/v1/embed-sessions/token-exchange', {
    method: 'POST',
    headers: { authorization: `Bearer ${host.apiKey}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: TOKEN_EXCHANGE,
      subject_token: idToken,
      subject_token_type: ID_TOKEN,
      businessUnitId,
    }).toString(),
  });
}

const json = (body: unknown, apiKey = h.mspHost.apiKey, contentType = 'application/json') =>
  app.request('/v1/embed-sessions/token-exchange', {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** Rows a refused exchange must not have written: sessions, users and roles. */
async function written() {
  const db = h.database.handle.db;
  const count = async (table: typeof embedSessions | typeof users | typeof roleAssignments) =>
    Number((await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n);
  return { sessions: await count(embedSessions), users: await count(users), roles: await count(roleAssignments) };
}

async function refusals() {
  return h.database.handle.db
    .select({ after: auditEvents.after, businessUnitId: auditEvents.businessUnitId })
    .from(auditEvents)
    .where(eq(auditEvents.action, 'embed-session.refused'));
}

/** Sends after counting the rows; asserts the refusal, that nothing was written, and that it is in the audit log with its reason. */
async function expectRefused(send: () => Promise<Response>, status: number, reason: RegExp) {
  const before = await written();
  const auditBefore = (await refusals()).length;
  const body = await expectProblem(await send(), status);
  expect(body.detail ?? '').toMatch(reason);
  expect(await written()).toEqual(before);
  const events = await refusals();
  expect(events.length).toBe(auditBefore + 1);
  expect(events.at(-1)?.after).toMatchObject({ grant: 'token-exchange', reason: body.detail });
  return body;
}

describe('exchanging an ID token for a widget session', () => {
  it('a valid ID token (RFC 8693, form-encoded) opens a session for the user its e-mail names', async () => {
    const res = await exchange(await caseyToken(), contoso.id);
    expect(res.status, await res.clone().text()).toBe(200);
    const answer = (await res.json()) as Record<string, unknown>;
    expect(answer).toMatchObject({
      tokenType: 'Bearer',
      token_type: 'Bearer',
      issued_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      access_token: answer.token,
      expires_in: answer.expiresIn,
    });
    const session = await app.request('/v1/widget/session', { headers: { authorization: `Bearer ${answer.token}` } });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ user: { email: casey.email }, businessUnit: { id: contoso.id } });
    const [event] = await h.database.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'embed-session.exchanged'), eq(auditEvents.entityId, String(answer.sessionId))),
      );
    expect(event).toMatchObject({ actorEmail: casey.email, businessUnitId: contoso.id });
    expect(event?.after).toMatchObject({ issuer: idp.issuer, hostId: 'msp-portal' });
  });

  it('RFC 7523’s JWT bearer grant in JSON does the same, for a unit below the registration', async () => {
    const dana = personaByKey('department-user');
    const token = await signIdToken(
      key,
      { email: dana.email.toUpperCase(), email_verified: true },
      { issuer: idp.issuer, audience: AUDIENCE },
    );
    const res = await json({ grant_type: JWT_BEARER, assertion: token, businessUnitId: finance.id });
    expect(res.status, await res.clone().text()).toBe(200);
  });

  it('refuses an expired ID token', async () => {
    await expectRefused(
      async () => exchange(await caseyToken({ expiresIn: -120, issuedAgo: 600 }), contoso.id),
      401,
      /expired/,
    );
  });

  it('refuses a token for another audience', async () => {
    await expectRefused(
      async () => exchange(await caseyToken({ audience: 'another-app' }), contoso.id),
      401,
      /audience/,
    );
  });

  it('refuses a token of an issuer nobody registered, and one registered only below the unit', async () => {
    await expectRefused(
      async () => exchange(await caseyToken({ issuer: 'https://evil.example' }), contoso.id),
      401,
      /No identity provider/,
    );
    // Registered at Contoso: it does not speak for Reseller One above it.
    await expectRefused(async () => exchange(await caseyToken(), resellerOne.id), 401, /No identity provider/);
  });

  it('refuses a token not yet valid, issued in the future, or issued too long ago', async () => {
    await expectRefused(async () => exchange(await caseyToken({ notBeforeIn: 600 }), contoso.id), 401, /not valid yet/);
    await expectRefused(async () => exchange(await caseyToken({ issuedAgo: -600 }), contoso.id), 401, /issued/);
    await expectRefused(
      async () => exchange(await caseyToken({ issuedAgo: 7200, expiresIn: 60 }), contoso.id),
      401,
      /issued/,
    );
  });

  it('refuses a forged signature, a key the provider does not publish, HS256 and alg none', async () => {
    const good = await caseyToken();
    const [header, payload] = good.split('.');
    const forged = `${header}.${payload}.${Buffer.from('x'.repeat(256)).toString('base64url')}`;
    await expectRefused(async () => exchange(forged, contoso.id), 401, /signature/);
    const stranger = await providerKey('contoso-2026-1');
    await expectRefused(async () => exchange(await caseyToken({}, {}, stranger), contoso.id), 401, /signature/);
    const unpublished = await providerKey('never-published');
    await expectRefused(
      async () => exchange(await caseyToken({}, {}, unpublished), contoso.id),
      401,
      /does not publish/,
    );
    const claims = { email: casey.email, email_verified: true };
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: key.kid })
      .setIssuer(idp.issuer)
      .setAudience(AUDIENCE)
      .setSubject('x')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a shared secret the host might know'));
    await expectRefused(async () => exchange(hs256, contoso.id), 401, /algorithm/);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${hs256.split('.')[1]}.`;
    // No signature at all is not even a signed JWT.
    await expectProblem(await exchange(none, contoso.id), 400);
  });

  it('a user the provider may not sign in gets one answer, whatever the reason, and nothing is written', async () => {
    const unknown = await expectRefused(
      async () => exchange(await caseyToken({}, { email: 'nobody@contoso.example' }), contoso.id),
      403,
      /may not sign in/,
    );
    // Morgan exists, above Contoso: Contoso's provider does not speak for the MSP's operator.
    const above = await expectRefused(
      async () => exchange(await caseyToken({}, { email: morgan.email }), contoso.id),
      403,
      /may not sign in/,
    );
    expect(above).toEqual(unknown);
  });

  it('refuses an unverified e-mail (403) and a token without one (422)', async () => {
    await expectRefused(
      async () => exchange(await caseyToken({}, { email_verified: false }), contoso.id),
      403,
      /verified/,
    );
    await expectRefused(async () => exchange(await caseyToken({}, { email: undefined }), contoso.id), 422, /no e-mail/);
  });

  it('provisions an unknown user just in time where the registration allows it, once', async () => {
    const sign = () =>
      signIdToken(
        inlineKey,
        { mail: 'new.hire@contoso.example', display_name: 'Noa Hire' },
        { issuer: INLINE_ISSUER, audience: AUDIENCE },
      );
    const first = await exchange(await sign(), finance.id);
    expect(first.status, await first.clone().text()).toBe(200);
    const { userId } = (await first.json()) as { userId: string };
    const db = h.database.handle.db;
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({
      email: 'new.hire@contoso.example',
      displayName: 'Noa Hire',
      businessUnitId: finance.id,
    });
    const roles = await db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId));
    expect(roles.map((r) => [r.businessUnitId, r.role])).toEqual([[finance.id, 'viewer']]);
    const second = await exchange(await sign(), finance.id);
    expect(((await second.json()) as { userId: string }).userId).toBe(userId);
    const provisioned = await db.select().from(auditEvents).where(eq(auditEvents.action, 'user.provisioned'));
    expect(provisioned.map((e) => e.entityId)).toEqual([userId]);
    // A known user of the subtree without a role on the requested unit is refused, not given one.
    await expectRefused(
      async () => exchange(await sign(), seededBusinessUnit('contoso/north/logistics').id),
      403,
      /may not/,
    );
  });

  it('the nearest registration of an issuer wins: one below overrides the one above for its subtree', async () => {
    const other = await register({
      businessUnitId: north.id,
      issuer: idp.issuer,
      audience: 'north-portal',
      jwksUri: idp.jwksUri,
    });
    try {
      await expectRefused(async () => exchange(await caseyToken(), finance.id), 401, /audience/);
      expect((await exchange(await caseyToken(), contoso.id)).status).toBe(200);
    } finally {
      await removeIdentityProvider(cockpit(), h.mspHost.entry, other.id);
    }
  });

  it('a unit outside the host’s subtree is not found; a unit of another host’s registration is not governed', async () => {
    const before = await written();
    await expectProblem(await exchange(await caseyToken(), customerOne.id, { host: h.resellerHost }), 404);
    expect(await written()).toEqual(before);
  });

  it('refuses bad requests naming the field, before any token is looked at', async () => {
    const token = await caseyToken();
    const fields = async (res: Response) => ((await expectProblem(res, 400)).errors ?? []).map((e) => e.field);
    expect(
      await fields(await json({ grant_type: 'password', subject_token: token, businessUnitId: contoso.id })),
    ).toEqual(['body.grant_type']);
    expect(
      await fields(
        await json({
          grant_type: TOKEN_EXCHANGE,
          subject_token: 'not-a-jwt',
          subject_token_type: ID_TOKEN,
          businessUnitId: contoso.id,
        }),
      ),
    ).toEqual(['body.subject_token']);
    expect(
      await fields(
        await json({
          grant_type: TOKEN_EXCHANGE,
          subject_token: token,
          subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
          businessUnitId: contoso.id,
          scope: 'admin',
        }),
      ),
    ).toEqual(['body.subject_token_type', 'body.scope']);
    const noIssuer = await new SignJWT({ email: casey.email })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setAudience(AUDIENCE)
      .sign(key.privateKey);
    expect(
      await fields(await json({ grant_type: JWT_BEARER, assertion: noIssuer, businessUnitId: contoso.id })),
    ).toEqual(['body.assertion']);
    await expectProblem(await json('grant_type=x', h.mspHost.apiKey, 'text/plain'), 415);
    await expectProblem(await json({ grant_type: JWT_BEARER, assertion: token, businessUnitId: contoso.id }, 'x'), 401);
  });
});

describe('the provider’s keys, fetched and cached', () => {
  it('picks up a key rotated in at the IdP and refuses a key removed there', async () => {
    const rotated = await providerKey('contoso-2026-2', 'ES256');
    const oldToken = await caseyToken();
    expect((await exchange(oldToken, contoso.id)).status).toBe(200);
    const fetchesBefore = idp.fetches;
    // Cached: verifying again fetches nothing.
    expect((await exchange(await caseyToken(), contoso.id)).status).toBe(200);
    expect(idp.fetches).toBe(fetchesBefore);
    idp.publish([rotated]);
    // A token with the new key's kid makes the BFF fetch the keys again.
    expect((await exchange(await caseyToken({}, {}, rotated), contoso.id)).status).toBe(200);
    expect(idp.fetches).toBe(fetchesBefore + 1);
    // The old key is gone from the fetched set: a token it signed, even unexpired, is refused.
    await expectRefused(async () => exchange(oldToken, contoso.id), 401, /does not publish/);
    idp.publish([key, rotated]);
  });

  it('an unreachable key endpoint is a 503 to retry, not a refusal of the token', async () => {
    const gone = await startJwksServer([key]);
    await gone.close();
    const registration = await register({
      businessUnitId: north.id,
      issuer: gone.issuer,
      audience: AUDIENCE,
      jwksUri: gone.jwksUri,
    });
    try {
      const before = await written();
      const token = await signIdToken(
        key,
        { email: casey.email, email_verified: true },
        { issuer: gone.issuer, audience: AUDIENCE },
      );
      const res = await exchange(token, north.id);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(await written()).toEqual(before);
    } finally {
      await removeIdentityProvider(cockpit(), h.mspHost.entry, registration.id);
    }
  });
});

describe('registering identity providers (admin CLI through the cockpit)', () => {
  it('refuses private or symmetric keys, HS algorithms and plain http away from this machine', async () => {
    const bad = async (registration: Record<string, unknown>, field: string) => {
      const refused = await register({
        businessUnitId: contoso.id,
        issuer: 'https://login.example',
        audience: AUDIENCE,
        jwksUri: 'https://login.example/jwks',
        ...registration,
      } as RegisterIdentityProvider).catch(
        (error: { body: { status: number; errors?: { field: string }[] } }) => error,
      );
      expect(refused).toMatchObject({ body: { status: 400 } });
      expect((refused as { body: { errors: { field: string }[] } }).body.errors.map((e) => e.field)).toContain(field);
    };
    await bad({ jwksUri: undefined, jwks: { keys: [{ ...key.publicJwk, d: 'secret' }] } }, 'body.jwks.keys.0');
    await bad({ jwksUri: undefined, jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] } }, 'body.jwks.keys.0.kty');
    await bad({ algorithms: ['HS256'] }, 'body.algorithms.0');
    await bad({ issuer: 'http://login.example' }, 'body.issuer');
    await bad({ jwks: { keys: [key.publicJwk] } }, 'body.jwksUri');
  });

  it('a host sees and changes only registrations in its subtree; a duplicate is a conflict', async () => {
    await expect(
      register({ businessUnitId: contoso.id, issuer: idp.issuer, audience: AUDIENCE, jwksUri: idp.jwksUri }),
    ).rejects.toMatchObject({ body: { status: 409 } });
    await expect(
      register(
        { businessUnitId: customerOne.id, issuer: idp.issuer, audience: AUDIENCE, jwksUri: idp.jwksUri },
        h.resellerHost,
      ),
    ).rejects.toMatchObject({ body: { status: 404 } });
    const mine = await listIdentityProviders(cockpit(), h.mspHost.entry);
    expect(mine.map((p) => p.issuer).sort()).toEqual([INLINE_ISSUER, idp.issuer].sort());
    const reseller = await listIdentityProviders(cockpit(), h.resellerHost.entry);
    expect(reseller.map((p) => p.issuer).sort()).toEqual(mine.map((p) => p.issuer).sort());
    const registered = await register({
      businessUnitId: customerOne.id,
      issuer: 'https://login.customer-one.example',
      audience: 'x',
      jwksUri: 'https://login.customer-one.example/jwks',
    });
    expect((await listIdentityProviders(cockpit(), h.resellerHost.entry)).map((p) => p.id)).not.toContain(
      registered.id,
    );
    await expect(removeIdentityProvider(cockpit(), h.resellerHost.entry, registered.id)).rejects.toMatchObject({
      body: { status: 404 },
    });
    await removeIdentityProvider(cockpit(), h.mspHost.entry, registered.id);
    const actions = await h.database.handle.db
      .select({ action: auditEvents.action, actor: auditEvents.actorEmail })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, registered.id));
    expect(actions).toEqual([
      { action: 'identity-provider.registered', actor: 'host:msp-portal' },
      { action: 'identity-provider.removed', actor: 'host:msp-portal' },
    ]);
  });

  it('after a registration is removed its tokens are refused', async () => {
    const gone = await register({
      businessUnitId: contoso.id,
      issuer: 'https://login.soon-gone.example',
      audience: AUDIENCE,
      jwks: { keys: [inlineKey.publicJwk as { kty: 'EC' }] },
      algorithms: ['ES256'],
    });
    const token = await signIdToken(
      inlineKey,
      { email: casey.email, email_verified: true },
      { issuer: 'https://login.soon-gone.example', audience: AUDIENCE },
    );
    expect((await exchange(token, contoso.id)).status).toBe(200);
    await removeIdentityProvider(cockpit(), h.mspHost.entry, gone.id);
    await expectRefused(async () => exchange(token, contoso.id), 401, /No identity provider/);
  });
});
