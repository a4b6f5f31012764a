import { randomBytes } from 'node:crypto';
import type { SignedInTokens } from './single-sign-on.js';

/** One signed-in browser: who, until when, and the Service Control Center user its widget acts as. */
export interface HostSession {
  personaKey: string;
  expiresAt: number;
  /** Learnt from the first widget session minted for it; what sign-out revokes at the BFF. */
  sccUserId?: string;
  /** Signed in through the identity provider: the ID token its widget sessions are exchanged for. */
  tokens?: SignedInTokens;
}

/**
 * The host's sessions, kept on its server: the cookie carries only a random 256-bit id, so a
 * cookie stops working the moment its session is deleted (sign-out) or expires, and a copy of an
 * old cookie replayed later finds nothing. In memory: the demo host is one process, and a
 * restart signs everyone out, as a restart of a real host's session store would not.
 */
export class HostSessions {
  readonly #sessions = new Map<string, HostSession>();

  constructor(
    private readonly maxAgeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  create(personaKey: string, tokens?: SignedInTokens): string {
    this.#sweep();
    const id = randomBytes(32).toString('base64url');
    this.#sessions.set(id, {
      personaKey,
      expiresAt: this.now() + this.maxAgeSeconds * 1000,
      ...(tokens ? { tokens } : {}),
    });
    return id;
  }

  get(id: string | undefined): HostSession | undefined {
    const session = id ? this.#sessions.get(id) : undefined;
    if (!session || session.expiresAt <= this.now()) return undefined;
    return session;
  }

  /** Ends the session; answers what it was, so its widget sessions can be revoked too. */
  delete(id: string | undefined): HostSession | undefined {
    const session = this.get(id);
    if (id) this.#sessions.delete(id);
    return session;
  }

  #sweep(): void {
    const at = this.now();
    for (const [id, s] of this.#sessions) if (s.expiresAt <= at) this.#sessions.delete(id);
  }
}
