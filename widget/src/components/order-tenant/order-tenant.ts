import '../../api/operation-calls.js';
import { html, LitElement, nothing } from 'lit';
import type { BffClient } from '../../api/bff-client.js';
import type { Determination, DryRunResult, OperationDraft, Product, Tenant } from '../../api/types.js';
import { DraftCheckController } from '../../controllers/draft-check-controller.js';
import { FocusTrapController } from '../../controllers/focus-trap-controller.js';
import { labelFor, messagesFor } from '../../i18n/index.js';
import { type CopyPart, type MessagesWithOperations, operationMessagesFor } from '../../i18n/operation-messages.js';
import { formStyles } from '../../styles/form.styles.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { problemMessages } from '../../utils/problems.js';
import { submitRequest } from '../../utils/submit-request.js';
import { orderTenantStyles } from './order-tenant.styles.js';

/** How long the form waits after the last change before it asks for a dry-run. */
const DRY_RUN_DELAY_MS = 300;

/** Select value of a source: '' follows the cockpit's proposal, 'none' asks for an initial tenant. */
type SourceChoice = '' | 'none' | (string & {});

const sourceValue = (choice: SourceChoice): { value?: string | null } =>
  choice === '' ? {} : { value: choice === 'none' ? null : choice };

const PARTS: readonly CopyPart[] = ['applicationData', 'solutionProfile'];

/**
 * "Order tenant": a button that opens a form for a new tenant of a business unit. While the user
 * fills it, the cockpit checks the draft (dry-run) and the form shows its proposals, each
 * blocking rule and whether the order is chargeable. One idempotency key per opened form, so a
 * double click or a retry creates one request.
 *
 * Opened with a tenant (`show(tenant)`, "order from this tenant"), the form orders into that
 * tenant's unit and product, and the user ticks which parts the new tenant takes from it: none,
 * one or both, nothing ticked beforehand; an unticked part starts initial, not as proposed.
 *
 * @tag scc-order-tenant
 * @event scc-operation-request-submit - The order was accepted. `detail` is `{ request }`.
 * @csspart order-button - The button that opens the form.
 * @csspart dialog - The form's dialog.
 * @csspart proposal - Each proposal with its "use proposal" button.
 * @csspart validations - The list of blocking rules and notices.
 * @csspart submit-button - The order button of the form.
 * @csspart outcome - The line saying the order was submitted.
 * @cssproperty --scc-color-primary - Buttons.
 * @cssproperty --scc-color-danger - Blocking rules.
 * @cssproperty --scc-color-warning - Notices (e.g. chargeable).
 */
export class SccOrderTenant extends LitElement {
  static override styles = [...sharedStyles, formStyles, orderTenantStyles];

  static override properties = {
    client: { attribute: false },
    tenants: { attribute: false },
    businessUnitId: { attribute: 'business-unit-id' },
    businessUnitName: { attribute: 'business-unit-name' },
    hideOpener: { type: Boolean, attribute: 'hide-opener' },
    locale: {},
    _from: { state: true },
    _fromParts: { state: true },
    _products: { state: true },
    _productId: { state: true },
    _type: { state: true },
    _name: { state: true },
    _applicationData: { state: true },
    _solutionProfile: { state: true },
    _submitting: { state: true },
    _errors: { state: true },
    _outcome: { state: true },
  };

  declare client: BffClient | undefined;
  /** Tenants the caller sees: the candidates for the sources. */
  declare tenants: Tenant[];
  /** The business unit the new tenant is for. */
  declare businessUnitId: string | undefined;
  declare businessUnitName: string | undefined;
  /** Without the "Order tenant" button: the form opens only through `show()`. */
  declare hideOpener: boolean;
  declare locale: string | undefined;
  /** The tenant the form orders from (its unit, product and the ticked parts), if opened with one. */
  declare _from: Tenant | undefined;
  declare _fromParts: CopyPart[];

  declare _products: Product[];
  declare _productId: string;
  declare _type: string;
  declare _name: string;
  declare _applicationData: SourceChoice;
  declare _solutionProfile: SourceChoice;
  declare _submitting: boolean;
  declare _errors: string[];
  declare _outcome: string;

  #idempotencyKey = '';
  /**
   * The live check of the draft: a dry run once the form has rested. The last verdict stays on
   * screen while the next one is on its way, so nothing flickers.
   */
  readonly #check = new DraftCheckController(this, {
    draft: () => this.#draft(),
    check: (draft: OperationDraft, signal) =>
      this.client?.dryRun(draft, signal).then((result) => {
        this._errors = [];
        return result;
      }),
    restMs: DRY_RUN_DELAY_MS,
    onError: (error) => {
      this._errors = problemMessages(messagesFor(this.locale), error);
    },
  });

  /** Tab stays inside the open form (a native modal dialog lets it leave the document). */
  readonly #trap = new FocusTrapController(this, () => this.#dialog());

  constructor() {
    super();
    this.hideOpener = false;
    this.tenants = [];
    this._products = [];
    this._outcome = '';
    this.#reset();
  }

  /** Opens the form, with a new idempotency key; with `from`, to order from that tenant. */
  async show(from?: Tenant): Promise<void> {
    this.#reset();
    this._from = from;
    if (from) this._productId = from.productId;
    this.#idempotencyKey = crypto.randomUUID();
    await this.updateComplete;
    this.#check.recheck();
    this.#trap.open();
    if (this._products.length === 0) void this.#loadProducts();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#check.abort();
  }

  #reset(): void {
    this._from = undefined;
    this._fromParts = [];
    this._productId = '';
    this._type = '';
    this._name = '';
    this._applicationData = '';
    this._solutionProfile = '';
    this._errors = [];
    this._submitting = false;
  }

  #result(): DryRunResult | undefined {
    return this.#check.latest?.answer;
  }

  #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  async #loadProducts(): Promise<void> {
    try {
      this._products = (await this.client?.listProducts()) ?? [];
    } catch (error) {
      this._errors = problemMessages(messagesFor(this.locale), error);
    }
  }

  #draft(): OperationDraft | undefined {
    const from = this._from;
    const businessUnitId = from?.businessUnitId ?? this.businessUnitId;
    if (!businessUnitId || !this._productId || !this._type) return undefined;
    const taken = (part: CopyPart) => (this._fromParts.includes(part) ? from?.id : 'none') ?? '';
    const app = sourceValue(from ? taken('applicationData') : this._applicationData);
    const profile = sourceValue(from ? taken('solutionProfile') : this._solutionProfile);
    return {
      kind: 'order',
      businessUnitId,
      productId: this._productId,
      type: this._type,
      ...(this._name.trim() ? { name: this._name.trim() } : {}),
      ...('value' in app ? { applicationDataSourceTenantId: app.value } : {}),
      ...('value' in profile ? { solutionProfileSourceTenantId: profile.value } : {}),
    };
  }

  protected override willUpdate(): void {
    if (!this._productId && this._products.length === 1) this._productId = this._products[0]?.id ?? '';
    const product = this._products.find((p) => p.id === this._productId);
    if (product && this._type && !product.tenantTypes.includes(this._type)) this._type = '';
    if (product && !this._type && product.tenantTypes.length === 1) this._type = product.tenantTypes[0] ?? '';
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const draft = this.#draft();
    const client = this.client;
    if (!draft || !client) return;
    await submitRequest(
      this,
      () => client.submitOperationRequest(draft, this.#idempotencyKey),
      (request) => {
        const name = typeof request.draft.name === 'string' ? request.draft.name : request.determinations.name?.value;
        return operationMessagesFor(this.locale).ops.ordered(name ?? '');
      },
    );
  }

  close(): void {
    this.#dialog()?.close();
  }

  #sourceName(m: MessagesWithOperations, id: string | null): string {
    if (id === null) return m.ops.none;
    return this.tenants.find((t) => t.id === id)?.name ?? id;
  }

  #proposal(m: MessagesWithOperations, determination: Determination | undefined, shown: string, use: () => void) {
    if (!determination) return nothing;
    return html`<span part="proposal" class="hint proposal"
      >${m.ops.proposal(shown)} · ${determination.reason}
      <button type="button" class="link" @click=${use}>${m.ops.useProposal}</button></span
    >`;
  }

  #sourceField(m: MessagesWithOperations, label: string, testid: string, key: '_applicationData' | '_solutionProfile') {
    const field = key === '_applicationData' ? 'applicationDataSourceTenantId' : 'solutionProfileSourceTenantId';
    const determination = this.#result()?.determinations[field];
    const candidates = this.tenants.filter((t) => t.productId === this._productId && t.lifecycleStatus === 'live');
    return html`<label
      >${label}
      <select data-testid=${testid} .value=${this[key]} @change=${(e: Event) => {
        this[key] = (e.target as HTMLSelectElement).value;
      }}>
        <option value="">${m.ops.asProposed}</option>
        <option value="none">${m.ops.none}</option>
        ${candidates.map((t) => html`<option value=${t.id} ?selected=${this[key] === t.id}>${t.name}</option>`)}
      </select>
      ${this.#proposal(m, determination, this.#sourceName(m, determination?.value ?? null), () => {
        this[key] = determination?.value ?? 'none';
      })}
    </label>`;
  }

  /** The parts the new tenant takes from `from`, each ticked by the user, and what the cockpit proposes. */
  #fromFields(m: MessagesWithOperations, from: Tenant) {
    const determinations = this.#result()?.determinations;
    const proposals = PARTS.flatMap((part) => {
      const proposal = determinations?.[`${part}SourceTenantId`];
      return proposal ? [{ part, proposal }] : [];
    });
    return html`<fieldset data-testid="order-from-parts">
        <legend>${m.ops.takeFrom(from.name)}</legend>
        ${PARTS.map(
          (part) => html`<label class="choice"><input type="checkbox" data-part=${part}
            .checked=${this._fromParts.includes(part)} @change=${(e: Event) => {
              const checked = (e.target as HTMLInputElement).checked;
              this._fromParts = checked ? [...this._fromParts, part] : this._fromParts.filter((p) => p !== part);
            }} /> ${m.ops.parts[part]}</label>`,
        )}
        ${this._fromParts.length === 0 ? html`<span class="hint">${m.ops.takeNothing}</span>` : nothing}
      </fieldset>
      ${
        proposals.length
          ? html`<div part="proposal" data-testid="determinations">
            <span class="hint">${m.ops.proposals}</span>
            <ul class="hint">
              ${proposals.map(
                ({ part, proposal }) =>
                  html`<li>${m.ops.parts[part]}: ${this.#sourceName(m, proposal.value)} · ${proposal.reason}</li>`,
              )}
            </ul>
          </div>`
          : nothing
      }`;
  }

  override render() {
    const m = operationMessagesFor(this.locale);
    const product = this._products.find((p) => p.id === this._productId);
    const result = this.#result();
    const failed = result?.validations.filter((v) => !v.passed) ?? [];
    const nameProposal = result?.determinations.name;
    const blocked = failed.some((v) => v.blocking);
    const from = this._from;
    return html`${
      this.hideOpener
        ? nothing
        : html`<button part="order-button" class="primary" type="button" data-testid="order-tenant"
        ?disabled=${!this.client || !this.businessUnitId} @click=${() => this.show()}>${m.ops.orderTenant}</button>`
    }
      <span part="outcome" class="hint" role="status" data-testid="order-outcome">${this._outcome}</span>
      <dialog part="dialog" aria-labelledby="title" data-testid="order-dialog">
        <form @submit=${this.#submit}>
          <h2 id="title">${
            from ? m.ops.orderFrom(from.name, from.businessUnitName) : m.ops.orderFor(this.businessUnitName ?? '')
          }</h2>
          <label>${m.ops.product}
            <select data-testid="product" ?disabled=${!!from} .value=${this._productId} @change=${(e: Event) => {
              this._productId = (e.target as HTMLSelectElement).value;
            }}>
              <option value="" disabled>—</option>
              ${this._products.map((p) => html`<option value=${p.id} ?selected=${p.id === this._productId}>${p.name}</option>`)}
            </select>
          </label>
          <label>${m.ops.type}
            <select data-testid="type" .value=${this._type} @change=${(e: Event) => {
              this._type = (e.target as HTMLSelectElement).value;
            }}>
              <option value="" disabled>—</option>
              ${(product?.tenantTypes ?? []).map(
                (t) => html`<option value=${t} ?selected=${t === this._type}>${labelFor(m.tenantType, t)}</option>`,
              )}
            </select>
          </label>
          <label>${m.ops.name}
            <input data-testid="name" autocomplete="off" maxlength="200" .value=${this._name}
              placeholder=${nameProposal?.value ?? ''} @input=${(e: Event) => {
                this._name = (e.target as HTMLInputElement).value;
              }} />
            ${
              nameProposal?.value && nameProposal.value !== this._name
                ? this.#proposal(m, nameProposal, nameProposal.value, () => {
                    this._name = nameProposal.value ?? '';
                  })
                : nothing
            }
          </label>
          ${
            from
              ? this.#fromFields(m, from)
              : html`${this.#sourceField(m, m.ops.applicationData, 'application-data-source', '_applicationData')}
                ${this.#sourceField(m, m.ops.solutionProfile, 'solution-profile-source', '_solutionProfile')}`
          }
          <ul part="validations" class="notes" data-testid="validations" aria-live="polite">
            ${failed.map((v) => html`<li class=${v.blocking ? 'blocking' : ''} data-rule=${v.rule}>${v.message}</li>`)}
            ${result?.chargeable ? html`<li data-rule="chargeable">${m.ops.chargeable}</li>` : nothing}
            ${this._errors.map((message) => html`<li class="blocking" role="alert">${message}</li>`)}
          </ul>
          <div class="actions">
            <span class="hint">${this.#check.pending ? m.ops.checking : ''}</span>
            <button type="button" @click=${() => this.#dialog()?.close()}>${m.ops.cancel}</button>
            <button part="submit-button" class="primary" type="submit" data-testid="submit-order"
              ?disabled=${this._submitting || !this.#draft() || blocked}>${m.ops.order}</button>
          </div>
        </form>
      </dialog>`;
  }
}
