/**
 * Embed sessions that ended before their widget token expired. Consulted on every widget request,
 * also when the token's verification is cached, so an ended session is refused from its next
 * request on. A session is named by its widget token's `jti`.
 */
export interface SessionRevocations {
  isRevoked(sessionId: string): boolean | Promise<boolean>;
}

/** No session ends early: a widget token is good until it expires. */
export const noRevocations: SessionRevocations = { isRevoked: () => false };

/**
 * The ended sessions this process knows of. Each is kept only until its token would have expired
 * anyway: after that the token is refused for its age, so the set never outgrows the live sessions.
 * Whoever holds something open for a session (an event stream) may ask to hear when it ends.
 */
export class InProcessRevocations implements SessionRevocations {
  readonly #endedUntil = new Map<string, number>();
  readonly #watchers = new Map<string, Set<() => void>>();
  readonly #keyListeners = new Set<(keyId: string) => void>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  revoke(sessionId: string, tokenExpiresAt: Date): void {
    const at = this.now().getTime();
    for (const [id, until] of this.#endedUntil) if (until <= at) this.#endedUntil.delete(id);
    this.#endedUntil.set(sessionId, tokenExpiresAt.getTime());
    const watchers = this.#watchers.get(sessionId);
    this.#watchers.delete(sessionId);
    for (const ended of watchers ?? []) ended();
  }

  /** A host API key was revoked or its expiry shortened: whoever keeps it verified forgets it. */
  keyChanged(keyId: string): void {
    for (const listener of this.#keyListeners) listener(keyId);
  }

  onKeyChanged(listener: (keyId: string) => void): void {
    this.#keyListeners.add(listener);
  }

  isRevoked(sessionId: string): boolean {
    return this.#endedUntil.has(sessionId);
  }

  /** Calls `ended` once when the session is revoked (at once if it already is); returns the way to stop watching. */
  onRevoked(sessionId: string, ended: () => void): () => void {
    if (this.isRevoked(sessionId)) {
      ended();
      return () => {};
    }
    const watchers = this.#watchers.get(sessionId) ?? new Set();
    watchers.add(ended);
    this.#watchers.set(sessionId, watchers);
    return () => {
      watchers.delete(ended);
      if (watchers.size === 0 && this.#watchers.get(sessionId) === watchers) this.#watchers.delete(sessionId);
    };
  }
}
