import type { BusinessUnit, ItemsResponse, ProblemDetails, Session, Tenant } from './types.js';

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

  constructor(kind: BffErrorKind, problem: ProblemDetails, options?: { cause?: unknown }) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title, options);
    this.name = 'BffError';
    this.kind = kind;
    this.status = problem.status;
    this.title = problem.title;
    this.type = problem.type;
    this.detail = problem.detail;
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Small typed client for the BFF's view endpoints. Sends `Authorization: Bearer <token>`. */
export class BffClient {
  readonly #options: BffClientOptions;

  constructor(options: BffClientOptions) {
    this.#options = options;
  }

  get apiBase(): string {
    return this.#options.apiBase;
  }

  getSession(signal?: AbortSignal): Promise<Session> {
    return this.#request('/v1/widget/session', signal, (body) => {
      if (isRecord(body) && isRecord(body.user) && isRecord(body.businessUnit)) return body as unknown as Session;
      return undefined;
    });
  }

  async listBusinessUnits(signal?: AbortSignal): Promise<BusinessUnit[]> {
    return (await this.#request('/v1/widget/business-units', signal, itemsOf<BusinessUnit>)).items;
  }

  async listTenants(signal?: AbortSignal): Promise<Tenant[]> {
    return (await this.#request('/v1/widget/tenants', signal, itemsOf<Tenant>)).items;
  }

  /** Absolute URL for a BFF path. */
  url(path: string): string {
    return `${this.#options.apiBase.replace(/\/+$/, '')}${path}`;
  }

  async #request<T>(
    path: string,
    signal: AbortSignal | undefined,
    validate: (body: unknown) => T | undefined,
  ): Promise<T> {
    const token = await this.#options.getToken();
    let response = await this.#fetch(path, token, signal);
    if (response.status === 401) {
      // Drain the body so the connection can be reused, then retry once with a fresh token.
      await response.body?.cancel().catch(() => undefined);
      const fresh = await this.#options.refreshToken(token);
      response = await this.#fetch(path, fresh, signal);
    }
    if (!response.ok) throw await problemFrom(response);
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

  async #fetch(path: string, token: string, signal: AbortSignal | undefined): Promise<Response> {
    const doFetch = this.#options.fetch ?? globalThis.fetch;
    try {
      return await doFetch(this.url(path), {
        method: 'GET',
        headers: { Accept: `application/json, ${PROBLEM_JSON}`, Authorization: `Bearer ${token}` },
        credentials: 'omit',
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

function itemsOf<T>(body: unknown): ItemsResponse<T> | undefined {
  return isRecord(body) && Array.isArray(body.items) ? (body as unknown as ItemsResponse<T>) : undefined;
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
        return new BffError('http', problem);
      }
    } catch {
      // fall through to the generic problem
    }
  }
  return new BffError('http', fallback);
}
