import { html, LitElement } from 'lit';
import type { OperationRequest } from '../../api/types.js';
import type { SccConnection } from '../../context/connection.js';
import { ConnectionController } from '../../controllers/connection-controller.js';

/**
 * The caller's pending operation requests as a piece of its own, kept live by the shared event
 * stream: progress moves, finished requests leave, and cancel or restore are offered where the
 * server allows them.
 *
 * Takes its connection from `.connection` or from an enclosing `<scc-session>`, so it shares the
 * session, the token and the one event stream with the other pieces.
 *
 * @tag scc-pending-requests-panel
 * @event scc-operation-request-complete - A shown request reached an end state. `detail` is `{ request }`.
 * @event scc-operation-request-cancel - The user cancelled a request. `detail` is `{ request }`.
 * @event scc-operation-request-submit - The user asked to restore a tenant. `detail` is `{ request }`.
 * @csspart pending - The panel.
 * @csspart requests - The list of requests.
 * @csspart request - Each request (`data-request-id`, `data-state`).
 * @csspart progress - The `<progress>` bar of a request.
 * @csspart cancel-button - Cancels a request.
 * @csspart restore-button - Brings a terminated tenant back.
 */
export class SccPendingRequestsPanel extends LitElement {
  static override properties = {
    connection: { attribute: false },
    locale: {},
  };

  /** The shared connection; without it, the one an enclosing `<scc-session>` provides. */
  declare connection: SccConnection | undefined;
  declare locale: string | undefined;

  readonly #link = new ConnectionController(this, {
    own: () => this.connection,
    onChange: (connection) => this.#listen(connection),
  });
  #unsubscribe: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#unsubscribe) this.#listen(this.#link.connection);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #listen(connection: SccConnection | undefined): void {
    this.#unsubscribe?.();
    this.#unsubscribe = connection?.subscribe({
      onEvent: (event) => {
        if (event.type !== 'operation-request') return;
        try {
          this.#panel?.apply(JSON.parse(event.data) as OperationRequest);
        } catch {
          // A malformed event changes nothing; the panel reloads when it is shown again.
        }
      },
    });
  }

  get #panel(): HTMLElementTagNameMap['scc-pending-requests'] | null {
    return this.renderRoot.querySelector('scc-pending-requests');
  }

  /** A submit in the panel (a restore) shows at once; the stream confirms it later. */
  #onSubmit = (event: CustomEvent<{ request: OperationRequest }>): void => {
    this.#panel?.apply(event.detail.request);
  };

  override render() {
    return html`<scc-pending-requests part="pending" exportparts="requests, request, progress, cancel-button, restore-button"
      locale=${this.locale ?? this.#link.locale ?? ''} .client=${this.#link.connection?.client}
      @scc-operation-request-submit=${this.#onSubmit}></scc-pending-requests>`;
  }
}
