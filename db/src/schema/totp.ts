import { sql } from 'drizzle-orm';
import { bigint, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * A user's TOTP authenticator (RFC 6238) for step-up. One per user, whichever unit they act on,
 * so it carries no `bu_path`: row-level security is on with no policy and `scc_app` has no grant,
 * and the cockpit reaches a row only through the SECURITY DEFINER functions of migration 0021,
 * each given a live embed session and touching only that session's user. Secrets are AES-256-GCM
 * ciphertexts made by the cockpit (its key never reaches the database); recovery codes are kept
 * only as keyed hashes.
 */
export const totpCredentials = pgTable('totp_credentials', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** The confirmed authenticator; null until the first enrolment is confirmed with a code. */
  secret: text('secret'),
  /** An enrolment waiting for its first code; replaces `secret` once confirmed. */
  pendingSecret: text('pending_secret'),
  /** The TOTP time step of the last code accepted: a code of this step or an earlier one is refused. */
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  /** Wrong codes in a row; at the limit verification locks until `locked_until`. */
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  recoveryCodeHashes: text('recovery_code_hashes').array().notNull().default(sql`'{}'::text[]`),
  enrolledAt: timestamp('enrolled_at', { withTimezone: true }),
}).enableRLS();
