import { html, LitElement, nothing, svg } from 'lit';
import { createRetryEvent } from '../../events/scc-retry.js';
import { messagesFor } from '../../i18n/index.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { statePanelStyles } from './state-panel.styles.js';

export type StatePanelVariant = 'loading' | 'empty' | 'error';

const emptyIcon = svg`<path d="M4 7h16M4 12h16M4 17h10" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`;
const errorIcon = svg`<path d="M12 8v5m0 3.5v.5M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;

/**
 * Loading, empty and error states. Loading and empty are polite live regions; the error state is
 * an alert with a retry button.
 *
 * @tag scc-state-panel
 * @csspart panel - The panel.
 * @csspart heading - The heading text.
 * @csspart message - The explanatory text.
 * @csspart retry-button - The retry button (error state only).
 * @event scc-retry - The retry button was activated (does not bubble).
 * @cssproperty --scc-color-primary - Spinner and retry button colour.
 * @cssproperty --scc-color-danger - Error icon colour.
 */
export class SccStatePanel extends LitElement {
  static override styles = [...sharedStyles, statePanelStyles];

  static override properties = {
    variant: { reflect: true },
    heading: {},
    message: {},
    retryable: { type: Boolean },
    locale: {},
  };

  declare variant: StatePanelVariant;
  declare heading: string | undefined;
  declare message: string | undefined;
  /** Whether the error state offers a retry button (default true). */
  declare retryable: boolean;
  declare locale: string | undefined;

  constructor() {
    super();
    this.variant = 'loading';
    this.retryable = true;
  }

  /** Moves focus to the retry button, if there is one. */
  focusRetry(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('button')?.focus();
  }

  override render() {
    const m = messagesFor(this.locale);
    const variant = this.variant;
    if (variant === 'loading') {
      return html`<div part="panel" class="panel panel--loading" role="status" aria-live="polite">
        <div class="spinner" aria-hidden="true"></div>
        <p part="heading" class="heading">${this.heading ?? m.loading}</p>
        ${this.message ? html`<p part="message" class="message">${this.message}</p>` : nothing}
        <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>
      </div>`;
    }
    const isError = variant === 'error';
    return html`<div
      part="panel"
      class="panel panel--${variant}"
      role=${isError ? 'alert' : 'status'}
      aria-live=${isError ? 'assertive' : 'polite'}
    >
      <div class="icon" aria-hidden="true"><svg viewBox="0 0 24 24">${isError ? errorIcon : emptyIcon}</svg></div>
      <p part="heading" class="heading">${this.heading ?? (isError ? m.errorTitle : m.emptyTitle)}</p>
      ${this.message ? html`<p part="message" class="message">${this.message}</p>` : nothing}
      ${
        isError && this.retryable
          ? html`<button part="retry-button" type="button" @click=${this.#onRetry}>${m.retry}</button>`
          : nothing
      }
    </div>`;
  }

  #onRetry = (): void => {
    this.dispatchEvent(createRetryEvent());
  };
}
