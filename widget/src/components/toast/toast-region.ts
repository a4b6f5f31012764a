import { html, LitElement } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { feedbackMessagesFor } from '../../i18n/feedback-messages.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { toastRegionStyles } from './toast-region.styles.js';

export type ToastTone = 'success' | 'info' | 'error';

interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
}

/**
 * Says what finished and what failed, without taking focus: successes and notes go to a polite
 * `role="status"` region and leave after `duration` ms; failures go to a `role="alert"` region and
 * stay until dismissed (a reason must not vanish before it was read). Both regions are always in
 * the DOM, so screen readers announce what is added to them.
 *
 * @tag scc-toast-region
 * @csspart toast - Each message (`data-tone` is `success`, `info` or `error`).
 * @csspart dismiss-button - Removes a message.
 * @cssproperty --scc-color-success - Edge of a success.
 * @cssproperty --scc-color-primary - Edge of a note.
 * @cssproperty --scc-color-danger - Edge of a failure.
 */
export class SccToastRegion extends LitElement {
  static override styles = [...sharedStyles, toastRegionStyles];

  static override properties = {
    duration: { type: Number },
    locale: {},
    _toasts: { state: true },
  };

  /** How long a success or note stays, in ms (default 6000). */
  declare duration: number;
  declare locale: string | undefined;
  declare _toasts: Toast[];

  #next = 0;
  #timers = new Map<number, ReturnType<typeof setTimeout>>();

  constructor() {
    super();
    this.duration = 6000;
    this._toasts = [];
  }

  /** Shows `message`; a failure (`error`) stays until dismissed, anything else leaves by itself. */
  show(message: string, tone: ToastTone = 'info'): void {
    const id = ++this.#next;
    this._toasts = [...this._toasts, { id, message, tone }];
    if (tone !== 'error') {
      this.#timers.set(
        id,
        setTimeout(() => this.dismiss(id), this.duration),
      );
    }
  }

  /** The messages shown now, oldest first. */
  get messages(): { message: string; tone: ToastTone }[] {
    return this._toasts.map(({ message, tone }) => ({ message, tone }));
  }

  dismiss(id: number): void {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
    this._toasts = this._toasts.filter((t) => t.id !== id);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  #list(tones: ToastTone[]) {
    const m = feedbackMessagesFor(this.locale);
    return repeat(
      this._toasts.filter((t) => tones.includes(t.tone)),
      (t) => t.id,
      (t) => html`<p part="toast" class="toast toast--${t.tone}" data-tone=${t.tone}>
        <span>${t.message}</span>
        <button part="dismiss-button" type="button" aria-label=${m.dismiss} @click=${() => this.dismiss(t.id)}>
          <span aria-hidden="true">×</span>
        </button>
      </p>`,
    );
  }

  override render() {
    const m = feedbackMessagesFor(this.locale);
    return html`<section class="region" aria-label=${m.notifications}>
      <div role="status" aria-live="polite" data-testid="status">${this.#list(['success', 'info'])}</div>
      <div role="alert" data-testid="alert">${this.#list(['error'])}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scc-toast-region': SccToastRegion;
  }
}
