import type {
  Ancestor,
  BusinessUnit,
  BusinessUnitLevel,
  ProblemDetails,
  Session,
  TenantPage,
  TenantQuery,
  UnitBrand,
} from './types.js';

/**
 * Why a BFF call failed. `http`: the BFF answered >= 400; `network`: fetch rejected;
 * `invalid`: unexpected body; `token`: the host's `fetchToken` failed; `config`: the widget
 * is missing `fetchToken`.
 */
export type BffErrorKind = 'http' | 'network' | 'invalid' | 'token' | 'config';

/**
 * A failed BFF call. For HTTP errors, `status`, `title`, `type` and `detail` come from the
 * `application/problem+json` body when there is one. Network failures have `status` 0.
 */
export class BffError extends Error {
  readonly kind: BffErrorKind;
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly detail: string | undefined;
  /** What failed, field by field or rule by rule (validation and rejected operation requests). */
  readonly errors: NonNullable<ProblemDetails['errors']>;

  constructor(kind: BffErrorKind, problem: ProblemDetails, options?: { cause?: unknown }) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title, options);
    this.name = 'BffError';
    this.kind = kind;
    this.status = problem.status;
    this.title = problem.title;
    this.type = problem.type;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
  }

  /** The message for one named field (`body.name`), if the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }

  /** True when retrying later may help (network failure, 502/503/504). */
  get retryable(): boolean {
    return this.kind === 'network' || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

export interface BffClientOptions {
  /** Base URL of the BFF, e.g. `http://localhost:4020`. Empty means same origin. */
  apiBase: string;
  /** Returns a currently valid token (cached or freshly fetched). */
  getToken: () => Promise<string>;
  /**
   * Called after a 401 with the token that was rejected; returns a new token.
   * Implementations should not fetch again when the token was already replaced meanwhile.
   */
  refreshToken: (rejected: string) => Promise<string>;
  /** Defaults to the global `fetch`, looked up on every call. */
  fetch?: typeof fetch;
}

const PROBLEM_JSON = 'application/problem+json';

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Small typed client for the BFF's view endpoints. Sends `Authorization: Bearer <token>`. The calls
 * only the admin screens or the tenant operations make come with their chunks (`admin-calls.ts`,
 * `operation-calls.ts`), which add them to this class when they load.
 */
export class BffClient {
  readonly #options: BffClientOptions;

  constructor(options: BffClientOptions) {
    this.#options = options;
  }

  get apiBase(): string {
    return this.#options.apiBase;
  }

  getSession(signal?: AbortSignal): Promise<Session> {
    return this.request('/v1/widget/session', { signal }, (body) => {
      if (isRecord(body) && isRecord(body.user) && isRecord(body.businessUnit)) return body as unknown as Session;
      return undefined;
    });
  }

  /**
   * One page of the tenants of `businessUnitId` and its descendants (default: the caller's whole
   * subtree), sorted and filtered on the server; `nextCursor` asks for the next page of the same
   * query. Without `lifecycle` decommissioned tenants are hidden; `all` shows them.
   */
  listTenants(tenantQuery: TenantQuery = {}, signal?: AbortSignal): Promise<TenantPage> {
    const params = Object.fromEntries(
      Object.entries(tenantQuery).map(([name, value]) => [name, value === undefined ? undefined : String(value)]),
    );
    return this.request(`/v1/widget/tenants${query(params)}`, { signal }, tenantPage);
  }

  /** One tree level: the caller's own unit (no `parentId`) or a page of a unit's children, by name. */
  listBusinessUnitLevel(
    parentId: string | undefined,
    cursor?: string,
    signal?: AbortSignal,
  ): Promise<BusinessUnitLevel> {
    return this.request(`/v1/widget/business-units${query({ parentId, cursor })}`, { signal }, pageOf<BusinessUnit>);
  }

  /** Units of the subtree whose name contains `q`, each with its `ancestors`. */
  async searchBusinessUnits(q: string, signal?: AbortSignal): Promise<BusinessUnit[]> {
    return (await this.request(`/v1/widget/business-units${query({ q })}`, { signal }, itemsOf<BusinessUnit>)).items;
  }

  /** The caller's unit down to `id` inclusive. */
  async getAncestors(id: string, signal?: AbortSignal): Promise<Ancestor[]> {
    const path = `/v1/widget/business-units/${encodeURIComponent(id)}/ancestors`;
    return (await this.request(path, { signal }, itemsOf<Ancestor>)).items;
  }

  /** A unit's own and effective brand (the shell asks again after an admin changed one). */
  getBrand(id: string, signal?: AbortSignal): Promise<UnitBrand> {
    return this.request(`/v1/widget/business-units/${encodeURIComponent(id)}/brand`, { signal }, record<UnitBrand>);
  }

  /**
   * The logo of the brand unit `id` shows, as the image bytes. Fetched with the widget token like
   * every call (an `<img src>` could not send it), so a unit outside the caller's subtree answers
   * 404; `sha256` (the brand names it) makes the answer cacheable for good.
   */
  async getBrandLogo(id: string, sha256: string, signal?: AbortSignal): Promise<Blob> {
    const path = `/v1/widget/business-units/${encodeURIComponent(id)}/logo${query({ v: sha256 })}`;
    const response = await this.send(path, { signal, headers: { Accept: `image/*, ${PROBLEM_JSON}` } });
    if (!response.ok) throw await problemFrom(response);
    return response.blob();
  }

  /** Absolute URL for a BFF path. */
  url(path: string): string {
    return `${this.#options.apiBase.replace(/\/+$/, '')}${path}`;
  }

  /**
   * One call whose JSON answer `validate` accepts (`undefined`: an unexpected shape). Public for the
   * calls the lazy chunks add to this class (`admin-calls.ts`, `operation-calls.ts`).
   */
  async request<T>(path: string, options: RequestOptions, validate: (body: unknown) => T | undefined): Promise<T> {
    const response = await this.send(path, options);
    if (!response.ok) throw await problemFrom(response);
    if (response.status === 204) return validate(undefined) as T;
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw invalid(response.status, 'The response is not valid JSON', cause);
    }
    const value = validate(body);
    if (value === undefined) throw invalid(response.status, `Unexpected response shape from ${path}`);
    return value;
  }

  /**
   * Sends one authenticated request and returns the raw response (any status). On 401 it
   * refreshes the token once and retries once. Streaming callers read the body themselves.
   */
  async send(path: string, options: RequestOptions = {}): Promise<Response> {
    const token = await this.#options.getToken();
    const response = await this.#fetch(path, token, options);
    if (response.status !== 401) return response;
    // Drain the body so the connection can be reused, then retry once with a fresh token.
    await response.body?.cancel().catch(() => undefined);
    return this.#fetch(path, await this.#options.refreshToken(token), options);
  }

  async #fetch(
    path: string,
    token: string,
    { signal, method = 'GET', body, headers }: RequestOptions,
  ): Promise<Response> {
    const doFetch = this.#options.fetch ?? globalThis.fetch;
    try {
      return await doFetch(this.url(path), {
        method,
        headers: {
          Accept: `application/json, ${PROBLEM_JSON}`,
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        credentials: 'omit',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal ? { signal } : {}),
      });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new BffError(
        'network',
        {
          type: 'about:blank',
          title: 'Network error',
          status: 0,
          detail: cause instanceof Error ? cause.message : String(cause),
        },
        { cause },
      );
    }
  }
}

/** `?a=1&b=2` of the defined values, or nothing. */
export function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function record<T>(body: unknown): T | undefined {
  return isRecord(body) ? (body as T) : undefined;
}

export function pageOf<T>(body: unknown): { items: T[]; nextCursor: string | null } | undefined {
  return isRecord(body) && Array.isArray(body.items)
    ? { items: body.items as T[], nextCursor: typeof body.nextCursor === 'string' ? body.nextCursor : null }
    : undefined;
}

function tenantPage(body: unknown): TenantPage | undefined {
  return isRecord(body) && Array.isArray(body.items) && typeof body.total === 'number'
    ? (body as unknown as TenantPage)
    : undefined;
}

export function itemsOf<T>(body: unknown): { items: T[] } | undefined {
  return isRecord(body) && Array.isArray(body.items) ? (body as { items: T[] }) : undefined;
}

function invalid(status: number, detail: string, cause?: unknown): BffError {
  return new BffError('invalid', { type: 'about:blank', title: 'Invalid response', status, detail }, { cause });
}

/** Turns an error response into a BffError, reading problem+json (or plain JSON) when present. */
export async function problemFrom(response: Response): Promise<BffError> {
  const fallback: ProblemDetails = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
  };
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes(PROBLEM_JSON) || contentType.includes('application/json')) {
    try {
      const body: unknown = await response.json();
      if (isRecord(body)) {
        const problem: ProblemDetails = {
          type: typeof body.type === 'string' ? body.type : fallback.type,
          title: typeof body.title === 'string' && body.title ? body.title : fallback.title,
          status: response.status,
        };
        if (typeof body.detail === 'string') problem.detail = body.detail;
        if (Array.isArray(body.errors)) {
          problem.errors = body.errors.filter(
            (e): e is NonNullable<ProblemDetails['errors']>[number] =>
              isRecord(e) &&
              typeof e.message === 'string' &&
              typeof e.field === 'string' &&
              (e.rule === undefined || typeof e.rule === 'string'),
          );
        }
        return new BffError('http', problem);
      }
    } catch {
      // fall through to the generic problem
    }
  }
  return new BffError('http', fallback);
}
