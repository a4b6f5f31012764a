import { createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BffClient } from '../api/bff-client.js';
import type { Session } from '../api/types.js';
import { EventStreamController } from '../controllers/event-stream-controller.js';
import { type FetchToken, SessionTokenController } from '../controllers/session-token-controller.js';
import { createTokenRefreshedEvent } from '../events/scc-token-refreshed.js';
import type { WidgetPart } from '../lazy/parts.js';
import type { ServerSentEvent } from '../utils/sse.js';

export interface ConnectionOptions {
  /** Base URL of the BFF, e.g. `https://bff.example.com`. Empty: same origin. */
  apiBase?: string | undefined;
  /** Supplied by the host: resolves to a short-lived embed session token. */
  fetchToken?: FetchToken | undefined;
}

/** What a piece hears from the shared event stream. */
export interface StreamListener {
  onEvent: (event: ServerSentEvent) => void;
  /** `true` once the stream is open, `false` while it reconnects. */
  onStatus?: (open: boolean) => void;
}

/**
 * The token and stream controllers are written for one Lit host; a connection serves many, so it
 * is their host itself and counts its users: the first attach connects them, the last detach stops
 * the refresh timer and the stream.
 */
class SharedHost implements ReactiveControllerHost {
  readonly #controllers: ReactiveController[] = [];
  readonly updateComplete = Promise.resolve(true);

  addController(controller: ReactiveController): void {
    this.#controllers.push(controller);
  }

  removeController(controller: ReactiveController): void {
    this.#controllers.splice(this.#controllers.indexOf(controller) >>> 0, 1);
  }

  requestUpdate(): void {}

  connect(): void {
    for (const controller of this.#controllers) controller.hostConnected?.();
  }

  disconnect(): void {
    for (const controller of this.#controllers) controller.hostDisconnected?.();
  }
}

/**
 * One caller's link to the BFF, shared by every piece on a page: one token source (one
 * `fetchToken` call at a time, one refresh timer), one session request, one live event stream
 * fanned out to its listeners. Create it with `createConnection()` and hand it to pieces as
 * `.connection`, or let `<scc-session>` (or `<service-control-center>`) provide it to the pieces
 * inside it.
 *
 * Fires `scc-token-refreshed` on its `announcer` (the providing element) or, without one, on itself.
 */
export class SccConnection extends EventTarget {
  readonly #host = new SharedHost();
  readonly tokens: SessionTokenController;
  readonly #stream: EventStreamController;
  readonly #listeners = new Set<StreamListener>();
  #options: ConnectionOptions;
  #client: BffClient;
  #session: Promise<Session> | undefined;
  #users = 0;
  /** The element that re-announces the connection's events in the page, if any. */
  announcer: EventTarget | undefined;

  constructor(options: ConnectionOptions = {}) {
    super();
    this.#options = options;
    this.tokens = new SessionTokenController(this.#host, {
      fetchToken: () => this.#options.fetchToken,
      onToken: () => (this.announcer ?? this).dispatchEvent(createTokenRefreshedEvent(this.tokens.expiresAt)),
    });
    this.#stream = new EventStreamController(this.#host, {
      onEvent: (event) => {
        for (const listener of this.#listeners) listener.onEvent(event);
      },
      onStatus: (open) => {
        for (const listener of this.#listeners) listener.onStatus?.(open);
      },
    });
    this.#client = this.#newClient();
  }

  /** The BFF client of the current configuration. */
  get client(): BffClient {
    return this.#client;
  }

  get configured(): boolean {
    return this.#options.fetchToken !== undefined;
  }

  /** Whether the live stream is open now. */
  get streamOpen(): boolean {
    return this.#stream.open;
  }

  /**
   * A new BFF or token source: the cached token and session are forgotten and the next calls use
   * the new ones; a running stream reconnects with them.
   */
  configure(options: ConnectionOptions): void {
    this.#options = { ...this.#options, ...options };
    this.tokens.reset();
    this.#session = undefined;
    this.#client = this.#newClient();
    if (this.#listeners.size) this.#stream.start(this.#client);
  }

  /** The caller's session, asked for once however many pieces want it (until `reload`). */
  session(signal?: AbortSignal): Promise<Session> {
    if (!this.#session) {
      const session = this.#client.getSession(signal);
      this.#session = session;
      // A failed or aborted request is asked again by the next caller.
      session.catch(() => {
        if (this.#session === session) this.#session = undefined;
      });
    }
    return this.#session;
  }

  /** Forgets the session, so the next `session()` asks again. */
  reload(): void {
    this.#session = undefined;
  }

  /** A piece on the page uses the connection; returns the function that releases it. */
  attach(): () => void {
    if (this.#users++ === 0) this.#host.connect();
    let attached = true;
    return () => {
      if (!attached) return;
      attached = false;
      if (--this.#users === 0) this.#host.disconnect();
    };
  }

  /** Listens to the live event stream, which opens with the first listener; returns the unsubscribe. */
  subscribe(listener: StreamListener): () => void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#stream.start(this.#client);
    else listener.onStatus?.(this.#stream.open);
    return () => {
      if (!this.#listeners.delete(listener)) return;
      if (this.#listeners.size === 0) this.#stream.stop();
    };
  }

  #newClient(): BffClient {
    return new BffClient({
      apiBase: this.#options.apiBase ?? '',
      getToken: () => this.tokens.getToken(),
      refreshToken: (rejected) => this.tokens.refresh(rejected),
    });
  }
}

/** One connection for every piece on a page (see `SccConnection`). */
export function createConnection(options: ConnectionOptions = {}): SccConnection {
  return new SccConnection(options);
}

/** The connection a provider (`<scc-session>`, `<service-control-center>`) shares with the pieces inside it. */
export const connectionContext = createContext<SccConnection | undefined>(Symbol('scc-connection'));

/** The UI locale a provider shares with the pieces inside it (a piece's own `locale` wins). */
export const localeContext = createContext<string | undefined>(Symbol('scc-locale'));

/**
 * How a provider loads the widget's lazy parts (`<service-control-center>` has its own, which
 * subclasses may change); pieces without a provider import them directly.
 */
export const partLoaderContext = createContext<((part: WidgetPart) => Promise<unknown>) | undefined>(
  Symbol('scc-part-loader'),
);
