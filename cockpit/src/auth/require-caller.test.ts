import { SERVICE_TOKEN_AUDIENCE, SERVICE_TOKEN_ISSUER } from '@scc/contracts/service-token';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type CockpitHarness,
  createCockpitHarness,
  observable,
  PROBLEM_CONTENT_TYPE,
  TEST_HOST_ID,
} from '../../../test/support/cockpit.js';
import { personaByKey, personaUserId, seededBusinessUnit } from '../../../test/support/seed-model.js';
import { createServiceKeys, unsignedToken, withTamperedPayload } from '../../../test/support/service-tokens.js';

/**
 * Every way a service token can fail ends in the same 401 problem, without detail, so a caller
 * learns nothing about why (expired? unknown user? outside the host's subtree?).
 */
let harness: CockpitHarness;

beforeAll(async () => {
  harness = await createCockpitHarness();
});
afterAll(async () => {
  await harness?.close();
});

const UNAUTHORIZED = {
  status: 401,
  contentType: PROBLEM_CONTENT_TYPE,
  body: JSON.stringify({ type: 'https://scc.example/problems/unauthorized', title: 'Unauthorized', status: 401 }),
};
const now = () => Math.floor(Date.now() / 1000);
const msp = () => seededBusinessUnit('msp');

function scopeClaims(personaKey: string, actingOn?: string) {
  const persona = personaByKey(personaKey);
  return {
    sub: personaUserId(persona),
    bu: actingOn ?? seededBusinessUnit(persona.businessUnit).id,
    root: msp().id,
    host: TEST_HOST_ID,
  };
}

function signed(
  payload: Record<string, unknown>,
  options: { iat?: number; exp?: number; aud?: string; iss?: string } = {},
) {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid: harness.keys.signingKey.kid, typ: 'JWT' })
    .setIssuer(options.iss ?? SERVICE_TOKEN_ISSUER)
    .setAudience(options.aud ?? SERVICE_TOKEN_AUDIENCE)
    .setIssuedAt(options.iat ?? now())
    .setExpirationTime(options.exp ?? now() + 60)
    .sign(harness.keys.signingKey.privateKey);
}

async function authorization(header: string | null, path = '/v1/me') {
  return observable(await harness.app.request(path, header === null ? {} : { headers: { authorization: header } }));
}

describe('a valid service token (controls)', () => {
  test('resolves the persona acting on its own business unit', async () => {
    const persona = personaByKey('customer-admin');
    const response = await harness.get('/v1/me', await harness.tokenFor(persona));
    expect(response.status).toBe(200);
    const contoso = seededBusinessUnit('contoso');
    expect(await response.json()).toEqual({
      user: { id: personaUserId(persona), email: persona.email, displayName: persona.displayName },
      businessUnit: { id: contoso.id, name: contoso.name, kind: contoso.kind },
      roles: [persona.role],
      permissions: { order: true, terminate: true, restore: true, administer: true, audit: true, brand: true },
      assignments: [],
    });
  });

  test('a role on an ancestor covers a descendant', async () => {
    const customer = seededBusinessUnit('fabrikam');
    const response = await harness.get(
      '/v1/me',
      await harness.tokenFor(personaByKey('reseller-admin'), { actingOn: customer.id }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ businessUnit: { id: customer.id }, roles: ['admin'] });
  });

  test('a session being opened names the user by e-mail', async () => {
    const persona = personaByKey('department-user');
    const token = await harness.keys.sign({
      email: persona.email,
      businessUnitId: seededBusinessUnit(persona.businessUnit).id,
      homeBusinessUnitId: msp().id,
      hostId: TEST_HOST_ID,
    });
    const response = await harness.get('/v1/me', token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { id: personaUserId(persona) } });
  });

  test('a home narrower than the MSP still admits units inside it', async () => {
    const persona = personaByKey('customer-admin');
    const token = await harness.tokenFor(persona, {
      home: seededBusinessUnit('reseller-one').id,
      actingOn: seededBusinessUnit('contoso/north').id,
    });
    expect((await harness.get('/v1/me', token)).status).toBe(200);
  });

  test('/health needs no token', async () => {
    const response = await harness.app.request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('401 without detail', () => {
  test('no Authorization header', async () => {
    expect(await authorization(null)).toEqual(UNAUTHORIZED);
  });

  test.each(['', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'bearer x', 'Bearer garbage', 'Bearer a.b.c'])(
    'Authorization: %j',
    async (header) => {
      expect(await authorization(header)).toEqual(UNAUTHORIZED);
    },
  );

  test('a valid token in another scheme', async () => {
    const token = await harness.tokenFor(personaByKey('msp-operator'));
    expect(await authorization(`Token ${token}`)).toEqual(UNAUTHORIZED);
  });

  test('expired', async () => {
    const token = await signed(scopeClaims('msp-operator'), { iat: now() - 600, exp: now() - 300 });
    expect(await authorization(`Bearer ${token}`)).toEqual(UNAUTHORIZED);
  });

  test('issued too long ago', async () => {
    const token = await signed(scopeClaims('msp-operator'), { iat: now() - 600, exp: now() + 600 });
    expect(await authorization(`Bearer ${token}`)).toEqual(UNAUTHORIZED);
  });

  test('wrong audience', async () => {
    const token = await signed(scopeClaims('msp-operator'), { aud: 'another-service' });
    expect(await authorization(`Bearer ${token}`)).toEqual(UNAUTHORIZED);
  });

  test('wrong issuer', async () => {
    const token = await signed(scopeClaims('msp-operator'), { iss: 'not-the-bff' });
    expect(await authorization(`Bearer ${token}`)).toEqual(UNAUTHORIZED);
  });

  test('signed by an untrusted key (even with the trusted kid)', async () => {
    const untrusted = await createServiceKeys(harness.keys.signingKey.kid);
    const token = await untrusted.sign({
      sub: personaUserId(personaByKey('msp-operator')),
      businessUnitId: msp().id,
      homeBusinessUnitId: msp().id,
      hostId: TEST_HOST_ID,
    });
    expect(await authorization(`Bearer ${token}`)).toEqual(UNAUTHORIZED);
  });

  test('alg: none', async () => {
    const token = unsignedToken({
      ...scopeClaims('msp-operator'),
      aud: SERVICE_TOKEN_AUDIENCE,
      iss: SERVICE_TOKEN_ISSUER,
      iat: now(),
      exp: now() + 60,
    });
    expect(await authorization(`Bearer ${token}`)).toEqual(UNAUTHORIZED);
  });

  test('tampered payload: a department user promoting itself to the MSP', async () => {
    const token = await harness.tokenFor(personaByKey('department-user'));
    const forged = withTamperedPayload(token, (payload) => {
      payload.sub = personaUserId(personaByKey('msp-operator'));
      payload.bu = msp().id;
    });
    expect(await authorization(`Bearer ${forged}`)).toEqual(UNAUTHORIZED);
  });

  test('an unknown user, or a user id that is not a uuid', async () => {
    for (const sub of ['00000000-0000-4000-8000-000000000000', 'morgan', "' or 1=1 --"]) {
      const token = await signed({ ...scopeClaims('msp-operator'), sub });
      expect(await authorization(`Bearer ${token}`), sub).toEqual(UNAUTHORIZED);
    }
    const byEmail = await signed({ ...scopeClaims('msp-operator'), sub: undefined, email: 'nobody@example.com' });
    expect(await authorization(`Bearer ${byEmail}`)).toEqual(UNAUTHORIZED);
  });

  test('an unknown or malformed business unit', async () => {
    for (const bu of ['00000000-0000-4000-8000-000000000000', 'msp', '']) {
      const token = await signed({ ...scopeClaims('msp-operator'), bu });
      expect(await authorization(`Bearer ${token}`), bu).toEqual(UNAUTHORIZED);
    }
  });

  test('a user acting on a business unit outside the host’s home subtree', async () => {
    // Morgan's MSP-wide role covers Fabrikam, but this host's home is Contoso.
    const fabrikam = seededBusinessUnit('fabrikam');
    const contosoHome = await harness.tokenFor(personaByKey('msp-operator'), {
      actingOn: fabrikam.id,
      home: seededBusinessUnit('contoso').id,
    });
    expect(await authorization(`Bearer ${contosoHome}`)).toEqual(UNAUTHORIZED);
    // Nor may a host rooted at Reseller One act on its ancestor, the MSP.
    const above = await harness.tokenFor(personaByKey('msp-operator'), { home: seededBusinessUnit('reseller-one').id });
    expect(await authorization(`Bearer ${above}`)).toEqual(UNAUTHORIZED);
  });

  test.each([
    ['department-user', 'contoso'],
    ['department-user', 'contoso/north/logistics'],
    ['customer-admin', 'reseller-one'],
    ['customer-admin', 'fabrikam'],
    ['customer-one-admin', 'contoso'],
    ['critical-systems-viewer', 'msp/internal/other'],
    ['reseller-admin', 'msp'],
  ])('%s holds no role covering %s', async (personaKey, unitKey) => {
    const token = await harness.tokenFor(personaByKey(personaKey), { actingOn: seededBusinessUnit(unitKey).id });
    expect(await authorization(`Bearer ${token}`)).toEqual(UNAUTHORIZED);
    expect(await authorization(`Bearer ${token}`, '/v1/tenants')).toEqual(UNAUTHORIZED);
  });

  test('every /v1 route, including unknown ones, is behind the token check', async () => {
    for (const path of ['/v1/me', '/v1/business-units', `/v1/business-units/${msp().id}`, '/v1/tenants', '/v1/nope']) {
      expect(await authorization(null, path), path).toEqual(UNAUTHORIZED);
    }
  });
});
