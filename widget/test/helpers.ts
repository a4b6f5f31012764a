/**
 * Test helpers shared by the source tests and the bundle test. Nothing here imports the widget,
 * so the bundle test exercises only the built file.
 */
import type { Ancestor, BusinessUnit, BusinessUnitLevel, OperationRequest, Session, Tenant } from '../src/api/types.js';

// ---------------------------------------------------------------- assertions

export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function assert(condition: unknown, message = 'assertion failed'): asserts condition {
  if (!condition) throw new AssertionError(message);
}

const show = (value: unknown): string => {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
};

export function assertEqual<T>(actual: T, expected: T, message = ''): void {
  if (!Object.is(actual, expected)) {
    throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
  }
}

export function assertDeepEqual(actual: unknown, expected: unknown, message = ''): void {
  if (show(actual) !== show(expected)) {
    throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
  }
}

export function assertIncludes(haystack: string | null | undefined, needle: string, message = ''): void {
  if (!haystack?.includes(needle)) {
    throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(haystack)} to include ${show(needle)}`);
  }
}

export async function assertRejects(promise: Promise<unknown>, check?: (error: unknown) => void): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    check?.(error);
    return error;
  }
  throw new AssertionError('expected the promise to reject');
}

// ---------------------------------------------------------------- timing and DOM

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** Polls until `predicate` returns a truthy value, which is returned. */
export async function waitFor<T>(predicate: () => T, message = 'condition', timeout = 3000): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const value = predicate();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeout) throw new AssertionError(`timed out waiting for ${message}`);
    await sleep(10);
  }
}

const mounted: Element[] = [];

/** Parses `markup`, appends it to the body and returns its first element; removed by `cleanup()`. */
export function fixture<T extends Element = HTMLElement>(markup: string): T {
  const template = document.createElement('template');
  template.innerHTML = markup.trim();
  const element = template.content.firstElementChild;
  assert(element, 'fixture markup has no element');
  document.body.append(element);
  mounted.push(element);
  return element as T;
}

/** Appends an element created in code; removed by `cleanup()`. */
export function mount<T extends Element>(element: T, parent: Element = document.body): T {
  parent.append(element);
  mounted.push(element);
  return element;
}

export function cleanup(): void {
  for (const element of mounted.splice(0)) element.remove();
}

/** `querySelector` inside an element's shadow root. */
export function $<T extends Element = HTMLElement>(host: Element | null | undefined, selector: string): T | null {
  return host?.shadowRoot?.querySelector<T>(selector) ?? null;
}

export function $$<T extends Element = HTMLElement>(host: Element | null | undefined, selector: string): T[] {
  return [...(host?.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/** All matches in `root` and in every shadow root below it. */
export function deepQueryAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const out: T[] = [...root.querySelectorAll<T>(selector)];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) out.push(...deepQueryAll<T>(element.shadowRoot, selector));
  }
  return out;
}

export function deepQuery<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | undefined {
  return deepQueryAll<T>(root, selector)[0];
}

/** Visible text, whitespace collapsed, including shadow DOM. */
export function deepText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Sends a keydown as the browser would: from the focused element, bubbling and composed. */
export function press(target: Element, key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

/** The deepest focused element, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Resolves with the next `type` event on `target`. */
export function oneEvent<T extends Event = CustomEvent>(target: EventTarget, type: string, timeout = 3000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new AssertionError(`no ${type} event within ${timeout} ms`)), timeout);
    target.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event as T);
      },
      { once: true },
    );
  });
}

// ---------------------------------------------------------------- tokens

const base64url = (value: unknown): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');

/** An unsigned JWT-shaped token expiring `lifetimeSeconds` from now (the widget never verifies). */
export function makeToken(lifetimeSeconds = 600, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return [
    base64url({ alg: 'ES256', typ: 'JWT' }),
    base64url({ sub: 'user-1', iat: now, exp: now + lifetimeSeconds, ...claims }),
    'c2lnbmF0dXJl',
  ].join('.');
}

/** A `fetchToken` that hands out numbered tokens and counts its calls. */
export function tokenSource(lifetimeSeconds = 600): {
  fetchToken: () => Promise<string>;
  calls: number;
  issued: string[];
} {
  const source = {
    calls: 0,
    issued: [] as string[],
    fetchToken: async (): Promise<string> => {
      source.calls++;
      const token = makeToken(lifetimeSeconds, { n: source.calls });
      source.issued.push(token);
      return token;
    },
  };
  return source;
}

// ---------------------------------------------------------------- BFF fixtures and fetch stub

export const API_BASE = 'http://bff.test';

export const session: Session = {
  user: { id: 'u-1', email: 'ada@msp.example', displayName: 'Ada Operator' },
  businessUnit: { id: 'msp', name: 'MSP', kind: 'msp' },
  roles: ['operator'],
  brand: null,
  permissions: { order: true, terminate: true, restore: true, administer: false, audit: false, brand: false },
  assignments: [],
};

/** A unit of the fake BFF's flat hierarchy: the fake counts its children when it answers. */
export type UnitFixture = Omit<BusinessUnit, 'childCount'>;

/**
 * Pre-order, like the BFF sends it. The BFF orders siblings by an opaque path, so on purpose they
 * are NOT in name order here: the widget shows them sorted by name ("External customers",
 * "Internal systems", "Resellers"), and the tests expecting that order catch a missing sort.
 */
export const businessUnits: UnitFixture[] = [
  { id: 'msp', parentId: null, name: 'MSP', kind: 'msp', depth: 0 },
  { id: 'internal', parentId: 'msp', name: 'Internal systems', kind: 'division', depth: 1 },
  { id: 'critical', parentId: 'internal', name: 'Critical systems', kind: 'department', depth: 2 },
  { id: 'other-systems', parentId: 'internal', name: 'Other systems', kind: 'department', depth: 2 },
  { id: 'external', parentId: 'msp', name: 'External customers', kind: 'division', depth: 1 },
  { id: 'customer-one', parentId: 'external', name: 'External customer One', kind: 'customer', depth: 2 },
  { id: 'resellers', parentId: 'msp', name: 'Resellers', kind: 'division', depth: 1 },
  { id: 'reseller-one', parentId: 'resellers', name: 'Reseller One', kind: 'reseller', depth: 2 },
];

const tenant = (id: string, name: string, businessUnitId: string, extra: Partial<Tenant> = {}): Tenant => ({
  id,
  name,
  type: 'productive',
  lifecycleStatus: 'live',
  operationalStatus: 'up',
  businessUnitId,
  businessUnitName: businessUnits.find((u) => u.id === businessUnitId)?.name ?? businessUnitId,
  productId: 'p-backup',
  productName: 'Backup as a Service',
  createdAt: '2026-01-15T10:00:00Z',
  retainedUntil: null,
  allowedActions: ['terminate'],
  ...extra,
});

/** Not in name order either; the tenant table shows them sorted by name (see `tenantsByName`). */
export const tenants: Tenant[] = [
  tenant('t-msp', 'MSP Control', 'msp'),
  tenant('t-crit-prod', 'Critical PROD', 'critical'),
  tenant('t-crit-test', 'Critical TEST', 'critical', { type: 'test', operationalStatus: 'degraded' }),
  tenant('t-other', 'Other systems PROD', 'other-systems', { operationalStatus: 'maintenance' }),
  tenant('t-c1-prod', 'Customer One PROD', 'customer-one', { operationalStatus: 'down' }),
  tenant('t-r1-dev', 'Reseller One DEV', 'reseller-one', {
    type: 'development',
    lifecycleStatus: 'provisioning',
  }),
];

/** Ids of `tenants` in the order the tenant table shows them: by name. */
export const tenantsByName = ['t-crit-prod', 't-crit-test', 't-c1-prod', 't-msp', 't-other', 't-r1-dev'];

export interface RecordedRequest {
  url: string;
  /** The query, `?…` or empty. */
  search: string;
  signal?: AbortSignal | undefined;
  path: string;
  method: string;
  authorization: string | null;
  /** The query parameters of `url`. */
  query: URLSearchParams;
  headers: Headers;
  /** The parsed JSON body, if any. */
  body: unknown;
}

export type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const problem = (status: number, title: string, detail?: string): Response =>
  new Response(JSON.stringify({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

const byName = (a: UnitFixture, b: UnitFixture) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The caller's unit down to `id`, as `GET …/ancestors` answers. */
export function pathTo(units: readonly UnitFixture[], id: string): Ancestor[] {
  const path: Ancestor[] = [];
  for (let unit = units.find((u) => u.id === id); unit; unit = units.find((u) => u.id === unit?.parentId)) {
    path.unshift({ id: unit.id, name: unit.name, kind: unit.kind });
  }
  return path;
}

/** A unit as the BFF answers it, with the number of its children in `units`. */
export function counted(units: readonly UnitFixture[], unit: UnitFixture): BusinessUnit {
  return { ...unit, childCount: units.filter((c) => c.parentId === unit.id).length };
}

/** What the BFF answers for a level (`parentId`), a search (`q`) or the root, from a flat fixture. */
export function levelOf(units: readonly UnitFixture[], query: URLSearchParams): BusinessUnitLevel {
  const q = query.get('q');
  if (q) {
    const found = units.filter((u) => u.name.toLowerCase().includes(q.toLowerCase())).sort(byName);
    return {
      items: found.map((u) => ({ ...counted(units, u), ancestors: pathTo(units, u.id).slice(0, -1) })),
      nextCursor: null,
    };
  }
  const parentId = query.get('parentId');
  const level = units.filter((u) => u.parentId === parentId).sort(byName);
  return { items: level.map((u) => counted(units, u)), nextCursor: null };
}

function tenantsUnder(units: readonly UnitFixture[], all: readonly Tenant[], id: string | null): Tenant[] {
  if (!id) return [...all];
  const inside = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && inside.has(unit.parentId) && !inside.has(unit.id)) {
        inside.add(unit.id);
        grew = true;
      }
    }
  }
  return all.filter((t) => inside.has(t.businessUnitId));
}
const HIDDEN_BY_DEFAULT = new Set(['decommissioning', 'retained', 'archived', 'deleted']);
const SORT_KEYS: Record<string, (t: Tenant) => string> = {
  name: (t) => t.name,
  type: (t) => t.type,
  lifecycle: (t) => t.lifecycleStatus,
  status: (t) => t.operationalStatus,
  businessUnit: (t) => t.businessUnitName,
};

/**
 * One page as the BFF answers `GET /v1/widget/tenants`: filtered, sorted (id breaks ties), cut at
 * `limit` after the cursor, which here is simply the offset; `total` capped at 10,000 like the server.
 */
export function tenantPageOf(all: readonly Tenant[], query: URLSearchParams) {
  const lifecycle = query.get('lifecycle');
  const q = query.get('q')?.toLowerCase();
  const key = SORT_KEYS[query.get('sort') ?? 'name'] ?? ((t: Tenant) => t.name);
  const sign = query.get('order') === 'desc' ? -1 : 1;
  const matching = all
    .filter((t) =>
      lifecycle ? lifecycle === 'all' || t.lifecycleStatus === lifecycle : !HIDDEN_BY_DEFAULT.has(t.lifecycleStatus),
    )
    .filter((t) => !query.get('type') || t.type === query.get('type'))
    .filter((t) => !query.get('status') || t.operationalStatus === query.get('status'))
    .filter((t) => !q || t.name.toLowerCase().includes(q))
    .sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const start = Number(query.get('cursor') ?? 0);
  const limit = Number(query.get('limit') ?? 50);
  const end = start + limit;
  return {
    items: matching.slice(start, end),
    nextCursor: end < matching.length ? String(end) : null,
    total: Math.min(matching.length, 10_000),
    totalCapped: matching.length > 10_000,
  };
}

/**
 * A `text/event-stream` response that sends `chunks` and then stays open until `signal` aborts
 * (or ends at once with `end: true`).
 */
export function sseResponse(chunks: string[], signal?: AbortSignal, end = false): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (end) controller.close();
      else signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

export const operationRequest = (id: string, extra: Partial<OperationRequest> = {}): OperationRequest => ({
  id,
  kind: 'order',
  state: 'queued',
  progress: 0,
  step: null,
  businessUnitId: 'critical',
  tenantId: null,
  productId: 'p-backup',
  draft: { kind: 'order', name: 'Critical TEST 2', type: 'test' },
  determinations: {},
  validations: [],
  chargeable: false,
  requestedBy: { userId: 'u-1', email: 'ada@msp.example' },
  error: null,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  finishedAt: null,
  retainedUntil: null,
  allowedActions: ['cancel'],
  ...extra,
});

export interface FetchStub {
  requests: RecordedRequest[];
  /** Requests for one path, whatever their query; with a `?…` only those with exactly that query. */
  requestsTo(path: string): RecordedRequest[];
  /** Loads of the customer's tenant list (not the pending panel's `?lifecycle=all` of terminated ones). */
  tenantListLoads(): RecordedRequest[];
  /** Replace the handler of a path; `once` handlers apply to the next request only. */
  on(path: string, handler: Handler, options?: { once?: boolean }): void;
  /** Holds every response until `release()` is called. */
  hold(): void;
  release(): void;
  restore(): void;
}

/**
 * Replaces `window.fetch` with a fake BFF serving the fixtures above. Unknown paths answer 404.
 * Requests without a Bearer token answer 401, like the real BFF.
 */
export function stubFetch(
  data: { session?: Session; businessUnits?: UnitFixture[]; tenants?: Tenant[] } = {},
): FetchStub {
  const original = window.fetch;
  const requests: RecordedRequest[] = [];
  const units = data.businessUnits ?? businessUnits;
  const allTenants = data.tenants ?? tenants;
  const handlers = new Map<string, Handler>([
    ['/v1/widget/session', () => json(data.session ?? session)],
    ['/v1/widget/business-units', (request) => json(levelOf(units, request.query))],
    [
      '/v1/widget/tenants',
      (request) =>
        json(tenantPageOf(tenantsUnder(units, allTenants, request.query.get('businessUnitId')), request.query)),
    ],
    ['/v1/widget/operation-requests', () => json({ items: [] })],
    ['/v1/widget/alerts', () => json({ items: [], nextCursor: null, unread: 0 })],
    ['/v1/widget/approvals', () => json({ items: [], nextCursor: null })],
    // Nothing live by default: an empty stream that stays open until the widget goes away.
    ['/v1/widget/events', (request) => sseResponse([], request.signal)],
  ]);
  for (const unit of units) {
    handlers.set(`/v1/widget/business-units/${unit.id}`, () => json(counted(units, unit)));
    handlers.set(`/v1/widget/business-units/${unit.id}/ancestors`, () => json({ items: pathTo(units, unit.id) }));
  }
  const onceHandlers = new Map<string, Handler[]>();
  let gate: Promise<void> | undefined;
  let open: (() => void) | undefined;

  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    const { pathname: path, search } = new URL(url, location.href);
    const request: RecordedRequest = {
      url,
      search,
      path,
      method: init?.method ?? 'GET',
      authorization: headers.get('authorization'),
      query: new URL(url, location.href).searchParams,
      headers,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    const signal = init?.signal ?? undefined;
    request.signal = signal;
    requests.push(request);
    if (gate) await gate;
    if (signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    if (!request.authorization?.startsWith('Bearer ')) return problem(401, 'Unauthorized');
    const queued = onceHandlers.get(path);
    const handler = queued?.shift() ?? handlers.get(path);
    return handler ? handler(request) : problem(404, 'Not Found');
  };

  return {
    requests,
    requestsTo: (path) => requests.filter((r) => (path.includes('?') ? r.path + r.search : r.path) === path),
    tenantListLoads: () => requests.filter((r) => r.path === '/v1/widget/tenants' && !r.query.has('lifecycle')),
    on(path, handler, options) {
      if (options?.once) onceHandlers.set(path, [...(onceHandlers.get(path) ?? []), handler]);
      else handlers.set(path, handler);
    },
    hold() {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    release() {
      open?.();
      gate = undefined;
    },
    restore() {
      open?.();
      window.fetch = original;
    },
  };
}

/** The event stream the widget opens next stays open; `push` sends it raw SSE text once it is open. */
export function liveStream(stub: FetchStub): { push: (chunk: string) => void; readonly opened: boolean } {
  let push: ((chunk: string) => void) | undefined;
  stub.on('/v1/widget/events', (request) => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (chunk) => controller.enqueue(encoder.encode(chunk));
        request.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  });
  return {
    push: (chunk) => push?.(chunk),
    get opened() {
      return push !== undefined;
    },
  };
}
