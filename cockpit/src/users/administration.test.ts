import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '@scc/contracts/audit';
import type { DataSource } from '@scc/contracts/data-sources';
import type { User } from '@scc/contracts/users';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness, problemOf, walkPages } from '../../../test/support/cockpit.js';
import { personaByKey, personas, personaUserId, seededBusinessUnit } from '../../../test/support/seed-model.js';
import { rowsOf } from '../../../test/support/sql.js';

let harness: CockpitHarness;
let casey: string;
let riley: string;
let dana: string;

beforeAll(async () => {
  harness = await createCockpitHarness();
  casey = await harness.tokenFor(personaByKey('customer-admin'));
  riley = await harness.tokenFor(personaByKey('reseller-admin'));
  dana = await harness.tokenFor(personaByKey('department-user'));
});
afterAll(async () => {
  await harness?.close();
});

const contoso = seededBusinessUnit('contoso');
const finance = seededBusinessUnit('contoso/north/finance');
const fabrikam = seededBusinessUnit('fabrikam');
const count = async (table: string) =>
  rowsOf<{ n: number }>(
    await harness.database.handle.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`),
  )[0]?.n;

describe('users', () => {
  test('list: exactly the users whose home lies in the subtree, with their roles', async () => {
    const { items } = await walkPages<User>(harness, '/v1/users', casey, 1);
    const expected = personas.filter((p) => p.businessUnit.startsWith('contoso'));
    expect(items.map((u) => u.email)).toEqual(expected.map((p) => p.email).sort());
    const dept = items.find((u) => u.email === personaByKey('department-user').email);
    expect(dept?.roles).toEqual([
      { id: expect.any(String), businessUnitId: finance.id, businessUnitName: 'Finance', role: 'operator' },
    ]);
    const under = await harness.get(`/v1/users?businessUnitId=${finance.id}`, casey);
    expect(((await under.json()) as { items: User[] }).items.map((u) => u.id)).toEqual([
      personaUserId(personaByKey('department-user')),
    ]);
    expect((await harness.get(`/v1/users?businessUnitId=${fabrikam.id}`, casey)).status).toBe(404);
    expect((await harness.get(`/v1/users/${personaUserId(personaByKey('reseller-admin'))}`, casey)).status).toBe(404);
  });

  test('create, rename, delete; duplicates and bad input refused; each change audited', async () => {
    const body = { email: 'New.Person@Contoso.example', displayName: 'New Person', businessUnitId: finance.id };
    const created = await harness.send('POST', '/v1/users', casey, body);
    expect(created.status, await created.clone().text()).toBe(201);
    const user = (await created.json()) as User;
    expect(user).toEqual({
      id: expect.any(String),
      email: 'new.person@contoso.example',
      displayName: 'New Person',
      businessUnitId: finance.id,
      roles: [],
    });
    const duplicate = await problemOf(await harness.send('POST', '/v1/users', casey, body));
    expect(duplicate.status).toBe(409);
    expect(duplicate.errors?.map((e) => e.field)).toEqual(['body.email']);
    for (const [bad, field] of [
      [{ ...body, email: 'not-an-email' }, 'body.email'],
      [{ ...body, displayName: '' }, 'body.displayName'],
      [{ ...body, displayName: 'd'.repeat(201) }, 'body.displayName'],
    ] as const) {
      const problem = await problemOf(await harness.send('POST', '/v1/users', casey, bad));
      expect(problem.errors?.map((e) => e.field)).toEqual([field]);
    }
    expect(
      (await harness.send('POST', '/v1/users', casey, { ...body, email: 'x@y.example', businessUnitId: fabrikam.id }))
        .status,
    ).toBe(404);
    expect((await harness.send('POST', '/v1/users', dana, { ...body, email: 'x@y.example' })).status).toBe(403);

    const renamed = await harness.send('PATCH', `/v1/users/${user.id}`, casey, { displayName: 'Renamed' });
    expect(((await renamed.json()) as User).displayName).toBe('Renamed');
    expect((await harness.send('DELETE', `/v1/users/${user.id}`, casey)).status).toBe(204);
    expect((await harness.get(`/v1/users/${user.id}`, casey)).status).toBe(404);
    const self = await problemOf(
      await harness.send('DELETE', `/v1/users/${personaUserId(personaByKey('customer-admin'))}`, casey),
    );
    expect(self.status).toBe(409);
    const actions = rowsOf<{ action: string }>(
      await harness.database.handle.db.execute(
        sql`select action from audit_events where entity_id = ${user.id} order by occurred_at`,
      ),
    ).map((r) => r.action);
    expect(actions).toEqual(['user.created', 'user.updated', 'user.deleted']);
  });
});

describe('deleting a user who holds roles outside the caller’s subtree', () => {
  test('is refused (409) and removes nothing, not even the visible roles', async () => {
    const created = await harness.send('POST', '/v1/users', casey, {
      email: 'two.hats@contoso.example',
      displayName: 'Two hats',
      businessUnitId: finance.id,
    });
    const user = (await created.json()) as User;
    // The reseller admin, who sees both customers, gives this Contoso user a role at Fabrikam too.
    const atFabrikam = await harness.send('POST', '/v1/role-assignments', riley, {
      userId: user.id,
      businessUnitId: fabrikam.id,
      role: 'viewer',
    });
    expect(atFabrikam.status).toBe(201);
    const atFinance = await harness.send('POST', '/v1/role-assignments', casey, {
      userId: user.id,
      businessUnitId: finance.id,
      role: 'viewer',
    });
    expect(atFinance.status).toBe(201);
    const before = await count('role_assignments');
    const problem = await problemOf(await harness.send('DELETE', `/v1/users/${user.id}`, casey));
    expect(problem.status).toBe(409);
    expect(await count('role_assignments')).toBe(before);
    expect((await harness.get(`/v1/users/${user.id}`, casey)).status).toBe(200);
    // The reseller admin sees both and may delete the user.
    expect((await harness.send('DELETE', `/v1/users/${user.id}`, riley)).status).toBe(204);
    expect(await count('role_assignments')).toBe((before ?? 0) - 2);
  });
});

describe('role assignments: delegated administration without escalation', () => {
  test('an admin grants and revokes roles it holds, inside its subtree only', async () => {
    const dept = personaUserId(personaByKey('department-user'));
    const granted = await harness.send('POST', '/v1/role-assignments', casey, {
      userId: dept,
      businessUnitId: finance.id,
      role: 'admin',
    });
    expect(granted.status, await granted.clone().text()).toBe(201);
    const assignment = (await granted.json()) as { id: string; role: string };
    expect(assignment).toEqual({ id: expect.any(String), userId: dept, businessUnitId: finance.id, role: 'admin' });
    const again = await problemOf(
      await harness.send('POST', '/v1/role-assignments', casey, {
        userId: dept,
        businessUnitId: finance.id,
        role: 'admin',
      }),
    );
    expect(again.status).toBe(409);
    expect((await harness.send('DELETE', `/v1/role-assignments/${assignment.id}`, casey)).status).toBe(204);
    expect((await harness.send('DELETE', `/v1/role-assignments/${assignment.id}`, casey)).status).toBe(404);
  });

  test('never a role the granter does not hold: billing from an admin is a 403 naming body.role', async () => {
    const dept = personaUserId(personaByKey('department-user'));
    const before = await count('role_assignments');
    const problem = await problemOf(
      await harness.send('POST', '/v1/role-assignments', casey, {
        userId: dept,
        businessUnitId: finance.id,
        role: 'billing',
      }),
    );
    expect(problem.status).toBe(403);
    expect(problem.errors?.map((e) => e.field)).toEqual(['body.role']);
    // An operator cannot grant at all, not even viewer.
    const operator = await problemOf(
      await harness.send('POST', '/v1/role-assignments', dana, {
        userId: dept,
        businessUnitId: finance.id,
        role: 'viewer',
      }),
    );
    expect(operator.status).toBe(403);
    expect(await count('role_assignments')).toBe(before);
  });

  test('never above or beside its own unit: foreign units and users are 404', async () => {
    const dept = personaUserId(personaByKey('department-user'));
    const riley_ = personaUserId(personaByKey('reseller-admin'));
    expect(
      (
        await harness.send('POST', '/v1/role-assignments', casey, {
          userId: dept,
          businessUnitId: seededBusinessUnit('reseller-one').id,
          role: 'viewer',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await harness.send('POST', '/v1/role-assignments', casey, {
          userId: dept,
          businessUnitId: fabrikam.id,
          role: 'viewer',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await harness.send('POST', '/v1/role-assignments', casey, {
          userId: riley_,
          businessUnitId: contoso.id,
          role: 'viewer',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await harness.send('POST', '/v1/role-assignments', casey, {
          userId: randomUUID(),
          businessUnitId: contoso.id,
          role: 'viewer',
        })
      ).status,
    ).toBe(404);
  });

  test('an admin cannot revoke its own last admin role', async () => {
    const caseyUser = (await (
      await harness.get(`/v1/users/${personaUserId(personaByKey('customer-admin'))}`, casey)
    ).json()) as User;
    const own = caseyUser.roles.find((r) => r.role === 'admin');
    const problem = await problemOf(await harness.send('DELETE', `/v1/role-assignments/${own?.id}`, casey));
    expect(problem.status).toBe(409);
    expect((await harness.get('/v1/me', casey)).status).toBe(200);
  });
});

describe('data sources', () => {
  test('create, list, change, delete; duplicates refused; foreign units 404', async () => {
    const body = {
      kind: 'backup-server',
      externalRef: 'BK-01',
      name: 'Backup one',
      attributes: { port: 8443, tls: true },
    };
    const created = await harness.send('POST', `/v1/business-units/${finance.id}/data-sources`, casey, body);
    expect(created.status, await created.clone().text()).toBe(201);
    const source = (await created.json()) as DataSource;
    expect(source).toMatchObject({ ...body, businessUnitId: finance.id, lastUsageDay: null });
    const duplicate = await problemOf(
      await harness.send('POST', `/v1/business-units/${finance.id}/data-sources`, casey, body),
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.errors?.map((e) => e.field)).toEqual(['body.externalRef']);
    const bad = await problemOf(
      await harness.send('POST', `/v1/business-units/${finance.id}/data-sources`, casey, { ...body, kind: '' }),
    );
    expect(bad.errors?.map((e) => e.field)).toEqual(['body.kind']);
    expect((await harness.send('POST', `/v1/business-units/${fabrikam.id}/data-sources`, casey, body)).status).toBe(
      404,
    );
    expect(
      (
        await harness.send('POST', `/v1/business-units/${finance.id}/data-sources`, dana, {
          ...body,
          externalRef: 'BK-02',
        })
      ).status,
    ).toBe(403);

    // A collector's days (stored here directly, as the ingest would): the screen shows the latest.
    for (const day of ['2026-09-30', '2026-10-02', '2026-10-01']) {
      await harness.database.handle.db.execute(
        sql`insert into usage_records (data_source_id, day, metrics, business_unit_id, bu_path, billed_path)
            select id, ${day}::date, '{"stored_gb":"1"}', business_unit_id, bu_path, bu_path from data_sources where id = ${source.id}`,
      );
    }
    const list = await harness.get(`/v1/business-units/${finance.id}/data-sources`, dana);
    const listed = ((await list.json()) as { items: DataSource[] }).items;
    expect(listed.map((s) => [s.id, s.lastUsageDay])).toEqual([[source.id, '2026-10-02']]);
    const changed = await harness.send('PATCH', `/v1/data-sources/${source.id}`, casey, { name: 'Backup 1' });
    expect(((await changed.json()) as DataSource).name).toBe('Backup 1');
    const fabrikamAdmin = riley;
    expect((await harness.get(`/v1/data-sources/${source.id}`, fabrikamAdmin)).status).toBe(200);
    expect((await harness.send('DELETE', `/v1/data-sources/${source.id}`, dana)).status).toBe(403);
    expect((await harness.send('DELETE', `/v1/data-sources/${source.id}`, casey)).status).toBe(204);
    expect((await harness.get(`/v1/data-sources/${source.id}`, casey)).status).toBe(404);
  });
});

describe('audit events', () => {
  test('newest first, paged, per subtree; for admins only', async () => {
    const north = seededBusinessUnit('contoso/north');
    for (const name of ['A', 'B', 'C']) {
      expect((await harness.send('POST', '/v1/business-units', casey, { parentId: north.id, name })).status).toBe(201);
    }
    const { items } = await walkPages<AuditEvent>(harness, '/v1/audit-events', casey, 2);
    const all = rowsOf<{ id: string }>(
      await harness.database.handle.db.execute(
        sql`select id from audit_events where bu_path <@ ${contoso.path}::ltree order by occurred_at desc, id desc`,
      ),
    ).map((r) => r.id);
    expect(items.map((e) => e.id)).toEqual(all);
    expect(items[0]).toMatchObject({
      action: 'business-unit.created',
      actor: { userId: personaUserId(personaByKey('customer-admin')), email: personaByKey('customer-admin').email },
      after: { name: 'C' },
    });
    const financeLog = await harness.get(`/v1/audit-events?businessUnitId=${finance.id}`, casey);
    const financeIds = ((await financeLog.json()) as { items: AuditEvent[] }).items.map((e) => e.id);
    expect(financeIds.length).toBeLessThan(items.length);
    expect(items.map((e) => e.id)).toEqual(expect.arrayContaining(financeIds));
    // An operator is no admin: the log is as absent for it as a foreign unit's.
    expect((await harness.get('/v1/audit-events', dana)).status).toBe(404);
    expect((await harness.get(`/v1/audit-events?businessUnitId=${fabrikam.id}`, casey)).status).toBe(404);
  });
});

test('every kind of change made in this file left its audit event', async () => {
  const actions = rowsOf<{ action: string }>(
    await harness.database.handle.db.execute(sql`select distinct action from audit_events order by action`),
  ).map((r) => r.action);
  expect(actions).toEqual([
    'business-unit.created',
    'data-source.created',
    'data-source.deleted',
    'data-source.updated',
    'role-assignment.granted',
    'role-assignment.revoked',
    'user.created',
    'user.deleted',
    'user.updated',
  ]);
});
