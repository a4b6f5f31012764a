import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BffHarness,
  createBffHarness,
  expectProblem,
  expectValidationFields,
  widgetRequest,
} from '../../../test/support/bff-harness.js';
import { personaByKey, seededBusinessUnit, seedId } from '../../../test/support/seed-model.js';

/** Users, role assignments, data sources and the audit log through a real BFF and cockpit. */
const casey = personaByKey('customer-admin');
const dana = personaByKey('department-user');
const contoso = seededBusinessUnit('contoso');
const north = seededBusinessUnit('contoso/north');
const finance = seededBusinessUnit('contoso/north/finance');
const fabrikam = seededBusinessUnit('fabrikam');

interface User {
  id: string;
  email: string;
  displayName: string;
  businessUnitId: string;
  roles: { id: string; businessUnitId: string; role: string }[];
}

let h: BffHarness;
let caseyToken: string;
let danaToken: string;

beforeAll(async () => {
  h = await createBffHarness();
  caseyToken = await h.openSession(h.mspHost, casey.email, contoso.id);
  danaToken = await h.openSession(h.mspHost, dana.email, finance.id);
});
afterAll(async () => {
  await h?.close();
});

const call = (method: string, path: string, token: string, body?: unknown) =>
  widgetRequest(h.app, method, path, token, body);

async function ok<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

describe('users and role assignments', () => {
  it('lists the users of a unit’s subtree with their roles', async () => {
    const page = await ok<{ items: User[] }>(await call('GET', `/users?businessUnitId=${finance.id}`, caseyToken));
    const danaThere = page.items.find((u) => u.id === seedId('user', dana.key));
    expect(danaThere).toMatchObject({ email: dana.email, businessUnitId: finance.id });
    expect(danaThere?.roles.map((r) => r.role)).toContain('operator');
    expect(page.items.every((u) => u.businessUnitId === finance.id)).toBe(true);
    await expectProblem(await call('GET', `/users?businessUnitId=${fabrikam.id}`, caseyToken), 404);
  });

  it('an admin creates a user, grants a role it holds and revokes it; the audit log shows it', async () => {
    const user = await ok<User>(
      await call('POST', '/users', caseyToken, {
        email: 'pat@contoso.example',
        displayName: 'Pat North',
        businessUnitId: north.id,
      }),
      201,
    );
    expect(user).toMatchObject({ email: 'pat@contoso.example', businessUnitId: north.id, roles: [] });
    const duplicate = await expectProblem(
      await call('POST', '/users', caseyToken, {
        email: 'pat@contoso.example',
        displayName: 'Pat',
        businessUnitId: north.id,
      }),
      409,
    );
    expect(duplicate.errors?.map((e) => e.field)).toContain('body.email');

    const grant = await ok<{ id: string; role: string }>(
      await call('POST', '/role-assignments', caseyToken, {
        userId: user.id,
        businessUnitId: north.id,
        role: 'operator',
      }),
      201,
    );
    expect(grant.role).toBe('operator');
    const withRole = await ok<User>(await call('GET', `/users/${user.id}`, caseyToken));
    expect(withRole.roles.map((r) => r.id)).toEqual([grant.id]);

    expect((await call('DELETE', `/role-assignments/${grant.id}`, caseyToken)).status).toBe(204);
    expect((await ok<User>(await call('GET', `/users/${user.id}`, caseyToken))).roles).toEqual([]);

    const audit = await ok<{ items: { action: string; entityId: string }[] }>(
      await call('GET', `/audit-events?businessUnitId=${north.id}`, caseyToken),
    );
    const actions = audit.items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['user.created', 'role-assignment.granted', 'role-assignment.revoked']),
    );
    // The filters reach the cockpit: a kind's prefix and part of the actor's address.
    const grants = await ok<{ items: { action: string; actor: { email: string } }[] }>(
      await call('GET', `/audit-events?businessUnitId=${north.id}&action=role-assignment.&actor=CASEY`, caseyToken),
    );
    expect(grants.items.map((e) => e.action).sort()).toEqual(['role-assignment.granted', 'role-assignment.revoked']);
    const refused = await expectProblem(await call('GET', '/audit-events?from=soon', caseyToken), 400);
    expect(refused.errors?.map((e) => e.field)).toEqual(['query.from']);
  });

  it('never grants a role the admin does not hold itself', async () => {
    const danaId = seedId('user', dana.key);
    const refused = await expectProblem(
      await call('POST', '/role-assignments', caseyToken, {
        userId: danaId,
        businessUnitId: finance.id,
        role: 'billing',
      }),
      403,
    );
    expect(refused.errors?.map((e) => e.field)).toEqual(['body.role']);
  });

  it('never lets an operator grant or create; a bad body names its fields', async () => {
    await expectProblem(
      await call('POST', '/users', danaToken, {
        email: 'x@contoso.example',
        displayName: 'X',
        businessUnitId: finance.id,
      }),
      403,
    );
    const fields = await expectValidationFields(
      await call('POST', '/users', caseyToken, { email: 'not-an-email', displayName: '', businessUnitId: north.id }),
    );
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.displayName']));
  });
});

describe('data sources', () => {
  it('an admin adds, changes, lists and removes a data source; duplicates name body.externalRef', async () => {
    const body = {
      kind: 'backup-server',
      externalRef: 'bk-fin-01',
      name: 'Finance backup',
      attributes: { port: 8443 },
    };
    const source = await ok<{ id: string; businessUnitId: string }>(
      await call('POST', `/business-units/${finance.id}/data-sources`, caseyToken, body),
      201,
    );
    expect(source.businessUnitId).toBe(finance.id);
    const duplicate = await expectProblem(
      await call('POST', `/business-units/${finance.id}/data-sources`, caseyToken, body),
      409,
    );
    expect(duplicate.errors?.map((e) => e.field)).toContain('body.externalRef');
    const renamed = await ok<{ name: string }>(
      await call('PATCH', `/data-sources/${source.id}`, caseyToken, { name: 'Finance backup 1' }),
    );
    expect(renamed.name).toBe('Finance backup 1');
    const list = await ok<{ items: { id: string }[] }>(
      await call('GET', `/business-units/${finance.id}/data-sources`, danaToken),
    );
    expect(list.items.map((s) => s.id)).toContain(source.id);
    await expectProblem(await call('DELETE', `/data-sources/${source.id}`, danaToken), 403);
    expect((await call('DELETE', `/data-sources/${source.id}`, caseyToken)).status).toBe(204);
    await expectProblem(await call('GET', `/business-units/${fabrikam.id}/data-sources`, caseyToken), 404);
  });
});
