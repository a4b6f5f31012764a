/**
 * Two-step verification (TOTP): the code prompt with enrolment, and a unit's requirement for its
 * admins. A chunk of its own, loaded the first time a risky action asks for a step-up or an admin
 * opens the setting. Importing this module registers the elements (guarded).
 */
import { type BffClient, BffError } from '../api/bff-client.js';
import { SccStepUpDialog, stepUpDialogIn } from '../components/step-up-dialog/step-up-dialog.js';
import { SccTotpPolicy } from '../components/totp-policy/totp-policy.js';
import { stepUpMessagesFor } from '../i18n/step-up-messages.js';
import { register } from '../register.js';
import { STEP_UP_REQUIRED } from '../utils/with-step-up.js';

export type { StepUpMessages } from '../i18n/step-up-messages.js';
export { deStepUp, enStepUp, registerStepUpLocale, stepUpMessagesFor } from '../i18n/step-up-messages.js';
export { SccStepUpDialog, SccTotpPolicy };

export const stepUpElements = {
  'scc-step-up-dialog': SccStepUpDialog,
  'scc-totp-policy': SccTotpPolicy,
} as const;

register(stepUpElements);

/**
 * Asks for a step-up in `root` (a code, or enrolment first) and resolves once one passed. Closed
 * without one, it rejects with a step-up problem that says the action was not done.
 */
export async function askForStepUp(root: ParentNode, client: BffClient, locale: string | undefined): Promise<void> {
  const dialog = stepUpDialogIn(root, client, locale);
  try {
    if (await dialog.open()) return;
  } finally {
    dialog.remove();
  }
  const { cancelled } = stepUpMessagesFor(locale);
  throw new BffError('http', { type: STEP_UP_REQUIRED, title: cancelled, status: 403, detail: cancelled });
}
