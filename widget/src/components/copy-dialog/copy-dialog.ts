import '../../api/operation-calls.js';
import { initialState, Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import type { BffClient } from '../../api/bff-client.js';
import type { DryRunResult, OperationDraft, Tenant } from '../../api/types.js';
import { DraftCheckController } from '../../controllers/draft-check-controller.js';
import { FocusTrapController } from '../../controllers/focus-trap-controller.js';
import { labelFor, messagesFor } from '../../i18n/index.js';
import { type CopyPart, type MessagesWithOperations, operationMessagesFor } from '../../i18n/operation-messages.js';
import { formStyles } from '../../styles/form.styles.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { problemMessages } from '../../utils/problems.js';
import { rest } from '../../utils/rest.js';
import { submitRequest } from '../../utils/submit-request.js';
import { copyDialogStyles } from './copy-dialog.styles.js';

/** How long the dialog waits after the last keystroke or choice before it asks the server. */
const REST_MS = 300;

const PARTS: readonly CopyPart[] = ['applicationData', 'solutionProfile'];

/** A setting's value as JSON, cut short: the preview lists, it does not replace an editor. */
const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? '';
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

/**
 * "Copy into this tenant": pick the source among the caller's tenants of the same product (searched
 * by name on the server), choose the parts explicitly (nothing is chosen beforehand), read the
 * cockpit's dry run of exactly that copy, and submit. Into a productive tenant the dialog names what
 * the copy overwrites. The browser decides nothing itself: what may be copied is the dry run's
 * verdict, and a blocked copy cannot be submitted. One idempotency key per opening.
 *
 * ```ts
 * dialog.show(targetTenant);
 * ```
 *
 * @tag scc-copy-dialog
 * @event scc-operation-request-submit - The copy was accepted. `detail` is `{ request }`.
 * @csspart dialog - The `<dialog>`.
 * @csspart sources - The choice of source tenants.
 * @csspart validations - The dry run's rules, each passed or blocked.
 * @csspart warning - What a copy into a productive tenant overwrites.
 * @csspart overwrites - The dry run's preview of the records and settings the copy replaces.
 * @csspart submit-button - The button submitting the copy.
 * @csspart outcome - The line saying the copy was submitted.
 * @cssproperty --scc-color-danger - Blocked rules and the productive warning.
 */
export class SccCopyDialog extends LitElement {
  static override styles = [...sharedStyles, formStyles, copyDialogStyles];

  static override properties = {
    client: { attribute: false },
    locale: {},
    _target: { state: true },
    _query: { state: true },
    _candidates: { state: true },
    _source: { state: true },
    _parts: { state: true },
    _submitting: { state: true },
    _errors: { state: true },
    _outcome: { state: true },
  };

  declare client: BffClient | undefined;
  declare locale: string | undefined;
  declare _target: Tenant | undefined;
  declare _query: string;
  /** The tenants the last search found, of the target's product, the target left out. */
  declare _candidates: Tenant[] | undefined;
  declare _source: Tenant | undefined;
  declare _parts: CopyPart[];
  declare _submitting: boolean;
  declare _errors: string[];
  declare _outcome: string;

  #idempotencyKey = '';
  /** Counts the openings: each one searches afresh, also for the same target and query. */
  #opening = 0;

  /** The source search: the newest query aborts an older one still on its way. */
  readonly #search = new Task(this, {
    args: () => [this._target, this._query, this.#opening] as const,
    task: async ([target, query], { signal }) => {
      const client = this.client;
      if (!target || !client) return initialState;
      if (query) await rest(REST_MS, signal);
      const page = await client.listTenants({ q: query || undefined, sort: 'name', limit: 50 }, signal);
      return page.items.filter((tenant) => tenant.productId === target.productId && tenant.id !== target.id);
    },
    onComplete: (candidates) => {
      this._candidates = candidates;
    },
    onError: (error) => this.#failed(error),
  });

  /** The dry run of the draft on screen. */
  readonly #check = new DraftCheckController(this, {
    draft: () => this.#draft(),
    check: (draft: OperationDraft, signal) => this.client?.dryRun(draft, signal),
    restMs: REST_MS,
    onError: (error) => this.#failed(error),
  });

  readonly #trap = new FocusTrapController(this, () => this.renderRoot.querySelector('dialog'));

  constructor() {
    super();
    this._outcome = '';
    this.#reset();
  }

  /** The tenant the dialog copies into, while it is open. */
  get target(): Tenant | undefined {
    return this._target;
  }

  /** Opens the dialog for `target`, nothing chosen, with a new idempotency key. */
  async show(target: Tenant): Promise<void> {
    this.#reset();
    this._target = target;
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
    this.#search.abort();
    this.#check.abort();
  }

  #reset(): void {
    this._target = undefined;
    this._query = '';
    this._candidates = undefined;
    this._source = undefined;
    this._parts = [];
    this._submitting = false;
    this._errors = [];
  }

  #failed(error: unknown): void {
    if (!(error instanceof DOMException && error.name === 'AbortError')) {
      this._errors = problemMessages(messagesFor(this.locale), error);
    }
  }

  #draft(): OperationDraft | undefined {
    const target = this._target;
    const source = this._source;
    if (!target || !source || this._parts.length === 0) return undefined;
    // In the parts' own order, so the same choice is the same draft (and idempotency hash).
    const parts = PARTS.filter((part) => this._parts.includes(part));
    return { kind: 'copy', sourceTenantId: source.id, targetTenantId: target.id, parts };
  }

  #togglePart(part: CopyPart, checked: boolean): void {
    this._parts = checked ? [...this._parts, part] : this._parts.filter((p) => p !== part);
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const draft = this.#draft();
    const client = this.client;
    const target = this._target;
    const source = this._source;
    if (!draft || !client || !target || !source || !this.#check.answer?.allowed) return;
    await submitRequest(
      this,
      () => client.submitOperationRequest(draft, this.#idempotencyKey),
      () => operationMessagesFor(this.locale).ops.copyRequested(source.name, target.name),
    );
  }

  override render() {
    const m = operationMessagesFor(this.locale);
    const target = this._target;
    const result = this.#check.answer;
    const checking = this.#check.pending;
    return html`<p part="outcome" class="hint" role="status" data-testid="copy-outcome">${this._outcome}</p>
      <dialog part="dialog" aria-labelledby="copy-title" aria-describedby="copy-intro" data-testid="copy-dialog">
        <form @submit=${this.#submit}>
          <h2 id="copy-title">${m.ops.copyInto(target?.name ?? '')}</h2>
          <p id="copy-intro" class="hint">${m.ops.copyIntro}</p>
          ${this.#renderSources(m)}
          <fieldset data-testid="parts">
            <legend>${m.ops.whatToCopy}</legend>
            ${PARTS.map(
              (part) => html`<label class="choice"><input type="checkbox" data-part=${part}
                .checked=${this._parts.includes(part)}
                @change=${(e: Event) => this.#togglePart(part, (e.target as HTMLInputElement).checked)} />
                ${m.ops.parts[part]}</label>`,
            )}
          </fieldset>
          ${this.#renderWarning(m)}
          <div aria-live="polite" data-testid="dry-run">
            ${
              result
                ? html`<ul part="validations" class="notes checks" data-testid="validations">
                  ${result.validations.map(
                    (v) => html`<li class=${v.passed ? 'passed' : v.blocking ? 'blocking' : ''} data-rule=${v.rule}
                      data-passed=${String(v.passed)}><span class="verdict">${v.passed ? m.ops.passed : m.ops.blocked}:</span>
                      ${v.message}</li>`,
                  )}
                </ul>
                ${this.#renderOverwrites(m, result)}`
                : html`<p class="hint">${this.#draft() ? m.ops.checking : m.ops.chooseSourceAndParts}</p>`
            }
          </div>
          <ul class="notes">
            ${this._errors.map((message) => html`<li class="blocking" role="alert">${message}</li>`)}
          </ul>
          <div class="actions">
            <span class="hint">${checking && result ? m.ops.checking : ''}</span>
            <button type="button" @click=${() => this.close()}>${m.ops.cancel}</button>
            <button part="submit-button" class=${target?.type === 'productive' ? 'danger' : 'primary'} type="submit"
              data-testid="submit-copy" aria-describedby=${target?.type === 'productive' ? 'copy-warning' : nothing}
              ?disabled=${this._submitting || !result?.allowed}>${m.ops.copy}</button>
          </div>
        </form>
      </dialog>`;
  }

  #renderSources(m: MessagesWithOperations) {
    const candidates = this._candidates;
    const source = this._source;
    // The chosen source stays listed while a later search does not find it.
    const shown =
      source && candidates && !candidates.some((t) => t.id === source.id) ? [source, ...candidates] : candidates;
    return html`<fieldset part="sources" data-testid="sources">
      <legend>${m.ops.source}</legend>
      <label>${m.ops.searchSources}
        <input type="search" data-testid="source-search" maxlength="100" autocomplete="off" .value=${this._query}
          @input=${(e: Event) => {
            this._query = (e.target as HTMLInputElement).value.trim().slice(0, 100);
          }} />
      </label>
      <p class="hint" role="status" data-testid="sources-found">${
        candidates === undefined
          ? m.ops.checking
          : candidates.length
            ? m.ops.sourcesFound(candidates.length)
            : m.ops.noSources
      }</p>
      <div class="candidates">
        ${(shown ?? []).map(
          (tenant) => html`<label class="choice"><input type="radio" name="source" value=${tenant.id}
            .checked=${tenant.id === source?.id} @change=${() => {
              this._source = tenant;
            }} />
            <span>${tenant.name} <span class="hint">${labelFor(m.tenantType, tenant.type)} · ${tenant.businessUnitName}</span></span></label>`,
        )}
      </div>
    </fieldset>`;
  }

  /** The dry run's exact preview: record counts and keys, and every profile setting with its old and new value. */
  #renderOverwrites(m: MessagesWithOperations, result: DryRunResult) {
    const { applicationData: data, solutionProfile: profile } = result.overwrites ?? {};
    if (!data && !profile) return nothing;
    const listed = data ? data.keys.length : 0;
    const more = data ? data.added + data.changed + data.removed - listed : 0;
    return html`<section part="overwrites" class="overwrites" data-testid="overwrites"
      aria-labelledby="overwrites-title">
      <h3 id="overwrites-title">${m.ops.replacesIn(this._target?.name ?? '')}</h3>
      ${
        result.determinations.approvalRequired?.value
          ? html`<p class="hint" data-testid="needs-approval">${m.ops.needsApproval}</p>`
          : nothing
      }
      ${
        data
          ? html`<p data-testid="application-data-overwrites">${m.ops.applicationDataReplaced(data)}</p>
            ${
              listed
                ? html`<ul class="changes">${data.keys.map(
                    (k) => html`<li data-op=${k.op}><code>${k.key}</code> ${m.ops.changeOps[k.op]}</li>`,
                  )}${more > 0 ? html`<li>${m.ops.moreRecords(more)}</li>` : nothing}</ul>`
                : nothing
            }`
          : nothing
      }
      ${
        profile
          ? html`<p data-testid="profile-overwrites">
              ${m.ops.profileReplaced(profile.targetVersion, profile.sourceVersion, profile.changes.length)}</p>
            <ul class="changes">${profile.changes.map(
              (c) => html`<li data-op=${c.op}><code>${c.pointer}</code> ${m.ops.changeOps[c.op]}:
                ${c.op === 'added' ? nothing : html`<del>${shown(c.old)}</del>`}
                ${c.op === 'removed' ? nothing : html`<ins>${shown(c.new)}</ins>`}</li>`,
            )}</ul>`
          : nothing
      }
    </section>`;
  }

  #renderWarning(m: MessagesWithOperations) {
    const target = this._target;
    if (target?.type !== 'productive') return nothing;
    const parts = PARTS.filter((part) => this._parts.includes(part));
    return html`<p part="warning" class="warning" id="copy-warning" data-testid="productive-warning">
      ${this._source && parts.length ? m.ops.overwrites(target.name, parts, this._source.name) : m.ops.productiveTarget(target.name)}
    </p>`;
  }
}
