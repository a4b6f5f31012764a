import type { Context, MiddlewareHandler } from 'hono';

/**
 * When to send `Strict-Transport-Security`: `auto` on answers to requests that came over https
 * (the request URL, or `X-Forwarded-Proto` from a proxy that ended TLS), `always`, or `off`.
 * Trusting the proxy's header is safe here: a forged one can only add HSTS to its sender's answer.
 */
export const hstsModes = ['auto', 'always', 'off'] as const;
export type HstsMode = (typeof hstsModes)[number];

export interface SecurityHeaderOptions {
  hsts?: HstsMode;
}

/** Two years, with subdomains: what browsers' preload lists ask for. */
const HSTS_VALUE = 'max-age=63072000; includeSubDomains';

/**
 * An API answer is data, never a document: nothing may load from it, frame it or run in it. A
 * route serving something else (a brand logo) sets its own policy.
 */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

function cameOverHttps(c: Context): boolean {
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https' || c.req.url.startsWith('https:');
}

/**
 * Headers for every answer of a service, errors (404, 413, 431 …) included; install it first so
 * it wraps everything. Answers carry tokens and tenant data, so no cache (browser, proxy or CDN)
 * may keep them unless a route says otherwise (a brand logo named by hash, the JWKS, the widget
 * bundle); browsers must not sniff them into something executable; no referrer leaves them.
 */
export function securityHeaders({ hsts = 'auto' }: SecurityHeaderOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
    if (!c.res.headers.has('content-security-policy')) c.header('content-security-policy', API_CSP);
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    if (hsts === 'always' || (hsts === 'auto' && cameOverHttps(c))) c.header('strict-transport-security', HSTS_VALUE);
  };
}

/**
 * The same headers on an answer written outside Hono (Node's own `clientError` answers). HSTS
 * only with `always`: such a request was never parsed far enough to tell how it came.
 */
export function rawSecurityHeaders({ hsts = 'auto' }: SecurityHeaderOptions = {}): Record<string, string> {
  return {
    'cache-control': 'no-store',
    'content-security-policy': API_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(hsts === 'always' ? { 'strict-transport-security': HSTS_VALUE } : {}),
  };
}
