import { z } from '@hono/zod-openapi';
import { singleLineText } from './text.js';
import { RoleNameSchema } from './users.js';

/**
 * Asymmetric JWS algorithms an ID token may be signed with. Never `none` and never HS*: a shared
 * secret would let anyone who knows it (the host, for one) sign tokens for any user.
 */
export const ID_TOKEN_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;
export const DEFAULT_ID_TOKEN_ALGORITHMS = ['RS256', 'ES256'] as const;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An issuer or key URL the BFF may trust: https, or http on this machine (a local test provider). */
export function isTrustableUrl(value: string): boolean {
  if (value.length > 500 || !URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.username || url.password || url.hash) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

const trustableUrl = z
  .string()
  .refine(isTrustableUrl, 'An https URL without credentials or fragment (http only on localhost)');

/** A claim's name in an ID token: plain (`email`) or namespaced (`https://example.com/mail`). */
const claimName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.:/-]{0,99}$/, 'A claim name');

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/** One public key as a JWK (RFC 7517); private or symmetric key material is refused. */
const PublicJwkSchema = z
  .looseObject({
    kty: z.enum(['RSA', 'EC', 'OKP']),
    kid: singleLineText(1, 200).optional(),
    alg: z.enum(ID_TOKEN_ALGORITHMS).optional(),
    use: z.literal('sig').optional(),
  })
  .refine((jwk) => PRIVATE_MEMBERS.every((member) => !(member in jwk)), 'Only public keys: no private members')
  .openapi('PublicJwk');

export const PublicJwksSchema = z.object({ keys: z.array(PublicJwkSchema).min(1).max(20) }).openapi('PublicJwks');
export type PublicJwks = z.infer<typeof PublicJwksSchema>;

const ClaimMappingSchema = z.object({
  email: claimName.openapi({ description: 'The claim holding the e-mail address that names the user' }),
  requireVerifiedEmail: z.boolean().openapi({ description: 'Refuse tokens whose `email_verified` is not `true`' }),
  name: claimName.nullable().openapi({ description: 'The claim holding the display name of a provisioned user' }),
});

/** A trusted issuer as registered for a business unit and its subtree. */
export const IdentityProviderSchema = z
  .object({
    id: z.uuid(),
    businessUnitId: z.uuid(),
    issuer: z.string(),
    audience: z.string(),
    jwksUri: z.string().nullable(),
    jwks: PublicJwksSchema.nullable(),
    algorithms: z.array(z.enum(ID_TOKEN_ALGORITHMS)),
    claims: ClaimMappingSchema,
    provisioning: z
      .object({ role: RoleNameSchema })
      .nullable()
      .openapi({ description: 'Just-in-time provisioning of unknown users with this role; null: refused' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('IdentityProvider');
export type IdentityProvider = z.infer<typeof IdentityProviderSchema>;

export const IdentityProviderListSchema = z
  .object({ items: z.array(IdentityProviderSchema) })
  .openapi('IdentityProviderList');

export const RegisterIdentityProviderBody = z
  .strictObject({
    businessUnitId: z.uuid().openapi({ description: 'Trusts the issuer for this unit and its subtree' }),
    issuer: trustableUrl.openapi({ description: 'Exactly the `iss` of its ID tokens' }),
    audience: singleLineText(1, 300).openapi({ description: 'The `aud` its ID tokens name: the host’s client id' }),
    jwksUri: trustableUrl.optional().openapi({ description: 'Where its public keys are published' }),
    jwks: PublicJwksSchema.optional().openapi({ description: 'Its public keys, given instead of `jwksUri`' }),
    algorithms: z.array(z.enum(ID_TOKEN_ALGORITHMS)).min(1).max(ID_TOKEN_ALGORITHMS.length).optional(),
    claims: z
      .strictObject({
        email: claimName.optional(),
        requireVerifiedEmail: z.boolean().optional(),
        name: claimName.nullable().optional(),
      })
      .optional(),
    provisioning: z.strictObject({ role: RoleNameSchema }).nullable().optional(),
  })
  .refine((body) => (body.jwksUri === undefined) !== (body.jwks === undefined), {
    message: 'Give either jwksUri or jwks',
    path: ['jwksUri'],
  })
  .openapi('RegisterIdentityProviderBody');
export type RegisterIdentityProvider = z.input<typeof RegisterIdentityProviderBody>;

export const IdentityProviderIdParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

/** Which registration governs ID tokens of `issuer` for a unit: the nearest at or above it. */
export const EffectiveIdentityProviderQuery = z.object({
  businessUnitId: z.uuid().openapi({ param: { name: 'businessUnitId', in: 'query' } }),
  issuer: z
    .string()
    .max(500)
    .openapi({ param: { name: 'issuer', in: 'query' } }),
});

export const EffectiveIdentityProviderSchema = z
  .object({ identityProvider: IdentityProviderSchema.nullable() })
  .openapi('EffectiveIdentityProvider');

/**
 * The one answer (403) for every user an identity provider may not sign in to a unit: unknown
 * without provisioning, homed elsewhere, or without a role there. A host learns nothing more.
 */
export const SIGN_IN_REFUSED = 'The identity provider’s user may not sign in to that business unit';

/** The user a verified ID token names, mapped (or provisioned) by the registration that verified it. */
export const IdentityProviderSignInBody = z
  .strictObject({
    businessUnitId: z.uuid(),
    email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
    displayName: singleLineText(1, 200).optional(),
  })
  .openapi('IdentityProviderSignInBody');

export const IdentityProviderSignInSchema = z
  .object({
    userId: z.uuid(),
    provisioned: z.boolean().openapi({ description: 'The user was created by this sign-in' }),
  })
  .openapi('IdentityProviderSignIn');
