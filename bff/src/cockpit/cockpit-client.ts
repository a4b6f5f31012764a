import type { CockpitApp } from '@scc/cockpit';
import { type Problem, ProblemError, problem } from '@scc/contracts/problem';
import { type ServiceTokenClaims, signServiceToken } from '@scc/contracts/service-token';
import type { ReadinessCheck } from '@scc/service-kit/readiness';
import { currentRequestId, REQUEST_ID_HEADER } from '@scc/service-kit/request-context';
import { type ClientResponse, hc } from 'hono/client';
import type { WidgetEnv } from '../http/widget-session.js';
import type { SigningKey } from '../keys/signing-keys.js';

export type CockpitClient = ReturnType<typeof hc<CockpitApp>>;

export interface CockpitConnection {
  baseUrl: string;
  serviceKey: SigningKey;
  /** Replaces the network, e.g. with the cockpit app's own `request` in a single process. */
  fetch?: typeof fetch;
  /** How long one widget request may wait for the cockpit in all; default 10 s. */
  timeoutMs?: number;
}

/** A typed cockpit client acting for one caller; every call carries a fresh one-minute service token. */
export function cockpitFor(
  connection: CockpitConnection,
  claims: ServiceTokenClaims,
  /** Ends the calls instead of the timeout, e.g. a stream that lasts as long as its listener. */
  signal?: AbortSignal,
): CockpitClient {
  return hc<CockpitApp>(connection.baseUrl, {
    ...(connection.fetch ? { fetch: connection.fetch } : {}),
    init: { signal: signal ?? AbortSignal.timeout(connection.timeoutMs ?? 10_000) },
    headers: async () => ({ ...(await serviceAuthorization(connection, claims)), ...requestIdHeader() }),
  });
}

/** The id of the widget's request, so that the cockpit's log lines of it carry the same id as the BFF's. */
function requestIdHeader(): Record<string, string> {
  const id = currentRequestId();
  return id ? { [REQUEST_ID_HEADER]: id } : {};
}

/**
 * The cockpit says it is ready: its `/readyz` answers 200 before `signal` aborts. Needs no
 * service token; what is down on the cockpit's side stays there (the BFF reports `cockpit`).
 */
export function cockpitReadyCheck(connection: CockpitConnection): ReadinessCheck {
  return async (signal) => {
    const response = await (connection.fetch ?? fetch)(`${connection.baseUrl.replace(/\/$/, '')}/readyz`, {
      signal,
      headers: requestIdHeader(),
    });
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
  } satisfies ServiceTokenClaims;
}

async function serviceAuthorization(
  connection: CockpitConnection,
  claims: ServiceTokenClaims,
): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await signServiceToken(connection.serviceKey, claims)}` };
}

/** The answers a cockpit route declares for success (all of them where it cannot tell, as for a stream). */
type Succeeded<R> = Exclude<R, { ok: false }>;

/**
 * Runs one cockpit call and turns every way it can fail into the BFF's own problem: an
 * unreachable cockpit is a 503 the widget can retry, and cockpit problems pass through.
 */
export async function fromCockpit<R extends ClientResponse<unknown>, T>(
  call: () => Promise<R>,
  read: (res: Succeeded<R>) => Promise<T>,
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
      throw unavailable('The control center gave an unreadable answer. Try again shortly.');
    }
  }
  if (res.status >= 500) throw unavailable('The control center failed to answer. Try again shortly.');
  const body = (await res.json().catch(() => undefined)) as Problem | undefined;
  throw new ProblemError(
    body?.status === res.status ? body : problem(res.status === 404 ? 'notFound' : 'unauthorized'),
  );
}

function succeeded<R extends ClientResponse<unknown>>(res: R): res is Succeeded<R> {
  return res.ok;
}

function unavailable(detail: string): ProblemError {
  return new ProblemError(problem('unavailable', detail), { 'retry-after': '5' });
}
