import { eq, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seededBusinessUnit, seedId } from '../../test/support/seed-model.js';
import { sqlErrorOf } from '../../test/support/sql.js';
import type { Database } from './client.js';
import { executeRows } from './rows.js';
import { businessUnits, embedSessions, totpCredentials, users } from './schema/index.js';
import { withScope } from './scoped.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

/**
 * Migration 0021: TOTP credentials are reachable only through SECURITY DEFINER functions that act
 * for the user of a live embed session, never through the table, and the functions keep codes
 * replay-proof, failures counted and recovery codes single-use in the statement that checks them.
 */
let database: TestDatabase;
let db: Database;

const msp = seededBusinessUnit('msp');
const contoso = seededBusinessUnit('contoso');
const finance = seededBusinessUnit('contoso/north/finance');
const casey = seedId('user', 'customer-admin');
const dana = seedId('user', 'department-user');
const sessions = {
  casey: seedId('session', 'casey'),
  dana: seedId('session', 'dana'),
  revoked: seedId('session', 'casey-revoked'),
  expired: seedId('session', 'casey-expired'),
};
const now = new Date('2030-01-01T12:00:00.000Z');
const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/** Runs `query` as the application role inside the caller's scope, as the cockpit does. */
async function asApp<T>(scope: string, query: SQL): Promise<T[]> {
  return withScope(db, scope, (tx) => executeRows<T>(tx, query));
}
const one = async (scope: string, query: SQL) => (await asApp<{ v: unknown }>(scope, sql`select ${query} as v`))[0]?.v;

beforeAll(async () => {
  database = await createTestDatabase({ seed: true });
  db = database.handle.db;
  const session = (id: string, userId: string, unit: typeof contoso, extra = {}) => ({
    id,
    hostId: 'test-host',
    userId,
    businessUnitId: unit.id,
    buPath: unit.path,
    expiresAt: sql`now() + interval '10 minutes'`,
    ...extra,
  });
  await db
    .insert(embedSessions)
    .values([
      session(sessions.casey, casey, contoso),
      session(sessions.dana, dana, finance),
      session(sessions.revoked, casey, contoso, { revokedAt: sql`now()` }),
      session(sessions.expired, casey, contoso, { expiresAt: sql`now() - interval '1 second'` }),
    ]);
});
afterAll(async () => {
  await database?.drop();
});

describe('the totp_credentials table', () => {
  test('is closed to the application role, whatever its scope', async () => {
    expect((await sqlErrorOf(withScope(db, msp.path, (tx) => tx.select().from(totpCredentials)))).code).toBe('42501');
    const write = withScope(db, msp.path, (tx) => tx.insert(totpCredentials).values({ userId: casey, secret: 'x' }));
    expect((await sqlErrorOf(write)).code).toBe('42501');
  });
});

describe('the functions act for the user of a live embed session only', () => {
  test('an enrolment lands on the session’s user, and no other session sees it', async () => {
    expect(await one(contoso.path, sql`scc_totp_begin_enrolment(${sessions.casey}::uuid, 'sealed-1')`)).toBe(true);
    const [row] = await db.select().from(totpCredentials).where(eq(totpCredentials.userId, casey));
    expect(row).toMatchObject({ pendingSecret: 'sealed-1', secret: null });
    const seenBy = (session: string) =>
      asApp<{ user_id: string }>(finance.path, sql`select user_id from scc_totp_credential(${session}::uuid)`);
    expect(await seenBy(sessions.dana)).toEqual([]);
    expect(await seenBy(sessions.casey)).toEqual([{ user_id: casey }]);
  });

  test('a revoked or expired session does nothing', async () => {
    for (const session of [sessions.revoked, sessions.expired]) {
      expect(await one(contoso.path, sql`scc_totp_begin_enrolment(${session}::uuid, 'sealed-evil')`)).toBeNull();
      expect(await asApp(contoso.path, sql`select * from scc_totp_credential(${session}::uuid)`)).toEqual([]);
    }
    const [row] = await db.select().from(totpCredentials).where(eq(totpCredentials.userId, casey));
    expect(row?.pendingSecret).toBe('sealed-1');
  });
});

describe('checking codes', () => {
  const step = 63_000_000;
  const accept = (s: number, instant = now) =>
    one(contoso.path, sql`scc_totp_accept_code(${sessions.casey}::uuid, 'sealed-1', ${s}::bigint, ${at(instant)})`);

  test('confirming takes the pending secret only if it is still the one checked', async () => {
    const confirm = (pending: string) =>
      one(
        contoso.path,
        sql`scc_totp_confirm_enrolment(${sessions.casey}::uuid, ${pending}, ${step}::bigint, array['h1', 'h2']::text[], ${at(now)})`,
      );
    expect(await confirm('sealed-other')).toBeNull();
    expect(await confirm('sealed-1')).toBe(true);
    const [row] = await db.select().from(totpCredentials).where(eq(totpCredentials.userId, casey));
    expect(row).toMatchObject({ secret: 'sealed-1', pendingSecret: null, lastUsedStep: step });
  });

  test('accepts each time step once, and never one before the last accepted', async () => {
    expect(await accept(step)).toBeNull();
    expect(await accept(step + 1)).toBe(true);
    expect(await accept(step + 1)).toBeNull();
    expect(await accept(step)).toBeNull();
  });

  test('locks at the limit of failures, refuses even a right code meanwhile, and counts afresh after', async () => {
    const fail = () =>
      asApp<{ failed_attempts: number; locked_until: string | null }>(
        contoso.path,
        sql`select failed_attempts, locked_until from scc_totp_record_failure(${sessions.casey}::uuid, 3, 60, ${at(now)})`,
      );
    expect((await fail())[0]?.failed_attempts).toBe(1);
    expect((await fail())[0]?.failed_attempts).toBe(2);
    const [locked] = await fail();
    expect(locked?.failed_attempts).toBe(0);
    expect(new Date(locked?.locked_until ?? 0).toISOString()).toBe(new Date(now.getTime() + 60_000).toISOString());
    expect(await accept(step + 2, new Date(now.getTime() + 59_000))).toBeNull();
    expect(await accept(step + 2, new Date(now.getTime() + 60_000))).toBe(true);
  });

  test('takes a recovery code once, and none while locked', async () => {
    const use = (hash: string, instant = new Date(now.getTime() + 60_000)) =>
      one(contoso.path, sql`scc_totp_use_recovery_code(${sessions.casey}::uuid, ${hash}, ${at(instant)})`);
    expect(await use('h2', now)).toBeNull();
    expect(await use('h2')).toBe(1);
    expect(await use('h2')).toBeNull();
    expect(await use('h3')).toBeNull();
    // Dana's session reaches only Dana, who has no codes.
    expect(
      await one(finance.path, sql`scc_totp_use_recovery_code(${sessions.dana}::uuid, 'h1', ${at(now)})`),
    ).toBeNull();
  });
});

describe('scc_totp_policy', () => {
  test('sees a requirement above the scope, and answers nothing about units outside it', async () => {
    await db.update(businessUnits).set({ totpRequired: true }).where(eq(businessUnits.id, contoso.id));
    const policy = (scope: string, path: string) =>
      asApp<{ own: boolean; inherited: boolean }>(
        scope,
        sql`select own, inherited from scc_totp_policy(${path}::ltree)`,
      );
    expect(await policy(finance.path, finance.path)).toEqual([{ own: false, inherited: true }]);
    expect(await policy(contoso.path, contoso.path)).toEqual([{ own: true, inherited: false }]);
    expect(await policy(finance.path, contoso.path)).toEqual([{ own: false, inherited: false }]);
  });
});

test('deleting a user (as the application role) deletes their authenticator', async () => {
  const userId = seedId('user', 'totp-leaver');
  const session = seedId('session', 'totp-leaver');
  await db.insert(users).values({
    id: userId,
    email: 'leaver@contoso.example',
    displayName: 'Leaver',
    businessUnitId: finance.id,
    buPath: finance.path,
  });
  await db.insert(embedSessions).values({
    id: session,
    hostId: 'test-host',
    userId,
    businessUnitId: finance.id,
    buPath: finance.path,
    expiresAt: sql`now() + interval '10 minutes'`,
  });
  expect(await one(finance.path, sql`scc_totp_begin_enrolment(${session}::uuid, 'sealed-leaver')`)).toBe(true);
  await withScope(db, finance.path, (tx) => tx.delete(users).where(eq(users.id, userId)));
  expect(await db.select().from(totpCredentials).where(eq(totpCredentials.userId, userId))).toEqual([]);
});
