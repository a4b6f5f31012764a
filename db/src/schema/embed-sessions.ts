import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { businessUnits } from './business-units.js';
import { ltree } from './ltree.js';
import { subtreePolicies } from './scope.js';
import { users } from './users.js';

/**
 * A widget session a host opened for one of its users on one business unit. Its id is the widget
 * token's `jti` (and the service token's `sid`); a session lives as long as its token. Revoking
 * sets `revoked_at` once: every BFF process learns of it from the notification of migration 0019,
 * and the cockpit refuses the session in the settings statement of every scoped transaction
 * (`scc_check_embed_session`), so a revoked session does nothing more even before a BFF heard.
 * `bu_path` is the acting unit's: the session is readable and revocable in that unit's subtree.
 */
export const embedSessions = pgTable(
  'embed_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hostId: text('host_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    businessUnitId: uuid('business_unit_id')
      .notNull()
      .references(() => businessUnits.id, { onDelete: 'cascade' }),
    buPath: ltree('bu_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Who ended it: `host:<host id>` for the host's backend. */
    revokedBy: text('revoked_by'),
    revokedReason: text('revoked_reason'),
    /**
     * Until when risky actions of this session need no new TOTP code (by the cockpit's clock). On
     * the session, not the user: a new session (a renewed token, another browser) steps up anew.
     */
    stepUpUntil: timestamp('step_up_until', { withTimezone: true }),
  },
  (t) => [
    index('embed_sessions_bu_path_gist').using('gist', t.buPath),
    // Revoke all of a user's sessions at a host.
    index('embed_sessions_user_idx').on(t.userId, t.hostId),
    // What a BFF process reads when its revocation feed (re)connects: the revoked, unexpired sessions of a host.
    index('embed_sessions_revoked_idx').on(t.hostId, t.expiresAt).where(sql`${t.revokedAt} is not null`),
    ...subtreePolicies(t.buPath),
  ],
);
