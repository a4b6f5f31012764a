import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { businessUnits } from './business-units.js';
import { ltree } from './ltree.js';
import { subtreePolicies } from './scope.js';
import { roleName } from './users.js';

/**
 * An OpenID Connect issuer a business unit trusts for the sign-in of its subtree's users: a
 * host's backend may exchange an ID token of it for a widget token instead of naming the user's
 * e-mail. The registration nearest above the requested unit wins for its issuer (inherited down
 * the subtree, overridable below). The keys come from `jwks_uri` (fetched and cached by the BFF)
 * or are given inline in `jwks`, never both. The IdP speaks only for users homed in this unit's
 * subtree; with `provisioning_role` set, an unknown user is created at sign-in in the requested
 * unit with that role there (just-in-time), otherwise refused.
 */
export const identityProviders = pgTable(
  'identity_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessUnitId: uuid('business_unit_id')
      .notNull()
      .references(() => businessUnits.id, { onDelete: 'cascade' }),
    buPath: ltree('bu_path').notNull(),
    /** Exactly the `iss` of its ID tokens. */
    issuer: text('issuer').notNull(),
    /** The `aud` its ID tokens must name: the host application's client id at the IdP. */
    audience: text('audience').notNull(),
    jwksUri: text('jwks_uri'),
    /** Public keys only (`{ keys: [...] }`), checked by the contract before they are stored. */
    jwks: jsonb('jwks'),
    /** Asymmetric JWS algorithms its tokens may use. */
    algorithms: text('algorithms').array().notNull(),
    emailClaim: text('email_claim').notNull().default('email'),
    /** Refuse tokens whose `email_verified` is not `true`. */
    requireVerifiedEmail: boolean('require_verified_email').notNull().default(true),
    nameClaim: text('name_claim'),
    provisioningRole: roleName('provisioning_role'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('identity_providers_unit_issuer_unique').on(t.businessUnitId, t.issuer),
    index('identity_providers_bu_path_gist').using('gist', t.buPath),
    check('identity_providers_one_key_source', sql`(${t.jwksUri} is null) <> (${t.jwks} is null)`),
    ...subtreePolicies(t.buPath),
  ],
);
