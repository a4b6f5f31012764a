import { Readable } from 'node:stream';
import type { CockpitApp } from '@scc/cockpit';
import type { SecurityEvent } from '@scc/contracts/embed-sessions';
import { type Problem, ProblemError, problem } from '@scc/contracts/problem';
import type { ServiceTokenClaims } from '@scc/contracts/service-token';
import { createLogger, type Logger } from '@scc/service-kit/log';
import type { ReadinessCheck } from '@scc/service-kit/readiness';
import { REQUEST_ID_HEADER } from '@scc/service-kit/request-context';
import { type ClientRequestOptions, type ClientResponse, hc } from 'hono/client';
import { Agent, type Dispatcher } from 'undici';
import type { WidgetEnv } from '../http/widget-session.js';
import type { SigningKey } from '../keys/signing-keys.js';
import { serviceTokenSigner } from './service-tokens.js';

export type CockpitClient = ReturnType<typeof hc<CockpitApp>>;

export interface CockpitConnection {
  baseUrl: string;
  serviceKey: SigningKey;
  /** Replaces the network, e.g. with the cockpit app's own `request` in a single process. */
  fetch?: typeof fetch;
  /** How long one widget request may wait for the cockpit in all; default 10 s. */
  timeoutMs?: number;
  /** Where failures no request answers for go (a security event not recorded); default: errors to stderr. */
  log?: Logger;
}

/**
 * The BFF's way to the cockpit, made once per process: one typed client over one keep-alive
 * connection pool. What differs per call (whose service token, which request id, when to give
 * up) travels in the options of each call, from {@link Cockpit.actingFor}.
 */
export interface Cockpit {
  v1: CockpitClient['v1'];
  /**
   * The options of one call acting for `claims`: their service token (signed once per caller
   * and reused while valid) and the id of the request it serves, so that the cockpit's log lines
   * of it carry the BFF's id. `signal` ends the call instead of the timeout, e.g. a stream that
   * lasts as long as its listener.
   */
  actingFor(claims: ServiceTokenClaims, call?: CallOptions): ClientRequestOptions;
  /** The options of one call the host's backend makes for itself (the cockpit's `/v1/hosts` routes). */
  actingForHost(host: HostIdentity, call?: CallOptions): ClientRequestOptions;
  /**
   * Writes a security event (a refusal, a rate limit hit) into the audit log of the host's
   * subtree, where its admins read it. Never fails the request that noticed the event: a
   * cockpit that cannot record it is logged, and the promise resolves `false`.
   */
  recordSecurityEvent(host: HostIdentity, event: SecurityEvent): Promise<boolean>;
  /** The cockpit says it is ready; see {@link cockpitReadyCheck}. */
  ready: ReadinessCheck;
}

/** What differs per cockpit call besides the caller. */
export interface CallOptions {
  /** The id of the request it serves, so that the cockpit's log lines of it carry the BFF's id. */
  requestId?: string | undefined;
  /** Ends the call instead of the timeout, e.g. a stream that lasts as long as its listener. */
  signal?: AbortSignal | undefined;
}

/** A registered host as the cockpit knows it: its id and home business unit. */
export interface HostIdentity {
  id: string;
  homeBusinessUnitId: string;
}

export function connectCockpit(connection: CockpitConnection): Cockpit {
  const timeoutMs = connection.timeoutMs ?? 10_000;
  const pooled = !connection.fetch;
  const send = connection.fetch ?? keepAliveFetch(timeoutMs);
  const client = hc<CockpitApp>(connection.baseUrl, { fetch: send });
  const serviceToken = serviceTokenSigner(connection.serviceKey);
  const log = connection.log ?? createLogger('bff', { level: 'error' });
  const actingFor = (claims: ServiceTokenClaims, call: CallOptions = {}): ClientRequestOptions => ({
    headers: async () => ({
      authorization: `Bearer ${await serviceToken(claims)}`,
      ...(call.requestId ? { [REQUEST_ID_HEADER]: call.requestId } : {}),
    }),
    // The pool's own timeouts cost no timer per call; another `fetch` gets a signal that ends it.
    ...(call.signal || !pooled ? { init: { signal: call.signal ?? AbortSignal.timeout(timeoutMs) } } : {}),
  });
  const actingForHost = (host: HostIdentity, call?: CallOptions) =>
    actingFor(
      {
        actsAsHost: true,
        hostId: host.id,
        homeBusinessUnitId: host.homeBusinessUnitId,
        businessUnitId: host.homeBusinessUnitId,
      },
      call,
    );
  return {
    v1: client.v1,
    actingFor,
    actingForHost,
    recordSecurityEvent: (host, event) =>
      fromCockpit(
        () => client.v1.hosts['security-events'].$post({ json: event }, actingForHost(host)),
        () => true,
      ).catch((error: unknown) => {
        log.error('a security event was not recorded', { error, host: host.id, action: event.action });
        return false;
      }),
    ready: cockpitReadyCheck(connection.baseUrl, send),
  };
}

/**
 * Calls over one undici agent that keeps its connections to the cockpit open between requests,
 * through undici's plain `request` rather than its `fetch`: the WHATWG fetch algorithm around
 * each call cost a quarter of the BFF's CPU per forwarded request (BENCHMARKS.md). JSON answers
 * arrive whole; an event stream stays a stream, and cancelling it ends the cockpit call. A call
 * without a signal gives up after `timeoutMs` waiting for the answer's head or for more of its body.
 */
function keepAliveFetch(timeoutMs: number): typeof fetch {
  // Closes idle connections before the cockpit's server does (Node's default: 5 s), so no request
  // goes out on a socket the server is closing.
  const dispatcher = new Agent({ keepAliveTimeout: 4_000 });
  return (async (input: string | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const method = (init.method ?? 'GET') as Dispatcher.HttpMethod;
    const answer = await dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method,
      headers,
      body: typeof init.body === 'string' ? init.body : null,
      ...(init.signal
        ? { signal: init.signal, bodyTimeout: 0 }
        : { headersTimeout: timeoutMs, bodyTimeout: timeoutMs }),
    });
    // A plain record: the adapter's Response keeps it as it is until someone reads `headers`.
    const answered: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined) answered[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    if (answer.statusCode === 204 || answer.statusCode === 304 || method === 'HEAD') {
      await answer.body.dump();
      return new Response(null, { status: answer.statusCode, headers: answered });
    }
    const contentType = answered['content-type'] ?? '';
    if (contentType.startsWith('text/event-stream')) {
      return new Response(Readable.toWeb(answer.body) as ReadableStream<Uint8Array>, {
        status: answer.statusCode,
        headers: answered,
      });
    }
    const bytes = new Uint8Array(await answer.body.arrayBuffer());
    const response = new Response(bytes, { status: answer.statusCode, headers: answered });
    buffered.set(response, { bytes, contentType });
    return response;
  }) as typeof fetch;
}

const buffered = new WeakMap<object, BufferedAnswer>();

/** A cockpit answer read whole, as it came over the wire. */
export interface BufferedAnswer {
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
}

/**
 * The bytes of a cockpit answer that arrived whole over the pool, so that forwarding them
 * writes them as they are instead of streaming them through a WHATWG body; undefined for an
 * answer that did not (an event stream, or a `fetch` given in place of the pool).
 */
export function bufferedAnswer(res: object): BufferedAnswer | undefined {
  return buffered.get(res);
}

/**
 * The cockpit says it is ready: its `/readyz` answers 200 before `signal` aborts. Needs no
 * service token; what is down on the cockpit's side stays there (the BFF reports `cockpit`).
 */
function cockpitReadyCheck(baseUrl: string, send: typeof fetch): ReadinessCheck {
  return async (signal) => {
    const response = await send(`${baseUrl.replace(/\/$/, '')}/readyz`, { signal });
    await response.body?.cancel();
    return response.status === 200;
  };
}

/** The claims of a widget session: the cockpit acts for its user on its business unit. */
export function widgetClaims(session: WidgetEnv['Variables']['session'], host: WidgetEnv['Variables']['host']) {
  return {
    sub: session.userId,
    businessUnitId: session.businessUnitId,
    homeBusinessUnitId: host.homeBusinessUnitId,
    hostId: host.id,
    sessionId: session.sessionId,
  } satisfies ServiceTokenClaims;
}

/** The answers a cockpit route declares for success (all of them where it cannot tell, as for a stream). */
type Succeeded<R> = Exclude<R, { ok: false }>;

/**
 * Runs one cockpit call and turns every way it can fail into the BFF's own problem: an
 * unreachable cockpit is a 503 the widget can retry, and cockpit problems pass through.
 */
export async function fromCockpit<R extends ClientResponse<unknown>, T>(
  call: () => Promise<R>,
  read: (res: Succeeded<R>) => T | Promise<T>,
): Promise<T> {
  let res: R;
  try {
    res = await call();
  } catch {
    throw unavailable('The control center cannot be reached. Try again shortly.');
  }
  if (succeeded(res)) {
    try {
      return await read(res);
    } catch {
      await discardBody(res);
      throw unavailable('The control center gave an unreadable answer. Try again shortly.');
    }
  }
  if (res.status >= 500) {
    await discardBody(res);
    throw unavailable('The control center failed to answer. Try again shortly.');
  }
  const body = (await res.json().catch(() => undefined)) as Problem | undefined;
  // How long to wait travels with the problem (the cockpit's lock-out after wrong TOTP codes).
  const retryAfter = res.headers.get('retry-after');
  throw new ProblemError(
    body?.status === res.status ? body : problem(res.status === 404 ? 'notFound' : 'unauthorized'),
    retryAfter ? { 'retry-after': retryAfter } : undefined,
  );
}

/** A body left unread would hold its keep-alive connection until it is garbage collected. */
async function discardBody(res: ClientResponse<unknown>): Promise<void> {
  await res.body?.cancel().catch(() => {});
}

function succeeded<R extends ClientResponse<unknown>>(res: R): res is Succeeded<R> {
  return res.ok;
}

function unavailable(detail: string): ProblemError {
  return new ProblemError(problem('unavailable', detail), { 'retry-after': '5' });
}
