import { ProblemError, problem, problemContent, problemResponse } from '@scc/contracts/problem';
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { VerifiedWidgetSession } from '../embed-sessions/widget-token.js';
import type { HostApplication } from '../hosts/host-registry.js';
import type { RateLimitPolicy } from './policies.js';
import type { RateLimits, Verdict } from './rate-limits.js';

/** The answer headers a browser's script may read on a 429 (CORS `exposeHeaders`). */
export const RATE_LIMIT_HEADERS = ['retry-after', 'ratelimit-policy', 'ratelimit'] as const;

/** The 429 of every limited route, for the OpenAPI document. */
export const rateLimitedResponse = {
  ...problemContent('A rate limit is reached: wait `Retry-After` seconds'),
  headers: {
    'Retry-After': { description: 'Seconds until the limit’s window ends', schema: { type: 'integer' } },
    'RateLimit-Policy': {
      description: 'The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers)',
      schema: { type: 'string' },
    },
    RateLimit: {
      description: 'What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42`',
      schema: { type: 'string' },
    },
  },
} as const;

/** One refused request: a security event. */
export interface RateLimitHit {
  policy: RateLimitPolicy;
  /** Whose budget is spent: a client address, a user id, a host id or a business unit id. */
  key: string;
  /** The caller's address, whatever the key. */
  clientAddress: string;
  points: number;
  seconds: number;
  retryAfterSeconds: number;
  method: string;
  path: string;
}

/** Called for every refused request; the default writes a warning to the request's log. */
export type OnLimited = (hit: RateLimitHit, c: Context) => void;

export const logLimited: OnLimited = (hit, c) => {
  c.var.log?.warn('rate limit reached', { ...hit });
};

/**
 * The headers of draft-ietf-httpapi-ratelimit-headers (structured fields, drafts 08 to 11): the
 * policy that refused, its quota `q` per window `w` seconds, and `r` remaining and `t` seconds
 * until the window ends. `Retry-After` says the same `t` for clients that know only it.
 */
export function rateLimitHeaders(verdict: Verdict): Record<string, string> {
  const name = `"${verdict.policy}"`;
  return {
    'retry-after': String(verdict.resetSeconds),
    'ratelimit-policy': `${name};q=${verdict.budget.points};w=${verdict.budget.seconds}`,
    ratelimit: `${name};r=${verdict.remaining};t=${verdict.resetSeconds}`,
  };
}

function tooManyRequests(verdict: Verdict): ProblemError {
  return new ProblemError(
    problem('tooManyRequests', `Rate limit ${verdict.policy} reached: try again in ${verdict.resetSeconds} s`),
    rateLimitHeaders(verdict),
  );
}

export interface RateLimitingOptions {
  limits: RateLimits;
  clientAddress: (c: Context) => string;
  onLimited?: OnLimited | undefined;
}

/** The BFF's rate limits as middleware; `app.ts` says where each one runs. */
export function rateLimiting({ limits, clientAddress, onLimited = logLimited }: RateLimitingOptions) {
  const refuse = (c: Context, verdict: Verdict, key: string): ProblemError => {
    onLimited(
      {
        policy: verdict.policy,
        key,
        clientAddress: clientAddress(c),
        points: verdict.budget.points,
        seconds: verdict.budget.seconds,
        retryAfterSeconds: verdict.resetSeconds,
        method: c.req.method,
        path: c.req.path,
      },
      c,
    );
    return tooManyRequests(verdict);
  };

  const check = async (c: Context, policy: RateLimitPolicy, key: string) => {
    const verdict = await limits.consume(policy, key);
    if (verdict.limited) throw refuse(c, verdict, key);
  };

  /** After a 401: one more failure of the caller's address; past its budget the answer becomes a 429. */
  const countFailure = async (c: Context) => {
    if (c.res.status !== 401) return;
    const address = clientAddress(c);
    const verdict = await limits.consume('failed-authentications-per-ip', address);
    if (!verdict.limited) return;
    const refused = refuse(c, verdict, address);
    c.res = problemResponse(refused.body, refused.headers);
  };

  return {
    /**
     * Around `POST /v1/embed-sessions`, before its API key is checked. An address past its failed
     * authentications is refused before its key is even looked at, so guessing goes no faster
     * with a good key in between.
     */
    embedSessions: createMiddleware(async (c, next) => {
      const address = clientAddress(c);
      const failures = await limits.peek('failed-authentications-per-ip', address);
      if (failures.limited) throw refuse(c, failures, address);
      await check(c, 'embed-sessions-per-ip', address);
      await next();
      await countFailure(c);
    }),

    /** After the API key was checked: the host's mints. */
    perHost: createMiddleware<{ Variables: { host: HostApplication } }>(async (c, next) => {
      await check(c, 'embed-sessions-per-host', c.get('host').id);
      await next();
    }),

    /**
     * Around the widget token's check. Failures are counted, but a valid token is never refused
     * for its address's failures: many users share an address behind one NAT, and an ES256
     * signature cannot be guessed, so one broken or hostile client there must not lock out the rest.
     */
    widgetAuthentication: (async (c, next) => {
      await next();
      await countFailure(c);
    }) satisfies MiddlewareHandler,

    /** After the widget token's check: every request of the user, whichever session. */
    perUser: createMiddleware<{ Variables: { session: VerifiedWidgetSession } }>(async (c, next) => {
      await check(c, 'widget-per-user', c.get('session').userId);
      await next();
    }),

    /** Codes checked (step-ups, enrolment confirmations), per user: however many sessions they open. */
    stepUpsPerUser: createMiddleware<{ Variables: { session: VerifiedWidgetSession } }>(async (c, next) => {
      await check(c, 'step-up-per-user', c.get('session').userId);
      await next();
    }),

    /** Operation request submits, per business unit the session acts on (its users share it). */
    submitsPerUnit: createMiddleware<{ Variables: { session: VerifiedWidgetSession } }>(async (c, next) => {
      await check(c, 'submits-per-unit', c.get('session').businessUnitId);
      await next();
    }),
  };
}
