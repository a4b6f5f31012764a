import { type BffClient, BffError } from '../api/bff-client.js';

/** The problem type of a risky action that needs a fresh step-up (403). */
export const STEP_UP_REQUIRED = 'https://scc.example/problems/step-up-required';

export const isStepUpRequired = (error: unknown): error is BffError =>
  error instanceof BffError && error.type === STEP_UP_REQUIRED;

/** The element a risky action belongs to: the code prompt opens in its shadow root, in its language. */
export interface StepUpHost {
  readonly renderRoot: ParentNode;
  client: BffClient | undefined;
  locale: string | undefined;
}

/**
 * Runs a risky call. When the server asks for a step-up (a unit requires TOTP), the code prompt,
 * or enrolment for a user without an authenticator, opens from a chunk loaded only then, and the
 * call runs again once the step-up passed. A closed prompt rejects with a step-up problem that
 * says the action was not done.
 */
export async function withStepUp<T>(host: StepUpHost, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isStepUpRequired(error) || !host.client) throw error;
    const { askForStepUp } = await import('../lazy/step-up.js');
    await askForStepUp(host.renderRoot, host.client, host.locale);
    return call();
  }
}
