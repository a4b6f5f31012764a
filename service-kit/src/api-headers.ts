import { createMiddleware } from 'hono/factory';

/**
 * Headers for every API answer: answers carry tokens and tenant data, so no cache (browser,
 * proxy or CDN) may keep them, and browsers must not sniff them into something executable. A
 * route that says otherwise keeps its own cache-control (a brand logo, private and named by hash).
 */
export const apiHeaders = createMiddleware(async (c, next) => {
  await next();
  if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'no-referrer');
});
