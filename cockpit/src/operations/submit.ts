import { randomUUID } from 'node:crypto';
import type { Draft } from '@scc/contracts/operations';
import { ProblemError } from '@scc/contracts/problem';
import { type Database, operationRequests, type Transaction, withScope } from '@scc/db';
import { and, eq, sql } from 'drizzle-orm';
import { approvalNeeded, openRequestApproval } from '../approvals/store.js';
import type { Caller } from '../scope/caller.js';
import { requireStepUp } from '../step-up/require-step-up.js';
import { type AssessContext, assess } from './assess.js';
import { rethrowGuaranteeAs } from './guarantees.js';
import { forgetKey, isExpired, requestHash } from './idempotency.js';
import { type OperationRequestRow, recordChargeable, recordRequestAudit, recordRequestEvent } from './records.js';
import { allowed } from './rules.js';
import { transition } from './state-machine.js';

export interface Submission {
  row: OperationRequestRow;
  /** A retry with an idempotency key that was already used: nothing new was written. */
  replay: boolean;
}

async function byIdempotencyKey(tx: Transaction, context: AssessContext, caller: Caller, key: string) {
  // Parallel retries with one key queue here, so only the first inserts and the rest find its row.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('scc-idempotency'), hashtext(${`${caller.user.id}/${key}`}))`,
  );
  const [row] = await tx
    .select()
    .from(operationRequests)
    .where(and(eq(operationRequests.requestedByUserId, caller.user.id), eq(operationRequests.idempotencyKey, key)));
  if (row && isExpired(row, context.clock)) {
    // An expired key names a new request: its old request lets go of it. Only that row: clearing
    // the user's other expired keys here locked rows the workers were updating, and deadlocked.
    await forgetKey(tx, row.id);
    return undefined;
  }
  return row;
}

/**
 * Validates and stores a request in one transaction: queued (with its outbox message if it is
 * chargeable), awaiting approval (with its approval; the outbox message waits for the quorum) or
 * rejected, with an event either way. A rejected request writes nothing else.
 */
export function submit(
  db: Database,
  context: AssessContext,
  caller: Caller,
  draft: Draft,
  idempotencyKey: string | undefined,
): Promise<Submission> {
  const stored = withScope(db, caller, async (tx) => {
    const hash = idempotencyKey ? requestHash(draft) : null;
    if (idempotencyKey) {
      const existing = await byIdempotencyKey(tx, context, caller, idempotencyKey);
      if (existing) {
        // A key stands for one request: reused for another body it is a client's mistake, and
        // answering with the first request would make the client believe the second was placed.
        // (Requests stored before hashes were kept are compared by their stored draft.)
        if ((existing.idempotencyHash ?? requestHash(existing.draft)) !== hash) {
          throw ProblemError.of(
            'idempotencyKeyReused',
            'This Idempotency-Key was used for a different request. Use a new key for a new request.',
            [{ field: 'header.idempotency-key', message: 'Already used with a different body' }],
          );
        }
        return { row: existing, replay: true };
      }
    }
    const assessment = await assess(tx, caller, context, draft, { lock: true });
    const accepted = allowed(assessment.validations);
    // Terminating a productive tenant is a risky action; a rejected request is stored without a step-up.
    if (accepted && draft.kind === 'decommission' && assessment.plan.type === 'productive') {
      await requireStepUp(tx, context.clock, assessment.buPath, caller);
    }
    const awaiting = accepted ? await approvalNeeded(tx, draft, assessment) : null;
    const validated = transition('requested', accepted ? 'validated' : 'rejected');
    const state =
      validated === 'validated' ? transition(validated, awaiting ? 'awaiting-approval' : 'queued') : validated;
    const now = context.clock.now();
    const [row] = await tx
      .insert(operationRequests)
      .values({
        kind: draft.kind,
        state,
        businessUnitId: assessment.businessUnitId,
        productId: assessment.productId,
        tenantId: assessment.tenantId,
        draft,
        determinations: assessment.determinations,
        validations: assessment.validations,
        chargeable: accepted && assessment.chargeable,
        requestedByUserId: caller.user.id,
        requestedByEmail: caller.user.email,
        idempotencyKey: idempotencyKey ?? null,
        idempotencyHash: hash,
        idempotencyKeyUsedAt: idempotencyKey ? now : null,
        runAfter: now,
        checkpoint:
          draft.kind === 'order' || draft.kind === 'restore'
            ? { ...assessment.plan, newTenantId: randomUUID() }
            : assessment.plan,
        step: awaiting ? 'Waiting for approval' : accepted ? 'Waiting for a worker' : 'Rejected',
        finishedAt: accepted ? null : now,
        buPath: assessment.buPath,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordRequestEvent(tx, row);
    await recordRequestAudit(tx, row, null, caller);
    if (awaiting) await openRequestApproval(tx, row, awaiting, now);
    else if (accepted) await recordChargeable(tx, row, now);
    return { row, replay: false };
  });
  return stored.catch(rethrowGuaranteeAs(draft.kind === 'order' ? 'body.type' : 'body.tenantId'));
}
