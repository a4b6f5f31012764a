import type { z } from '@hono/zod-openapi';
import type { CallerSchema } from '@scc/contracts/session';
import { roleAssignments } from '@scc/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../../../test/support/cockpit.js';
import { personaByKey, personas, personaUserId, seededBusinessUnit } from '../../../test/support/seed-model.js';

let harness: CockpitHarness;
beforeAll(async () => {
  harness = await createCockpitHarness();
});
afterAll(async () => {
  await harness?.close();
});

type Session = z.infer<typeof CallerSchema>;
const me = async (key: string): Promise<Session> =>
  (await (await harness.get('/v1/me', await harness.tokenFor(personaByKey(key)))).json()) as Session;

const everything = { order: true, terminate: true, restore: true, administer: true, audit: true, brand: true };
const operator = { ...everything, administer: false, audit: false, brand: false };
const nothing = { ...operator, order: false, terminate: false, restore: false };

describe('GET /v1/me: permissions per persona', () => {
  test.each([
    ['msp-operator', everything],
    ['reseller-admin', everything],
    ['customer-admin', everything],
    ['department-user', operator],
    ['critical-systems-viewer', nothing],
  ])('%s', async (key, permissions) => {
    const session = await me(key);
    expect(session.permissions).toEqual(permissions);
    expect(session.assignments).toEqual([]);
  });
  test('every persona has an answer', () => expect(personas.length).toBeGreaterThanOrEqual(5));
});

test('assignments: roles held below the acting unit, none above or on it', async () => {
  const riley = personaByKey('reseller-admin');
  const contoso = seededBusinessUnit('contoso');
  const finance = seededBusinessUnit('contoso/north/finance');
  await harness.database.handle.db.insert(roleAssignments).values([
    { userId: personaUserId(riley), businessUnitId: finance.id, role: 'billing', buPath: finance.path },
    { userId: personaUserId(riley), businessUnitId: contoso.id, role: 'billing', buPath: contoso.path },
  ]);
  const session = await me('reseller-admin');
  expect(session.assignments).toEqual([
    { businessUnitId: contoso.id, role: 'billing' },
    { businessUnitId: finance.id, role: 'billing' },
  ]);
  // Acting on Contoso, its own billing role is a role of the acting unit, and only Finance is below.
  const onContoso = await harness.get('/v1/me', await harness.tokenFor(riley, { actingOn: contoso.id }));
  const body = (await onContoso.json()) as Session;
  expect(body.roles).toEqual(expect.arrayContaining(['admin', 'billing']));
  expect(body.assignments).toEqual([{ businessUnitId: finance.id, role: 'billing' }]);
});
