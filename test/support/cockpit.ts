import { createCockpitApp, createEventHub, type EventHub } from '@scc/cockpit';
import { PROBLEM_CONTENT_TYPE, type Problem } from '@scc/contracts/problem';
import type { Database, DatabaseHandle } from '@scc/db';
import type { SeedPersona } from '@scc/db/seed';
import {
  createTestDatabase,
  openRuntimeConnection,
  type TestDatabase,
  type TestDatabaseOptions,
} from '@scc/db/testing';
import type { Logger } from '@scc/service-kit/log';
import { comparableBody } from './answers.js';
import { ManualClock } from './clock.js';
import { personaUserId, seededBusinessUnit } from './seed-model.js';
import { createServiceKeys, type ServiceKeys } from './service-tokens.js';

export const TEST_HOST_ID = 'test-host';

/**
 * A cockpit app on a private, seeded test database, trusted to accept tokens of one freshly
 * generated service key. Requests go through `app.request` in-process; no server is started.
 */
export interface CockpitHarness {
  app: ReturnType<typeof createCockpitApp>;
  database: TestDatabase;
  /** The connection the app runs on: on a server a restricted scc_app login (or what `connect` opened), on PGlite the owner. */
  db: Database;
  keys: ServiceKeys;
  /** A service token for a persona acting on its own (or the given) business unit, host home = MSP root. */
  tokenFor(persona: SeedPersona, options?: { actingOn?: string; home?: string }): Promise<string>;
  /** GET with a bearer token; `token: null` sends no Authorization header. */
  get(path: string, token: string | null): Promise<Response>;
  /** Any method with a bearer token (`null`: none), an optional JSON body and extra headers. */
  send(
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  clock: ManualClock;
  events: EventHub;
  close(): Promise<void>;
}

export interface CockpitHarnessOptions {
  /**
   * Opens the connection the cockpit runs on, once the seeded database exists (e.g. as a
   * restricted login). The harness closes it before dropping the database.
   */
  connect?: (database: TestDatabase) => Promise<DatabaseHandle>;
  /** The sales system's bearer key the cockpit accepts. */
  salesApiKey?: string;
  /** Where the app's request lines and errors go (default: errors only, on stderr). */
  log?: Logger;
  /** Who owns and migrated the database (default: the superuser; see `createTestDatabase`). */
  owner?: TestDatabaseOptions['owner'];
  /** The cockpit's key for TOTP and webhook secrets (default: a random one of the app's own). */
  totpKey?: Uint8Array;
  /** Hosts may register plain-http webhook endpoints (a receiver in the test). */
  allowHttpWebhooks?: boolean;
}

export async function createCockpitHarness({
  connect,
  salesApiKey,
  log,
  owner,
  totpKey,
  allowHttpWebhooks,
}: CockpitHarnessOptions = {}): Promise<CockpitHarness> {
  const database = await createTestDatabase({ seed: true, owner });
  let runtime: { close(): Promise<void>; db: Database } | undefined;
  const events = createEventHub(database.handle.db);
  const close = async () => {
    try {
      await events.close();
      await runtime?.close();
    } finally {
      await database.drop();
    }
  };
  try {
    // On a server the app runs as a login that is only a member of scc_app, as in production;
    // fixtures and system work keep the owner connection (`database.handle.db`).
    if (connect) {
      const handle = await connect(database);
      runtime = { db: handle.db, close: () => handle.close() };
    } else {
      const login = await openRuntimeConnection(database, 'harness');
      runtime = login && { db: login.handle.db, close: () => login.close() };
    }
    const db = runtime?.db ?? database.handle.db;
    const keys = await createServiceKeys();
    const clock = new ManualClock();
    const app = createCockpitApp({
      db,
      verifyServiceToken: keys.verifier,
      systemDb: database.handle.db,
      clock,
      events,
      salesApiKey,
      log,
      totpKey,
      allowHttpWebhooks,
    });
    return {
      app,
      database,
      db,
      keys,
      clock,
      events,
      tokenFor: (persona, options = {}) =>
        keys.sign({
          sub: personaUserId(persona),
          businessUnitId: options.actingOn ?? seededBusinessUnit(persona.businessUnit).id,
          homeBusinessUnitId: options.home ?? seededBusinessUnit('msp').id,
          hostId: TEST_HOST_ID,
        }),
      get: async (path, token) =>
        app.request(path, token === null ? {} : { headers: { authorization: `Bearer ${token}` } }),
      send: async (method, path, token, body, headers = {}) =>
        app.request(path, {
          method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(token === null ? {} : { authorization: `Bearer ${token}` }),
            ...headers,
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export { PROBLEM_CONTENT_TYPE };

/** Reads a problem+json response, failing loudly if the response is anything else. */
export async function problemOf(response: Response): Promise<Problem> {
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.startsWith(PROBLEM_CONTENT_TYPE)) {
    throw new Error(
      `expected ${PROBLEM_CONTENT_TYPE}, got ${response.status} ${contentType}: ${await response.text()}`,
    );
  }
  return response.json() as never;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Follows `nextCursor` from the first page to the last, checking every page's size on the way. */
export async function walkPages<T>(
  harness: Pick<CockpitHarness, 'get'>,
  path: string,
  token: string,
  limit: number,
): Promise<{ items: T[]; pages: Page<T>[] }> {
  const pages: Page<T>[] = [];
  let cursor: string | null = null;
  do {
    const url = new URL(path, 'http://cockpit.test');
    url.searchParams.set('limit', String(limit));
    if (cursor) url.searchParams.set('cursor', cursor);
    const response = await harness.get(`${url.pathname}${url.search}`, token);
    if (response.status !== 200)
      throw new Error(`${url.pathname}${url.search}: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as Page<T>;
    pages.push(page);
    cursor = page.nextCursor;
    if (pages.length > 1000) throw new Error('pagination does not end');
  } while (cursor);
  return { items: pages.flatMap((p) => p.items), pages };
}

/** Status, content type and body text (see {@link comparableBody}): what a caller could compare between two answers. */
export async function observable(
  response: Response,
): Promise<{ status: number; contentType: string | null; body: string }> {
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: await comparableBody(response),
  };
}
