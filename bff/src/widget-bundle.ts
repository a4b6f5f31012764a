import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProblemError } from '@scc/contracts/problem';
import type { Context } from 'hono';

export const defaultWidgetBundlePath = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../widget/dist/service-control-center.js',
);

/**
 * The widget's build names its lazy chunks `<name>.<content hash>.js` (widget/vite.config.ts).
 * Only such names are served next to the entry: a single path segment, so no `../` or folder can
 * slip through, and a hash, so caching them forever is right.
 */
export const CHUNK_NAME = /^[a-z][a-z0-9-]*\.[A-Za-z0-9_-]{8,}\.js$/;

const moduleHeaders = {
  'access-control-allow-origin': '*',
  'x-content-type-options': 'nosniff',
};

type Cached = { mtimeMs: number; body: string; etag: string };

/** Reads a file once per modification time; `undefined` when it does not exist (or is no file). */
function fileCache() {
  const cache = new Map<string, Cached>();
  return async (path: string): Promise<Cached | undefined> => {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const cached = cache.get(path);
    if (cached && cached.mtimeMs === info.mtimeMs) return cached;
    const body = await readFile(path, 'utf8');
    const fresh = { mtimeMs: info.mtimeMs, body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
    cache.set(path, fresh);
    return fresh;
  };
}

function answer(c: Context, file: Cached, cacheControl: string) {
  const headers = { ...moduleHeaders, 'cache-control': cacheControl, etag: file.etag };
  if (c.req.header('if-none-match') === file.etag) return c.body(null, 304, headers);
  return c.body(file.body, 200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
}

/**
 * Serves the built widget module. Module scripts are fetched with CORS, so any page may load
 * it; it holds no secret. The ETag follows the file, so a rebuilt widget is picked up at once.
 */
export function widgetBundleHandler(path: string) {
  const read = fileCache();
  return async (c: Context) => {
    const file = await read(path);
    if (!file) throw ProblemError.of('notFound', 'The widget has not been built: run pnpm build');
    return answer(c, file, 'public, max-age=300');
  };
}

/**
 * Serves the lazy chunks of the widget (`/widget/:file`) from the entry's folder: only existing
 * files with a chunk name. Same CORS headers as the entry (the entry `import()`s them from the
 * BFF's origin, so a host CSP that allows the entry allows them too); the name changes with the
 * content, so browsers keep them for a year without asking again.
 */
export function widgetChunkHandler(entryPath: string) {
  const folder = dirname(entryPath);
  const read = fileCache();
  return async (c: Context) => {
    const name = c.req.param('file') ?? '';
    const file = CHUNK_NAME.test(name) ? await read(join(folder, name)) : undefined;
    if (!file) throw ProblemError.of('notFound', 'No such widget module');
    return answer(c, file, 'public, max-age=31536000, immutable');
  };
}
