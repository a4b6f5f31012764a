import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparableBody } from '../../../test/support/answers.js';
import {
  type BffHarness,
  createBffHarness,
  embedSessionInit,
  expectProblem,
  expectValidationFields,
  PUBLIC_URL,
} from '../../../test/support/bff-harness.js';
import { personaByKey, seededBusinessUnit, seedId } from '../../../test/support/seed-model.js';
import { createBffApp } from '../app.js';
import { widgetTokenIssuer } from '../embed-sessions/widget-token.js';
import { generateSigningKey, loadSigningKey } from '../keys/signing-keys.js';

const casey = personaByKey('customer-admin');
const dana = personaByKey('department-user');
const elliot = personaByKey('customer-one-admin');
const contoso = seededBusinessUnit('contoso');
const contosoFinance = seededBusinessUnit('contoso/north/finance');
const customerOne = seededBusinessUnit('customer-one');

let h: BffHarness;
beforeAll(async () => {
  h = await createBffHarness();
});
afterAll(async () => {
  await h?.close();
});

const post = (apiKey: string | undefined, body: unknown) =>
  h.app.request('/v1/embed-sessions', embedSessionInit(apiKey, body));
const caseyOnContoso = { user: { email: casey.email }, businessUnitId: contoso.id };

describe('POST /v1/embed-sessions', () => {
  it('opens a session: an ES256 widget token for the user, bound to this BFF, ten minutes long', async () => {
    const res = await post(h.mspHost.apiKey, caseyOnContoso);
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json\b/);
    // The answer is a bearer credential: no cache may keep it.
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const body = (await res.json()) as { token: string; tokenType: string; expiresAt: string; expiresIn: number };
    expect(body.tokenType).toBe('Bearer');

    const header = decodeProtectedHeader(body.token);
    expect(header.alg).toBe('ES256');
    expect(header.kid).toBe(h.widgetKey.kid);

    const claims = decodeJwt(body.token);
    expect(claims.iss).toBe(PUBLIC_URL);
    expect(claims.aud).toBe(PUBLIC_URL);
    expect(claims.sub).toBe(seedId('user', casey.key));
    expect(claims.bu).toBe(contoso.id);
    expect(claims.host).toBe(h.mspHost.entry.id);
    expect(typeof claims.iat).toBe('number');
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(600);
    expect(body.expiresAt).toBe(new Date((claims.exp ?? 0) * 1000).toISOString());
    expect(body.expiresIn).toBeGreaterThan(0);
    expect(body.expiresIn).toBeLessThanOrEqual(600);
    // Nothing of the host's credentials travels to the browser.
    expect(JSON.stringify(body)).not.toContain(h.mspHost.apiKey);
  });

  it('issues tokens that verify against the served JWKS, which holds no private key material', async () => {
    const res = await post(h.mspHost.apiKey, caseyOnContoso);
    const { token } = (await res.json()) as { token: string };

    const jwksRes = await h.app.request('/.well-known/jwks.json');
    expect(jwksRes.status).toBe(200);
    const jwks = (await jwksRes.json()) as JSONWebKeySet;
    expect(jwks.keys.map((k) => k.kid)).toEqual([h.widgetKey.kid]);
    for (const key of jwks.keys) {
      expect(key).not.toHaveProperty('d');
      expect(key.kty).toBe('EC');
      expect(key.crv).toBe('P-256');
    }
    expect(JSON.stringify(jwks)).not.toContain(String(h.widgetKey.privateJwk.d));

    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), {
      algorithms: ['ES256'],
      issuer: PUBLIC_URL,
      audience: PUBLIC_URL,
    });
    expect(protectedHeader.kid).toBe(h.widgetKey.kid);
    expect(payload.sub).toBe(seedId('user', casey.key));
  });

  it('serves a JWKS without private parts for a key loaded from a private JWK, with previous keys', async () => {
    const fresh = await generateSigningKey('widget-loaded-1');
    const previous = await generateSigningKey('widget-previous-1');
    const loaded = await loadSigningKey(JSON.stringify(fresh.privateJwk));
    const app = createBffApp({
      hosts: h.registry,
      tokens: widgetTokenIssuer({ publicUrl: PUBLIC_URL, signingKey: loaded, previousKeys: [previous] }),
      cockpit: h.cockpit,
    });
    const jwks = (await (await app.request('/.well-known/jwks.json')).json()) as JSONWebKeySet;
    expect(jwks.keys.map((k) => k.kid)).toEqual(['widget-loaded-1', 'widget-previous-1']);
    for (const key of jwks.keys) expect(key).not.toHaveProperty('d');
    expect(JSON.stringify(jwks)).not.toContain(String(fresh.privateJwk.d));
    expect(JSON.stringify(jwks)).not.toContain(String(previous.privateJwk.d));
  });

  it('matches the e-mail address case-insensitively', async () => {
    const res = await post(h.mspHost.apiKey, {
      user: { email: casey.email.toUpperCase() },
      businessUnitId: contoso.id,
    });
    expect(res.status).toBe(201);
    const { token } = (await res.json()) as { token: string };
    expect(decodeJwt(token).sub).toBe(seedId('user', casey.key));
  });

  it('opens sessions on descendants of the user’s unit, never on its ancestors', async () => {
    const down = await post(h.mspHost.apiKey, { user: { email: casey.email }, businessUnitId: contosoFinance.id });
    expect(down.status).toBe(201);
    const own = await post(h.mspHost.apiKey, { user: { email: dana.email }, businessUnitId: contosoFinance.id });
    expect(own.status).toBe(201);
    const up = await post(h.mspHost.apiKey, { user: { email: dana.email }, businessUnitId: contoso.id });
    await expectProblem(up, 404);
  });

  describe('host authentication', () => {
    it.each([
      ['no Authorization header', undefined],
      ['a garbage key', 'garbage'],
      ['an empty key', ''],
      ['a key of an unknown host', 'ghost-portal.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ])('refuses %s with 401 and no detail', async (_name, apiKey) => {
      const res = await post(apiKey, caseyOnContoso);
      const body = await expectProblem(res, 401);
      expect(body).not.toHaveProperty('detail');
      expect(body).not.toHaveProperty('errors');
    });

    it('refuses a well-formed key of a registered host that is not its key', async () => {
      const other = `${h.mspHost.entry.id}.${'x'.repeat(43)}`;
      const body = await expectProblem(await post(other, caseyOnContoso), 401);
      expect(body).not.toHaveProperty('detail');
    });

    it('refuses the registered key with any one character changed', async () => {
      const key = h.mspHost.apiKey;
      const secretStart = key.indexOf('.') + 1;
      for (const at of [secretStart, secretStart + 10, key.length - 1]) {
        const changed = key.slice(0, at) + (key[at] === 'A' ? 'B' : 'A') + key.slice(at + 1);
        expect(changed).not.toBe(key);
        const body = await expectProblem(await post(changed, caseyOnContoso), 401);
        expect(body).not.toHaveProperty('detail');
      }
      const truncated = await post(key.slice(0, -1), caseyOnContoso);
      await expectProblem(truncated, 401);
      const extended = await post(`${key}A`, caseyOnContoso);
      await expectProblem(extended, 401);
    });

    it('refuses one host’s key used under another host’s id', async () => {
      const secret = h.resellerHost.apiKey.slice(h.resellerHost.apiKey.indexOf('.') + 1);
      await expectProblem(await post(`${h.mspHost.entry.id}.${secret}`, caseyOnContoso), 401);
    });

    it('refuses the stored hash presented as the key, and other schemes', async () => {
      await expectProblem(await post(h.mspHost.entry.apiKeyHash, caseyOnContoso), 401);
      const basic = await h.app.request('/v1/embed-sessions', {
        method: 'POST',
        headers: { authorization: `Basic ${h.mspHost.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(caseyOnContoso),
      });
      await expectProblem(basic, 401);
    });

    it('refuses a widget token in place of the API key', async () => {
      const token = await h.openSession(h.mspHost, casey.email, contoso.id);
      await expectProblem(await post(token, caseyOnContoso), 401);
    });

    it('answers every refused key with the same body', async () => {
      const bodies = await Promise.all(
        [undefined, 'garbage', `${h.mspHost.apiKey}x`, 'ghost-portal.x'].map(async (k) =>
          comparableBody(await post(k, caseyOnContoso)),
        ),
      );
      expect(new Set(bodies).size).toBe(1);
    });

    it('checks the key before looking at the body', async () => {
      const res = await h.app.request('/v1/embed-sessions', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'not json',
      });
      await expectProblem(res, 401);
    });

    it('cannot be bypassed through path variants', async () => {
      for (const path of ['/v1/embed-sessions/', '/v1/embed-sessions//', '/v1//embed-sessions', '/V1/embed-sessions']) {
        const res = await h.app.request(path, embedSessionInit(undefined, caseyOnContoso));
        expect([401, 404], path).toContain(res.status);
      }
    });
  });

  describe('scope: the host’s home subtree', () => {
    it('opens a session inside the home subtree of a host rooted at Reseller One', async () => {
      const res = await post(h.resellerHost.apiKey, caseyOnContoso);
      expect(res.status).toBe(201);
      const { token } = (await res.json()) as { token: string };
      expect(decodeJwt(token).host).toBe(h.resellerHost.entry.id);
    });

    it('answers a unit outside the home subtree exactly like an unknown user or a nonexistent unit', async () => {
      const outside = await post(h.resellerHost.apiKey, {
        user: { email: elliot.email },
        businessUnitId: customerOne.id,
      });
      const outsideBody = await expectProblem(outside, 404);

      // The same user can open a session there through a host whose home covers it.
      expect(
        (await post(h.mspHost.apiKey, { user: { email: elliot.email }, businessUnitId: customerOne.id })).status,
      ).toBe(201);

      const unknownUser = await post(h.resellerHost.apiKey, {
        user: { email: 'nobody@contoso.example' },
        businessUnitId: contoso.id,
      });
      const unknownUserBody = await expectProblem(unknownUser, 404);

      const nonexistentUnit = await post(h.resellerHost.apiKey, {
        user: { email: casey.email },
        businessUnitId: randomUUID(),
      });
      const nonexistentBody = await expectProblem(nonexistentUnit, 404);

      const userWithoutRoleThere = await post(h.resellerHost.apiKey, {
        user: { email: elliot.email },
        businessUnitId: contoso.id,
      });
      const noRoleBody = await expectProblem(userWithoutRoleThere, 404);

      expect(unknownUserBody).toEqual(outsideBody);
      expect(nonexistentBody).toEqual(outsideBody);
      expect(noRoleBody).toEqual(outsideBody);
      expect(outsideBody).not.toHaveProperty('errors');
      expect(JSON.stringify(outsideBody)).not.toContain(customerOne.name);
    });

    it('refuses the MSP root through a host rooted at Reseller One, even for the MSP operator', async () => {
      const morgan = personaByKey('msp-operator');
      const res = await post(h.resellerHost.apiKey, {
        user: { email: morgan.email },
        businessUnitId: seededBusinessUnit('msp').id,
      });
      await expectProblem(res, 404);
    });
  });

  describe('request validation', () => {
    it('answers malformed JSON with 400 naming body', async () => {
      const fields = await expectValidationFields(await post(h.mspHost.apiKey, '{"user": {"email": '));
      expect(fields).toEqual(['body']);
    });

    it('answers an unknown field with 400 naming it', async () => {
      const top = await post(h.mspHost.apiKey, { ...caseyOnContoso, role: 'admin' });
      expect(await expectValidationFields(top)).toEqual(['body.role']);
      const nested = await post(h.mspHost.apiKey, {
        user: { email: casey.email, id: seedId('user', 'msp-operator') },
        businessUnitId: contoso.id,
      });
      expect(await expectValidationFields(nested)).toEqual(['body.user.id']);
    });

    it('answers wrong types with 400 naming each field', async () => {
      const res = await post(h.mspHost.apiKey, { user: { email: 42 }, businessUnitId: 7 });
      const fields = await expectValidationFields(res);
      expect(fields.sort()).toEqual(['body.businessUnitId', 'body.user.email']);

      const notEmail = await post(h.mspHost.apiKey, { user: { email: 'casey' }, businessUnitId: 'contoso' });
      expect((await expectValidationFields(notEmail)).sort()).toEqual(['body.businessUnitId', 'body.user.email']);

      const userNotObject = await post(h.mspHost.apiKey, { user: casey.email, businessUnitId: contoso.id });
      expect(await expectValidationFields(userNotObject)).toEqual(['body.user']);

      const empty = await post(h.mspHost.apiKey, {});
      expect((await expectValidationFields(empty)).sort()).toEqual(['body.businessUnitId', 'body.user']);

      const array = await post(h.mspHost.apiKey, [caseyOnContoso]);
      expect(await expectValidationFields(array)).toEqual(['body']);
    });

    it.each([
      ['text/plain', 'text/plain'],
      ['form data', 'application/x-www-form-urlencoded'],
      ['no content type', undefined],
    ])('answers %s with 415', async (_name, contentType) => {
      const res = await h.app.request('/v1/embed-sessions', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${h.mspHost.apiKey}`,
          ...(contentType ? { 'content-type': contentType } : {}),
        },
        body: JSON.stringify(caseyOnContoso),
      });
      await expectProblem(res, 415);
    });

    it('accepts a JSON content type with a charset', async () => {
      const res = await h.app.request('/v1/embed-sessions', {
        method: 'POST',
        headers: { authorization: `Bearer ${h.mspHost.apiKey}`, 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(caseyOnContoso),
      });
      expect(res.status).toBe(201);
    });
  });
});
