/**
 * The BFF calls of two-step verification. They come with its chunk: loading this module adds them
 * to `BffClient.prototype` (see `admin-calls.ts`).
 */
import { BffClient, problemFrom, record } from './bff-client.js';
import type { StepUpBody, StepUpPassed, StepUpStatus, TotpEnrolled, TotpEnrolment, TotpPolicy } from './types.js';

declare module './bff-client.js' {
  interface BffClient {
    getStepUpStatus(signal?: AbortSignal): Promise<StepUpStatus>;
    /** Passes a step-up for this session; a lock after wrong codes rejects with {@link TotpLockedError}. */
    stepUp(body: StepUpBody): Promise<StepUpPassed>;
    startTotpEnrolment(): Promise<TotpEnrolment>;
    /** Confirms the enrolment with its first code; answers the recovery codes, this once. */
    confirmTotpEnrolment(code: string): Promise<TotpEnrolled>;
    getTotpPolicy(businessUnitId: string, signal?: AbortSignal): Promise<TotpPolicy>;
    putTotpPolicy(businessUnitId: string, required: boolean): Promise<TotpPolicy>;
  }
}

/** Verification is locked after too many wrong codes, for `retryAfterSeconds` (the answer's `Retry-After`). */
export class TotpLockedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`verification is locked for ${retryAfterSeconds} s`);
    this.name = 'TotpLockedError';
  }
}

/** A code check: its answer, or its problem (a lock with how long it lasts). */
async function checkCode<T>(client: BffClient, path: string, body: unknown): Promise<T> {
  const response = await client.send(path, { method: 'POST', body });
  if (response.status === 429) {
    await response.body?.cancel();
    throw new TotpLockedError(Number(response.headers.get('retry-after')) || 60);
  }
  if (!response.ok) throw await problemFrom(response);
  return (await response.json()) as T;
}

const policyPath = (id: string) => `/v1/widget/business-units/${encodeURIComponent(id)}/totp-policy`;

const stepUpCalls: ThisType<BffClient> &
  Pick<
    BffClient,
    'getStepUpStatus' | 'stepUp' | 'startTotpEnrolment' | 'confirmTotpEnrolment' | 'getTotpPolicy' | 'putTotpPolicy'
  > = {
  getStepUpStatus(signal) {
    return this.request('/v1/widget/step-up', { signal }, record<StepUpStatus>);
  },
  stepUp(body) {
    return checkCode(this, '/v1/widget/step-up', body);
  },
  startTotpEnrolment() {
    return this.request('/v1/widget/step-up/enrolment', { method: 'POST', body: {} }, record<TotpEnrolment>);
  },
  confirmTotpEnrolment(code) {
    return checkCode(this, '/v1/widget/step-up/enrolment/confirm', { code });
  },
  getTotpPolicy(businessUnitId, signal) {
    return this.request(policyPath(businessUnitId), { signal }, record<TotpPolicy>);
  },
  putTotpPolicy(businessUnitId, required) {
    return this.request(policyPath(businessUnitId), { method: 'PUT', body: { required } }, record<TotpPolicy>);
  },
};

Object.assign(BffClient.prototype, stepUpCalls);
