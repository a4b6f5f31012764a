import type { AlertPage, CreatedWebhookEndpoint } from '@scc/contracts/alerts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseAlert } from '../../cockpit/src/alerts/raise.js';
import { type BffHarness, createBffHarness, expectProblem, widgetRequest } from '../support/bff-harness.js';
import { personaByKey, seededBusinessUnit } from '../support/seed-model.js';

/**
 * The parts' borders for alerts: a host's backend manages its endpoints through the BFF with its
 * API key, never a widget token; a widget reads and marks its subtree's alerts through the BFF.
 */
let h: BffHarness;
const contoso = seededBusinessUnit('contoso');
const globex = seededBusinessUnit('globex');

const asHost = (apiKey: string, method: string, path: string, body?: unknown) =>
  h.app.request(`/v1/webhook-endpoints${path}`, {
    method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  h = await createBffHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('webhook endpoints through the BFF', () => {
  it('a host registers, lists and removes its endpoints with its API key; https only', async () => {
    const key = h.resellerHost.apiKey;
    const created = await asHost(key, 'POST', '', {
      url: 'https://reseller.example/hooks',
      businessUnitId: contoso.id,
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const endpoint = (await created.json()) as CreatedWebhookEndpoint;
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = (await (await asHost(key, 'GET', '')).json()) as { items: { id: string }[] };
    expect(listed.items.map((e) => e.id)).toEqual([endpoint.id]);
    await expectProblem(await asHost(h.mspHost.apiKey, 'DELETE', `/${endpoint.id}`), 404);
    await expectProblem(await asHost(key, 'POST', '', { url: 'http://reseller.example/hooks' }), 400);
    // Globex is no customer of Reseller One: outside the host's home subtree.
    await expectProblem(await asHost(key, 'POST', '', { url: 'https://r.example/h', businessUnitId: globex.id }), 404);
    expect((await asHost(key, 'DELETE', `/${endpoint.id}`)).status).toBe(204);
    expect(((await (await asHost(key, 'GET', '')).json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('refuses a widget token and a missing key', async () => {
    const token = await h.openSession(h.mspHost, personaByKey('customer-admin').email, contoso.id);
    await expectProblem(await asHost(token, 'GET', ''), 401);
    await expectProblem(await h.app.request('/v1/webhook-endpoints'), 401);
  });
});

describe('alerts in the widget API', () => {
  it('lists the subtree’s alerts with the unread count and marks them read', async () => {
    const alert = await h.database.handle.db.transaction((tx) =>
      raiseAlert(tx, {
        kind: 'retention-expiring',
        businessUnitId: contoso.id,
        subject: { tenantName: 'Old archive', retainedUntil: '2026-12-01T00:00:00.000Z' },
        dedupeKey: 'test:contoso-retention',
        raisedAt: new Date(),
      }),
    );
    expect(alert).toBeDefined();
    const casey = await h.openSession(h.mspHost, personaByKey('customer-admin').email, contoso.id);
    const page = (await (await widgetRequest(h.app, 'GET', '/alerts', casey)).json()) as AlertPage;
    expect(page.items).toEqual([
      expect.objectContaining({ id: alert?.id, read: false, businessUnitName: 'Contoso Retail' }),
    ]);
    expect(page.unread).toBe(1);
    const marked = await widgetRequest(h.app, 'POST', '/alerts/read', casey, { all: true });
    expect(await marked.json()).toEqual({ marked: 1, unread: 0 });

    const customerOneAdmin = personaByKey('customer-one-admin');
    const outsider = await h.openSession(h.mspHost, customerOneAdmin.email, seededBusinessUnit('customer-one').id);
    const theirs = (await (await widgetRequest(h.app, 'GET', '/alerts', outsider)).json()) as AlertPage;
    expect(theirs).toEqual({ items: [], nextCursor: null, unread: 0 });
  });
});
