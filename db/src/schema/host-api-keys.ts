import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ltree } from './ltree.js';
import { subtreePolicies } from './scope.js';

/**
 * A host application's API keys: several at once, so a host rotates without downtime (the new
 * key is issued, the old one keeps working until its `expires_at`). Only the SHA-256 of a key is
 * kept: keys are 256-bit random secrets, so a fast hash is enough. `bu_path` is the host's home
 * unit's: the keys are visible and manageable in that subtree only. `last_used_at` is written at
 * most once a minute per key (the BFF verifies a key once a minute per process, and the update
 * skips a key used less than a minute ago).
 */
export const hostApiKeys = pgTable(
  'host_api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hostId: text('host_id').notNull(),
    buPath: ltree('bu_path').notNull(),
    hash: text('hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('host_api_keys_bu_path_gist').using('gist', t.buPath),
    index('host_api_keys_host_idx').on(t.hostId),
    ...subtreePolicies(t.buPath),
  ],
);
