import { createHash, randomBytes } from 'node:crypto';

/** The host's registration at its users' identity provider (an OpenID Connect client). */
export interface SingleSignOnOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the sign-in page calls the provider, e.g. "Contoso ID". */
  name: string;
}

/** What a signed-in browser holds at the host: the user's ID token and how to renew it. */
export interface SignedInTokens {
  idToken: string;
  refreshToken?: string | undefined;
  /** The ID token's `exp`, in milliseconds. */
  expiresAt: number;
  email: string;
}

/** A sign-in that went wrong in a way the user can only start over from. */
export class SignInFailed extends Error {}

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  expiresAt: number;
}

const PENDING_TTL_MS = 10 * 60_000;
/** An ID token with less left than this is renewed before it is exchanged at the BFF. */
const RENEW_BEFORE_MS = 2 * 60_000;
const TIMEOUT_MS = 10_000;

const random = () => randomBytes(32).toString('base64url');

/**
 * The host's side of OpenID Connect's authorization code flow (with PKCE, state and nonce), by
 * hand with `fetch`: the demo host depends on nothing but hono and zod. It does not check the ID
 * token's signature itself: the token comes straight from the provider's token endpoint over the
 * back channel (OpenID Connect Core 3.1.3.7), and the BFF verifies it when the host exchanges it.
 */
export class SingleSignOn {
  readonly #pending = new Map<string, Pending>();
  #endpoints: Promise<{ authorization_endpoint: string; token_endpoint: string }> | undefined;

  constructor(
    readonly options: SingleSignOnOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Where to send the browser, and the id of this attempt (kept in a cookie until it returns). */
  async start(redirectUri: string): Promise<{ attempt: string; location: string }> {
    const at = this.now();
    for (const [id, p] of this.#pending) if (p.expiresAt <= at) this.#pending.delete(id);
    const pending = {
      state: random(),
      nonce: random(),
      verifier: random(),
      redirectUri,
      expiresAt: at + PENDING_TTL_MS,
    };
    const attempt = random();
    this.#pending.set(attempt, pending);
    const location = new URL((await this.#discover()).authorization_endpoint);
    location.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.options.clientId,
      redirect_uri: redirectUri,
      // offline_access: a refresh token, so the ID token can be renewed while the host session lasts.
      scope: 'openid email profile offline_access',
      prompt: 'consent',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: createHash('sha256').update(pending.verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    return { attempt, location: location.toString() };
  }

  /** Completes the attempt with what the provider sent back to the redirect URI. */
  async finish(attempt: string | undefined, query: { code?: string; state?: string; error?: string }) {
    const pending = attempt ? this.#pending.get(attempt) : undefined;
    if (attempt) this.#pending.delete(attempt);
    if (!pending || pending.expiresAt <= this.now() || !query.state || query.state !== pending.state) {
      throw new SignInFailed('This sign-in was not started here, or it took too long');
    }
    if (query.error || !query.code)
      throw new SignInFailed(`The identity provider refused: ${query.error ?? 'no code'}`);
    const tokens = await this.#token({
      grant_type: 'authorization_code',
      code: query.code,
      redirect_uri: pending.redirectUri,
      code_verifier: pending.verifier,
    });
    if (tokens.claims.nonce !== pending.nonce) throw new SignInFailed('The ID token belongs to another sign-in');
    return tokens.signedIn;
  }

  /** The tokens, renewed with the refresh token when the ID token is about to expire; undefined when that fails. */
  async fresh(tokens: SignedInTokens): Promise<SignedInTokens | undefined> {
    if (tokens.expiresAt - this.now() > RENEW_BEFORE_MS) return tokens;
    if (!tokens.refreshToken) return undefined;
    try {
      const renewed = await this.#token({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken });
      return renewed.signedIn.email === tokens.email
        ? { ...renewed.signedIn, refreshToken: renewed.signedIn.refreshToken ?? tokens.refreshToken }
        : undefined;
    } catch (error) {
      console.error(`demo host: renewing the ID token failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  #discover() {
    this.#endpoints ??= fetch(`${this.options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
      .then(async (res) => {
        if (!res.ok) throw new Error(`discovery answered ${res.status}`);
        return (await res.json()) as { authorization_endpoint: string; token_endpoint: string };
      })
      .catch((error: unknown) => {
        this.#endpoints = undefined;
        throw error;
      });
    return this.#endpoints;
  }

  async #token(form: Record<string, string>) {
    const { token_endpoint } = await this.#discover();
    const credentials = `${encodeURIComponent(this.options.clientId)}:${encodeURIComponent(this.options.clientSecret)}`;
    const res = await fetch(token_endpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = (await res.json().catch(() => ({}))) as { id_token?: unknown; refresh_token?: unknown };
    if (!res.ok || typeof body.id_token !== 'string') {
      throw new SignInFailed(`The identity provider gave no ID token (HTTP ${res.status})`);
    }
    const claims = JSON.parse(Buffer.from(body.id_token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      iss?: unknown;
      aud?: unknown;
      exp?: unknown;
      email?: unknown;
      nonce?: unknown;
    };
    const audiences = [claims.aud].flat();
    if (claims.iss !== this.options.issuer || !audiences.includes(this.options.clientId)) {
      throw new SignInFailed('The ID token is not from this provider for this application');
    }
    if (typeof claims.exp !== 'number' || typeof claims.email !== 'string') {
      throw new SignInFailed('The ID token names no e-mail address or expiry');
    }
    const signedIn: SignedInTokens = {
      idToken: body.id_token,
      refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
      expiresAt: claims.exp * 1000,
      email: claims.email.toLowerCase(),
    };
    return { signedIn, claims };
  }
}
