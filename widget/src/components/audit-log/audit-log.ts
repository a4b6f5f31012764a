import '../../api/admin-calls.js';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { BffClient } from '../../api/bff-client.js';
import type { AuditEvent, AuditEventFilters } from '../../api/types.js';
import { adminMessagesFor } from '../../i18n/admin-messages.js';
import { auditMessagesFor } from '../../i18n/audit-messages.js';
import { formatDateTime, formatNumber, labelFor, resolveLocale } from '../../i18n/index.js';
import { controlStyles, sharedStyles } from '../../styles/shared.styles.js';
import { problemLines } from '../../utils/problem-text.js';
import { auditLogStyles } from './audit-log.styles.js';

/** How many changed fields a row names; the rest is in the full event. */
const CHANGES_SHOWN = 4;

const text = (value: unknown): string =>
  value === null || value === undefined ? '–' : typeof value === 'string' ? value : JSON.stringify(value);

/** `field: before → after` for each top-level field that differs (only `after` for a creation, only `before` for a removal). */
export function changeSummary(before: unknown, after: unknown): string[] {
  const record = (value: unknown): Record<string, unknown> =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const b = record(before);
  const a = record(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((field) => JSON.stringify(b[field] ?? null) !== JSON.stringify(a[field] ?? null))
    .map((field) =>
      before === null
        ? `${field}: ${text(a[field])}`
        : after === null
          ? `${field}: ${text(b[field])}`
          : `${field}: ${text(b[field])} → ${text(a[field])}`,
    );
}

/** The first moment of a `yyyy-mm-dd` day in the viewer's time zone, or of the day after it. */
function dayStart(day: string, after = false): string | undefined {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  return new Date(y, m - 1, d + (after ? 1 : 0)).toISOString();
}

/**
 * The audit log of a business unit's subtree (the caller's whole subtree without one), newest
 * first: when, who, what, which unit and what changed. Filters by kind of change, actor and days;
 * "Load more" fetches the next page. For admins: the BFF answers others with 404.
 *
 * @tag scc-audit-log
 * @csspart filters - The filter form.
 * @csspart table - The table of events.
 * @csspart event-row - Each event (`data-action`).
 * @csspart load-more-button - Fetches the next page.
 * @cssproperty --scc-color-border - Row rules.
 * @cssproperty --scc-color-muted - Notes.
 * @cssproperty --scc-color-danger - Errors.
 */
export class SccAuditLog extends LitElement {
  static override styles = [...sharedStyles, controlStyles, auditLogStyles];

  static override properties = {
    client: { attribute: false },
    businessUnitId: { attribute: false },
    locale: {},
    _events: { state: true },
    _nextCursor: { state: true },
    _filters: { state: true },
    _errors: { state: true },
    _loading: { state: true },
  };

  declare client: BffClient | undefined;
  /** Whose subtree; the caller's own without it. */
  declare businessUnitId: string | undefined;
  declare locale: string | undefined;
  declare _events: AuditEvent[];
  declare _nextCursor: string | null;
  declare _filters: AuditEventFilters;
  declare _errors: string[];
  declare _loading: boolean;

  #abort: AbortController | undefined;

  constructor() {
    super();
    this._events = [];
    this._nextCursor = null;
    this._filters = {};
    this._errors = [];
    this._loading = false;
  }

  /** The events shown now, newest first. */
  get events(): AuditEvent[] {
    return this._events;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('businessUnitId') || changed.has('client')) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  /** Loads the first page again with the current filters: the log grows while the screen is open. */
  refresh(): Promise<void> {
    return this.#load();
  }

  async #load(cursor?: string): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this._loading = true;
    this._errors = [];
    try {
      const page = await client.listAuditEvents(this.businessUnitId, this._filters, cursor, abort.signal);
      if (abort.signal.aborted) return;
      this._events = cursor ? [...this._events, ...page.items] : page.items;
      this._nextCursor = page.nextCursor;
    } catch (error) {
      if (!abort.signal.aborted)
        this._errors = problemLines(error, {
          ...adminMessagesFor(this.locale),
          fieldLabel: (field) => this.#fieldLabel(field),
        });
    } finally {
      if (this.#abort === abort) this._loading = false;
    }
  }

  #fieldLabel(field: string): string {
    const m = auditMessagesFor(this.locale);
    const labels: Record<string, string> = {
      'query.action': m.kind,
      'query.actor': m.actor,
      'query.from': m.from,
      'query.to': m.to,
    };
    return labels[field] ?? field;
  }

  #onFilter = (event: SubmitEvent): void => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const from = value('from');
    const to = value('to');
    this._filters = {
      action: value('action'),
      actor: value('actor'),
      from: from ? dayStart(from) : undefined,
      // The day chosen as "to" is included: the range ends where the next day begins.
      to: to ? dayStart(to, true) : undefined,
    };
    void this.#load();
  };

  #row(event: AuditEvent) {
    const m = auditMessagesFor(this.locale);
    const changes = changeSummary(event.before, event.after);
    return html`<tr part="event-row" data-action=${event.action}>
      <td class="when" data-label=${m.when}><time datetime=${event.occurredAt}>${formatDateTime(resolveLocale(this.locale), event.occurredAt)}</time></td>
      <td class="who" data-label=${m.who}>${event.actor.email}</td>
      <td data-label=${m.what}>${labelFor(m.actions, event.action)}</td>
      <td data-label=${m.unit}>${event.businessUnitName ?? m.deletedUnit}</td>
      <td data-label=${m.change}>
        <ul class="change">
          ${changes.slice(0, CHANGES_SHOWN).map((line) => html`<li>${line}</li>`)}
          ${changes.length > CHANGES_SHOWN ? html`<li>…</li>` : nothing}
        </ul>
      </td>
    </tr>`;
  }

  override render() {
    const m = auditMessagesFor(this.locale);
    return html`<section aria-labelledby="audit-title">
      <h2 id="audit-title">${m.title}</h2>
      <form part="filters" aria-label=${m.filters} data-testid="audit-filters" @submit=${this.#onFilter}>
        <label>${m.kind}
          <select name="action">
            <option value="">${m.allKinds}</option>
            ${Object.entries(m.kinds).map(([prefix, label]) => html`<option value=${prefix}>${label}</option>`)}
          </select>
        </label>
        <label>${m.actor}<input name="actor" type="search" maxlength="320" autocomplete="off" /></label>
        <label>${m.from}<input name="from" type="date" /></label>
        <label>${m.to}<input name="to" type="date" /></label>
        <button type="submit">${m.apply}</button>
      </form>
      ${
        this._errors.length
          ? html`<div class="error" role="alert" data-testid="error">
              <ul>${this._errors.map((e) => html`<li>${e}</li>`)}</ul>
            </div>`
          : nothing
      }
      ${
        this._events.length === 0
          ? html`<p class="note" role="status">${this._loading ? m.loading : this._errors.length ? '' : m.empty}</p>`
          : html`<div class="scroll">
              <table part="table" aria-labelledby="audit-title">
                <thead>
                  <tr>
                    <th scope="col">${m.when}</th>
                    <th scope="col">${m.who}</th>
                    <th scope="col">${m.what}</th>
                    <th scope="col">${m.unit}</th>
                    <th scope="col">${m.change}</th>
                  </tr>
                </thead>
                <tbody>${this._events.map((e) => this.#row(e))}</tbody>
              </table>
            </div>
            <div class="more">
              <span class="note" role="status">${m.shown(formatNumber(resolveLocale(this.locale), this._events.length))}</span>
              ${
                this._nextCursor
                  ? html`<button part="load-more-button" type="button" data-testid="load-more" ?disabled=${this._loading}
                      @click=${() => this.#load(this._nextCursor ?? undefined)}>${m.loadMore}</button>`
                  : nothing
              }
            </div>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scc-audit-log': SccAuditLog;
  }
}
