import { randomUUID } from 'node:crypto';
import { type CryptoKey, exportSPKI, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BffHarness,
  createBffHarness,
  decodeSegment,
  encodeSegment,
  expectProblem,
  expectValidationFields,
  PUBLIC_URL,
} from '../../../test/support/bff-harness.js';
import {
  personaByKey,
  seedCatalog,
  seededBusinessUnit,
  seededBusinessUnits,
  seedId,
} from '../../../test/support/seed-model.js';
import { InProcessRevocations } from '../embed-sessions/session-revocations.js';
import { widgetTokenIssuer } from '../embed-sessions/widget-token.js';
import { HostRegistry } from '../hosts/host-registry.js';
import { generateSigningKey } from '../keys/signing-keys.js';

const casey = personaByKey('customer-admin');
const dana = personaByKey('department-user');
const contoso = seededBusinessUnit('contoso');
const contosoFinance = seededBusinessUnit('contoso/north/finance');
const fabrikam = seededBusinessUnit('fabrikam');

const WIDGET_PATHS = ['/v1/widget/session', '/v1/widget/business-units', '/v1/widget/tenants'] as const;

/** The seed's own answer, computed without the cockpit: units at or below a unit, and their tenants. */
function seededSubtree(key: string) {
  const root = seededBusinessUnit(key);
  const units = seededBusinessUnits().filter((u) => u.path === root.path || u.path.startsWith(`${root.path}.`));
  const unitKeys = new Set(units.map((u) => u.key));
  const tenantIds = seedCatalog.tenants.filter((t) => unitKeys.has(t.businessUnit)).map((t) => seedId('tenant', t.key));
  return { units, tenantIds };
}

let h: BffHarness;
/** Casey (customer admin) on Contoso, opened through the msp-portal host. */
let caseyToken: string;

beforeAll(async () => {
  h = await createBffHarness();
  caseyToken = await h.openSession(h.mspHost, casey.email, contoso.id);
});
afterAll(async () => {
  await h?.close();
});

const get = (path: string, token: string | null, headers: Record<string, string> = {}) =>
  h.app.request(path, { headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...headers } });

/** Valid widget-token claims for Casey on Contoso, as the BFF would issue them. */
function caseyClaims(overrides: Record<string, unknown> = {}) {
  const iat = Math.floor(Date.now() / 1000);
  return {
    sub: seedId('user', casey.key),
    bu: contoso.id,
    host: h.mspHost.entry.id,
    iss: PUBLIC_URL,
    aud: PUBLIC_URL,
    iat,
    exp: iat + 600,
    jti: randomUUID(),
    ...overrides,
  };
}

/** Every forged token must get exactly this answer on every widget route. */
async function expectRefused(token: string | null, headers: Record<string, string> = {}) {
  const bodies: string[] = [];
  for (const path of WIDGET_PATHS) {
    const body = await expectProblem(await get(path, token, headers), 401);
    expect(body).not.toHaveProperty('detail');
    expect(body).not.toHaveProperty('errors');
    bodies.push(JSON.stringify(body));
  }
  expect(new Set(bodies).size).toBe(1);
  return bodies[0];
}

describe('widget token', () => {
  it('accepts a valid token on every widget route', async () => {
    for (const path of WIDGET_PATHS) {
      const res = await get(path, caseyToken);
      expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json\b/);
    }
    const session = (await (await get('/v1/widget/session', caseyToken)).json()) as {
      user: { id: string; email: string };
      businessUnit: { id: string };
      roles: string[];
    };
    expect(session.user.id).toBe(seedId('user', casey.key));
    expect(session.user.email).toBe(casey.email);
    expect(session.businessUnit.id).toBe(contoso.id);
    expect(session.roles).toEqual([casey.role]);
  });

  it('refuses an expired token', async () => {
    const past = widgetTokenIssuer({
      publicUrl: PUBLIC_URL,
      signingKey: h.widgetKey,
      now: () => new Date(Date.now() - 11 * 60 * 1000),
    });
    const { token } = await past.issue({
      userId: seedId('user', casey.key),
      businessUnitId: contoso.id,
      hostId: h.mspHost.entry.id,
    });
    // The same token is fine for an issuer living at the time it was issued: only its age fails it.
    await expect(past.verify(token)).resolves.toMatchObject({ businessUnitId: contoso.id });
    await expectRefused(token);
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = caseyToken.split('.');
    const payload = { ...decodeSegment(caseyToken, 1), bu: fabrikam.id };
    await expectRefused(`${header}.${encodeSegment(payload)}.${signature}`);

    const otherUser = { ...decodeSegment(caseyToken, 1), sub: seedId('user', 'msp-operator') };
    await expectRefused(`${header}.${encodeSegment(otherUser)}.${signature}`);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const payload = encodeSegment(caseyClaims());
    await expectRefused(`${encodeSegment({ alg: 'none' })}.${payload}.`);
    await expectRefused(`${encodeSegment({ alg: 'none', typ: 'JWT', kid: h.widgetKey.kid })}.${payload}.`);
    // The original signature kept, the header switched to none.
    const signature = caseyToken.split('.')[2];
    await expectRefused(`${encodeSegment({ alg: 'none' })}.${caseyToken.split('.')[1]}.${signature}`);
  });

  it('refuses HS256 tokens signed with the public key as the shared secret', async () => {
    const publicKey = await importJWK(h.widgetKey.publicJwk, 'ES256');
    const secrets = [
      JSON.stringify(h.widgetKey.publicJwk),
      await exportSPKI(publicKey as CryptoKey),
      String(h.widgetKey.publicJwk.x),
    ];
    for (const secret of secrets) {
      const token = await new SignJWT(caseyClaims())
        .setProtectedHeader({ alg: 'HS256', kid: h.widgetKey.kid, typ: 'JWT' })
        .sign(new TextEncoder().encode(secret));
      await expectRefused(token);
    }
  });

  it('refuses a token for another audience or issuer, signed with the right key', async () => {
    const elsewhere = widgetTokenIssuer({ publicUrl: 'https://other-bff.example', signingKey: h.widgetKey });
    const { token } = await elsewhere.issue({
      userId: seedId('user', casey.key),
      businessUnitId: contoso.id,
      hostId: h.mspHost.entry.id,
    });
    await expectRefused(token);

    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: h.widgetKey.kid }).sign(h.widgetKey.privateKey);
    // Each binding on its own: only the audience is wrong, then only the issuer.
    await expectRefused(await sign(caseyClaims({ aud: 'https://other-bff.example' })));
    await expectRefused(await sign(caseyClaims({ iss: 'https://other-bff.example' })));
    await expectRefused(await sign(caseyClaims({ aud: 'scc-cockpit' })));
    // Control: the same hand-made token with the right bindings passes, so the refusals above
    // are about the bindings and not about how the token was made.
    expect((await get('/v1/widget/session', await sign(caseyClaims()))).status).toBe(200);
  });

  it('refuses a token signed with another key, even one that claims the right kid', async () => {
    for (const kid of [h.widgetKey.kid, 'other-key']) {
      const other = await generateSigningKey(kid);
      const { token } = await widgetTokenIssuer({ publicUrl: PUBLIC_URL, signingKey: other }).issue({
        userId: seedId('user', casey.key),
        businessUnitId: contoso.id,
        hostId: h.mspHost.entry.id,
      });
      await expectRefused(token);
    }
    // The BFF's service key is trusted by the cockpit, never by the BFF for widgets.
    const { token } = await widgetTokenIssuer({ publicUrl: PUBLIC_URL, signingKey: h.serviceKey }).issue({
      userId: seedId('user', casey.key),
      businessUnitId: contoso.id,
      hostId: h.mspHost.entry.id,
    });
    await expectRefused(token);
  });

  it('ignores a key embedded in the token header', async () => {
    const attacker = await generateSigningKey(h.widgetKey.kid);
    const token = await new SignJWT(caseyClaims())
      .setProtectedHeader({ alg: 'ES256', kid: h.widgetKey.kid, jwk: attacker.publicJwk })
      .sign(attacker.privateKey);
    await expectRefused(token);
  });

  it('accepts tokens of a previous key during a rotation, and only then', async () => {
    const next = await generateSigningKey('widget-test-2');
    const rotating = h.createApp({
      tokens: widgetTokenIssuer({ publicUrl: PUBLIC_URL, signingKey: next, previousKeys: [h.widgetKey] }),
    });
    const auth = { headers: { authorization: `Bearer ${caseyToken}` } };
    expect((await rotating.request('/v1/widget/session', auth)).status).toBe(200);
    const rotated = h.createApp({ tokens: widgetTokenIssuer({ publicUrl: PUBLIC_URL, signingKey: next }) });
    await expectProblem(await rotated.request('/v1/widget/session', auth), 401);
  });

  it('refuses tokens that lack a session claim', async () => {
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: h.widgetKey.kid }).sign(h.widgetKey.privateKey);
    for (const claim of ['sub', 'bu', 'host', 'exp', 'iat', 'jti']) {
      const claims: Record<string, unknown> = caseyClaims();
      delete claims[claim];
      await expectRefused(await sign(claims));
    }
    await expectRefused(await sign(caseyClaims({ bu: 42 })));
  });

  it('refuses an ended embed session from its next request on, while its verification is remembered', async () => {
    const revocations = new InProcessRevocations();
    const tokens = widgetTokenIssuer({ publicUrl: PUBLIC_URL, signingKey: h.widgetKey, revocations });
    const app = h.createApp({ tokens });
    const ended = await tokens.issue({
      userId: seedId('user', casey.key),
      businessUnitId: contoso.id,
      hostId: h.mspHost.entry.id,
    });
    const goesOn = await tokens.issue({
      userId: seedId('user', casey.key),
      businessUnitId: contoso.id,
      hostId: h.mspHost.entry.id,
    });
    const as = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    for (const path of WIDGET_PATHS) expect((await app.request(path, as(ended.token))).status).toBe(200);
    expect((await app.request('/v1/widget/tenants', as(goesOn.token))).status).toBe(200);

    revocations.revoke(ended.sessionId, ended.expiresAt);

    for (const path of WIDGET_PATHS) await expectProblem(await app.request(path, as(ended.token)), 401);
    expect((await app.request('/v1/widget/tenants', as(goesOn.token))).status).toBe(200);
  });

  it('refuses missing, empty and non-bearer credentials the same way', async () => {
    const missing = await expectRefused(null);
    expect(await expectRefused('')).toBe(missing);
    expect(await expectRefused('   ')).toBe(missing);
    expect(await expectRefused('not.a.jwt')).toBe(missing);
    expect(await expectRefused(h.mspHost.apiKey)).toBe(missing);
    for (const authorization of ['Bearer', `Basic ${caseyToken}`, `bearer${caseyToken}`, caseyToken]) {
      const body = await expectProblem(await h.app.request('/v1/widget/session', { headers: { authorization } }), 401);
      expect(JSON.stringify(body)).toBe(missing);
    }
  });

  it('refuses a token of a host that is not registered', async () => {
    const { token } = await h.tokens.issue({
      userId: seedId('user', casey.key),
      businessUnitId: contoso.id,
      hostId: 'ghost-portal',
    });
    await expectRefused(token);
  });

  it('refuses a token of a host that is no longer registered', async () => {
    const withoutMspHost = h.createApp({ hosts: new HostRegistry([h.resellerHost.entry]) });
    const res = await withoutMspHost.request('/v1/widget/session', {
      headers: { authorization: `Bearer ${caseyToken}` },
    });
    const body = await expectProblem(res, 401);
    expect(body).not.toHaveProperty('detail');
  });

  it('refuses a validly signed token whose unit lies outside its host’s home subtree', async () => {
    // Defence in depth: even if the BFF issued such a token, the cockpit resolves no caller.
    const { token } = await h.tokens.issue({
      userId: seedId('user', 'msp-operator'),
      businessUnitId: seededBusinessUnit('customer-one').id,
      hostId: h.resellerHost.entry.id,
    });
    for (const path of WIDGET_PATHS) await expectProblem(await get(path, token), 401);
  });

  it('refuses a validly signed token for a unit the user holds no role on', async () => {
    const { token } = await h.tokens.issue({
      userId: seedId('user', casey.key),
      businessUnitId: fabrikam.id,
      hostId: h.mspHost.entry.id,
    });
    for (const path of WIDGET_PATHS) await expectProblem(await get(path, token), 401);
  });
});

describe('origins', () => {
  const other = () => h.resellerHost.origin;
  const own = () => h.mspHost.origin;

  it('accepts a call from an origin of the token’s host and echoes it', async () => {
    const res = await get('/v1/widget/session', caseyToken, { origin: own() });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(own());
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    // The widget may read these in a problem: when to retry (and the rate limit), and which id to quote to support.
    expect(res.headers.get('access-control-expose-headers')?.split(/,\s*/)).toEqual([
      'retry-after',
      'ratelimit-policy',
      'ratelimit',
      'x-request-id',
    ]);
  });

  it('answers 403 to a call from an origin registered only for another host', async () => {
    for (const path of WIDGET_PATHS) {
      const body = await expectProblem(await get(path, caseyToken, { origin: other() }), 403);
      expect(body).not.toHaveProperty('detail');
    }
  });

  it('answers 403 to a call from an unregistered origin, and never allows it', async () => {
    for (const origin of ['https://evil.example', 'null', `${own()}.evil.example`]) {
      const res = await get('/v1/widget/session', caseyToken, { origin });
      await expectProblem(res, 403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('answers a preflight from a registered origin with 204 and echoes the origin', async () => {
    const res = await h.app.request('/v1/widget/tenants', {
      method: 'OPTIONS',
      headers: {
        origin: own(),
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(own());
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives a preflight from an unregistered origin no CORS permission', async () => {
    for (const origin of ['https://evil.example', 'null']) {
      const res = await h.app.request('/v1/widget/tenants', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('scope', () => {
  it('shows a Contoso token Contoso as the root of its tree (levels below: widget-api/hierarchy.test.ts)', async () => {
    const res = await get('/v1/widget/business-units', caseyToken);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { id: string; parentId: string | null; depth: number }[] };
    expect(items).toEqual([expect.objectContaining({ id: contoso.id, parentId: null, depth: 0, name: contoso.name })]);
  });

  it('shows a Contoso token exactly Contoso’s tenants', async () => {
    const res = await get('/v1/widget/tenants', caseyToken);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { id: string; businessUnitId: string }[] };
    const expected = seededSubtree('contoso').tenantIds;
    expect(expected.length).toBeGreaterThan(0);
    expect(items.map((t) => t.id).sort()).toEqual([...expected].sort());
  });

  it('narrows tenants to a unit of the subtree', async () => {
    const res = await get(`/v1/widget/tenants?businessUnitId=${contosoFinance.id}`, caseyToken);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { id: string }[] };
    expect(items.map((t) => t.id).sort()).toEqual([...seededSubtree('contoso/north/finance').tenantIds].sort());
  });

  it('shows a department user only its department', async () => {
    const token = await h.openSession(h.mspHost, dana.email, contosoFinance.id);
    const units = (await (await get('/v1/widget/business-units', token)).json()) as { items: { id: string }[] };
    const expected = seededSubtree('contoso/north/finance');
    expect(units.items.map((u) => u.id)).toEqual([contosoFinance.id]);
    const children = (await (await get(`/v1/widget/business-units?parentId=${contosoFinance.id}`, token)).json()) as {
      items: { id: string }[];
    };
    expect([contosoFinance.id, ...children.items.map((u) => u.id)].sort()).toEqual(
      expected.units.map((u) => u.id).sort(),
    );
    const tenants = (await (await get('/v1/widget/tenants', token)).json()) as { items: { id: string }[] };
    expect(tenants.items.map((t) => t.id).sort()).toEqual([...expected.tenantIds].sort());
  });

  it('answers a unit outside the subtree exactly like a unit that does not exist', async () => {
    const outside = await expectProblem(await get(`/v1/widget/tenants?businessUnitId=${fabrikam.id}`, caseyToken), 404);
    const random = await expectProblem(await get(`/v1/widget/tenants?businessUnitId=${randomUUID()}`, caseyToken), 404);
    const ancestor = await expectProblem(
      await get(`/v1/widget/tenants?businessUnitId=${seededBusinessUnit('reseller-one').id}`, caseyToken),
      404,
    );
    expect(random).toEqual(outside);
    expect(ancestor).toEqual(outside);
    expect(JSON.stringify(outside)).not.toContain(fabrikam.name);
  });

  it('names unknown and invalid query parameters', async () => {
    expect(await expectValidationFields(await get('/v1/widget/tenants?color=blue', caseyToken))).toEqual([
      'query.color',
    ]);
    expect(await expectValidationFields(await get('/v1/widget/business-units?limit=5', caseyToken))).toEqual([
      'query.limit',
    ]);
    expect(await expectValidationFields(await get('/v1/widget/tenants?businessUnitId=contoso', caseyToken))).toEqual([
      'query.businessUnitId',
    ]);
  });

  it('checks the token before the query', async () => {
    await expectProblem(await get('/v1/widget/tenants?color=blue', null), 401);
  });
});
