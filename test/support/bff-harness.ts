import {
  type BffApp,
  type BffDependencies,
  type CockpitConnection,
  createBffApp,
  generateSigningKey,
  type HostApplication,
  HostRegistry,
  hashApiKey,
  newApiKey,
  type SigningKey,
  type WidgetTokenIssuer,
  widgetTokenIssuer,
} from '@scc/bff';
import { type Clock, createCockpitApp, createEventHub, type EventHub } from '@scc/cockpit';
import { serviceTokenVerifier } from '@scc/contracts/service-token';
import { createTestDatabase, openRuntimeConnection, type TestDatabase } from '@scc/db/testing';
import type { JWK } from 'jose';
import { expect } from 'vitest';
import { comparableBody } from './answers.js';
import { seededBusinessUnit, seedId } from './seed-model.js';

export const PUBLIC_URL = 'https://bff.scc.test';
export const COCKPIT_URL = 'http://cockpit.internal';
export { PROBLEM_CONTENT_TYPE } from '@scc/contracts/problem';

/** A registered host application together with the plain API key only its backend knows. */
export interface TestHost {
  entry: HostApplication;
  apiKey: string;
  origin: string;
}

export async function createTestHost(
  id: string,
  homeBusinessUnitId: string,
  origin = `https://${id}.example`,
): Promise<TestHost> {
  const apiKey = newApiKey(id);
  return {
    apiKey,
    origin,
    entry: { id, name: `Host ${id}`, apiKeyHash: hashApiKey(apiKey), homeBusinessUnitId, allowedOrigins: [origin] },
  };
}

/** Keys and hosts of a BFF, without any database: enough for tests that never reach a cockpit. */
type GeneratedKey = SigningKey & { privateJwk: JWK };

export interface BffKeys {
  widgetKey: GeneratedKey;
  serviceKey: GeneratedKey;
  tokens: WidgetTokenIssuer;
  /** Home = the MSP root. */
  mspHost: TestHost;
  /** Home = Reseller One. */
  resellerHost: TestHost;
  registry: HostRegistry;
}

export async function createBffKeys(): Promise<BffKeys> {
  const widgetKey = await generateSigningKey('widget-test-1');
  const serviceKey = await generateSigningKey('service-test-1');
  const mspHost = await createTestHost('msp-portal', seededBusinessUnit('msp').id);
  const resellerHost = await createTestHost('reseller-portal', seededBusinessUnit('reseller-one').id);
  return {
    widgetKey,
    serviceKey,
    tokens: widgetTokenIssuer({ publicUrl: PUBLIC_URL, signingKey: widgetKey }),
    mspHost,
    resellerHost,
    registry: new HostRegistry([mspHost.entry, resellerHost.entry]),
  };
}

/** A BFF on these keys and hosts in front of `cockpit` (by default nothing listens at its URL). */
export function createBffWithCockpit(keys: BffKeys, cockpit: Partial<CockpitConnection> = {}): BffApp {
  return createBffApp({
    hosts: keys.registry,
    tokens: keys.tokens,
    cockpit: { baseUrl: COCKPIT_URL, serviceKey: keys.serviceKey, ...cockpit },
  });
}

/** A widget token the BFF accepts on its own, no cockpit asked: the customer admin acting on Contoso. */
export async function issueWidgetToken(keys: BffKeys): Promise<string> {
  const { token } = await keys.tokens.issue({
    userId: seedId('user', 'customer-admin'),
    businessUnitId: seededBusinessUnit('contoso').id,
    hostId: keys.mspHost.entry.id,
  });
  return token;
}

/**
 * The real cockpit, in-process, on a private seeded database, behind a real BFF whose cockpit
 * client calls `cockpitApp.request` instead of the network.
 */
export interface BffHarness extends BffKeys {
  database: TestDatabase;
  cockpitApp: ReturnType<typeof createCockpitApp>;
  /** The cockpit's live-feed hub (one LISTEN), closed by `close()`. */
  events: EventHub;
  cockpit: CockpitConnection;
  app: BffApp;
  /** Another BFF on the same cockpit and keys, with some dependencies replaced. */
  createApp(overrides?: Partial<BffDependencies>): BffApp;
  /** Opens an embed session through the API and returns its widget token. */
  openSession(host: TestHost, email: string, businessUnitId: string): Promise<string>;
  close(): Promise<void>;
}

export interface BffHarnessOptions {
  /** The cockpit's clock (TOTP codes, step-ups, lock-outs); default the system's. */
  clock?: Clock;
}

export async function createBffHarness({ clock }: BffHarnessOptions = {}): Promise<BffHarness> {
  const keys = await createBffKeys();
  const database = await createTestDatabase({ seed: true });
  // On a server the cockpit runs as a restricted scc_app login, as in production.
  const runtime = await openRuntimeConnection(database, 'bff');
  const events = createEventHub(database.handle.db);
  const cockpitApp = createCockpitApp({
    db: runtime?.handle.db ?? database.handle.db,
    systemDb: database.handle.db,
    verifyServiceToken: serviceTokenVerifier([keys.serviceKey.publicJwk]),
    events,
    ...(clock ? { clock } : {}),
  });
  const cockpit: CockpitConnection = {
    baseUrl: COCKPIT_URL,
    serviceKey: keys.serviceKey,
    fetch: async (input, init) => cockpitApp.request(input, init),
  };
  const createApp = (overrides: Partial<BffDependencies> = {}) =>
    createBffApp({ hosts: keys.registry, tokens: keys.tokens, cockpit, ...overrides });
  const app = createApp();
  return {
    ...keys,
    database,
    cockpitApp,
    events,
    cockpit,
    app,
    createApp,
    async openSession(host, email, businessUnitId) {
      const res = await app.request(
        '/v1/embed-sessions',
        embedSessionInit(host.apiKey, { user: { email }, businessUnitId }),
      );
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as { token: string }).token;
    },
    async close() {
      try {
        await events.close();
        await runtime?.close();
      } finally {
        await database.drop();
      }
    },
  };
}

/** A widget call with a widget token, as the widget makes it: a JSON body when given, and extra headers. */
export function widgetRequest(
  app: Pick<BffApp, 'request'>,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return app.request(`/v1/widget${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export function embedSessionInit(apiKey: string | undefined, body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: {
      ...(apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` }),
      'content-type': 'application/json',
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/**
 * Asserts a problem+json answer with the given status and returns its body without the
 * `correlationId` naming this one request (checked to be its `x-request-id`), so that two answers
 * compare as a caller could compare them.
 */
export async function expectProblem(res: Response, status: number): Promise<ProblemBody> {
  expect(res.headers.get('content-type') ?? '').toMatch(/^application\/problem\+json\b/);
  const text = await comparableBody(res);
  expect(res.status, text).toBe(status);
  const body = JSON.parse(text) as ProblemBody;
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^https:\/\//);
  expect(typeof body.title).toBe('string');
  return body;
}

/** The fields a 400 names, in order. */
export async function expectValidationFields(res: Response): Promise<string[]> {
  const body = await expectProblem(res, 400);
  expect(body.errors?.length ?? 0).toBeGreaterThan(0);
  return (body.errors ?? []).map((e) => e.field);
}

const base64url = (value: string | Uint8Array) => Buffer.from(value).toString('base64url');

export function decodeSegment(token: string, index: 0 | 1): Record<string, unknown> {
  const segment = token.split('.')[index];
  if (segment === undefined) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export function encodeSegment(value: Record<string, unknown>): string {
  return base64url(JSON.stringify(value));
}
