import { ContextProvider } from '@lit/context';
import { html, LitElement, type PropertyValues } from 'lit';
import type { Session } from '../../api/types.js';
import { connectionContext, createConnection, localeContext } from '../../context/connection.js';
import type { FetchToken } from '../../controllers/session-token-controller.js';
import { createErrorEvent } from '../../events/scc-error.js';
import { createReadyEvent } from '../../events/scc-ready.js';
import { toBffError } from '../../utils/bff-error.js';

/**
 * Shares one connection with the pieces placed inside it, wherever in its light DOM they sit: one
 * session request, one token source (one `fetchToken` call, one refresh timer) and one live event
 * stream for all of them.
 *
 * ```html
 * <scc-session api-base="https://bff.example.com">
 *   <scc-hierarchy></scc-hierarchy>
 *   <main><scc-tenants></scc-tenants></main>
 * </scc-session>
 * ```
 *
 * @tag scc-session
 * @slot - The pieces.
 * @event scc-ready - The session has loaded. `detail` is the session.
 * @event scc-error - The session could not be loaded. `detail` is `{ status, title }`.
 * @event scc-token-refreshed - A new token came from `fetchToken`. `detail` is `{ expiresAt }`.
 */
export class SccSession extends LitElement {
  static override properties = {
    apiBase: { attribute: 'api-base' },
    fetchToken: { attribute: false },
    locale: {},
  };

  /** Base URL of the BFF (attribute `api-base`). Empty: same origin. */
  declare apiBase: string | undefined;
  /** Supplied by the host: resolves to a short-lived embed session token (ES256 JWT). */
  declare fetchToken: FetchToken | undefined;
  /** BCP 47 locale for every piece inside that sets none itself. */
  declare locale: string | undefined;

  /** The connection the pieces inside share. */
  readonly connection = createConnection();
  readonly #provider = new ContextProvider(this, { context: connectionContext });
  readonly #locale = new ContextProvider(this, { context: localeContext });
  #session: Session | undefined;

  constructor() {
    super();
    this.connection.announcer = this;
  }

  /** The caller's session, once loaded. */
  get session(): Session | undefined {
    return this.#session;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) this.#locale.setValue(this.locale);
    if ((changed.has('fetchToken') || changed.has('apiBase')) && this.fetchToken) {
      this.connection.configure({ apiBase: this.apiBase, fetchToken: this.fetchToken });
      // Pieces follow a configured connection only: before, every call would fail for want of a token.
      this.#provider.setValue(this.connection, true);
      void this.#loadSession();
    }
  }

  async #loadSession(): Promise<void> {
    try {
      this.#session = await this.connection.session();
      this.dispatchEvent(createReadyEvent(this.#session));
    } catch (cause) {
      const error = toBffError(cause);
      this.dispatchEvent(createErrorEvent({ status: error.status, title: error.title }));
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}
