import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '@scc/contracts/audit';
import { auditEvents } from '@scc/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { comparableBody } from '../../../test/support/answers.js';
import { type CockpitHarness, createCockpitHarness, problemOf, walkPages } from '../../../test/support/cockpit.js';
import { personaByKey, personaUserId, seededBusinessUnit } from '../../../test/support/seed-model.js';

/**
 * The audit log's filters on events written with known times, kinds and actors, so each filter's
 * answer is computed here independently of the query under test.
 */
let harness: CockpitHarness;
let casey: string;
const contoso = seededBusinessUnit('contoso');
const finance = seededBusinessUnit('contoso/north/finance');
const fabrikam = seededBusinessUnit('fabrikam');

interface Written {
  id: string;
  occurredAt: string;
  action: string;
  entityType: string;
  actorEmail: string;
  unit: typeof contoso;
}
const written: Written[] = [];

beforeAll(async () => {
  harness = await createCockpitHarness();
  casey = await harness.tokenFor(personaByKey('customer-admin'));
  const kinds = [
    ['operation-request.submitted', 'operation-request'],
    ['operation-request.cancelled', 'operation-request'],
    ['user.created', 'user'],
    ['business-unit.renamed', 'business-unit'],
  ] as const;
  const actors = ['Dana@Contoso.example', 'casey@contoso.example', 'someone_else@contoso.example'];
  for (let i = 0; i < 24; i++) {
    const [action, entityType] = kinds[i % kinds.length] ?? kinds[0];
    const unit = [contoso, finance, fabrikam][i % 3] ?? contoso;
    const row: Written = {
      id: randomUUID(),
      occurredAt: new Date(Date.UTC(2026, 0, 1 + i, 12)).toISOString(),
      action,
      entityType,
      actorEmail: actors[i % actors.length] ?? '',
      unit,
    };
    written.push(row);
    await harness.database.handle.db.insert(auditEvents).values({
      id: row.id,
      occurredAt: new Date(row.occurredAt),
      actorUserId: personaUserId(personaByKey('customer-admin')),
      actorEmail: row.actorEmail,
      action,
      entityType,
      entityId: randomUUID(),
      businessUnitId: unit.id,
      buPath: unit.path,
      before: null,
      after: { i },
    });
  }
});
afterAll(async () => {
  await harness?.close();
});

const inContoso = (w: Written) => w.unit.path.startsWith(contoso.path);
const newestFirst = (rows: Written[]) =>
  [...rows].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)).map((w) => w.id);
const seen = async (query: string, token = casey) =>
  (await walkPages<AuditEvent>(harness, `/v1/audit-events?${query}`, token, 5)).items.map((e) => e.id);
/** Only the events this file wrote (the seed and the harness may write others, all before 2026). */
const since = 'from=2026-01-01T00:00:00Z';

describe('filters, each paged 5 at a time', () => {
  test('an action prefix ending in a dot', async () => {
    expect(await seen(`${since}&action=operation-request.`)).toEqual(
      newestFirst(written.filter((w) => inContoso(w) && w.action.startsWith('operation-request.'))),
    );
  });
  test('one exact action', async () => {
    expect(await seen(`${since}&action=operation-request.cancelled`)).toEqual(
      newestFirst(written.filter((w) => inContoso(w) && w.action === 'operation-request.cancelled')),
    );
  });
  test('entity type', async () => {
    expect(await seen(`${since}&entityType=user`)).toEqual(
      newestFirst(written.filter((w) => inContoso(w) && w.entityType === 'user')),
    );
  });
  test('part of the actor’s e-mail in any case; `_` is no wildcard', async () => {
    expect(await seen(`${since}&actor=dana%40CONTOSO`)).toEqual(
      newestFirst(written.filter((w) => inContoso(w) && w.actorEmail.startsWith('Dana'))),
    );
    expect(await seen(`${since}&actor=e_e`)).toEqual(
      newestFirst(written.filter((w) => inContoso(w) && w.actorEmail.includes('e_e'))),
    );
    expect(await seen(`${since}&actor=a_a`)).toEqual([]);
  });
  test('from (inclusive) and to (exclusive)', async () => {
    const from = '2026-01-05T12:00:00Z';
    const to = '2026-01-11T12:00:00.000Z';
    expect(await seen(`from=${from}&to=${to}`)).toEqual(
      newestFirst(
        written.filter((w) => inContoso(w) && w.occurredAt >= new Date(from).toISOString() && w.occurredAt < to),
      ),
    );
  });
  test('all at once, inside one unit’s subtree', async () => {
    expect(await seen(`${since}&businessUnitId=${finance.id}&action=user.&actor=CASEY`)).toEqual(
      newestFirst(
        written.filter((w) => w.unit === finance && w.action.startsWith('user.') && w.actorEmail.startsWith('casey')),
      ),
    );
  });
});

test('each event names its unit', async () => {
  const { items } = await walkPages<AuditEvent>(harness, `/v1/audit-events?${since}`, casey, 50);
  const byId = new Map(written.map((w) => [w.id, w.unit.name]));
  expect(items.map((e) => e.businessUnitName)).toEqual(items.map((e) => byId.get(e.id)));
});

describe('refused', () => {
  test.each([
    ['to before from', 'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'query.to'],
    ['a date that is none', 'from=yesterday', 'query.from'],
    ['an action with a wildcard', 'action=user%25', 'query.action'],
    ['an unknown filter', 'kind=user', 'query'],
  ])('%s: 400 naming the field', async (_name, query, field) => {
    const problem = await problemOf(await harness.get(`/v1/audit-events?${query}`, casey));
    expect(problem.status).toBe(400);
    expect(JSON.stringify(problem)).toContain(field);
  });

  test('an operator sees no log: 404 like a foreign unit', async () => {
    const dana = await harness.tokenFor(personaByKey('department-user'));
    const own = await harness.get('/v1/audit-events', dana);
    const foreign = await harness.get(`/v1/audit-events?businessUnitId=${fabrikam.id}`, casey);
    expect(own.status).toBe(404);
    expect(await comparableBody(own)).toEqual(await comparableBody(foreign));
  });
});
