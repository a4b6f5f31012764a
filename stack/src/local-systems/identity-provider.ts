import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { type Configuration } from 'oidc-provider';

/** Someone who can sign in at the stand-in provider. */
export interface IdentityProviderAccount {
  email: string;
  name: string;
}

export interface IdentityProviderOptions {
  /** Its issuer: the URL browsers reach it at. */
  issuer: string;
  /** What its pages call it, e.g. "Contoso ID". */
  name: string;
  /** The one relying party: the demo host's backend. */
  client: { id: string; secret: string; redirectUris: string[] };
  accounts: IdentityProviderAccount[];
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * A stand-in for a customer's own OpenID Connect provider (Contoso's "Contoso ID"), built on
 * `oidc-provider`: authorization code flow with PKCE, ID tokens signed RS256 with a key made at
 * start and published at `/jwks`, refresh tokens for `offline_access`. Its sign-in page lists its
 * accounts instead of asking for a password; consent is given at once (the demo host is the
 * provider's own first-party app). Answers Node requests: mount it on its own HTTP server.
 */
export function createIdentityProvider(options: IdentityProviderOptions) {
  const accounts = new Map(options.accounts.map((a) => [a.email, a]));
  const signingKey = {
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
    kid: `demo-idp-${new Date().toISOString().slice(0, 10)}`,
    alg: 'RS256',
    use: 'sig',
  };
  const configuration: Configuration = {
    clients: [
      {
        client_id: options.client.id,
        client_secret: options.client.secret,
        redirect_uris: options.client.redirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The relying party hands the ID token on: it must carry the e-mail itself, not only userinfo.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    // An hour of ID token, the BFF's limit for its age; the refresh token lasts a working day.
    ttl: {
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
      AccessToken: 600,
      IdToken: 3600,
      RefreshToken: 8 * 3600,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: id, email: account.email, email_verified: true, name: account.name }),
      };
    },
  };
  const provider = new Provider(options.issuer, configuration);
  const handleProtocol = provider.callback();

  const page = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      // No form-action: the sign-in form's answer redirects on to the relying party's origin.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      'cache-control': 'no-store',
    });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(options.name)}</title>
<style>body{font:16px system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}
button{font:inherit;padding:.6rem 1rem;margin:.3rem 0;width:100%;cursor:pointer}</style></head>
<body>${body}</body></html>`);
  };

  const signInPage = (res: ServerResponse, uid: string, clientId: string) =>
    page(
      res,
      200,
      `<h1>${escapeHtml(options.name)}</h1><p>Sign in to continue to <strong>${escapeHtml(clientId)}</strong>.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">${options.accounts
        .map(
          (a) =>
            `<button type="submit" name="account" value="${escapeHtml(a.email)}">Continue as ${escapeHtml(a.name)} (${escapeHtml(a.email)})</button>`,
        )
        .join('')}</form>`,
    );

  const readForm = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) {
      text += chunk;
      if (text.length > 4096) break;
    }
    return new URLSearchParams(text);
  };

  /** Gives the consent the client asked for: the demo host is this provider's own application. */
  const consent = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    const accountId = details.session?.accountId;
    if (!accountId) throw new Error('consent without a signed-in account');
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    if (!grant) throw new Error('the grant of this interaction is gone');
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      {
        mergeWithLastSubmission: true,
      },
    );
  };

  return async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', options.issuer).pathname;
    const interaction = /^\/interaction\/([\w-]+)(\/login)?$/.exec(path);
    if (!interaction) return handleProtocol(req, res);
    try {
      if (interaction[2] && req.method === 'POST') {
        const account = (await readForm(req)).get('account') ?? '';
        if (!accounts.has(account)) return page(res, 400, '<p>No such account.</p>');
        return await provider.interactionFinished(
          req,
          res,
          { login: { accountId: account } },
          {
            mergeWithLastSubmission: false,
          },
        );
      }
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') return signInPage(res, details.uid, String(details.params.client_id));
      return await consent(req, res);
    } catch (error) {
      console.error(`demo identity provider: ${(error as Error).message}`);
      return page(res, 400, '<p>This sign-in has expired. Go back to the application and start again.</p>');
    }
  };
}
