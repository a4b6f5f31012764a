import '../../api/step-up-calls.js';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { type BffClient, BffError } from '../../api/bff-client.js';
import { TotpLockedError } from '../../api/step-up-calls.js';
import type { TotpEnrolment } from '../../api/types.js';
import { FocusTrapController } from '../../controllers/focus-trap-controller.js';
import { messagesFor } from '../../i18n/index.js';
import { type StepUpMessages, stepUpMessagesFor } from '../../i18n/step-up-messages.js';
import { formStyles } from '../../styles/form.styles.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { problemMessages } from '../../utils/problems.js';
import { isStepUpRequired } from '../../utils/with-step-up.js';
import { stepUpDialogStyles } from './step-up-dialog.styles.js';

/** What the dialog shows: the code prompt (app or recovery code), enrolment, or the new recovery codes. */
type Mode = 'loading' | 'code' | 'recovery' | 'enrol' | 'codes';

/** `ABCD EFGH …`: a key in groups of four reads and types more easily. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * Two-step verification in one modal dialog: a code from the user's authenticator app (or a
 * recovery code) when a risky action asks for a step-up, or, for a user without one, setting one
 * up: QR code and key, a first code, then the recovery codes, shown this once.
 *
 * ```ts
 * const passed = await dialog.open(); // false: closed without a step-up
 * ```
 *
 * @tag scc-step-up-dialog
 * @csspart dialog - The `<dialog>`.
 * @csspart code-input - The field for a code.
 * @csspart qr-code - The QR code of a new authenticator.
 * @csspart totp-secret - The new authenticator's key, as text.
 * @csspart recovery-codes - The list of recovery codes.
 */
export class SccStepUpDialog extends LitElement {
  static override styles = [...sharedStyles, formStyles, stepUpDialogStyles];

  static override properties = {
    client: { attribute: false },
    locale: {},
    _mode: { state: true },
    _enrolment: { state: true },
    _recoveryCodes: { state: true },
    _error: { state: true },
    _busy: { state: true },
  };

  declare client: BffClient | undefined;
  declare locale: string | undefined;
  declare _mode: Mode;
  declare _enrolment: TotpEnrolment | undefined;
  declare _recoveryCodes: string[];
  declare _error: string;
  declare _busy: boolean;

  readonly #trap = new FocusTrapController(this, () => this.renderRoot.querySelector('dialog'));
  #settle: ((passed: boolean) => void) | undefined;
  #passed = false;
  /** Replacing the authenticator: a code of the one in use first, then the new one. */
  #enrolAfterCode = false;

  constructor() {
    super();
    this._mode = 'loading';
    this._recoveryCodes = [];
    this._error = '';
    this._busy = false;
  }

  /**
   * Opens as a modal: a code prompt for a user with an authenticator, else its enrolment;
   * `enrol` sets up a new one (confirmed with the one in use, if any). Resolves whether a
   * step-up passed before it closed.
   */
  async open(enrol = false): Promise<boolean> {
    const passed = new Promise<boolean>((resolve) => {
      this.#settle = resolve;
    });
    this.#passed = false;
    this._error = '';
    this._mode = 'loading';
    await this.updateComplete;
    this.#trap.open();
    void this.#begin(enrol);
    return passed;
  }

  close(): void {
    this.renderRoot.querySelector('dialog')?.close();
    this.#finish();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('_mode')) this.renderRoot.querySelector<HTMLElement>('input, ol + div button')?.focus();
  }

  async #begin(enrol: boolean): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      if (enrol) return await this.#enrol();
      const status = await client.getStepUpStatus();
      if (!status.enrolled) return await this.#enrol();
      this._mode = 'code';
      if (status.lockedUntil) {
        this._error = this.#locked((new Date(status.lockedUntil).getTime() - Date.now()) / 1000);
      }
    } catch (error) {
      this.#fail(error);
    }
  }

  async #enrol(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      this._enrolment = await client.startTotpEnrolment();
      this._mode = 'enrol';
    } catch (error) {
      if (!isStepUpRequired(error)) throw error;
      this.#enrolAfterCode = true;
      this._mode = 'code';
    }
  }

  #locked(seconds: number): string {
    return stepUpMessagesFor(this.locale).lockedOut(Math.max(1, Math.ceil(seconds / 60)));
  }

  #fail(error: unknown): void {
    const m = stepUpMessagesFor(this.locale);
    if (error instanceof TotpLockedError) this._error = this.#locked(error.retryAfterSeconds);
    else if (error instanceof BffError && error.status === 400) {
      this._error = this._mode === 'recovery' ? m.wrongRecoveryCode : m.wrongCode;
    } else this._error = problemMessages(messagesFor(this.locale), error).join(' ');
  }

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const client = this.client;
    const input = this.renderRoot.querySelector('input');
    if (!client || !input || this._busy) return;
    // Apps show "123 456"; recovery codes keep their letters and dash for the server to read.
    const code = input.value.replace(/\D/g, '');
    this._busy = true;
    this._error = '';
    try {
      if (this._mode === 'enrol') {
        this._recoveryCodes = (await client.confirmTotpEnrolment(code)).recoveryCodes;
        this.#passed = true;
        this._mode = 'codes';
        return;
      }
      await client.stepUp(this._mode === 'recovery' ? { recoveryCode: input.value.trim() } : { code });
      this.#passed = true;
      if (!this.#enrolAfterCode) return this.close();
      this.#enrolAfterCode = false;
      input.value = '';
      await this.#enrol();
    } catch (error) {
      this.#fail(error);
    } finally {
      this._busy = false;
    }
  };

  /**
   * Settles `open()` when the dialog closes: at once when it is closed through `close()` or
   * Escape (`cancel`), since Chromium fires `close` only with the next animation frame, which a
   * page in the background never gets.
   */
  #finish = (): void => {
    this.#settle?.(this.#passed);
    this.#settle = undefined;
  };

  #switch = (): void => {
    this._error = '';
    this._mode = this._mode === 'recovery' ? 'code' : 'recovery';
    const input = this.renderRoot.querySelector('input');
    if (input) input.value = '';
  };

  override render() {
    const m = stepUpMessagesFor(this.locale);
    return html`<dialog part="dialog" aria-labelledby="title" data-testid="step-up-dialog" @close=${this.#finish} @cancel=${this.#finish}>
      ${this.#body(m)}
    </dialog>`;
  }

  #body(m: StepUpMessages) {
    // A form for its layout too: what closes the dialog there is its one submit button.
    const closing = (event: SubmitEvent) => {
      event.preventDefault();
      this.close();
    };
    if (this._mode === 'loading') {
      return html`<form @submit=${closing}>
        <h2 id="title">${m.title}</h2>
        <p class="hint" role="status">${messagesFor(this.locale).loading}</p>
        <p class="error" role="alert">${this._error}</p>
        <div class="actions"><button>${m.cancel}</button></div>
      </form>`;
    }
    if (this._mode === 'codes') {
      return html`<form @submit=${closing}>
        <h2 id="title">${m.recoveryTitle}</h2>
        <p>${m.recoveryIntro}</p>
        <ol part="recovery-codes" data-testid="recovery-codes">
          ${this._recoveryCodes.map((code) => html`<li><code>${code}</code></li>`)}
        </ol>
        <div class="actions"><button class="primary">${m.recoverySaved}</button></div>
      </form>`;
    }
    const enrolling = this._mode === 'enrol';
    const recovery = this._mode === 'recovery';
    const enrolment = this._enrolment;
    return html`<form @submit=${this.#onSubmit} novalidate>
      <h2 id="title">${enrolling ? m.enrolTitle : m.title}</h2>
      <p class="hint">${enrolling ? m.enrolIntro : m.intro}</p>
      ${
        enrolling && enrolment
          ? html`<svg part="qr-code" role="img" aria-label=${m.qrLabel} viewBox="0 0 ${enrolment.qrCode.size} ${enrolment.qrCode.size}">
                <rect width="100%" height="100%" fill="#fff"></rect><path fill="#000" d=${enrolment.qrCode.path}></path>
              </svg>
              <p>${m.secretLabel}: <code part="totp-secret" data-testid="totp-secret">${grouped(enrolment.secret)}</code></p>`
          : nothing
      }
      <label for="code">${recovery ? m.recoveryLabel : enrolling ? m.firstCodeLabel : m.codeLabel}</label>
      <input id="code" part="code-input" data-testid="code-input" required spellcheck="false"
        autocomplete=${recovery ? 'off' : 'one-time-code'} inputmode=${recovery ? 'text' : 'numeric'}
        aria-describedby="hint error" aria-invalid=${this._error ? 'true' : 'false'} />
      <p id="hint" class="hint">${recovery ? m.recoveryHint : m.codeHint}</p>
      <p id="error" class="error" role="alert">${this._error}</p>
      <div class="actions">
        ${enrolling ? nothing : html`<button type="button" class="link" @click=${this.#switch}>${recovery ? m.useCode : m.useRecovery}</button>`}
        <button type="button" @click=${() => this.close()}>${m.cancel}</button>
        <button class="primary" type="submit" data-testid="step-up-submit" ?disabled=${this._busy}>
          ${enrolling ? m.enrol : m.confirm}
        </button>
      </div>
    </form>`;
  }
}

/** A dialog for `client` in `root` (a shadow root, so it takes the widget's theme); the caller removes it. */
export function stepUpDialogIn(root: ParentNode, client: BffClient, locale: string | undefined): SccStepUpDialog {
  const dialog = document.createElement('scc-step-up-dialog') as SccStepUpDialog;
  dialog.client = client;
  dialog.locale = locale;
  root.append(dialog);
  return dialog;
}
