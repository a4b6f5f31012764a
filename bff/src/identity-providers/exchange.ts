import { type IdentityProvider, IdentityProviderSignInBody, isTrustableUrl } from '@scc/contracts/identity-providers';
import { ProblemError, type ProblemKind } from '@scc/contracts/problem';
import { singleLineText } from '@scc/contracts/text';
import { decodeJwt, type JWTPayload } from 'jose';
import { type CallOptions, type Cockpit, fromCockpit, type HostIdentity } from '../cockpit/cockpit-client.js';
import { IdTokenRefused, type IdTokenVerifier } from './id-token-verifier.js';

export interface IdTokenSignIn {
  /** The ID token as the host's backend sent it, and the body field that carried it. */
  idToken: string;
  field: string;
  businessUnitId: string;
}

/** Who an accepted ID token signs in, and the registration that vouched for them. */
export interface SignedInUser {
  userId: string;
  identityProvider: { id: string; issuer: string };
}

const displayName = singleLineText(1, 200);

/**
 * The BFF's half of a token exchange: finds the registration of the token's issuer that governs
 * the requested unit (asking the cockpit), verifies the token against its keys, reads the e-mail
 * and name through its claim mapping and has the cockpit map (or provision) the user. Every
 * refusal after the token was read is a security event in the host's audit log.
 */
export function idTokenSignIn(cockpit: Cockpit, verify: IdTokenVerifier) {
  return async (host: HostIdentity, request: IdTokenSignIn, call: CallOptions): Promise<SignedInUser> => {
    let issuer: unknown;
    try {
      issuer = decodeJwt(request.idToken).iss;
    } catch {
      throw ProblemError.of('validation', `Invalid ${request.field}`, [
        { field: request.field, message: 'Not a JWT with a JSON payload' },
      ]);
    }
    if (typeof issuer !== 'string') {
      throw ProblemError.of('validation', `Invalid ${request.field}`, [
        { field: request.field, message: 'The token names no issuer (iss)' },
      ]);
    }
    const refuse = async (kind: ProblemKind, reason: string): Promise<never> => {
      await cockpit.recordSecurityEvent(host, {
        action: 'embed-session.refused',
        businessUnitId: request.businessUnitId,
        detail: { grant: 'token-exchange', reason, ...(isTrustableUrl(issuer) ? { issuer } : {}) },
      });
      throw ProblemError.of(kind, reason);
    };
    const unknownIssuer = 'No identity provider of this issuer is registered for that business unit';
    if (!isTrustableUrl(issuer)) return refuse('unauthorized', unknownIssuer);
    const { identityProvider: registration } = await fromCockpit(
      () =>
        cockpit.v1.hosts['identity-providers'].effective.$get(
          { query: { businessUnitId: request.businessUnitId, issuer } },
          cockpit.actingForHost(host, call),
        ),
      (res) => res.json(),
    );
    if (!registration) return refuse('unauthorized', unknownIssuer);
    let claims: JWTPayload;
    try {
      claims = await verify(request.idToken, registration);
    } catch (error) {
      if (error instanceof IdTokenRefused) return refuse('unauthorized', error.message);
      throw error;
    }
    const mapped = identityOf(claims, registration);
    if ('refused' in mapped) return refuse(mapped.refused.kind, mapped.refused.reason);
    const signedIn = await fromCockpit(
      () =>
        cockpit.v1.hosts['identity-providers'][':id']['sign-ins'].$post(
          { param: { id: registration.id }, json: { businessUnitId: request.businessUnitId, ...mapped } },
          cockpit.actingForHost(host, call),
        ),
      (res) => res.json(),
    ).catch((error: unknown) =>
      error instanceof ProblemError && error.body.status === 403
        ? refuse('forbidden', error.body.detail ?? error.message)
        : Promise.reject(error),
    );
    return { userId: signedIn.userId, identityProvider: { id: registration.id, issuer: registration.issuer } };
  };
}

type Mapped =
  | { email: string; displayName?: string }
  | { refused: { kind: 'forbidden' | 'unprocessable'; reason: string } };

/** The e-mail and name a verified token gives through the registration's claim mapping. */
export function identityOf(claims: JWTPayload, registration: IdentityProvider): Mapped {
  const { email: emailClaim, requireVerifiedEmail, name: nameClaim } = registration.claims;
  const email = IdentityProviderSignInBody.shape.email.safeParse(claims[emailClaim]);
  if (!email.success) {
    return { refused: { kind: 'unprocessable', reason: `The ID token carries no e-mail address in ${emailClaim}` } };
  }
  if (requireVerifiedEmail && claims.email_verified !== true) {
    return { refused: { kind: 'forbidden', reason: 'The identity provider has not verified the e-mail address' } };
  }
  const name = nameClaim ? displayName.safeParse(claims[nameClaim]) : undefined;
  return { email: email.data, ...(name?.success ? { displayName: name.data } : {}) };
}
