import { embedSessions, executeRows, type Transaction } from '@scc/db';
import { eq, type SQL, sql } from 'drizzle-orm';

/**
 * The user's authenticator as the functions of migration 0021 hand it out: only through a live
 * embed session and only its user's. Secrets stay sealed here (see secret-box.ts).
 */
export interface TotpCredential {
  userId: string;
  secret: string | null;
  pendingSecret: string | null;
  lockedUntil: Date | null;
  recoveryCodesLeft: number;
}

const iso = (value: SQL) => sql`to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;
const dateOf = (text: string | null) => (text === null ? null : new Date(text));

export async function credentialOf(tx: Transaction, sessionId: string): Promise<TotpCredential | undefined> {
  const [row] = await executeRows<{
    user_id: string;
    secret: string | null;
    pending_secret: string | null;
    locked_until: string | null;
    recovery_codes_left: number;
  }>(
    tx,
    sql`select user_id, secret, pending_secret, ${iso(sql`locked_until`)} as locked_until, recovery_codes_left
      from scc_totp_credential(${sessionId}::uuid)`,
  );
  return (
    row && {
      userId: row.user_id,
      secret: row.secret,
      pendingSecret: row.pending_secret,
      lockedUntil: dateOf(row.locked_until),
      recoveryCodesLeft: Number(row.recovery_codes_left),
    }
  );
}

/** Whether the lock of too many wrong codes still holds at `now`. */
export function isLocked(
  credential: Pick<TotpCredential, 'lockedUntil'>,
  now: Date,
): credential is {
  lockedUntil: Date;
} {
  return credential.lockedUntil !== null && credential.lockedUntil > now;
}

async function flag(tx: Transaction, query: SQL): Promise<boolean> {
  const [row] = await executeRows<{ done: boolean | null }>(tx, sql`select ${query} as done`);
  return row?.done === true;
}

export function beginEnrolment(tx: Transaction, sessionId: string, pendingSecret: string): Promise<boolean> {
  return flag(tx, sql`scc_totp_begin_enrolment(${sessionId}::uuid, ${pendingSecret})`);
}

export function confirmEnrolment(
  tx: Transaction,
  sessionId: string,
  confirmed: { pendingSecret: string; step: number; recoveryCodeHashes: string[] },
  now: Date,
): Promise<boolean> {
  const hashes = sql`array[${sql.join(
    confirmed.recoveryCodeHashes.map((hash) => sql`${hash}`),
    sql`, `,
  )}]::text[]`;
  return flag(
    tx,
    sql`scc_totp_confirm_enrolment(${sessionId}::uuid, ${confirmed.pendingSecret}, ${confirmed.step}::bigint, ${hashes}, ${at(now)})`,
  );
}

/** Accepts a code of `step` unless that step (or a later one) was used already, or verification is locked. */
export function acceptCode(
  tx: Transaction,
  sessionId: string,
  secret: string,
  step: number,
  now: Date,
): Promise<boolean> {
  return flag(tx, sql`scc_totp_accept_code(${sessionId}::uuid, ${secret}, ${step}::bigint, ${at(now)})`);
}

export interface LockOut {
  /** Wrong codes in a row before verification locks. */
  maxFailures: number;
  lockSeconds: number;
}

/** Counts a wrong code; answers until when verification is locked if this one reached the limit. */
export async function recordFailure(
  tx: Transaction,
  sessionId: string,
  lockOut: LockOut,
  now: Date,
): Promise<Date | undefined> {
  const [row] = await executeRows<{ locked_until: string | null }>(
    tx,
    sql`select ${iso(sql`locked_until`)} as locked_until
      from scc_totp_record_failure(${sessionId}::uuid, ${lockOut.maxFailures}::int, ${lockOut.lockSeconds}::int, ${at(now)})`,
  );
  const until = dateOf(row?.locked_until ?? null);
  return until && until > now ? until : undefined;
}

/** Spends a recovery code; answers how many are left, or undefined for a code that is not (or no longer) there. */
export async function useRecoveryCode(
  tx: Transaction,
  sessionId: string,
  hash: string,
  now: Date,
): Promise<number | undefined> {
  const [row] = await executeRows<{ left: number | null }>(
    tx,
    sql`select scc_totp_use_recovery_code(${sessionId}::uuid, ${hash}, ${at(now)}) as left`,
  );
  return row?.left === null || row?.left === undefined ? undefined : Number(row.left);
}

/** Risky actions of this session need no new code until `until`. */
export async function markSteppedUp(tx: Transaction, sessionId: string, until: Date): Promise<void> {
  await tx.update(embedSessions).set({ stepUpUntil: until }).where(eq(embedSessions.id, sessionId));
}
