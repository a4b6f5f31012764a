/**
 * Where the database announces a revoked embed session (migration 0019), one notification per
 * session with the payload `{ hostId, id, expiresAt }`.
 */
export const EMBED_SESSION_REVOKED_CHANNEL = 'scc_embed_session_revoked';

/** The SQLSTATE `scc_check_embed_session` raises for a revoked session. */
export const EMBED_SESSION_ENDED_CODE = 'SC401';
