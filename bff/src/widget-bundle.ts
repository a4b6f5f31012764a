import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProblemError } from '@scc/cockpit/problem';
import type { Context } from 'hono';

export const defaultWidgetBundlePath = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../widget/dist/service-control-center.js',
);

/**
 * Serves the built widget module. Module scripts are fetched with CORS, so any page may load
 * it; it holds no secret. The ETag follows the file, so a rebuilt widget is picked up at once.
 */
export function widgetBundleHandler(path: string) {
  let cached: { mtimeMs: number; body: string; etag: string } | undefined;
  return async (c: Context) => {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw ProblemError.of('notFound', 'The widget has not been built: run pnpm build');
    if (!cached || cached.mtimeMs !== info.mtimeMs) {
      const body = await readFile(path, 'utf8');
      cached = { mtimeMs: info.mtimeMs, body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
    }
    const headers = {
      'access-control-allow-origin': '*',
      'cache-control': 'public, max-age=300',
      etag: cached.etag,
      'x-content-type-options': 'nosniff',
    };
    if (c.req.header('if-none-match') === cached.etag) return c.body(null, 304, headers);
    return c.body(cached.body, 200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
  };
}
