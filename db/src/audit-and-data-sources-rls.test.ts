import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seededBusinessUnit, seedId } from '../../test/support/seed-model.js';
import { rowsOf, sqlErrorOf } from '../../test/support/sql.js';
import type { Database } from './client.js';
import { auditEvents, dataSources } from './schema/index.js';
import { withScope } from './scoped.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

/**
 * The new business-unit-owned tables under the application role with forgotten WHEREs, and the
 * audit log's append-only guarantee, which holds against the application role and the owner.
 */
let database: TestDatabase;
let db: Database;

const contoso = seededBusinessUnit('contoso');
const finance = seededBusinessUnit('contoso/north/finance');
const fabrikam = seededBusinessUnit('fabrikam');
const actor = seedId('user', 'msp-operator');
const ids = (rows: unknown) =>
  rowsOf<{ id: string }>(rows)
    .map((r) => r.id)
    .sort();

const eventFor = (unit: typeof contoso, id: string) => ({
  id,
  actorUserId: actor,
  actorEmail: 'morgan@northstar-msp.example',
  action: 'business-unit.updated',
  entityType: 'business-unit',
  entityId: unit.id,
  businessUnitId: unit.id,
  before: { name: 'old' },
  after: { name: unit.name },
  buPath: unit.path,
});

const contosoEvents = [seedId('audit', 'c1'), seedId('audit', 'c2')];
const financeEvent = seedId('audit', 'f1');
const fabrikamEvent = seedId('audit', 'x1');

beforeAll(async () => {
  database = await createTestDatabase({ seed: true });
  db = database.handle.db;
  await db.insert(dataSources).values([
    {
      id: seedId('ds', 'c'),
      businessUnitId: contoso.id,
      kind: 'backup-server',
      externalRef: 'C-1',
      name: 'C',
      buPath: contoso.path,
    },
    {
      id: seedId('ds', 'f'),
      businessUnitId: finance.id,
      kind: 'backup-server',
      externalRef: 'F-1',
      name: 'F',
      buPath: finance.path,
    },
    {
      id: seedId('ds', 'x'),
      businessUnitId: fabrikam.id,
      kind: 'backup-server',
      externalRef: 'X-1',
      name: 'X',
      buPath: fabrikam.path,
    },
  ]);
  await db
    .insert(auditEvents)
    .values([
      eventFor(contoso, contosoEvents[0] ?? ''),
      eventFor(contoso, contosoEvents[1] ?? ''),
      eventFor(finance, financeEvent),
      eventFor(fabrikam, fabrikamEvent),
    ]);
});
afterAll(async () => {
  await database?.drop();
});

describe('a query without WHERE under withScope', () => {
  test('data_sources: only the scope’s subtree', async () => {
    const rows = await withScope(db, contoso.path, (tx) => tx.execute(sql`select * from data_sources`));
    expect(ids(rows)).toEqual([seedId('ds', 'c'), seedId('ds', 'f')].sort());
    const narrower = await withScope(db, finance.path, (tx) => tx.execute(sql`select * from data_sources`));
    expect(ids(narrower)).toEqual([seedId('ds', 'f')]);
  });

  test('a data source’s last usage day: its own newest record, and only in the scope', async () => {
    // Fabrikam's source reported later days; the walk from the newest day passes them.
    for (const [source, unit, day] of [
      ['f', finance, '2026-10-01'],
      ['f', finance, '2026-10-03'],
      ['x', fabrikam, '2026-10-04'],
      ['x', fabrikam, '2026-10-07'],
    ] as const) {
      await db.execute(sql`insert into usage_records (data_source_id, day, metrics, business_unit_id, bu_path, billed_path)
        values (${seedId('ds', source)}, ${day}::date, '{"stored_gb":"1"}', ${unit.id}, ${unit.path}::ltree, ${unit.path}::ltree)`);
    }
    const lastDay = (scope: string, source: string) =>
      withScope(db, scope, async (tx) =>
        rowsOf<{ day: string | null }>(
          await tx.execute(sql`select scc_last_usage_day(${seedId('ds', source)})::text as day`),
        ).map((r) => r.day),
      );
    expect(await lastDay(contoso.path, 'f')).toEqual(['2026-10-03']);
    expect(await lastDay(fabrikam.path, 'x')).toEqual(['2026-10-07']);
    expect(await lastDay(contoso.path, 'c')).toEqual([null]);
    expect(await lastDay(contoso.path, 'x')).toEqual([null]);
    expect(await lastDay(fabrikam.path, 'f')).toEqual([null]);
  });

  test('two months of daily usage: the last usage day and the stored GB quotas count are the newest day’s', async () => {
    // As the demo's collector leaves them, before any ANALYZE: the planner then joined the source's
    // rows to the walked days in key order, oldest first (the demo showed the first day as the last).
    // Only the newest day is the answer. Stored GB grows by one a day.
    const days = sql`generate_series('2026-08-01'::date, '2026-09-29'::date, interval '1 day') day`;
    // Contoso's source and a dozen more of the unit, as many as the demo's.
    await db.execute(sql`insert into usage_records (data_source_id, day, metrics, business_unit_id, bu_path, billed_path)
      select coalesce(source, ${seedId('ds', 'c')}::uuid), day::date, '{"stored_gb":"1"}', ${contoso.id},
        ${contoso.path}::ltree, ${contoso.path}::ltree
      from ${days}, (select null::uuid as source union all select gen_random_uuid() from generate_series(1, 12)) sources`);
    await db.execute(sql`insert into usage_daily_totals (day, bu_path, billed_path, usage_class, metric, quantity, records)
      select day::date, ${contoso.path}::ltree, ${contoso.path}::ltree, 'other', 'stored_gb', day::date - '2026-07-31'::date, 1
      from ${days}`);
    // Whatever join the planner picks: the answer must not depend on the order rows come in.
    const joins = ['nestloop', 'hashjoin', 'mergejoin'] as const;
    const onlyJoin = (join: (typeof joins)[number]) =>
      sql.join(
        joins.map((j) => sql`set_config(${`enable_${j}`}, ${j === join ? 'on' : 'off'}, true)`),
        sql`, `,
      );
    for (const join of joins) {
      const lastDay = await withScope(db, contoso.path, async (tx) => {
        await tx.execute(sql`select ${onlyJoin(join)}`);
        return rowsOf<{ day: string | null }>(
          await tx.execute(sql`select scc_last_usage_day(${seedId('ds', 'c')})::text as day`),
        ).map((r) => r.day);
      });
      // Quotas are counted on the owner connection (after an upload commits).
      const stored = await db.transaction(async (tx) => {
        await tx.execute(sql`select ${onlyJoin(join)}`);
        return rowsOf<{ stored: string }>(
          await tx.execute(sql`select scc_quota_consumption_of(${contoso.path}::ltree, 'stored_gb')::text as stored`),
        ).map((r) => r.stored);
      });
      expect({ join, lastDay, stored }).toEqual({ join, lastDay: ['2026-09-29'], stored: ['60'] });
    }
  });

  test('audit_events: only the scope’s subtree', async () => {
    const rows = await withScope(db, contoso.path, (tx) => tx.execute(sql`select * from audit_events`));
    expect(ids(rows)).toEqual([...contosoEvents, financeEvent].sort());
    const other = await withScope(db, fabrikam.path, (tx) => tx.execute(sql`select * from audit_events`));
    expect(ids(other)).toEqual([fabrikamEvent]);
  });

  test('business_units: only the scope’s subtree', async () => {
    const rows = await withScope(db, finance.path, (tx) => tx.execute(sql`select * from business_units`));
    expect(rowsOf<{ path: string }>(rows).every((r) => r.path.startsWith(finance.path))).toBe(true);
    expect(ids(rows)).toContain(finance.id);
    expect(ids(rows)).not.toContain(contoso.id);
  });

  test('data sources cannot be smuggled into another subtree', async () => {
    const error = await sqlErrorOf(
      withScope(db, contoso.path, (tx) =>
        tx.execute(sql`insert into data_sources (business_unit_id, kind, external_ref, name, bu_path)
          values (${fabrikam.id}, 'x', 'smuggled', 'S', ${fabrikam.path}::ltree)`),
      ),
    );
    expect(error.code).toBe('42501');
  });

  test('audit events cannot be written for another subtree', async () => {
    const error = await sqlErrorOf(
      withScope(db, contoso.path, (tx) =>
        tx.insert(auditEvents).values({ ...eventFor(fabrikam, seedId('audit', 'forged')) }),
      ),
    );
    expect(error.code).toBe('42501');
  });
});

describe('the audit log is append-only', () => {
  test('the application role can insert an event in its scope (control)', async () => {
    const id = seedId('audit', 'inserted');
    await withScope(db, contoso.path, (tx) => tx.insert(auditEvents).values(eventFor(contoso, id)));
    expect(ids(await db.execute(sql`select id from audit_events where id = ${id}`))).toEqual([id]);
  });

  test.each([
    ['update', sql`update audit_events set after = '{"name":"forged"}'::jsonb`],
    ['update of the placement', sql`update audit_events set bu_path = bu_path`],
    ['delete', sql`delete from audit_events`],
    ['truncate', sql`truncate audit_events`],
  ])('the application role may not %s, even without WHERE', async (_name, statement) => {
    const error = await sqlErrorOf(withScope(db, contoso.path, (tx) => tx.execute(statement)));
    expect(error.code).toBe('42501');
  });

  test.each([
    ['update', sql`update audit_events set after = '{"name":"forged"}'::jsonb where id = ${financeEvent}`],
    [
      'update of the placement',
      sql`update audit_events set bu_path = ${fabrikam.path}::ltree where id = ${financeEvent}`,
    ],
    ['delete', sql`delete from audit_events where id = ${financeEvent}`],
    ['truncate', sql`truncate audit_events`],
  ])('even the owner may not %s: the guard trigger refuses', async (_name, statement) => {
    const error = await sqlErrorOf(db.execute(statement));
    expect(error.message).toMatch(/append-only/);
    const [row] = rowsOf<{ after: unknown; bu_path: string }>(
      await db.execute(sql`select after, bu_path from audit_events where id = ${financeEvent}`),
    );
    expect(row).toEqual({ after: { name: finance.name }, bu_path: finance.path });
  });

  test('the rebase function refuses anything but a completed move inside the scope', async () => {
    // Nothing has moved: the unit still lives at its old path.
    const notMoved = await sqlErrorOf(
      withScope(db, contoso.path, (tx) =>
        tx.execute(
          sql`select scc_rebase_audit_events(${finance.path}::ltree, ${`${contoso.path}.${finance.path.split('.').at(-1)}`}::ltree)`,
        ),
      ),
    );
    expect(notMoved.code).toBe('42501');
    // Out of the scope.
    const outside = await sqlErrorOf(
      withScope(db, contoso.path, (tx) =>
        tx.execute(sql`select scc_rebase_audit_events(${fabrikam.path}::ltree, ${contoso.path}::ltree)`),
      ),
    );
    expect(outside.code).toBe('42501');
    const [row] = rowsOf<{ bu_path: string }>(
      await db.execute(sql`select bu_path from audit_events where id = ${financeEvent}`),
    );
    expect(row?.bu_path).toBe(finance.path);
  });
});
