import type { OperationRequest } from '../api/types.js';
import { createOperationRequestSubmitEvent } from '../events/scc-operation-request-submit.js';
import { messagesFor } from '../i18n/index.js';
import { problemMessages } from './problems.js';
import { type StepUpHost, withStepUp } from './with-step-up.js';

/** An operation dialog: its submit state, the reasons a submit failed, and the line saying it worked. */
export interface SubmittingDialog extends StepUpHost, EventTarget {
  _submitting: boolean;
  _errors: string[];
  _outcome: string;
  close(): void;
}

/**
 * Submits a request from an open dialog, once at a time. Accepted: the dialog closes, says what
 * happened (`outcome`) and announces the request (`scc-operation-request-submit`). Refused: the
 * dialog stays open with the server's reasons. A unit requiring a step-up asks for its code first.
 */
export async function submitRequest(
  dialog: SubmittingDialog,
  call: () => Promise<OperationRequest>,
  outcome: (request: OperationRequest) => string,
): Promise<void> {
  if (dialog._submitting) return;
  dialog._submitting = true;
  dialog._errors = [];
  dialog._outcome = '';
  try {
    const request = await withStepUp(dialog, call);
    dialog.close();
    dialog._outcome = outcome(request);
    dialog.dispatchEvent(createOperationRequestSubmitEvent(request));
  } catch (error) {
    dialog._errors = problemMessages(messagesFor(dialog.locale), error);
  } finally {
    dialog._submitting = false;
  }
}
