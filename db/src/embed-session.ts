import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where the database announces a revoked embed session (migration 0019), one notification per
 * session with the payload `{ hostId, id, expiresAt }`.
 */
export const EMBED_SESSION_REVOKED_CHANNEL = 'scc_embed_session_revoked';

/** The SQLSTATE `scc_check_embed_session` raises for a revoked session. */
export const EMBED_SESSION_ENDED_CODE = 'SC401';

const current = new AsyncLocalStorage<string>();

/**
 * Runs `work` on behalf of one embed session: every scoped transaction it opens ({@link withScope})
 * first checks in its settings statement that the session was not revoked, so the check costs no
 * round trip of its own and holds for everything the request does, streams included.
 */
export function inEmbedSession<T>(sessionId: string, work: () => T): T {
  return current.run(sessionId, work);
}

/** The embed session the current request acts in, if any. */
export function currentEmbedSession(): string | undefined {
  return current.getStore();
}
