import { BffError } from '../api/bff-client.js';
import type { MessagesWithAdmin } from '../i18n/admin-messages.js';
import { isStepUpRequired } from './with-step-up.js';

/**
 * What to tell an admin about a failed change: the server's own explanation (a 409 says what is
 * left in a unit) and one line per field it named, labelled the way the form labels it.
 */
export function problemLines(error: unknown, m: MessagesWithAdmin): string[] {
  if (!(error instanceof BffError)) return [m.errorGeneric(0)];
  const fields = error.errors.map((e) => (e.field ? `${m.fieldLabel(e.field)}: ${e.message}` : e.message));
  // A step-up the user did not pass says so itself; other 403s are a role too low.
  if (error.status === 403 && !isStepUpRequired(error)) return [m.errorForbidden, ...fields];
  if (error.kind === 'network' || error.retryable) return [m.errorUnavailable];
  const head = error.detail ?? error.title;
  return [head, ...fields];
}
