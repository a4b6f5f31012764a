import { type FieldError, ProblemError } from '@scc/contracts/problem';
import type { Context, MiddlewareHandler } from 'hono';

/**
 * The generic guard at the edge of every service, before authentication and before any route's
 * schema: what no field of any API may carry is refused here with a 400 naming the field, so a
 * route whose schema forgot a check still never passes it on to a parser, another service or
 * PostgreSQL.
 *
 * - JSON bodies: valid UTF-8 (invalid bytes would otherwise become U+FFFD silently), at most
 *   {@link DEFAULT_MAX_JSON_DEPTH} levels deep (checked on the text, before anything recursive
 *   sees it), no NUL and no unpaired surrogate in any key or string (PostgreSQL refuses both in
 *   text and jsonb), no `__proto__`, `constructor` or `prototype` key (`JSON.parse` keeps them,
 *   schemas would drop `__proto__` silently where every other unknown key is refused), and no
 *   number outside the doubles (`1e400` parses to Infinity, which JSON writes on as `null`).
 * - Queries and paths: valid percent-encoded UTF-8, no NUL, no prototype keys.
 * - URLs longer than {@link DEFAULT_MAX_URL_LENGTH}: 414.
 */
export const DEFAULT_MAX_JSON_DEPTH = 32;
export const DEFAULT_MAX_URL_LENGTH = 8192;

export interface HostileInputOptions {
  maxJsonDepth?: number;
  maxUrlLength?: number;
}

/** Keys that name an object's prototype machinery rather than data. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

// Surrogates without their partner: with the `u` flag only a lone half matches \p{Cs}.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why a string cannot be stored, or undefined when it can. */
export function unstorableText(value: string): string | undefined {
  if (value.includes('\u0000')) return 'Contains a NUL character';
  if (LONE_SURROGATE.test(value)) return 'Contains invalid Unicode (an unpaired surrogate)';
  return undefined;
}

function refuse(errors: FieldError[]): never {
  throw ProblemError.of('validation', `Invalid ${errors.map((e) => e.field).join(', ')}`, errors);
}

/** The deepest nesting of arrays and objects in JSON text, counted without parsing; stops past `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c /* \ */) i++;
      else if (ch === 0x22 /* " */) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) depth--;
  }
  return false;
}

/**
 * Every field of a parsed JSON value that no API accepts, named as in a validation problem
 * (`body.brand.name`, `body.items.0`). The value's depth is bounded by the caller.
 */
export function hostileJsonFields(value: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const visit = (node: unknown, at: string) => {
    if (typeof node === 'string') {
      const why = unstorableText(node);
      if (why) errors.push({ field: at, message: why });
    } else if (typeof node === 'number') {
      if (!Number.isFinite(node)) errors.push({ field: at, message: 'Not a finite number' });
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => {
        visit(item, `${at}.${index}`);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        const why = unstorableText(key);
        const field = why ? at : `${at}.${key}`;
        if (why) errors.push({ field, message: `A key ${why.charAt(0).toLowerCase()}${why.slice(1)}` });
        else if (PROTOTYPE_KEYS.has(key)) errors.push({ field, message: 'Unknown field' });
        else visit((node as Record<string, unknown>)[key], field);
      }
    }
  };
  visit(value, path);
  return errors;
}

/** A percent-decoded URL part; undefined when it is no valid UTF-8. In a query `+` is a space. */
function decodeComponent(raw: string, plusIsSpace: boolean): string | undefined {
  try {
    return decodeURIComponent(plusIsSpace ? raw.replace(/\+/g, ' ') : raw);
  } catch {
    return undefined;
  }
}

function checkUrl(c: Context, maxUrlLength: number) {
  const url = c.req.url;
  if (url.length > maxUrlLength) {
    throw ProblemError.of('uriTooLong', `The URL is longer than ${maxUrlLength} characters.`, [
      { field: 'url', message: `At most ${maxUrlLength} characters` },
    ]);
  }
  const queryStart = url.indexOf('?');
  const pathStart = url.indexOf('/', url.indexOf('//') + 2);
  const rawPath = url.slice(pathStart, queryStart === -1 ? undefined : queryStart);
  const errors: FieldError[] = [];
  const path = decodeComponent(rawPath, false);
  if (path === undefined) errors.push({ field: 'path', message: 'Not valid percent-encoded UTF-8' });
  else if (unstorableText(path)) errors.push({ field: 'path', message: unstorableText(path) as string });
  if (queryStart !== -1) {
    for (const pair of url.slice(queryStart + 1).split('&')) {
      if (pair === '') continue;
      const separator = pair.indexOf('=');
      const rawName = separator === -1 ? pair : pair.slice(0, separator);
      const name = decodeComponent(rawName, true);
      const value = separator === -1 ? '' : decodeComponent(pair.slice(separator + 1), true);
      const field = `query.${name ?? rawName}`;
      const why =
        name === undefined || value === undefined
          ? 'Not valid percent-encoded UTF-8'
          : (unstorableText(name) ?? unstorableText(value));
      if (why) errors.push({ field, message: why });
      else if (PROTOTYPE_KEYS.has(name as string)) errors.push({ field, message: 'Unknown field' });
    }
  }
  if (errors.length > 0) refuse(errors);
}

async function checkJsonBody(c: Context, maxJsonDepth: number) {
  const bytes = await c.req.arrayBuffer();
  if (bytes.byteLength === 0) return;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    refuse([{ field: 'body', message: 'Not valid UTF-8' }]);
  }
  if (jsonDepthExceeds(text, maxJsonDepth)) {
    refuse([{ field: 'body', message: `Nested deeper than ${maxJsonDepth} levels` }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    refuse([{ field: 'body', message: 'Not valid JSON' }]);
  }
  const errors = hostileJsonFields(value, 'body');
  if (errors.length > 0) refuse(errors);
}

/** The guard of URLs (every path: a route without a query schema would ignore a hostile one). */
export function refuseHostileUrls({
  maxUrlLength = DEFAULT_MAX_URL_LENGTH,
}: HostileInputOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    checkUrl(c, maxUrlLength);
    await next();
  };
}

/** The guard of JSON bodies; install it after the body limit, so the body it reads is already bounded. */
export function refuseHostileBodies({
  maxJsonDepth = DEFAULT_MAX_JSON_DEPTH,
}: HostileInputOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.raw.body && JSON_TYPE.test(c.req.header('content-type') ?? '')) await checkJsonBody(c, maxJsonDepth);
    await next();
  };
}
