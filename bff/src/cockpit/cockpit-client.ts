import type { CockpitApp } from '@scc/cockpit';
import { type Problem, ProblemError, problem } from '@scc/cockpit/problem';
import { type ServiceTokenClaims, signServiceToken } from '@scc/cockpit/service-token';
import { hc } from 'hono/client';
import type { SigningKey } from '../keys/signing-keys.js';

export type CockpitClient = ReturnType<typeof hc<CockpitApp>>;

export interface CockpitConnection {
  baseUrl: string;
  serviceKey: SigningKey;
  /** Replaces the network, e.g. with the cockpit app's own `request` in a single process. */
  fetch?: typeof fetch;
}

/** A typed cockpit client acting for one caller; every call carries a fresh one-minute service token. */
export function cockpitFor(connection: CockpitConnection, claims: ServiceTokenClaims): CockpitClient {
  return hc<CockpitApp>(connection.baseUrl, {
    ...(connection.fetch ? { fetch: connection.fetch } : {}),
    headers: async () => ({ authorization: `Bearer ${await signServiceToken(connection.serviceKey, claims)}` }),
  });
}

/**
 * Runs one cockpit call and turns every way it can fail into the BFF's own problem: an
 * unreachable cockpit is a 503 the widget can retry, and cockpit problems pass through.
 */
export async function fromCockpit<T>(call: () => Promise<Response>, read: (res: Response) => Promise<T>): Promise<T> {
  let res: Response;
  try {
    res = await call();
  } catch {
    throw new ProblemError(problem('unavailable', 'The control center cannot be reached. Try again shortly.'), {
      'retry-after': '5',
    });
  }
  if (res.ok) return read(res);
  if (res.status >= 500) {
    throw new ProblemError(problem('unavailable', 'The control center failed to answer. Try again shortly.'), {
      'retry-after': '5',
    });
  }
  const body = (await res.json().catch(() => undefined)) as Problem | undefined;
  throw new ProblemError(
    body?.status === res.status ? body : problem(res.status === 404 ? 'notFound' : 'unauthorized'),
  );
}
