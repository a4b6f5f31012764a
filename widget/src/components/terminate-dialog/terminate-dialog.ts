import { html, LitElement, nothing } from 'lit';
import type { BffClient } from '../../api/bff-client.js';
import type { Tenant } from '../../api/types.js';
import { FocusTrapController } from '../../controllers/focus-trap-controller.js';
import { operationMessagesFor } from '../../i18n/operation-messages.js';
import { formStyles } from '../../styles/form.styles.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { submitRequest } from '../../utils/submit-request.js';

/**
 * "Request termination" of one tenant. A productive tenant must be confirmed by typing its name.
 * One idempotency key per opening, so a double click or a retry creates one request.
 *
 * ```ts
 * dialog.show(tenant);
 * ```
 *
 * @tag scc-terminate-dialog
 * @event scc-operation-request-submit - The termination was requested. `detail` is `{ request }`.
 * @csspart dialog - The `<dialog>`.
 * @csspart confirm-input - The field for the tenant's name.
 * @csspart submit-button - The button requesting the termination.
 * @csspart outcome - The line saying the termination was requested.
 * @cssproperty --scc-color-danger - The request button and errors.
 */
export class SccTerminateDialog extends LitElement {
  static override styles = [...sharedStyles, formStyles];

  static override properties = {
    client: { attribute: false },
    locale: {},
    _tenant: { state: true },
    _confirmation: { state: true },
    _submitting: { state: true },
    _errors: { state: true },
    _outcome: { state: true },
  };

  declare client: BffClient | undefined;
  declare locale: string | undefined;
  declare _tenant: Tenant | undefined;
  declare _confirmation: string;
  declare _submitting: boolean;
  declare _errors: string[];
  declare _outcome: string;

  #idempotencyKey = '';

  /** Tab stays inside the open dialog (a native modal dialog lets it leave the document). */
  readonly #trap = new FocusTrapController(this, () => this.renderRoot.querySelector('dialog'));

  constructor() {
    super();
    this._confirmation = '';
    this._submitting = false;
    this._errors = [];
    this._outcome = '';
  }

  /** The tenant the dialog is about, while it is open. */
  get tenant(): Tenant | undefined {
    return this._tenant;
  }

  async show(tenant: Tenant): Promise<void> {
    this._tenant = tenant;
    this._confirmation = '';
    this._errors = [];
    this.#idempotencyKey = crypto.randomUUID();
    await this.updateComplete;
    this.#trap.open();
  }

  close(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  #confirmed(): boolean {
    const tenant = this._tenant;
    return !!tenant && (tenant.type !== 'productive' || this._confirmation.trim() === tenant.name);
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const tenant = this._tenant;
    const client = this.client;
    if (!tenant || !client || !this.#confirmed()) return;
    // Terminating a productive tenant is a risky action: a unit may require a code first.
    await submitRequest(
      this,
      () => client.submitOperationRequest({ kind: 'decommission', tenantId: tenant.id }, this.#idempotencyKey),
      () => operationMessagesFor(this.locale).ops.terminationRequested(tenant.name),
    );
  }

  override render() {
    const m = operationMessagesFor(this.locale);
    const tenant = this._tenant;
    return html`<p part="outcome" class="hint" role="status" data-testid="termination-outcome">${this._outcome}</p>
      <dialog part="dialog" aria-labelledby="title" data-testid="terminate-dialog">
      <form @submit=${this.#submit}>
        <h2 id="title">${m.requestTermination}: ${tenant?.name}</h2>
        <p class="hint">${m.ops.terminateIntro}</p>
        ${
          tenant?.type === 'productive'
            ? html`<label>${m.ops.confirmName(tenant.name)}
              <input part="confirm-input" data-testid="confirm-name" autocomplete="off" .value=${this._confirmation}
                @input=${(e: Event) => {
                  this._confirmation = (e.target as HTMLInputElement).value;
                }} />
            </label>`
            : nothing
        }
        <ul class="notes">
          ${this._errors.map((message) => html`<li class="blocking" role="alert">${message}</li>`)}
        </ul>
        <div class="actions">
          <button type="button" @click=${() => this.close()}>${m.ops.cancel}</button>
          <button part="submit-button" class="danger" type="submit" data-testid="submit-termination"
            ?disabled=${this._submitting || !this.#confirmed()}>${m.requestTermination}</button>
        </div>
      </form>
    </dialog>`;
  }
}
