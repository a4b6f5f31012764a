import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BffHarness, createBffHarness, expectProblem } from '../../../test/support/bff-harness.js';
import { personaByKey, seededBusinessUnit, seedId } from '../../../test/support/seed-model.js';

const casey = personaByKey('customer-admin');
const reseller = personaByKey('reseller-admin');
const dana = personaByKey('department-user');
const contoso = seededBusinessUnit('contoso');
const baas = seedId('product', 'BAAS');

let h: BffHarness;
beforeAll(async () => {
  h = await createBffHarness();
});
afterAll(async () => {
  await h?.close();
});

const call = (as: string, path: string, json?: unknown, method = json === undefined ? 'GET' : 'POST') =>
  h.app.request(`/v1/widget${path}`, {
    method,
    headers: {
      authorization: `Bearer ${as}`,
      origin: h.resellerHost.origin,
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });

it('forwards four eyes: the request waits, the requester cannot approve, another admin does', async () => {
  const requester = await h.openSession(h.resellerHost, casey.email, contoso.id);
  const approver = await h.openSession(h.resellerHost, reseller.email, seededBusinessUnit(reseller.businessUnit).id);
  const operator = await h.openSession(h.resellerHost, dana.email, seededBusinessUnit(dana.businessUnit).id);
  const submitted = await call(requester, '/operation-requests', {
    kind: 'decommission',
    tenantId: seedId('tenant', 'contoso-erp-prod'),
  });
  expect(submitted.status, await submitted.clone().text()).toBe(202);
  const request = (await submitted.json()) as { id: string; state: string };
  expect(request.state).toBe('awaiting-approval');

  const listed = await call(approver, '/approvals?state=pending');
  expect(listed.status).toBe(200);
  const { items } = (await listed.json()) as { items: { id: string; operationRequest: { id: string } | null }[] };
  const approval = items.find((a) => a.operationRequest?.id === request.id);
  expect(approval).toBeDefined();
  const id = approval?.id ?? '';

  expect((await call(requester, `/approvals/${id}`)).status).toBe(200);
  await expectProblem(await call(requester, `/approvals/${id}/approve`, {}), 403);
  await expectProblem(await call(operator, `/approvals/${id}`), 404);
  await expectProblem(await call(approver, `/approvals/${id}/approve`, { comment: 'x'.repeat(2001) }), 400);

  const approved = await call(approver, `/approvals/${id}/approve`, { comment: 'Fine' });
  expect(approved.status, await approved.clone().text()).toBe(200);
  expect(await approved.json()).toMatchObject({ state: 'approved', decisions: [{ comment: 'Fine' }] });
  const after = await call(requester, `/operation-requests?state=open`);
  const open = (await after.json()) as { items: { id: string; state: string }[] };
  expect(open.items.find((r) => r.id === request.id)?.state).toBe('queued');
});

it('forwards the approval policies of a unit', async () => {
  const admin = await h.openSession(h.resellerHost, casey.email, contoso.id);
  const path = `/business-units/${contoso.id}/approval-policies/terminate-productive?productId=${baas}`;
  const set = await call(admin, path, { quorum: 2, expiryHours: 24 }, 'PUT');
  expect(set.status, await set.clone().text()).toBe(200);
  expect(await set.json()).toMatchObject({
    own: { quorum: 2 },
    effective: { quorum: 2, expiryHours: 24 },
    source: 'unit',
  });
  const read = await call(admin, path);
  expect(await read.json()).toMatchObject({ own: { quorum: 2 } });
  const cleared = await call(admin, path, undefined, 'DELETE');
  expect(await cleared.json()).toMatchObject({ own: null, source: 'product-default' });
  await expectProblem(
    await call(admin, `/business-units/${contoso.id}/approval-policies/terminate-productive`, undefined),
    400,
  );
});
