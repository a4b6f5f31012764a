import '../../api/operation-calls.js';
import '../../api/transport-calls.js';
import { initialState, Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import type { BffClient } from '../../api/bff-client.js';
import type { OperationDraft, ProfileVersionSummary, Tenant } from '../../api/types.js';
import { DraftCheckController } from '../../controllers/draft-check-controller.js';
import { FocusTrapController } from '../../controllers/focus-trap-controller.js';
import { formatDateTime, messagesFor, resolveLocale } from '../../i18n/index.js';
import { type TransportMessages, transportMessagesFor } from '../../i18n/transport-messages.js';
import { formStyles } from '../../styles/form.styles.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { problemMessages } from '../../utils/problems.js';
import { submitRequest } from '../../utils/submit-request.js';
import { verdict } from '../transport-dialog/profile-value.js';
import { transportDialogStyles } from '../transport-dialog/transport-dialog.styles.js';

/**
 * "Solution profile versions": a tenant's profile versions, newest first, with when and by which
 * request each was written; any version's document can be read, and an earlier one restored
 * ("Roll back to this version"). A rollback is an operation request (`profile-restore`): the
 * cockpit's dry run of it is shown for confirmation first, with whether it waits for a second
 * admin's approval. One idempotency key per opening.
 *
 * ```ts
 * dialog.show(tenant);
 * ```
 *
 * @tag scc-profile-versions
 * @event scc-operation-request-submit - The rollback was accepted. `detail` is `{ request }`.
 * @csspart dialog - The `<dialog>`.
 * @csspart versions - The table of versions.
 * @csspart document - The document of the version shown.
 * @csspart rollback-button - A version's "Roll back to this version".
 * @csspart approval - Whether the rollback waits for a second admin, and why.
 * @csspart validations - The dry run's rules that refuse the rollback.
 * @csspart submit-button - The button confirming the rollback.
 * @csspart outcome - The line saying the rollback was submitted.
 */
export class SccProfileVersions extends LitElement {
  static override styles = [...sharedStyles, formStyles, transportDialogStyles];

  static override properties = {
    client: { attribute: false },
    locale: {},
    _tenant: { state: true },
    _viewing: { state: true },
    _rollingBack: { state: true },
    _submitting: { state: true },
    _errors: { state: true },
    _outcome: { state: true },
  };

  declare client: BffClient | undefined;
  declare locale: string | undefined;
  declare _tenant: Tenant | undefined;
  /** The version whose document is shown. */
  declare _viewing: number | undefined;
  /** The version a rollback is being confirmed to. */
  declare _rollingBack: number | undefined;
  declare _submitting: boolean;
  declare _errors: string[];
  declare _outcome: string;

  #idempotencyKey = '';
  #opening = 0;

  readonly #profile = new Task(this, {
    args: () => [this._tenant?.id, this.#opening] as const,
    task: ([tenantId], { signal }) =>
      tenantId && this.client ? this.client.getSolutionProfile(tenantId, signal) : initialState,
    onError: (error) => this.#failed(error),
  });

  readonly #document = new Task(this, {
    args: () => [this._tenant?.id, this._viewing] as const,
    task: ([tenantId, version], { signal }) =>
      tenantId && version !== undefined && this.client
        ? this.client.getProfileVersion(tenantId, version, signal)
        : initialState,
    onError: (error) => this.#failed(error),
  });

  /** The dry run of the roll-back on screen. */
  readonly #check = new DraftCheckController(this, {
    draft: () => this.#draft(),
    check: (draft: OperationDraft, signal) => this.client?.dryRun(draft, signal),
    onError: (error) => this.#failed(error),
  });

  readonly #trap = new FocusTrapController(this, () => this.renderRoot.querySelector('dialog'));

  constructor() {
    super();
    this._outcome = '';
    this._submitting = false;
    this._errors = [];
  }

  /** Opens the dialog on `tenant`'s versions, with a new idempotency key. */
  async show(tenant: Tenant): Promise<void> {
    this._tenant = tenant;
    this._viewing = undefined;
    this._rollingBack = undefined;
    this._errors = [];
    this.#opening += 1;
    this.#idempotencyKey = crypto.randomUUID();
    await this.updateComplete;
    this.#trap.open();
  }

  close(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#profile.abort();
    this.#document.abort();
    this.#check.abort();
  }

  #failed(error: unknown): void {
    if (!(error instanceof DOMException && error.name === 'AbortError')) {
      this._errors = problemMessages(messagesFor(this.locale), error);
    }
  }

  #draft(): OperationDraft | undefined {
    const tenant = this._tenant;
    const version = this._rollingBack;
    return tenant && version !== undefined ? { kind: 'profile-restore', tenantId: tenant.id, version } : undefined;
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const client = this.client;
    const tenant = this._tenant;
    const version = this._rollingBack;
    const draft = this.#draft();
    if (!client || !tenant || version === undefined || !draft || !this.#check.answer?.allowed) return;
    await submitRequest(
      this,
      () => client.submitOperationRequest(draft, this.#idempotencyKey),
      () => transportMessagesFor(this.locale).rollBackSubmitted(tenant.name, version),
    );
  }

  override render() {
    const m = transportMessagesFor(this.locale);
    const tenant = this._tenant;
    return html`<p part="outcome" class="hint" role="status" data-testid="rollback-outcome">${this._outcome}</p>
      <dialog part="dialog" aria-labelledby="versions-title" aria-describedby="versions-intro" data-testid="versions-dialog">
        <form @submit=${this.#submit}>
          <h2 id="versions-title">${m.versionsTitle(tenant?.name ?? '')}</h2>
          <p id="versions-intro" class="hint">${m.versionsIntro}</p>
          ${this._rollingBack === undefined ? this.#renderVersions(m) : this.#renderConfirm(m, this._rollingBack)}
          <ul class="notes">
            ${this._errors.map((message) => html`<li class="blocking" role="alert">${message}</li>`)}
          </ul>
          <div class="actions">
            ${
              this._rollingBack === undefined
                ? html`<button type="button" @click=${() => this.close()}>${m.close}</button>`
                : html`<button type="button" data-testid="back" @click=${() => {
                    this._rollingBack = undefined;
                  }}>${m.back}</button>
                  <button part="submit-button" type="submit" class=${tenant?.type === 'productive' ? 'danger' : 'primary'}
                    data-testid="submit-rollback" ?disabled=${this._submitting || !this.#check.answer?.allowed}>${m.confirmRollBack}</button>`
            }
          </div>
        </form>
      </dialog>`;
  }

  #renderVersions(m: TransportMessages) {
    const profile = this.#profile.value;
    if (!profile) return html`<p class="hint" role="status">${messagesFor(this.locale).loading}</p>`;
    if (profile.versions.length === 0) return html`<p class="hint" data-testid="no-versions">${m.noVersions}</p>`;
    const tag = resolveLocale(this.locale);
    const document = this.#document.value;
    return html`<div class="scroll"><table part="versions" data-testid="versions">
        <thead><tr><th scope="col">${m.versionColumn}</th><th scope="col">${m.created}</th><th scope="col">${m.writtenBy}</th>
          <th scope="col"><span class="visually-hidden">${m.actions}</span></th></tr></thead>
        <tbody>${profile.versions.map((v: ProfileVersionSummary) => {
          const current = v.version === profile.version;
          return html`<tr data-version=${v.version}>
            <th scope="row">${v.version}${current ? html` <span class="hint">(${m.current})</span>` : nothing}</th>
            <td>${formatDateTime(tag, v.createdAt)}</td>
            <td>${v.createdByRequestId ? html`<code title=${v.createdByRequestId}>${m.byRequest(v.createdByRequestId)}</code>` : m.initial}</td>
            <td class="row-actions"><span>
              <button type="button" class="link" data-testid="view" aria-pressed=${this._viewing === v.version ? 'true' : 'false'}
                aria-label=${`${m.view}: ${m.document(v.version)}`}
                @click=${() => {
                  this._viewing = this._viewing === v.version ? undefined : v.version;
                }}>${m.view}</button>
              ${
                current
                  ? nothing
                  : html`<button part="rollback-button" type="button" class="link" data-testid="rollback"
                      aria-label=${`${m.rollBack}: ${m.document(v.version)}`}
                      @click=${() => {
                        this._rollingBack = v.version;
                      }}>${m.rollBack}</button>`
              }
            </span></td>
          </tr>`;
        })}</tbody>
      </table></div>
      ${
        this._viewing !== undefined && document?.version === this._viewing
          ? html`<section aria-label=${m.document(document.version)} data-testid="document">
            <h3>${m.document(document.version)}</h3>
            <pre part="document" tabindex="0">${JSON.stringify(document.document, null, 2)}</pre>
          </section>`
          : nothing
      }`;
  }

  #renderConfirm(m: TransportMessages, version: number) {
    const result = this.#check.answer;
    const approval = result?.determinations.approvalRequired;
    return html`<div aria-live="polite" data-testid="rollback-check">
      <h3>${m.rollBackTo(this._tenant?.name ?? '', version)}</h3>
      ${result ? verdict(m, approval, result.validations) : html`<p class="hint">${m.checking}</p>`}
    </div>`;
  }
}
