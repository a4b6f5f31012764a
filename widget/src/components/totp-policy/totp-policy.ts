import '../../api/step-up-calls.js';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { BffClient } from '../../api/bff-client.js';
import type { StepUpStatus, TotpPolicy } from '../../api/types.js';
import { messagesFor } from '../../i18n/index.js';
import { stepUpMessagesFor } from '../../i18n/step-up-messages.js';
import { formStyles } from '../../styles/form.styles.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { problemMessages } from '../../utils/problems.js';
import { withStepUp } from '../../utils/with-step-up.js';
import { stepUpDialogIn } from '../step-up-dialog/step-up-dialog.js';

/**
 * Two-step verification on a unit's admin screen: whether the unit requires it for risky actions
 * in its subtree (a requirement from above shows, and cannot be taken back here), and the
 * caller's own authenticator app, to set up or replace.
 *
 * @tag scc-totp-policy
 * @csspart totp-policy - The form.
 */
export class SccTotpPolicy extends LitElement {
  static override styles = [
    ...sharedStyles,
    formStyles,
    css`
      label.check {
        display: flex;
        gap: 8px;
        align-items: center;
        font-weight: 400;
      }
      p {
        margin: 0;
      }
    `,
  ];

  static override properties = {
    client: { attribute: false },
    businessUnitId: { attribute: false },
    locale: {},
    _policy: { state: true },
    _status: { state: true },
    _busy: { state: true },
    _message: { state: true },
    _error: { state: true },
  };

  declare client: BffClient | undefined;
  declare businessUnitId: string | undefined;
  declare locale: string | undefined;
  declare _policy: TotpPolicy | undefined;
  declare _status: StepUpStatus | undefined;
  declare _busy: boolean;
  declare _message: string;
  declare _error: string;

  constructor() {
    super();
    this._busy = false;
    this._message = '';
    this._error = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('businessUnitId') || changed.has('client')) void this.#load();
  }

  async #load(): Promise<void> {
    const client = this.client;
    const id = this.businessUnitId;
    if (!client || !id) return;
    try {
      [this._policy, this._status] = await Promise.all([client.getTotpPolicy(id), client.getStepUpStatus()]);
    } catch (error) {
      this._error = problemMessages(messagesFor(this.locale), error).join(' ');
    }
  }

  #onSave = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const client = this.client;
    const id = this.businessUnitId;
    const required = (event.target as HTMLFormElement).querySelector('input')?.checked ?? false;
    if (!client || !id) return;
    this._busy = true;
    this._message = '';
    this._error = '';
    try {
      this._policy = await withStepUp(this, () => client.putTotpPolicy(id, required));
      this._message = stepUpMessagesFor(this.locale).saved;
    } catch (error) {
      this._error = problemMessages(messagesFor(this.locale), error).join(' ');
    } finally {
      this._busy = false;
    }
  };

  #onEnrol = async (): Promise<void> => {
    const client = this.client;
    if (!client) return;
    const dialog = stepUpDialogIn(this.renderRoot, client, this.locale);
    try {
      await dialog.open(true);
    } finally {
      dialog.remove();
    }
    this._status = await client.getStepUpStatus();
  };

  override render() {
    const m = stepUpMessagesFor(this.locale);
    const policy = this._policy;
    const status = this._status;
    return html`<form part="totp-policy" @submit=${this.#onSave}>
        ${
          policy
            ? html`<label class="check">
                  <input type="checkbox" data-testid="totp-required" .checked=${policy.required || policy.inherited}
                    ?disabled=${policy.inherited} />
                  ${m.policyRequire}
                </label>
                ${policy.inherited ? html`<p class="hint">${m.policyInherited}</p>` : nothing}
                <div class="actions">
                  <button class="primary" ?disabled=${this._busy || policy.inherited}>${m.save}</button>
                </div>`
            : nothing
        }
        <p class="hint" role="status">${this._message}</p>
        <p class="error" role="alert">${this._error}</p>
      </form>
      ${
        status
          ? html`<p data-testid="totp-enrolment">
              ${m.yourAuthenticator}: ${status.enrolled ? m.enrolled(status.recoveryCodesLeft) : m.notEnrolled}
              <button type="button" class="link" @click=${this.#onEnrol}>${status.enrolled ? m.enrolAgain : m.enrol}</button>
            </p>`
          : nothing
      }`;
  }
}
