import { stepUpRequired } from '@scc/contracts/step-up';
import { executeRows, type Transaction } from '@scc/db';
import { type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../operations/clock.js';
import type { Caller } from '../scope/caller.js';

/** Whether the unit at `path` (inside the transaction's scope) requires TOTP itself, and whether a unit above it does. */
export async function totpPolicyAt(tx: Transaction, path: string): Promise<{ own: boolean; inherited: boolean }> {
  const [row] = await executeRows<{ own: boolean; inherited: boolean }>(
    tx,
    sql`select own, inherited from scc_totp_policy(${path}::ltree)`,
  );
  return { own: row?.own === true, inherited: row?.inherited === true };
}

/** Whether a step-up is required, until when this session has one, and whether its user could pass one. */
export interface StepUpState {
  required: boolean;
  stepUpUntil: Date | null;
  enrolled: boolean;
}

/** One statement: the requirement, the embed session's step-up and its user's enrolment. */
export async function stepUpState(
  tx: Transaction,
  required: SQL,
  embedSessionId: string | undefined,
): Promise<StepUpState> {
  const sessionId = embedSessionId ?? null;
  const [row] = await executeRows<{ required: boolean; step_up_until: string | null; enrolled: boolean }>(
    tx,
    sql`select ${required} as required,
      (select to_char(step_up_until at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        from embed_sessions where id = ${sessionId}::uuid) as step_up_until,
      exists (select 1 from scc_totp_credential(${sessionId}::uuid) c where c.secret is not null) as enrolled`,
  );
  return {
    required: row?.required === true,
    stepUpUntil: row?.step_up_until ? new Date(row.step_up_until) : null,
    enrolled: row?.enrolled === true,
  };
}

/** The requirement of the unit at `path`: its own or any ancestor's (a unit cannot loosen what is above it). */
export const requiredAt = (path: string) => sql`(select own or inherited from scc_totp_policy(${path}::ltree))`;

async function demand(tx: Transaction, clock: Clock, required: SQL, embedSessionId: string | undefined): Promise<void> {
  const state = await stepUpState(tx, required, embedSessionId);
  if (!state.required || (state.stepUpUntil && state.stepUpUntil > clock.now())) return;
  throw stepUpRequired(state.enrolled);
}

/**
 * The one check of every risky action (terminating a productive tenant, a move, a role change, a
 * brand, the TOTP policy itself) on the unit at `path`: where it or a unit above requires TOTP,
 * the caller's widget session must have passed a step-up within the last minutes. Otherwise a
 * 403 `step-up-required`, which tells the widget whether to ask for a code or to enrol first.
 * Called after the scope and role checks, inside the action's transaction, so a refused action
 * writes nothing. Costs one statement.
 */
export function requireStepUp(tx: Transaction, clock: Clock, path: string, caller: Caller): Promise<void> {
  return demand(tx, clock, requiredAt(path), caller.embedSessionId);
}

/** The same whatever the policy: replacing an authenticator must be confirmed with the one in use. */
export function requireStepUpAlways(tx: Transaction, clock: Clock, caller: Caller): Promise<void> {
  return demand(tx, clock, sql`true`, caller.embedSessionId);
}
