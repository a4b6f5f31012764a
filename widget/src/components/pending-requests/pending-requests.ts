import '../../api/operation-calls.js';
import { html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { type BffClient, itemsOf } from '../../api/bff-client.js';
import type { OperationRequest, Tenant } from '../../api/types.js';
import { createOperationRequestCancelEvent } from '../../events/scc-operation-request-cancel.js';
import { createOperationRequestCompleteEvent } from '../../events/scc-operation-request-complete.js';
import { createOperationRequestSubmitEvent } from '../../events/scc-operation-request-submit.js';
import { formatDate, formatDaysFromNow, labelFor, messagesFor, resolveLocale } from '../../i18n/index.js';
import { operationMessagesFor } from '../../i18n/operation-messages.js';
import { formStyles } from '../../styles/form.styles.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { problemMessages } from '../../utils/problems.js';
import { pendingRequestsStyles } from './pending-requests.styles.js';

const END_STATES = new Set(['succeeded', 'failed', 'rejected', 'cancelled']);

/** Whether a request has reached an end state. */
export const isFinished = (request: OperationRequest): boolean => END_STATES.has(request.state);

/** A termination waiting out its retention period: shown with its tenant, not as a running request. */
const isRetention = (request: OperationRequest): boolean => request.retainedUntil !== null;

/** How often the "in 27 days" countdown is brought up to date. */
const COUNTDOWN_REFRESH_MS = 60 * 60 * 1000;

/**
 * The caller's open operation requests with live progress bars, and the terminated tenants that
 * can still be brought back. A finished request stays for a moment in its end state, then goes,
 * and a status line says how it ended (and why, when it failed). Only what the caller may do is
 * offered: cancel where the request's `allowedActions` has it; a pending termination shows the
 * day its tenant goes and Restore, nothing else. Feed it updates (from the event stream, or after
 * a submit) with `apply(request)`. Above them, the requests and moves waiting for this caller's
 * approval (`<scc-pending-approvals>`, a chunk of its own loaded beside this one).
 *
 * @tag scc-pending-requests
 * @event scc-operation-request-complete - A shown request reached an end state. `detail` is `{ request }`.
 * @event scc-operation-request-cancel - The user cancelled a request. `detail` is `{ request }`.
 * @event scc-operation-request-submit - The user asked to restore a tenant. `detail` is `{ request }`.
 * @csspart requests - The list of requests.
 * @csspart request - Each request (`data-request-id`, `data-state`).
 * @csspart progress - The `<progress>` bar of a request.
 * @csspart cancel-button - Cancels a request.
 * @csspart restore-button - Brings a terminated tenant back.
 * @csspart outcome - The line saying how the last request ended.
 * @csspart approvals - The approvals waiting for this caller (`<scc-pending-approvals>`).
 * @cssproperty --scc-color-primary - Progress bar.
 * @cssproperty --scc-color-success - Progress bar of a finished request.
 * @cssproperty --scc-color-danger - Failed, rejected requests.
 */
export class SccPendingRequests extends LitElement {
  static override styles = [...sharedStyles, formStyles, pendingRequestsStyles];

  static override properties = {
    client: { attribute: false },
    tenants: { attribute: false },
    lingerMs: { type: Number, attribute: 'linger-ms' },
    restorable: { type: Boolean },
    locale: {},
    _requests: { state: true },
    _outcome: { state: true },
    _terminated: { state: true },
    _busy: { state: true },
    _errors: { state: true },
    _approver: { state: true },
  };

  declare client: BffClient | undefined;
  /** Tenants the caller sees, for names. */
  declare tenants: Tenant[];
  /** How long a finished request stays visible (default 2500 ms). */
  declare lingerMs: number;
  /** Whether the caller may restore archived tenants (the session's `permissions.restore`). */
  declare restorable: boolean;
  declare locale: string | undefined;
  /** How the last request ended, for the status line. */
  declare _outcome: string;

  declare _requests: Map<string, OperationRequest>;
  declare _terminated: Tenant[];
  declare _busy: Set<string>;
  declare _errors: string[];
  /** Something waited for this caller's approval: the approvals element is shown. */
  declare _approver: boolean;

  #timers = new Set<ReturnType<typeof setTimeout>>();
  #refreshes = 0;
  #countdown: ReturnType<typeof setInterval> | undefined;
  /** Names of every tenant seen, so a request keeps naming a tenant that left the list. */
  #names = new Map<string, string>();

  constructor() {
    super();
    this.tenants = [];
    this.lingerMs = 2500;
    this.restorable = false;
    this._outcome = '';
    this._requests = new Map();
    this._terminated = [];
    this._busy = new Set();
    this._errors = [];
    this._approver = false;
  }

  /** The requests shown now, newest first. */
  get requests(): OperationRequest[] {
    return [...this._requests.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /**
   * Loads the open requests and the terminated tenants again. Refreshes overlap (each state change
   * of a termination starts one) and their answers may arrive in any order: only the latest one's
   * terminated list counts, or an earlier, slower answer would show the list before the change.
   */
  async refresh(): Promise<void> {
    if (!this.client) return;
    const refresh = ++this.#refreshes;
    try {
      const [open, all] = await Promise.all([
        this.client.listOperationRequests('open'),
        this.client.listTenants({ lifecycle: 'all', limit: 200 }),
      ]);
      for (const request of open) this.apply(request);
      if (refresh !== this.#refreshes) return;
      this._terminated = all.items.filter((t) => t.lifecycleStatus === 'retained' || t.lifecycleStatus === 'archived');
    } catch (error) {
      this._errors = problemMessages(messagesFor(this.locale), error);
    }
  }

  /**
   * Whether anything waits for this caller's approval. Only then the approvals chunk loads and its
   * element shows (and from then on keeps its list itself), so callers who never decide never load
   * it. A failed check shows nothing: the element reports its own errors once it is there.
   */
  async #checkApprovals(): Promise<void> {
    if (this._approver) {
      await this.renderRoot.querySelector('scc-pending-approvals')?.refresh();
      return;
    }
    if (!this.client) return;
    try {
      const pending = await this.client.request('/v1/widget/approvals?state=pending&limit=1', {}, itemsOf);
      if (pending.items.length === 0) return;
      await import('../../lazy/approvals.js');
      this._approver = true;
    } catch {
      // Nothing to show: the next refresh asks again.
    }
  }

  /** Takes a new state of a request; only newer states replace older ones. */
  apply(request: OperationRequest): void {
    const known = this._requests.get(request.id);
    if (known && known.updatedAt > request.updatedAt) return;
    // A request first seen already finished (an old one, replayed) is not news.
    if (known ? isFinished(known) : isFinished(request)) return;
    this._requests = new Map(this._requests).set(request.id, request);
    // A request that starts or stops waiting for four eyes changes what admins may decide.
    if ((request.state === 'awaiting-approval') !== (known?.state === 'awaiting-approval')) void this.#checkApprovals();
    // A termination that starts, retains its tenant or ends moves the tenant in or out of the
    // terminated list; retaining keeps the state `running`, so it is told by `retainedUntil`.
    const retained = known !== undefined && isRetention(known) !== isRetention(request);
    if (request.kind === 'decommission' && (request.state !== known?.state || retained)) void this.refresh();
    if (!isFinished(request)) return;
    this._outcome = this.#outcomeOf(request, known);
    this.dispatchEvent(createOperationRequestCompleteEvent(request));
    if (request.kind !== 'decommission') void this.refresh();
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      const next = new Map(this._requests);
      next.delete(request.id);
      this._requests = next;
    }, this.lingerMs);
    this.#timers.add(timer);
  }

  /** What the status line says about a request that ended: that it did, and why when it failed. */
  #outcomeOf(request: OperationRequest, known: OperationRequest | undefined): string {
    const m = operationMessagesFor(this.locale).ops;
    const kind = labelFor(m.kind, request.kind);
    const what = this.#target(request);
    switch (request.state) {
      case 'succeeded':
        return request.kind === 'restore' ? m.restored(what) : m.finished(kind, what);
      case 'cancelled':
        return known && isRetention(known) ? m.restored(what) : m.cancelled(`${kind} ${what}`);
      default: {
        const reason =
          request.error?.message ??
          request.validations
            .filter((v) => !v.passed && v.blocking)
            .map((v) => v.message)
            .join(' ');
        return m.failedBecause(kind, what, reason || labelFor(m.state, request.state));
      }
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
    void this.#checkApprovals();
    this.#countdown = setInterval(() => this.requestUpdate(), COUNTDOWN_REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#countdown);
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  async #run(id: string, action: (client: BffClient) => Promise<OperationRequest>, cancel: boolean): Promise<void> {
    if (!this.client || this._busy.has(id)) return;
    this._busy = new Set(this._busy).add(id);
    this._errors = [];
    try {
      const request = await action(this.client);
      this.apply(request);
      // A cancel ends the request, and apply says so; a restore has only begun.
      if (!cancel) this._outcome = operationMessagesFor(this.locale).ops.restoreRequested(this.#target(request));
      this.dispatchEvent(
        cancel ? createOperationRequestCancelEvent(request) : createOperationRequestSubmitEvent(request),
      );
    } catch (error) {
      this._errors = problemMessages(messagesFor(this.locale), error);
    } finally {
      const busy = new Set(this._busy);
      busy.delete(id);
      this._busy = busy;
    }
  }

  #cancel(request: OperationRequest): void {
    void this.#run(request.id, (client) => client.cancelOperationRequest(request.id), true);
  }

  /** The termination that keeps a retained tenant, while it is waiting. */
  #terminationOf(tenant: Tenant): OperationRequest | undefined {
    return [...this._requests.values()].find(
      (r) => r.kind === 'decommission' && r.tenantId === tenant.id && isRetention(r),
    );
  }

  /** A retained tenant may come back while its termination allows it, an archived one with the permission. */
  #mayRestore(tenant: Tenant): boolean {
    if (tenant.lifecycleStatus === 'retained') return !!this.#terminationOf(tenant)?.allowedActions.includes('cancel');
    return this.restorable;
  }

  /** A retained tenant comes back by cancelling its termination; an archived one is restored. */
  #restore(tenant: Tenant): void {
    const termination = this.#terminationOf(tenant);
    const key = crypto.randomUUID();
    void this.#run(
      tenant.id,
      (client) =>
        termination
          ? client.cancelOperationRequest(termination.id)
          : client.submitOperationRequest({ kind: 'restore', tenantId: tenant.id, mode: 'same' }, key),
      !!termination,
    );
  }

  protected override willUpdate(): void {
    for (const t of [...this.tenants, ...this._terminated]) this.#names.set(t.id, t.name);
  }

  #target(request: OperationRequest): string {
    const name = request.tenantId ? this.#names.get(request.tenantId) : undefined;
    // The document leaves a stored draft a free object: only an order's has a name, and it may lack one.
    const drafted = typeof request.draft.name === 'string' ? request.draft.name : undefined;
    const target = name ?? drafted ?? request.determinations.name?.value ?? '';
    // A transport is about two tenants (the request's own is its target): where from matters as much.
    const source =
      typeof request.draft.sourceTenantId === 'string' ? this.#names.get(request.draft.sourceTenantId) : undefined;
    return request.kind === 'transport' && source ? `${source} → ${target}` : target;
  }

  #retentionHint(tenant: Tenant) {
    if (!tenant.retainedUntil) return '';
    const ops = operationMessagesFor(this.locale).ops;
    const tag = resolveLocale(this.locale);
    return ops.retainedUntil(
      formatDate(tag, tenant.retainedUntil),
      formatDaysFromNow(tag, tenant.retainedUntil, new Date()),
    );
  }

  override render() {
    const requests = this.requests.filter((r) => !isRetention(r));
    const approvals = html`<scc-pending-approvals part="approvals" .client=${this.client}
      locale=${this.locale ?? ''}></scc-pending-approvals>`;
    // One template either way, so the approvals element (and what it just said) stays as requests come and go.
    const empty = requests.length === 0 && this._terminated.length === 0 && this._errors.length === 0 && !this._outcome;
    return html`${this._approver ? approvals : nothing}${empty ? nothing : this.#requestsSection(requests)}`;
  }

  #requestsSection(requests: OperationRequest[]) {
    const m = operationMessagesFor(this.locale);
    return html`<section aria-labelledby="pending-title">
      ${
        requests.length > 0
          ? html`<h2 id="pending-title">${m.ops.pending}</h2>
            <ul part="requests" data-testid="pending-requests" aria-live="polite">
              ${repeat(
                requests,
                (r) => r.id,
                (
                  r,
                ) => html`<li part="request" class="request state--${r.state}" data-request-id=${r.id} data-state=${r.state}>
                  <span class="what"><strong>${labelFor(m.ops.kind, r.kind)}</strong> ${this.#target(r)}</span>
                  <span class="state">${labelFor(m.ops.state, r.state)}</span>
                  <progress part="progress" max="100" value=${r.state === 'succeeded' ? 100 : r.progress}
                    aria-label=${`${labelFor(m.ops.kind, r.kind)} ${this.#target(r)}`}>${r.progress} %</progress>
                  <span class="hint step">${r.error?.message ?? r.step ?? ''}</span>
                  ${
                    !r.allowedActions.includes('cancel')
                      ? nothing
                      : html`<button part="cancel-button" type="button" class="link" data-testid="cancel-request"
                          ?disabled=${this._busy.has(r.id)} @click=${() => this.#cancel(r)}>${m.ops.cancelRequest}</button>`
                  }
                </li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        this._terminated.length > 0
          ? html`<h2>${m.ops.terminated}</h2>
            <ul data-testid="terminated-tenants">
              ${this._terminated.map(
                (t) => html`<li class="request terminated" data-tenant-id=${t.id}>
                  <span class="what"><strong>${t.name}</strong> ${labelFor(m.lifecycleStatus, t.lifecycleStatus)}</span>
                  <span class="hint" data-testid="retained-until">${this.#retentionHint(t)}</span>
                  ${
                    this.#mayRestore(t)
                      ? html`<button part="restore-button" type="button" class="link" data-testid="restore-tenant"
                          aria-label=${`${m.ops.restore} ${t.name}`}
                          ?disabled=${this._busy.has(t.id)} @click=${() => this.#restore(t)}>${m.ops.restore}</button>`
                      : nothing
                  }
                </li>`,
              )}
            </ul>`
          : nothing
      }
      <p part="outcome" class="hint" role="status" data-testid="outcome">${this._outcome}</p>
      <ul class="notes">${this._errors.map((message) => html`<li class="blocking" role="alert">${message}</li>`)}</ul>
    </section>`;
  }
}
