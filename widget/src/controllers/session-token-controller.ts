import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { jwtExpiresAt, refreshDelay } from '../utils/jwt.js';

/** Supplied by the host page: returns a short-lived embed session token (an ES256 JWT). */
export type FetchToken = () => Promise<string>;

export interface SessionTokenControllerOptions {
  /** Reads the host's current `fetchToken` function. */
  fetchToken: () => FetchToken | undefined;
  /** Called when a scheduled background refresh fails. */
  onRefreshError?: (error: unknown) => void;
  /** Called with every new token. */
  onToken?: (token: string) => void;
}

/** Thrown when a token is needed but the host has not set `fetchToken`. */
export class MissingFetchTokenError extends Error {
  constructor() {
    super('service-control-center: the fetchToken property is not set');
    this.name = 'MissingFetchTokenError';
  }
}

/**
 * Owns the embed session token of its host element.
 *
 * - `getToken()` returns the cached token while it is unexpired, else fetches one (concurrent
 *   callers share a single `fetchToken()` call).
 * - `refresh(rejected)` replaces a token the BFF rejected (401); when several requests were
 *   rejected with the same token, only the first triggers `fetchToken()`.
 * - While the host is connected, a timer refreshes the token 60 s before its `exp` (or at half
 *   of its remaining life, if it lives shorter). The timer is cleared on disconnect and
 *   re-armed on reconnect.
 */
export class SessionTokenController implements ReactiveController {
  readonly #options: SessionTokenControllerOptions;
  #token: string | undefined;
  #expiresAt: number | undefined;
  #inflight: Promise<string> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #connected = false;
  /** Bumped by `reset()` so that late answers of an old `fetchToken` are ignored. */
  #generation = 0;

  constructor(host: ReactiveControllerHost, options: SessionTokenControllerOptions) {
    this.#options = options;
    host.addController(this);
  }

  /** The current token, if any. */
  get token(): string | undefined {
    return this.#token;
  }

  /** Expiry of the current token (epoch ms), if it has a readable `exp`. */
  get expiresAt(): number | undefined {
    return this.#expiresAt;
  }

  /** True while a background refresh is scheduled. */
  get refreshScheduled(): boolean {
    return this.#timer !== undefined;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#schedule();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#clearTimer();
  }

  /** Forgets the current token (e.g. when the host swaps `fetchToken` or `apiBase`). */
  reset(): void {
    this.#generation++;
    this.#token = undefined;
    this.#expiresAt = undefined;
    this.#inflight = undefined;
    this.#clearTimer();
  }

  /** A token that is not known to be expired; fetches one when needed. */
  getToken(): Promise<string> {
    if (this.#token !== undefined && (this.#expiresAt === undefined || this.#expiresAt > Date.now())) {
      return Promise.resolve(this.#token);
    }
    return this.#fetch();
  }

  /**
   * A new token to replace `rejected`. If the token was already replaced since `rejected` was
   * handed out, returns the replacement without calling `fetchToken` again.
   */
  refresh(rejected?: string): Promise<string> {
    if (this.#inflight) return this.#inflight;
    if (rejected !== undefined && this.#token !== undefined && this.#token !== rejected) {
      return Promise.resolve(this.#token);
    }
    return this.#fetch();
  }

  #fetch(): Promise<string> {
    if (this.#inflight) return this.#inflight;
    const fetchToken = this.#options.fetchToken();
    if (!fetchToken) return Promise.reject(new MissingFetchTokenError());
    const generation = this.#generation;
    // `then` defers the call by a microtask, so even a synchronous throw settles `inflight`.
    const inflight: Promise<string> = Promise.resolve()
      .then(() => fetchToken())
      .then((token) => {
        if (typeof token !== 'string' || token === '') throw new TypeError('fetchToken() did not return a token');
        if (generation === this.#generation) {
          this.#token = token;
          this.#expiresAt = jwtExpiresAt(token);
          this.#schedule();
          this.#options.onToken?.(token);
        }
        return token;
      })
      .finally(() => {
        if (this.#inflight === inflight) this.#inflight = undefined;
      });
    this.#inflight = inflight;
    return inflight;
  }

  #schedule(): void {
    this.#clearTimer();
    if (!this.#connected || this.#expiresAt === undefined) return;
    const delay = refreshDelay(this.#expiresAt, Date.now());
    if (delay === undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#fetch().catch((error: unknown) => this.#options.onRefreshError?.(error));
    }, delay);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }
}
