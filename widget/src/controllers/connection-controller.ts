import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import { connectionContext, localeContext, type SccConnection } from '../context/connection.js';

export interface ConnectionControllerOptions {
  /** The host's own `.connection`, which wins over one provided from above. */
  own: () => SccConnection | undefined;
  /** Called when the connection in use changes (also to `undefined`). */
  onChange?: (connection: SccConnection | undefined) => void;
}

/**
 * Gives a piece its connection: its own `.connection`, else the one `<scc-session>` or
 * `<service-control-center>` provides above it; and the provided locale. While the host is in the
 * page it holds the connection attached, so the token timer and the stream run only while some
 * piece shows.
 */
export class ConnectionController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #options: ConnectionControllerOptions;
  readonly #provided: ContextConsumer<typeof connectionContext, ReactiveElement>;
  readonly #locale: ContextConsumer<typeof localeContext, ReactiveElement>;
  #current: SccConnection | undefined;
  #release: (() => void) | undefined;

  constructor(host: ReactiveElement, options: ConnectionControllerOptions) {
    this.#host = host;
    this.#options = options;
    this.#provided = new ContextConsumer(host, {
      context: connectionContext,
      subscribe: true,
      callback: () => this.#follow(),
    });
    this.#locale = new ContextConsumer(host, { context: localeContext, subscribe: true });
    host.addController(this);
  }

  /** The connection in use. */
  get connection(): SccConnection | undefined {
    return this.#current;
  }

  /** The provided locale, if any. */
  get locale(): string | undefined {
    return this.#locale.value;
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#release?.();
    this.#release = undefined;
  }

  #follow(): void {
    const next = this.#options.own() ?? this.#provided.value;
    if (next === this.#current && (this.#release || !this.#host.isConnected)) return;
    this.#release?.();
    this.#release = undefined;
    const changed = next !== this.#current;
    this.#current = next;
    if (next && this.#host.isConnected) this.#release = next.attach();
    if (changed) {
      this.#options.onChange?.(next);
      this.#host.requestUpdate();
    }
  }
}
