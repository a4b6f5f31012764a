import '../../api/billing-calls.js';
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { type BffClient, BffError } from '../../api/bff-client.js';
import { type BillingMessages, billingMessagesFor } from '../../i18n/billing-messages.js';
import { formatDate, resolveLocale } from '../../i18n/index.js';
import { controlStyles, sharedStyles } from '../../styles/shared.styles.js';
import { billingStyles } from './billing.styles.js';

/** `YYYY-MM` of the month before `now` (UTC): the month a seller usually invoices. */
export function lastMonth(now = new Date()): string {
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return month.toISOString().slice(0, 7);
}

/** `YYYY-MM-DD` of `now` (UTC) shifted by `days`. */
export function isoDay(days = 0, now = new Date()): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A calendar day (`YYYY-MM-DD`) the locale's way, the same day in every time zone. */
export function formatDay(locale: string, day: string): string {
  return formatDate(locale, `${day}T12:00:00`);
}

/** The server's message per field it named, keyed by the field's path in the body (`entries.0.metric`). */
export function fieldErrors(error: unknown): Map<string, string> {
  const errors = new Map<string, string>();
  if (error instanceof BffError) for (const e of error.errors) errors.set(e.field.replace(/^body\./, ''), e.message);
  return errors;
}

/** Saves `blob` as a file the way a link would, for answers that needed the widget token. */
export function saveBlob(blob: Blob, fileName: string, from: Element): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  // Inside the shadow root, so the host page's listeners never see it.
  from.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * What the billing and data-source screens share: the client, the unit they show, the locale, and
 * one load at a time (a newer one aborts the older), with its error said in words.
 */
export abstract class BillingSection extends LitElement {
  static override styles = [...sharedStyles, controlStyles, billingStyles];

  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    businessUnitId: { attribute: false },
    locale: {},
    _error: { state: true },
    _loading: { state: true },
  };

  declare client: BffClient | undefined;
  declare businessUnitId: string | undefined;
  declare locale: string | undefined;
  declare _error: string | undefined;
  declare _loading: boolean;

  #abort: AbortController | undefined;
  #done: Promise<void> = Promise.resolve();

  constructor() {
    super();
    this._loading = false;
  }

  /** Settles when the current load has. */
  get loaded(): Promise<void> {
    return this.#done;
  }

  protected get m(): BillingMessages {
    return billingMessagesFor(this.locale);
  }

  protected get tag(): string {
    return resolveLocale(this.locale);
  }

  /** Fetches what the screen shows for `unitId`; state set after `signal` aborted is ignored. */
  protected abstract fetch(client: BffClient, unitId: string, signal: AbortSignal): Promise<void>;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('businessUnitId') || changed.has('client')) void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  reload(): Promise<void> {
    const { client, businessUnitId } = this;
    if (!client || !businessUnitId) return this.#done;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this._loading = true;
    this._error = undefined;
    this.#done = this.fetch(client, businessUnitId, abort.signal).then(
      () => {
        if (this.#abort === abort) this._loading = false;
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        this._loading = false;
        this._error = this.errorText(error);
      },
    );
    return this.#done;
  }

  /** A refusal or failure in words: the role, the server's explanation, or that it failed. */
  protected errorText(error: unknown): string {
    if (!(error instanceof BffError)) return this.m.failed;
    if (error.status === 403) return this.m.forbidden;
    if (error.kind === 'network' || error.retryable) return this.m.failed;
    return error.detail ?? error.title;
  }

  /** After a refused change: the problem's headline as the error, and its message per field for the fields. */
  protected refused(error: unknown): Map<string, string> {
    const errors = fieldErrors(error);
    this._error = error instanceof BffError && errors.size > 0 ? (error.detail ?? error.title) : this.errorText(error);
    return errors;
  }

  /** Moves focus to the first field the server refused, once it is rendered. */
  protected async focusInvalid(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  protected renderStatus() {
    if (this._error) return html`<p class="error" role="alert" data-testid="error">${this._error}</p>`;
    return this._loading ? html`<p class="note" role="status">${this.m.loading}</p>` : nothing;
  }
}
