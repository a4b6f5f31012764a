import { createRoute } from '@hono/zod-openapi';
import {
  DEFAULT_ID_TOKEN_ALGORITHMS,
  EffectiveIdentityProviderQuery,
  EffectiveIdentityProviderSchema,
  type IdentityProvider,
  IdentityProviderIdParams,
  IdentityProviderListSchema,
  IdentityProviderSchema,
  IdentityProviderSignInBody,
  IdentityProviderSignInSchema,
  type PublicJwks,
  RegisterIdentityProviderBody,
  SIGN_IN_REFUSED,
} from '@scc/contracts/identity-providers';
import { changeProblemResponses, ProblemError, problemResponses } from '@scc/contracts/problem';
import {
  businessUnits,
  type Database,
  identityProviders,
  roleAssignments,
  type Transaction,
  users,
  withScope,
} from '@scc/db';
import { createRouter, jsonContent } from '@scc/service-kit/openapi';
import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { lockBusinessUnit } from '../business-units/queries.js';
import { type HostCaller, type HostEnv, hostActor } from '../embed-sessions/host-caller.js';
import { isUniqueViolation } from '../http/database-errors.js';
import { under } from '../scope/in-subtree.js';

const tags = ['Host'];

const columns = {
  id: identityProviders.id,
  businessUnitId: identityProviders.businessUnitId,
  buPath: identityProviders.buPath,
  issuer: identityProviders.issuer,
  audience: identityProviders.audience,
  jwksUri: identityProviders.jwksUri,
  jwks: identityProviders.jwks,
  algorithms: identityProviders.algorithms,
  emailClaim: identityProviders.emailClaim,
  requireVerifiedEmail: identityProviders.requireVerifiedEmail,
  nameClaim: identityProviders.nameClaim,
  provisioningRole: identityProviders.provisioningRole,
  createdAt: sql<string>`to_char(${identityProviders.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
};

const registrations = (tx: Transaction) => tx.select(columns).from(identityProviders);
type Row = Awaited<ReturnType<typeof registrations>>[number];

const view = (row: Row): IdentityProvider => ({
  id: row.id,
  businessUnitId: row.businessUnitId,
  issuer: row.issuer,
  audience: row.audience,
  jwksUri: row.jwksUri,
  jwks: (row.jwks as PublicJwks | null) ?? null,
  algorithms: row.algorithms as IdentityProvider['algorithms'],
  claims: { email: row.emailClaim, requireVerifiedEmail: row.requireVerifiedEmail, name: row.nameClaim },
  provisioning: row.provisioningRole ? { role: row.provisioningRole } : null,
  createdAt: row.createdAt,
});

const inHostScope = (host: HostCaller) => under(identityProviders.buPath, host.scopePath);

const signInRefused = () => ProblemError.of('forbidden', SIGN_IN_REFUSED);

const listRoute = createRoute({
  method: 'get',
  path: '/identity-providers',
  tags,
  summary: 'The trusted identity providers registered in the host’s subtree',
  responses: { 200: jsonContent(IdentityProviderListSchema, 'The registrations'), ...problemResponses },
});

const registerRoute = createRoute({
  method: 'post',
  path: '/identity-providers',
  tags,
  summary: 'Trusts an OpenID Connect issuer for a business unit and its subtree',
  request: {
    body: { required: true, content: { 'application/json': { schema: RegisterIdentityProviderBody } } },
  },
  responses: { 201: jsonContent(IdentityProviderSchema, 'The registration'), ...changeProblemResponses },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/identity-providers/{id}',
  tags,
  summary: 'Stops trusting a registered issuer',
  request: { params: IdentityProviderIdParams },
  responses: { 204: { description: 'Removed' }, ...problemResponses },
});

const effectiveRoute = createRoute({
  method: 'get',
  path: '/identity-providers/effective',
  tags,
  summary: 'The registration of an issuer that governs a business unit: the nearest at or above it',
  description: 'A unit outside the host’s subtree answers 404; an issuer registered nowhere above it, `null`.',
  request: { query: EffectiveIdentityProviderQuery },
  responses: { 200: jsonContent(EffectiveIdentityProviderSchema, 'The registration, or null'), ...problemResponses },
});

const signInRoute = createRoute({
  method: 'post',
  path: '/identity-providers/{id}/sign-ins',
  tags,
  summary: 'Maps the user a verified ID token names to a user of the registration’s subtree',
  description:
    'A user homed in the registration’s subtree is found by e-mail. An unknown one is created in the requested ' +
    'unit with the registration’s provisioning role there, or refused (403) when it provisions nobody. A user ' +
    'homed elsewhere is refused the same way.',
  request: {
    params: IdentityProviderIdParams,
    body: { required: true, content: { 'application/json': { schema: IdentityProviderSignInBody } } },
  },
  responses: {
    200: jsonContent(IdentityProviderSignInSchema, 'The user'),
    403: changeProblemResponses[403],
    ...problemResponses,
  },
});

async function registrationOf(tx: Transaction, host: HostCaller, id: string): Promise<Row> {
  const [row] = await registrations(tx).where(and(inHostScope(host), eq(identityProviders.id, id)));
  if (!row) throw ProblemError.of('notFound', 'No such identity provider in the host’s business units');
  return row;
}

/**
 * A host's trusted identity providers, managed by the operator's admin CLI and read by the BFF
 * while it exchanges an ID token, always as the host itself within its home subtree.
 */
export function identityProviderRoutes(db: Database) {
  return createRouter<HostEnv>()
    .openapi(listRoute, async (c) => {
      const host = c.get('host');
      const rows = await withScope(db, host, (tx) =>
        registrations(tx).where(inHostScope(host)).orderBy(identityProviders.buPath, desc(identityProviders.createdAt)),
      );
      return c.json({ items: rows.map(view) }, 200);
    })
    .openapi(effectiveRoute, async (c) => {
      const host = c.get('host');
      const { businessUnitId, issuer } = c.req.valid('query');
      const row = await withScope(db, host, async (tx) => {
        const [unit] = await tx
          .select({ path: businessUnits.path })
          .from(businessUnits)
          .where(and(under(businessUnits.path, host.scopePath), eq(businessUnits.id, businessUnitId)));
        if (!unit) throw ProblemError.of('notFound', 'No such business unit in the host’s subtree');
        const [nearest] = await registrations(tx)
          .where(
            and(
              inHostScope(host),
              eq(identityProviders.issuer, issuer),
              sql`${identityProviders.buPath} @> ${unit.path}::ltree`,
            ),
          )
          .orderBy(desc(sql`nlevel(${identityProviders.buPath})`))
          .limit(1);
        return nearest;
      });
      return c.json({ identityProvider: row ? view(row) : null }, 200);
    })
    .openapi(registerRoute, async (c) => {
      const host = c.get('host');
      const body = c.req.valid('json');
      const row = await withScope(db, host, async (tx) => {
        const unit = await lockBusinessUnit(tx, host, body.businessUnitId);
        if (!unit) throw ProblemError.of('notFound', 'No such business unit in the host’s subtree');
        const [created] = await tx
          .insert(identityProviders)
          .values({
            businessUnitId: unit.id,
            buPath: unit.path,
            issuer: body.issuer,
            audience: body.audience,
            jwksUri: body.jwksUri ?? null,
            jwks: body.jwks ?? null,
            algorithms: body.algorithms ?? [...DEFAULT_ID_TOKEN_ALGORITHMS],
            emailClaim: body.claims?.email ?? 'email',
            requireVerifiedEmail: body.claims?.requireVerifiedEmail ?? true,
            nameClaim: body.claims?.name === undefined ? 'name' : body.claims.name,
            provisioningRole: body.provisioning?.role ?? null,
          })
          .returning(columns);
        if (!created) throw new Error('the registration was not stored');
        await recordAudit(tx, hostActor(host), {
          action: 'identity-provider.registered',
          entityType: 'identity-provider',
          entityId: created.id,
          businessUnit: unit,
          before: null,
          after: { hostId: host.hostId, issuer: created.issuer, audience: created.audience },
        });
        return created;
      }).catch((error: unknown) => {
        if (!isUniqueViolation(error, 'identity_providers_unit_issuer_unique')) throw error;
        throw ProblemError.of('conflict', 'This issuer is registered for that business unit already', [
          { field: 'body.issuer', message: 'Already registered for the unit' },
        ]);
      });
      return c.json(view(row), 201);
    })
    .openapi(removeRoute, async (c) => {
      const host = c.get('host');
      const { id } = c.req.valid('param');
      await withScope(db, host, async (tx) => {
        const row = await registrationOf(tx, host, id);
        await tx.delete(identityProviders).where(eq(identityProviders.id, id));
        await recordAudit(tx, hostActor(host), {
          action: 'identity-provider.removed',
          entityType: 'identity-provider',
          entityId: id,
          businessUnit: { id: row.businessUnitId, path: row.buPath },
          before: { issuer: row.issuer, audience: row.audience },
          after: { hostId: host.hostId },
        });
      });
      return c.body(null, 204);
    })
    .openapi(signInRoute, async (c) => {
      const host = c.get('host');
      const { id } = c.req.valid('param');
      const { businessUnitId, email, displayName } = c.req.valid('json');
      const answer = await withScope(db, host, async (tx) => {
        const registration = await registrationOf(tx, host, id);
        const unit = await lockBusinessUnit(tx, { scopePath: registration.buPath }, businessUnitId);
        if (!unit) throw ProblemError.of('notFound', 'No such business unit under the identity provider’s');
        const [known] = await tx
          .select({ id: users.id, inRegistration: under(users.buPath, registration.buPath) })
          .from(users)
          .where(and(under(users.buPath, host.scopePath), eq(users.email, email)));
        // The provider speaks only for users homed below it, never for someone above or beside it.
        if (known) {
          if (!known.inRegistration) throw signInRefused();
          return { userId: known.id, provisioned: false };
        }
        const role = registration.provisioningRole;
        if (!role) throw signInRefused();
        const name = displayName ?? email.split('@')[0] ?? email;
        // An address in use outside the host's subtree is invisible here: the insert finds it.
        const [created] = await tx
          .insert(users)
          .values({ email, displayName: name, businessUnitId: unit.id, buPath: unit.path })
          .onConflictDoNothing({ target: users.email })
          .returning({ id: users.id });
        if (!created) throw signInRefused();
        await tx
          .insert(roleAssignments)
          .values({ userId: created.id, businessUnitId: unit.id, role, buPath: unit.path });
        await recordAudit(
          tx,
          { user: { id: created.id, email } },
          {
            action: 'user.provisioned',
            entityType: 'user',
            entityId: created.id,
            businessUnit: unit,
            before: null,
            after: {
              email,
              displayName: name,
              businessUnitId: unit.id,
              role,
              hostId: host.hostId,
              identityProviderId: registration.id,
              issuer: registration.issuer,
            },
          },
        );
        return { userId: created.id, provisioned: true };
      });
      return c.json(answer, 200);
    });
}
