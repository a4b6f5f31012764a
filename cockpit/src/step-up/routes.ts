import { createRoute } from '@hono/zod-openapi';
import { ProblemError, problem, problemResponses } from '@scc/contracts/problem';
import {
  ConfirmTotpEnrolmentBody,
  codeCheckProblemResponses,
  StartTotpEnrolmentBody,
  StepUpBody,
  StepUpPassedSchema,
  StepUpStatusSchema,
  stepUpRequiredResponse,
  TotpEnrolledSchema,
  TotpEnrolmentSchema,
} from '@scc/contracts/step-up';
import { type Database, type Transaction, withScope } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { type AuditAction, type AuditEntry, recordAudit } from '../audit/record.js';
import type { Clock } from '../operations/clock.js';
import type { Caller, CockpitEnv } from '../scope/caller.js';
import {
  newRecoveryCodes,
  newTotpSecret,
  normalisedRecoveryCode,
  qrCodeOf,
  stepOfCode,
  totpUri,
} from './authenticator.js';
import {
  acceptCode,
  beginEnrolment,
  confirmEnrolment,
  credentialOf,
  isLocked,
  type LockOut,
  markSteppedUp,
  recordFailure,
  useRecoveryCode,
} from './credentials.js';
import { requiredAt, requireStepUpAlways, stepUpState } from './require-step-up.js';
import type { SecretBox } from './secret-box.js';

/** How long a passed step-up holds for its session: a few minutes of risky actions per code. */
const STEP_UP_SECONDS = 300;

/** Five wrong codes in a row lock verification for five minutes. */
const LOCK_OUT: LockOut = { maxFailures: 5, lockSeconds: 300 };

const tags = ['Step-up'];

const statusRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Whether the acting unit requires TOTP, whether the user has enrolled, and this session’s step-up',
  responses: { 200: jsonContent(StepUpStatusSchema, 'The step-up status'), ...problemResponses },
});

const stepUpRoute = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Passes a step-up for this widget session with a code of the user’s authenticator, or a recovery code',
  description:
    'A code is accepted once (a code of the same or an earlier time step is refused); a recovery code once at ' +
    'all. Wrong codes count: at the limit verification locks for a while (429 with Retry-After), correct codes ' +
    'included. Each outcome is in the audit log.',
  request: { body: jsonBody(StepUpBody) },
  responses: { 200: jsonContent(StepUpPassedSchema, 'Passed'), ...codeCheckProblemResponses },
});

const enrolRoute = createRoute({
  method: 'post',
  path: '/enrolment',
  tags,
  summary: 'Starts an enrolment: a new TOTP secret, its otpauth URI and QR code',
  description:
    'The new authenticator takes over only once a code of it confirms the enrolment. Replacing a confirmed one ' +
    'needs a fresh step-up with it (or with a recovery code).',
  request: { body: jsonBody(StartTotpEnrolmentBody) },
  responses: {
    201: jsonContent(TotpEnrolmentSchema, 'The secret to add to an authenticator app'),
    ...problemResponses,
    403: stepUpRequiredResponse('Replacing a confirmed authenticator needs a fresh step-up with it'),
  },
});

const confirmRoute = createRoute({
  method: 'post',
  path: '/enrolment/confirm',
  tags,
  summary: 'Confirms the enrolment with a first code: answers the recovery codes, this once',
  request: { body: jsonBody(ConfirmTotpEnrolmentBody) },
  responses: {
    200: jsonContent(TotpEnrolledSchema, 'Enrolled; the session has passed a step-up'),
    ...codeCheckProblemResponses,
  },
});

/** Only a widget session steps up: the step-up belongs to it. */
function sessionOf(caller: Caller): string {
  const sessionId = caller.embedSessionId;
  if (!sessionId) throw ProblemError.of('forbidden', 'Only a widget session can step up');
  return sessionId;
}

const notEnrolled = (field: CodeField) =>
  ProblemError.of('conflict', 'No authenticator is set up: enrol first', [
    { field, message: 'No authenticator is set up' },
  ]);

function lockedOut(until: Date, now: Date): ProblemError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new ProblemError(
    problem(
      'tooManyRequests',
      `Too many wrong codes: verification is locked for ${Math.ceil(seconds / 60)} min. Try again later.`,
    ),
    { 'retry-after': String(seconds) },
  );
}

type CodeField = 'body.code' | 'body.recoveryCode';

function wrongCode(field: CodeField): ProblemError {
  const message =
    field === 'body.code' ? 'Wrong code, or one used already: wait for the next' : 'Not a recovery code left to you';
  return ProblemError.of('validation', message, [{ field, message }]);
}

/** Where the events of a caller's verification belong: their acting unit, whose admins read the log. */
function securityEvent(caller: Caller, action: AuditAction, after: unknown): AuditEntry {
  return {
    action,
    entityType: 'security-event',
    entityId: caller.user.id,
    businessUnit: { id: caller.businessUnit.id, path: caller.scopePath },
    before: null,
    after,
  };
}

type Check = { passed: true; recoveryCodesLeft: number } | { passed: false; lockedUntil: Date | undefined };

/**
 * A wrong code counts towards the lock-out and is recorded, like each lock it causes. Called
 * inside the transaction that answers: the caller throws only after it committed.
 */
async function failed(tx: Transaction, caller: Caller, now: Date, detail: Record<string, string>): Promise<Check> {
  const lockedUntil = await recordFailure(tx, sessionOf(caller), LOCK_OUT, now);
  await recordAudit(tx, caller, securityEvent(caller, 'step-up.failed', detail));
  if (lockedUntil) {
    await recordAudit(
      tx,
      caller,
      securityEvent(caller, 'step-up.locked-out', { ...detail, lockedUntil: lockedUntil.toISOString() }),
    );
  }
  return { passed: false, lockedUntil };
}

export interface StepUpDependencies {
  db: Database;
  clock: Clock;
  box: SecretBox;
}

/** A user's TOTP: enrolment, the step-up of the widget session, and its status. */
export function stepUpRoutes({ db, clock, box }: StepUpDependencies) {
  const until = (now: Date) => new Date(now.getTime() + STEP_UP_SECONDS * 1000);
  return createRouter<CockpitEnv>()
    .openapi(statusRoute, async (c) => {
      const caller = c.get('caller');
      const sessionId = caller.embedSessionId;
      const status = await withScope(db, caller, async (tx) => {
        const state = await stepUpState(tx, requiredAt(caller.scopePath), caller.embedSessionId);
        const credential = sessionId ? await credentialOf(tx, sessionId) : undefined;
        const now = clock.now();
        return {
          required: state.required,
          enrolled: state.enrolled,
          stepUpUntil: state.stepUpUntil && state.stepUpUntil > now ? state.stepUpUntil.toISOString() : null,
          lockedUntil: credential && isLocked(credential, now) ? credential.lockedUntil.toISOString() : null,
          recoveryCodesLeft: credential?.secret ? credential.recoveryCodesLeft : 0,
        };
      });
      return c.json(status, 200);
    })
    .openapi(stepUpRoute, async (c) => {
      const caller = c.get('caller');
      const sessionId = sessionOf(caller);
      const body = c.req.valid('json');
      const now = clock.now();
      const method = body.code === undefined ? 'recovery-code' : 'totp';
      const field: CodeField = method === 'totp' ? 'body.code' : 'body.recoveryCode';
      const check = await withScope(db, caller, async (tx): Promise<Check> => {
        const credential = await credentialOf(tx, sessionId);
        if (!credential?.secret) throw notEnrolled(field);
        if (isLocked(credential, now)) throw lockedOut(credential.lockedUntil, now);
        let left: number | undefined;
        if (body.code !== undefined) {
          const step = stepOfCode(box.open(caller.user.id, credential.secret), body.code, now);
          const accepted = step !== undefined && (await acceptCode(tx, sessionId, credential.secret, step, now));
          left = accepted ? credential.recoveryCodesLeft : undefined;
        } else if (body.recoveryCode !== undefined) {
          const hash = box.recoveryCodeHash(normalisedRecoveryCode(body.recoveryCode));
          left = await useRecoveryCode(tx, sessionId, hash, now);
          if (left !== undefined) {
            await recordAudit(
              tx,
              caller,
              securityEvent(caller, 'totp.recovery-code-used', { recoveryCodesLeft: left }),
            );
          }
        }
        if (left === undefined) return failed(tx, caller, now, { method });
        await markSteppedUp(tx, sessionId, until(now));
        await recordAudit(tx, caller, securityEvent(caller, 'step-up.passed', { method }));
        return { passed: true, recoveryCodesLeft: left };
      });
      if (!check.passed) {
        throw check.lockedUntil ? lockedOut(check.lockedUntil, now) : wrongCode(field);
      }
      return c.json({ stepUpUntil: until(now).toISOString(), recoveryCodesLeft: check.recoveryCodesLeft }, 200);
    })
    .openapi(enrolRoute, async (c) => {
      const caller = c.get('caller');
      const sessionId = sessionOf(caller);
      const secret = newTotpSecret();
      await withScope(db, caller, async (tx) => {
        const credential = await credentialOf(tx, sessionId);
        if (credential?.secret) await requireStepUpAlways(tx, clock, caller);
        if (!(await beginEnrolment(tx, sessionId, box.seal(caller.user.id, secret)))) {
          throw ProblemError.of('unauthorized', 'The embed session has ended.');
        }
      });
      const uri = totpUri(secret, caller.user.email);
      return c.json({ secret, uri, qrCode: qrCodeOf(uri) }, 201);
    })
    .openapi(confirmRoute, async (c) => {
      const caller = c.get('caller');
      const sessionId = sessionOf(caller);
      const { code } = c.req.valid('json');
      const now = clock.now();
      const recoveryCodes = newRecoveryCodes();
      const check = await withScope(db, caller, async (tx): Promise<Check> => {
        const credential = await credentialOf(tx, sessionId);
        if (!credential?.pendingSecret) {
          throw ProblemError.of('conflict', 'No enrolment to confirm: start one first', [
            { field: 'body.code', message: 'No enrolment started' },
          ]);
        }
        if (isLocked(credential, now)) throw lockedOut(credential.lockedUntil, now);
        const step = stepOfCode(box.open(caller.user.id, credential.pendingSecret), code, now);
        const confirmed =
          step !== undefined &&
          (await confirmEnrolment(
            tx,
            sessionId,
            {
              pendingSecret: credential.pendingSecret,
              step,
              recoveryCodeHashes: recoveryCodes.map((one) => box.recoveryCodeHash(normalisedRecoveryCode(one))),
            },
            now,
          ));
        if (!confirmed) return failed(tx, caller, now, { method: 'totp', during: 'enrolment' });
        await markSteppedUp(tx, sessionId, until(now));
        await recordAudit(
          tx,
          caller,
          securityEvent(caller, 'totp.enrolled', {
            replaced: credential.secret !== null,
            recoveryCodes: recoveryCodes.length,
          }),
        );
        return { passed: true, recoveryCodesLeft: recoveryCodes.length };
      });
      if (!check.passed) throw check.lockedUntil ? lockedOut(check.lockedUntil, now) : wrongCode('body.code');
      return c.json({ recoveryCodes, stepUpUntil: until(now).toISOString() }, 200);
    });
}
