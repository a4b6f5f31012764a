import '../../api/alert-calls.js';
import { html, LitElement, nothing } from 'lit';
import type { Alert } from '../../api/types.js';
import type { SccConnection } from '../../context/connection.js';
import { ConnectionController } from '../../controllers/connection-controller.js';
import { alertMessagesFor } from '../../i18n/alert-messages.js';
import { formatDate, formatDateTime, resolveLocale } from '../../i18n/index.js';
import { controlStyles, sharedStyles } from '../../styles/shared.styles.js';
import { notificationsStyles } from './notifications.styles.js';

/**
 * The caller's alerts: a bell with the unread count that opens the list, kept live by the shared
 * event stream (`alert` events). Reading is per person: an item is marked read from the list, or
 * all at once.
 *
 * Takes its connection from `.connection` or from an enclosing `<scc-session>` or
 * `<service-control-center>`.
 *
 * @tag scc-notifications
 * @csspart notifications-button - The bell; `notifications-count` its unread badge.
 * @csspart notifications - The open list.
 * @csspart notification - Each alert (`data-alert-id`, `data-severity`, `data-read` once read).
 */
export class SccNotifications extends LitElement {
  static override styles = [...sharedStyles, controlStyles, notificationsStyles];

  static override properties = {
    connection: { attribute: false },
    locale: {},
    _alerts: { state: true },
    _unread: { state: true },
    _open: { state: true },
    _failed: { state: true },
    _nextCursor: { state: true },
  };

  /** The shared connection; without it, the one provided above. */
  declare connection: SccConnection | undefined;
  declare locale: string | undefined;
  declare _alerts: Alert[];
  declare _unread: number;
  declare _open: boolean;
  declare _failed: boolean;
  declare _nextCursor: string | null;

  readonly #link = new ConnectionController(this, {
    own: () => this.connection,
    onChange: (connection) => this.#follow(connection),
  });
  #unsubscribe: (() => void) | undefined;
  #loading: AbortController | undefined;

  constructor() {
    super();
    this._alerts = [];
    this._unread = 0;
    this._open = false;
    this._failed = false;
    this._nextCursor = null;
  }

  /** Unread alerts of the caller's subtree (at most 1000 counted). */
  get unread(): number {
    return this._unread;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#unsubscribe) this.#follow(this.#link.connection);
    document.addEventListener('click', this.#onOutsideClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#loading?.abort();
    document.removeEventListener('click', this.#onOutsideClick);
  }

  /** Loads the first page again (the unread count with it). */
  async refresh(): Promise<void> {
    await this.#load(undefined);
  }

  #follow(connection: SccConnection | undefined): void {
    this.#unsubscribe?.();
    this.#unsubscribe = connection?.subscribe({
      onEvent: (event) => {
        if (event.type !== 'alert') return;
        try {
          this.#arrived(JSON.parse(event.data) as Alert);
        } catch {
          // A malformed event changes nothing; the list reloads when it is opened again.
        }
      },
    });
    if (connection) void this.#load(undefined);
  }

  #arrived(alert: Alert): void {
    // A replay after a reconnect brings alerts already shown.
    if (this._alerts.some((a) => a.id === alert.id)) return;
    this._alerts = [alert, ...this._alerts];
    if (!alert.read) this._unread += 1;
  }

  async #load(cursor: string | undefined): Promise<void> {
    const client = this.#link.connection?.client;
    if (!client) return;
    this.#loading?.abort();
    const abort = new AbortController();
    this.#loading = abort;
    try {
      const page = await client.listAlerts(cursor ? { cursor } : {}, abort.signal);
      if (abort.signal.aborted) return;
      this._alerts = cursor ? [...this._alerts, ...page.items.filter((a) => !this.#has(a.id))] : page.items;
      this._unread = page.unread;
      this._nextCursor = page.nextCursor;
      this._failed = false;
    } catch {
      if (!abort.signal.aborted) this._failed = true;
    }
  }

  #has(id: string): boolean {
    return this._alerts.some((a) => a.id === id);
  }

  async #markRead(ids?: string[]): Promise<void> {
    const client = this.#link.connection?.client;
    if (!client) return;
    try {
      const { unread } = await client.markAlertsRead(ids);
      const marked = ids ? new Set(ids) : undefined;
      this._alerts = this._alerts.map((a) => (!marked || marked.has(a.id) ? { ...a, read: true } : a));
      this._unread = unread;
    } catch {
      this._failed = true;
    }
  }

  #toggle = (): void => {
    this._open = !this._open;
    if (this._open) {
      void this.#load(undefined);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.panel')?.focus());
    }
  };

  #close(): void {
    if (!this._open) return;
    this._open = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.bell')?.focus());
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this._open) {
      event.stopPropagation();
      this.#close();
    }
  };

  #onOutsideClick = (event: MouseEvent): void => {
    if (this._open && !event.composedPath().includes(this)) this._open = false;
  };

  override render() {
    const locale = resolveLocale(this.locale ?? this.#link.locale);
    const m = alertMessagesFor(locale);
    const unread = this._unread;
    return html`<div @keydown=${this.#onKeydown}>
      <button type="button" class="bell" part="notifications-button" data-testid="notifications-button"
        aria-expanded=${this._open ? 'true' : 'false'} aria-controls="alerts" aria-label=${m.button(unread)}
        @click=${this.#toggle}>
        <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2"
          stroke-linecap="round" stroke-linejoin="round"><path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9"></path>
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0"></path></svg>
        ${unread > 0 ? html`<span class="count" part="notifications-count" aria-hidden="true">${unread > 999 ? '999+' : unread}</span>` : nothing}
      </button>
      ${this._open ? this.#renderPanel(m, locale) : nothing}
    </div>`;
  }

  #renderPanel(m: ReturnType<typeof alertMessagesFor>, locale: string) {
    const when = (iso: string) => formatDate(locale, iso);
    return html`<section id="alerts" class="panel" part="notifications" role="region" aria-labelledby="alerts-title"
      tabindex="-1" data-testid="notifications">
      <div class="panel-head">
        <h2 id="alerts-title">${m.title}</h2>
        ${
          this._unread > 0
            ? html`<button type="button" class="link" data-testid="mark-all-read"
              @click=${() => void this.#markRead()}>${m.markAllRead}</button>`
            : nothing
        }
      </div>
      ${this._failed ? html`<p class="note" role="alert">${m.failedToLoad}</p>` : nothing}
      ${
        this._alerts.length === 0 && !this._failed
          ? html`<p class="note">${m.empty}</p>`
          : html`<ul>
            ${this._alerts.map(
              (alert) => html`<li part="notification" data-alert-id=${alert.id} data-severity=${alert.severity}
                ?data-read=${alert.read}>
                <p class="text">${m.describe(alert, when)}</p>
                ${
                  alert.read
                    ? nothing
                    : html`<button type="button" class="link" @click=${() => void this.#markRead([alert.id])}
                      aria-label=${`${m.markRead}: ${m.describe(alert, when)}`}>${m.markRead}</button>`
                }
                <p class="meta">${m.severity[alert.severity]} · ${alert.businessUnitName} ·
                  <time datetime=${alert.raisedAt}>${formatDateTime(locale, alert.raisedAt)}</time></p>
              </li>`,
            )}
          </ul>`
      }
      ${
        this._nextCursor
          ? html`<button type="button" class="more" @click=${() => void this.#load(this._nextCursor ?? undefined)}>
            ${m.loadMore}</button>`
          : nothing
      }
    </section>`;
  }
}
