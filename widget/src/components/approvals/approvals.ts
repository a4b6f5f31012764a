import '../../api/approval-calls.js';
import { html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { BffClient } from '../../api/bff-client.js';
import type { Approval, ApprovalDecision } from '../../api/types.js';
import { createApprovalDecideEvent } from '../../events/scc-approval-decide.js';
import { approvalMessagesFor } from '../../i18n/approval-messages.js';
import { formatDateTime, labelFor, messagesFor, resolveLocale } from '../../i18n/index.js';
import { formStyles } from '../../styles/form.styles.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { problemMessages } from '../../utils/problems.js';
import { approvalsStyles } from './approvals.styles.js';

/**
 * Four eyes: the requests and moves waiting for this caller's approval (admins of the unit or
 * above, never the requester — the server lists only those), each with Approve and Reject and an
 * optional comment. Shows nothing when there is nothing to decide. `refresh()` reloads the list;
 * the pending panel calls it when a request starts or stops waiting for approval.
 *
 * @tag scc-pending-approvals
 * @event scc-approval-decide - The user approved or rejected. `detail` is `{ approval }`.
 * @csspart approvals - The list of approvals.
 * @csspart approval - Each approval (`data-approval-id`, `data-subject`).
 * @csspart comment - The comment field of an approval.
 * @csspart approve-button - Approves.
 * @csspart reject-button - Rejects.
 * @cssproperty --scc-color-danger - The reject button.
 */
export class SccPendingApprovals extends LitElement {
  static override styles = [...sharedStyles, formStyles, approvalsStyles];

  static override properties = {
    client: { attribute: false },
    locale: {},
    _items: { state: true },
    _busy: { state: true },
    _errors: { state: true },
    _outcome: { state: true },
  };

  declare client: BffClient | undefined;
  declare locale: string | undefined;
  declare _items: Approval[];
  declare _busy: Set<string>;
  declare _errors: string[];
  declare _outcome: string;

  #refreshes = 0;
  #comments = new Map<string, string>();

  constructor() {
    super();
    this._items = [];
    this._busy = new Set();
    this._errors = [];
    this._outcome = '';
  }

  /** The approvals shown now. */
  get approvals(): Approval[] {
    return this._items;
  }

  /** Loads the pending approvals again; of overlapping reloads only the latest answer counts. */
  async refresh(): Promise<void> {
    if (!this.client) return;
    const refresh = ++this.#refreshes;
    try {
      const items = await this.client.listApprovals('pending');
      if (refresh === this.#refreshes) this._items = items;
    } catch (error) {
      if (refresh === this.#refreshes) this._errors = problemMessages(messagesFor(this.locale), error);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('client') && changed.get('client') === undefined && this.client) void this.refresh();
  }

  /** What an approval is about, in a line: the request's kind and tenant, or the move. */
  #what(approval: Approval): string {
    const m = approvalMessagesFor(this.locale);
    const preview = approval.move?.preview;
    if (preview) return m.move(preview.businessUnit.name, preview.to.path.join(' › '));
    return approval.operationRequest?.tenantId ?? '';
  }

  async #decide(approval: Approval, decision: ApprovalDecision): Promise<void> {
    if (!this.client || this._busy.has(approval.id)) return;
    this._busy = new Set(this._busy).add(approval.id);
    this._errors = [];
    try {
      const decided = await this.client.decideApproval(approval.id, decision, this.#comments.get(approval.id));
      const m = approvalMessagesFor(this.locale);
      const what = `${labelFor(m.subject, approval.subject)} ${this.#what(approval)}`;
      this._outcome = decision === 'approve' ? m.approved(what) : m.rejected(what);
      this._items = this._items.filter((a) => a.id !== approval.id);
      this.#comments.delete(approval.id);
      this.dispatchEvent(createApprovalDecideEvent(decided));
    } catch (error) {
      this._errors = problemMessages(messagesFor(this.locale), error);
      void this.refresh();
    } finally {
      const busy = new Set(this._busy);
      busy.delete(approval.id);
      this._busy = busy;
    }
  }

  override render() {
    if (this._items.length === 0 && this._errors.length === 0 && !this._outcome) return nothing;
    const m = approvalMessagesFor(this.locale);
    const tag = resolveLocale(this.locale);
    return html`<section aria-labelledby="approvals-title">
      ${
        this._items.length > 0
          ? html`<h2 id="approvals-title">${m.title}</h2>
            <ul part="approvals" data-testid="pending-approvals">
              ${repeat(
                this._items,
                (a) => a.id,
                (a) => html`<li part="approval" class="approval" data-approval-id=${a.id} data-subject=${a.subject}>
                  <span class="what"><strong>${labelFor(m.subject, a.subject)}</strong> ${this.#what(a)}</span>
                  <span class="hint">${m.requestedBy(a.requestedBy.email, a.approvals, a.quorum)} ·
                    ${m.expiresAt(formatDateTime(tag, a.expiresAt))}</span>
                  <label class="comment">${m.comment}
                    <textarea part="comment" rows="2" maxlength="2000" data-testid="approval-comment"
                      @input=${(e: Event) => this.#comments.set(a.id, (e.target as HTMLTextAreaElement).value)}></textarea>
                  </label>
                  <span class="actions">
                    <button part="approve-button" type="button" data-testid="approve"
                      ?disabled=${this._busy.has(a.id)} @click=${() => this.#decide(a, 'approve')}>${m.approve}</button>
                    <button part="reject-button" type="button" class="danger" data-testid="reject"
                      ?disabled=${this._busy.has(a.id)} @click=${() => this.#decide(a, 'reject')}>${m.reject}</button>
                  </span>
                </li>`,
              )}
            </ul>`
          : nothing
      }
      <p class="hint" role="status" data-testid="approval-outcome">${this._outcome}</p>
      <div class="notes">${this._errors.map((message) => html`<p class="blocking" role="alert">${message}</p>`)}</div>
    </section>`;
  }
}
