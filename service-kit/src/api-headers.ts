import { createMiddleware } from 'hono/factory';

/**
 * Headers for every API answer: answers carry tokens and tenant data, so no cache (browser,
 * proxy or CDN) may keep them, and browsers must not sniff them into something executable.
 */
export const apiHeaders = createMiddleware(async (c, next) => {
  await next();
  c.header('cache-control', 'no-store');
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'no-referrer');
});
