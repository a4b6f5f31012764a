import type { Approval, ApprovalPolicy } from '@scc/contracts/approvals';
import type { OperationRequest } from '@scc/contracts/operations';
import type { SeedPersona } from '@scc/db/seed';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness, problemOf } from '../../../test/support/cockpit.js';
import { personaByKey, personaUserId, seededBusinessUnit, seedId } from '../../../test/support/seed-model.js';
import { rowsOf } from '../../../test/support/sql.js';
import { createWorker, type Worker } from '../operations/worker.js';
import { createLocalProvisioner } from '../provisioner/local-adapter.js';
import { expireApprovals } from './decide.js';

let harness: CockpitHarness;
let worker: Worker;

/** Admins beside the seed's personas, for quorums of two at Contoso. */
const extraAdmin = (key: string, unitKey: string): SeedPersona => ({
  key,
  email: `${key}@approvals.test`,
  displayName: key,
  businessUnit: unitKey,
  role: 'admin',
  description: 'a second admin for four eyes',
});
const contosoAdmin2 = extraAdmin('contoso-admin-2', 'contoso');
const contosoAdmin3 = extraAdmin('contoso-admin-3', 'contoso');

beforeAll(async () => {
  harness = await createCockpitHarness();
  worker = createWorker({
    db: harness.database.handle.db,
    provisioner: createLocalProvisioner(harness.database.handle.db, { stepDelayMs: 0 }),
    clock: harness.clock,
  });
  for (const persona of [contosoAdmin2, contosoAdmin3]) {
    const unit = seededBusinessUnit(persona.businessUnit);
    const id = personaUserId(persona);
    await harness.database.handle.db.execute(sql`insert into users (id, email, display_name, business_unit_id, bu_path)
      values (${id}, ${persona.email}, ${persona.displayName}, ${unit.id}, ${unit.path}::ltree)`);
    await harness.database.handle.db.execute(sql`insert into role_assignments (user_id, business_unit_id, role, bu_path)
      values (${id}, ${unit.id}, 'admin', ${unit.path}::ltree)`);
  }
});
afterAll(async () => {
  await harness?.close();
});

const BAAS = seedId('product', 'BAAS');
const ERP = seedId('product', 'ERP');
const tenant = (key: string) => seedId('tenant', key);
const unit = (key: string) => seededBusinessUnit(key);

async function query<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await harness.database.handle.db.execute(q));
}

const tokenOf = (who: string | SeedPersona) => harness.tokenFor(typeof who === 'string' ? personaByKey(who) : who);

async function terminate(who: string, tenantKey: string): Promise<OperationRequest> {
  const response = await harness.send('POST', '/v1/operation-requests', await tokenOf(who), {
    kind: 'decommission',
    tenantId: tenant(tenantKey),
  });
  expect(response.status, await response.clone().text()).toBe(202);
  return (await response.json()) as OperationRequest;
}

async function requestById(id: string): Promise<OperationRequest> {
  const response = await harness.get(`/v1/operation-requests/${id}`, await tokenOf('msp-operator'));
  return (await response.json()) as OperationRequest;
}

async function approvalOf(requestId: string): Promise<string> {
  const [row] = await query<{ id: string }>(sql`select id from approvals where operation_request_id = ${requestId}`);
  if (!row) throw new Error(`no approval for ${requestId}`);
  return row.id;
}

function decide(who: string | SeedPersona, approvalId: string, decision: 'approve' | 'reject', comment?: string) {
  return tokenOf(who).then((token) =>
    harness.send('POST', `/v1/approvals/${approvalId}/${decision}`, token, comment ? { comment } : {}),
  );
}

async function pending(who: string | SeedPersona): Promise<Approval[]> {
  const response = await harness.get('/v1/approvals?state=pending', await tokenOf(who));
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Approval[] }).items;
}

async function setPolicy(
  who: string,
  unitKey: string,
  subject: string,
  rule: { quorum: number; expiryHours: number },
  productId?: string,
) {
  const response = await harness.send(
    'PUT',
    `/v1/business-units/${unit(unitKey).id}/approval-policies/${subject}${productId ? `?productId=${productId}` : ''}`,
    await tokenOf(who),
    rule,
  );
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ApprovalPolicy;
}

async function clearPolicy(who: string, unitKey: string, subject: string, productId?: string) {
  const response = await harness.send(
    'DELETE',
    `/v1/business-units/${unit(unitKey).id}/approval-policies/${subject}${productId ? `?productId=${productId}` : ''}`,
    await tokenOf(who),
  );
  expect(response.status, await response.clone().text()).toBe(200);
}

/** The database's message for a refused statement (drizzle wraps it as the cause). */
const refusal = (statement: Promise<unknown>) =>
  statement.then(
    () => 'accepted',
    (error: Error) => `${error.message} ${(error.cause as Error | undefined)?.message ?? ''}`,
  );

const auditActions = async (entityId: string) =>
  (
    await query<{ action: string }>(
      sql`select action from audit_events where entity_id = ${entityId} order by occurred_at, id`,
    )
  ).map((r) => r.action);

describe('terminating a productive tenant (product default: one other admin)', () => {
  let request: OperationRequest;
  let approvalId: string;

  test('the request waits for approval and no worker takes it', async () => {
    request = await terminate('customer-admin', 'contoso-stores-backup');
    expect(request).toMatchObject({ state: 'awaiting-approval', step: 'Waiting for approval' });
    approvalId = await approvalOf(request.id);
    expect(await worker.runUntilIdle()).toBe(0);
    const [live] = await query<{ lifecycle_status: string }>(
      sql`select lifecycle_status from tenants where id = ${tenant('contoso-stores-backup')}`,
    );
    expect(live?.lifecycle_status).toBe('live');
    // A second termination while the first waits is refused: one open termination per tenant.
    const second = await harness.send('POST', '/v1/operation-requests', await tokenOf('reseller-admin'), {
      kind: 'decommission',
      tenantId: tenant('contoso-stores-backup'),
    });
    expect(second.status).toBe(422);
  });

  test('the requester cannot approve, even as an admin; viewers, operators and foreign admins see nothing', async () => {
    const own = await decide('customer-admin', approvalId, 'approve');
    expect(own.status).toBe(403);
    expect((await problemOf(own)).errors?.[0]).toMatchObject({ field: 'path.id', rule: 'four-eyes' });
    expect((await pending('customer-admin')).map((a) => a.id)).not.toContain(approvalId);
    for (const outsider of ['department-user', 'customer-one-admin', 'critical-systems-viewer']) {
      expect((await decide(outsider, approvalId, 'approve')).status, outsider).toBe(404);
      expect((await harness.get(`/v1/approvals/${approvalId}`, await tokenOf(outsider))).status, outsider).toBe(404);
      expect((await pending(outsider)).map((a) => a.id)).not.toContain(approvalId);
    }
    // The requester reads it, without the actions.
    const mine = await harness.get(`/v1/approvals/${approvalId}`, await tokenOf('customer-admin'));
    expect(await mine.json()).toMatchObject({ state: 'pending', allowedActions: [], quorum: 1, approvals: 0 });
    expect((await requestById(request.id)).state).toBe('awaiting-approval');
  });

  test('an admin above approves: the request is queued with its event, then runs', async () => {
    const listed = await pending('reseller-admin');
    expect(listed.find((a) => a.id === approvalId)).toMatchObject({
      subject: 'terminate-productive',
      operationRequest: { id: request.id, kind: 'decommission', tenantId: tenant('contoso-stores-backup') },
      allowedActions: ['approve', 'reject'],
    });
    const approved = await decide('reseller-admin', approvalId, 'approve', 'Checked with the customer');
    expect(approved.status, await approved.clone().text()).toBe(200);
    expect(await approved.json()).toMatchObject({ state: 'approved', approvals: 1 });
    expect((await requestById(request.id)).state).toBe('queued');
    const events = await query<{ state: string }>(
      sql`select payload->>'state' as state from operation_request_events where request_id = ${request.id} order by id`,
    );
    expect(events.map((e) => e.state)).toEqual(['awaiting-approval', 'queued']);
    expect(await worker.runUntilIdle()).toBeGreaterThanOrEqual(1);
    const [retained] = await query<{ lifecycle_status: string }>(
      sql`select lifecycle_status from tenants where id = ${tenant('contoso-stores-backup')}`,
    );
    expect(retained?.lifecycle_status).toBe('retained');
    expect(await auditActions(approvalId)).toEqual(['approval.requested', 'approval.approved']);
    // Decided: a second decision is a conflict.
    expect((await decide('msp-operator', approvalId, 'approve')).status).toBe(409);
  });
});

describe('rejecting', () => {
  test('one rejection ends the request rejected and the tenant stays live', async () => {
    const request = await terminate('customer-admin', 'contoso-finance-backup');
    const approvalId = await approvalOf(request.id);
    const rejected = await decide('reseller-admin', approvalId, 'reject', 'Not during the audit');
    expect(rejected.status, await rejected.clone().text()).toBe(200);
    expect(await rejected.json()).toMatchObject({
      state: 'rejected',
      decisions: [{ decision: 'reject', comment: 'Not during the audit' }],
    });
    const ended = await requestById(request.id);
    expect(ended).toMatchObject({ state: 'rejected', error: { code: 'approval-rejected' } });
    expect(await worker.runUntilIdle()).toBe(0);
    const [live] = await query<{ lifecycle_status: string }>(
      sql`select lifecycle_status from tenants where id = ${tenant('contoso-finance-backup')}`,
    );
    expect(live?.lifecycle_status).toBe('live');
    expect(await auditActions(approvalId)).toEqual(['approval.requested', 'approval.rejected']);
    expect(await auditActions(request.id)).toEqual(['operation-request.submitted', 'operation-request.rejected']);
  });

  test('the requester may cancel while it waits; the approval ends cancelled', async () => {
    const request = await terminate('customer-admin', 'contoso-finance-backup');
    const approvalId = await approvalOf(request.id);
    const cancelled = await harness.send(
      'POST',
      `/v1/operation-requests/${request.id}/cancel`,
      await tokenOf('customer-admin'),
    );
    expect(cancelled.status, await cancelled.clone().text()).toBe(200);
    const [row] = await query<{ state: string }>(sql`select state from approvals where id = ${approvalId}`);
    expect(row?.state).toBe('cancelled');
    expect((await decide('reseller-admin', approvalId, 'approve')).status).toBe(409);
  });
});

describe('quorum of two', () => {
  test('needs two different admins; racing approvals queue the request exactly once', async () => {
    await setPolicy('customer-admin', 'contoso', 'terminate-productive', { quorum: 2, expiryHours: 24 }, ERP);
    for (let round = 0; round < 3; round++) {
      const request = await terminate('customer-admin', 'contoso-erp-prod');
      const approvalId = await approvalOf(request.id);
      expect((await decide(contosoAdmin2, approvalId, 'approve')).status).toBe(200);
      // The same admin twice does not make two.
      const again = await decide(contosoAdmin2, approvalId, 'approve');
      expect(again.status).toBe(409);
      expect((await problemOf(again)).errors?.[0]?.rule).toBe('four-eyes');
      expect((await requestById(request.id)).state).toBe('awaiting-approval');
      // Two more admins race for the second approval: one completes the quorum, the other finds it decided.
      const answers = await Promise.all([
        decide(contosoAdmin3, approvalId, 'approve'),
        decide('reseller-admin', approvalId, 'approve'),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const queued = await query<{ n: number }>(sql`select count(*)::int as n from operation_request_events
        where request_id = ${request.id} and payload->>'state' = 'queued'`);
      expect(queued[0]?.n).toBe(1);
      const decisions = await query<{ n: number }>(
        sql`select count(*)::int as n from approval_decisions where approval_id = ${approvalId}`,
      );
      expect(decisions[0]?.n).toBe(2);
      // Cancel it again, so the next round can terminate the same tenant.
      const cancel = await harness.send(
        'POST',
        `/v1/operation-requests/${request.id}/cancel`,
        await tokenOf('customer-admin'),
      );
      expect(cancel.status, await cancel.clone().text()).toBe(200);
    }
    await clearPolicy('customer-admin', 'contoso', 'terminate-productive', ERP);
  });

  test('the database itself refuses a requester’s decision and a second one of a user', async () => {
    const request = await terminate('customer-admin', 'contoso-erp-prod');
    const approvalId = await approvalOf(request.id);
    const requester = personaUserId(personaByKey('customer-admin'));
    const path = unit('contoso').path;
    const insert = (userId: string) =>
      harness.database.handle.db.execute(sql`insert into approval_decisions
        (approval_id, requested_by_user_id, decided_by_user_id, decided_by_email, decision, decided_at, bu_path)
        values (${approvalId}, ${requester}, ${userId}, 'x@example.com', 'approve', now(), ${path}::ltree)`);
    expect(await refusal(insert(requester))).toMatch(/approval_decisions_not_requester/);
    // A wrong requester copied into the row does not get past the foreign key either.
    expect(
      await refusal(
        harness.database.handle.db.execute(sql`insert into approval_decisions
          (approval_id, requested_by_user_id, decided_by_user_id, decided_by_email, decision, decided_at, bu_path)
          values (${approvalId}, ${personaUserId(contosoAdmin2)}, ${requester}, 'x@example.com', 'approve', now(), ${path}::ltree)`),
      ),
    ).toMatch(/approval_decisions_approval/);
    await insert(personaUserId(contosoAdmin2));
    expect(await refusal(insert(personaUserId(contosoAdmin2)))).toMatch(/approval_decisions_once_per_user/);
    await harness.send('POST', `/v1/operation-requests/${request.id}/cancel`, await tokenOf('customer-admin'));
  });
});

describe('expiry', () => {
  test('a decision after the expiry ends the request rejected (approval-expired) and is refused', async () => {
    await setPolicy('customer-admin', 'contoso', 'terminate-productive', { quorum: 1, expiryHours: 1 }, BAAS);
    const request = await terminate('customer-admin', 'contoso-logistics-backup');
    const approvalId = await approvalOf(request.id);
    harness.clock.advance(61 * 60 * 1000);
    const late = await decide('reseller-admin', approvalId, 'approve');
    expect(late.status).toBe(409);
    expect((await problemOf(late)).errors?.[0]?.rule).toBe('approval-expired');
    expect(await requestById(request.id)).toMatchObject({ state: 'rejected', error: { code: 'approval-expired' } });
    expect(await auditActions(approvalId)).toEqual(['approval.requested', 'approval.expired']);
  });

  test('the sweep ends expired approvals and leaves the others', async () => {
    const request = await terminate('customer-admin', 'contoso-logistics-backup');
    const approvalId = await approvalOf(request.id);
    harness.clock.advance(30 * 60 * 1000);
    expect(await expireApprovals(harness.database.handle.db, harness.clock)).toBe(0);
    harness.clock.advance(31 * 60 * 1000);
    expect(await expireApprovals(harness.database.handle.db, harness.clock)).toBe(1);
    expect(await expireApprovals(harness.database.handle.db, harness.clock)).toBe(0);
    expect(await requestById(request.id)).toMatchObject({ state: 'rejected', error: { code: 'approval-expired' } });
    const [row] = await query<{ state: string }>(sql`select state from approvals where id = ${approvalId}`);
    expect(row?.state).toBe('expired');
    await clearPolicy('customer-admin', 'contoso', 'terminate-productive', BAAS);
  });
});

describe('policies down the tree', () => {
  const policyAt = async (who: string, unitKey: string, subject: string, productId?: string) => {
    const response = await harness.get(
      `/v1/business-units/${unit(unitKey).id}/approval-policies/${subject}${productId ? `?productId=${productId}` : ''}`,
      await tokenOf(who),
    );
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as ApprovalPolicy;
  };

  test('a unit’s policy replaces the default; the strictest on a path holds; clearing it lets the one above hold again', async () => {
    expect(await policyAt('customer-admin', 'contoso/north', 'terminate-productive', BAAS)).toMatchObject({
      own: null,
      effective: { quorum: 1 },
      source: 'product-default',
    });
    // The reseller says: no approval in its subtree.
    await setPolicy('reseller-admin', 'reseller-one', 'terminate-productive', { quorum: 0, expiryHours: 24 }, BAAS);
    const seen = await policyAt('customer-admin', 'contoso/north', 'terminate-productive', BAAS);
    // From below, the policy holds but the unit above the caller's own is not named.
    expect(seen).toMatchObject({ effective: null, source: 'unit', sourceBusinessUnitId: null });
    expect(await policyAt('reseller-admin', 'contoso/north', 'terminate-productive', BAAS)).toMatchObject({
      sourceBusinessUnitId: unit('reseller-one').id,
    });
    // ... which holds for Contoso's terminations: queued at once.
    const atOnce = await terminate('customer-admin', 'contoso-finance-backup');
    expect(atOnce.state).toBe('queued');
    await harness.send('POST', `/v1/operation-requests/${atOnce.id}/cancel`, await tokenOf('customer-admin'));
    // Contoso North asks for two again, for its subtree only.
    await setPolicy('customer-admin', 'contoso/north', 'terminate-productive', { quorum: 2, expiryHours: 12 }, BAAS);
    expect(await policyAt('customer-admin', 'contoso/north/finance', 'terminate-productive', BAAS)).toMatchObject({
      effective: { quorum: 2, expiryHours: 12 },
      source: 'unit',
      sourceBusinessUnitId: unit('contoso/north').id,
    });
    const waits = await terminate('customer-admin', 'contoso-finance-backup');
    expect(waits.state).toBe('awaiting-approval');
    const [approval] = await query<{ quorum: number }>(
      sql`select quorum from approvals where operation_request_id = ${waits.id}`,
    );
    expect(approval?.quorum).toBe(2);
    await harness.send('POST', `/v1/operation-requests/${waits.id}/cancel`, await tokenOf('customer-admin'));
    // Contoso South still follows the reseller.
    expect((await policyAt('customer-admin', 'contoso/south', 'terminate-productive', BAAS)).effective).toBeNull();
    // Below a unit asking for two, Contoso cannot ask for fewer: refused, naming the field, nothing written.
    const fewer = await harness.send(
      'PUT',
      `/v1/business-units/${unit('contoso/north/finance').id}/approval-policies/terminate-productive?productId=${BAAS}`,
      await tokenOf('customer-admin'),
      { quorum: 1, expiryHours: 12 },
    );
    expect(fewer.status).toBe(400);
    expect(((await fewer.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('body.quorum');
    expect(await policyAt('customer-admin', 'contoso/north/finance', 'terminate-productive', BAAS)).toMatchObject({
      own: null,
      effective: { quorum: 2 },
    });
    // A unit above that tightens later outvotes a looser policy below it: the strictest holds.
    await setPolicy(
      'customer-admin',
      'contoso/north/finance',
      'terminate-productive',
      { quorum: 3, expiryHours: 12 },
      BAAS,
    );
    await setPolicy('customer-admin', 'contoso/north', 'terminate-productive', { quorum: 4, expiryHours: 6 }, BAAS);
    expect(await policyAt('customer-admin', 'contoso/north/finance', 'terminate-productive', BAAS)).toMatchObject({
      own: { quorum: 3 },
      effective: { quorum: 4, expiryHours: 6 },
      sourceBusinessUnitId: unit('contoso/north').id,
    });
    await clearPolicy('customer-admin', 'contoso/north/finance', 'terminate-productive', BAAS);
    await clearPolicy('customer-admin', 'contoso/north', 'terminate-productive', BAAS);
    expect((await policyAt('customer-admin', 'contoso/north', 'terminate-productive', BAAS)).effective).toBeNull();
    await clearPolicy('reseller-admin', 'reseller-one', 'terminate-productive', BAAS);
    expect(await policyAt('customer-admin', 'contoso/north', 'terminate-productive', BAAS)).toMatchObject({
      source: 'product-default',
    });
    const changes = await query<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'approval-policy.changed'`,
    );
    expect(changes[0]?.n).toBeGreaterThanOrEqual(4);
  });

  test('only admins of the unit change its policy; bad input names the field', async () => {
    const url = (unitKey: string, query = `?productId=${BAAS}`) =>
      `/v1/business-units/${unit(unitKey).id}/approval-policies/terminate-productive${query}`;
    const rule = { quorum: 1, expiryHours: 24 };
    expect(
      (await harness.send('PUT', url('contoso/north/finance'), await tokenOf('department-user'), rule)).status,
    ).toBe(403);
    expect((await harness.send('PUT', url('contoso'), await tokenOf('customer-one-admin'), rule)).status).toBe(404);
    const noProduct = await harness.send('PUT', url('contoso', ''), await tokenOf('customer-admin'), rule);
    expect(noProduct.status).toBe(400);
    expect((await problemOf(noProduct)).errors?.[0]?.field).toBe('query.productId');
    const tooMany = await harness.send('PUT', url('contoso'), await tokenOf('customer-admin'), { ...rule, quorum: 11 });
    expect(tooMany.status).toBe(400);
    expect((await problemOf(tooMany)).errors?.[0]?.field).toBe('body.quorum');
    const moveWithProduct = await harness.send(
      'PUT',
      `/v1/business-units/${unit('contoso').id}/approval-policies/subtree-move?productId=${BAAS}`,
      await tokenOf('customer-admin'),
      rule,
    );
    expect(moveWithProduct.status).toBe(400);
  });
});

describe('subtree moves where the policy asks for approval', () => {
  const move = async (who: string, unitKey: string, newParentKey: string) =>
    harness.send('POST', `/v1/business-units/${unit(unitKey).id}/move`, await tokenOf(who), {
      newParentId: unit(newParentKey).id,
    });
  const parentOf = async (unitKey: string) =>
    (await query<{ parent_id: string }>(sql`select parent_id from business_units where id = ${unit(unitKey).id}`))[0]
      ?.parent_id;

  test('the move waits with its preview, and runs when approved', async () => {
    await setPolicy('customer-admin', 'contoso', 'subtree-move', { quorum: 1, expiryHours: 24 });
    const held = await move('customer-admin', 'contoso/south/stores', 'contoso/north');
    expect(held.status, await held.clone().text()).toBe(202);
    const approval = (await held.json()) as Approval;
    expect(approval).toMatchObject({
      subject: 'subtree-move',
      state: 'pending',
      move: { businessUnitId: unit('contoso/south/stores').id, newParentId: unit('contoso/north').id },
    });
    expect(approval.move?.preview.counts.tenants).toBeGreaterThanOrEqual(1);
    expect(await parentOf('contoso/south/stores')).toBe(unit('contoso/south').id);
    // A second move of the same unit while one waits.
    expect((await move('customer-admin', 'contoso/south/stores', 'contoso')).status).toBe(409);
    expect((await decide('customer-admin', approval.id, 'approve')).status).toBe(403);
    const approved = await decide(contosoAdmin2, approval.id, 'approve');
    expect(approved.status, await approved.clone().text()).toBe(200);
    expect(await approved.json()).toMatchObject({ state: 'approved' });
    expect(await parentOf('contoso/south/stores')).toBe(unit('contoso/north').id);
    const [tenantPath] = await query<{ bu_path: string }>(
      sql`select bu_path::text from tenants where id = ${tenant('contoso-stores-backup')}`,
    );
    expect(tenantPath?.bu_path.startsWith(unit('contoso/north').path)).toBe(true);
  });

  test('an approved move the tree no longer allows is refused with the reason, nothing moved', async () => {
    // Stores (now under North) is to go under South; meanwhile South moves under Stores: a cycle.
    const held = await move('customer-admin', 'contoso/south/stores', 'contoso/south');
    expect(held.status).toBe(202);
    const approval = (await held.json()) as Approval;
    await clearPolicy('customer-admin', 'contoso', 'subtree-move');
    expect((await move('customer-admin', 'contoso/south', 'contoso/south/stores')).status).toBe(200);
    const approved = await decide(contosoAdmin2, approval.id, 'approve');
    expect(approved.status, await approved.clone().text()).toBe(200);
    const body = (await approved.json()) as Approval;
    expect(body).toMatchObject({ state: 'failed', error: { code: 'move-refused' } });
    expect(body.error?.message).toMatch(/under itself/);
    expect(await parentOf('contoso/south/stores')).toBe(unit('contoso/north').id);
  });
});
