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
 */
export class InProcessRevocations implements SessionRevocations {
  readonly #endedUntil = new Map<string, number>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  revoke(sessionId: string, tokenExpiresAt: Date): void {
    const at = this.now().getTime();
    for (const [id, until] of this.#endedUntil) if (until <= at) this.#endedUntil.delete(id);
    this.#endedUntil.set(sessionId, tokenExpiresAt.getTime());
  }

  isRevoked(sessionId: string): boolean {
    return this.#endedUntil.has(sessionId);
  }
}
