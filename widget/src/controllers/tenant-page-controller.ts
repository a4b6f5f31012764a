import type { ReactiveControllerHost } from 'lit';
import type { BffClient } from '../api/bff-client.js';
import type { Tenant, TenantPage, TenantQuery } from '../api/types.js';

/** Where the first page of the current query stands: none asked for yet (no client), loading, shown or failed. */
export type TenantPageStatus = 'initial' | 'pending' | 'complete' | 'error';

/** Lifecycle states the server leaves out of the list unless asked for them. */
const HIDDEN_LIFECYCLES = new Set(['decommissioning', 'retained', 'archived', 'deleted']);

export interface TenantPageControllerOptions {
  /** The client to ask; none yet: nothing loads. */
  client: () => BffClient | undefined;
  /** The query of the first page (without cursor and limit). */
  query: () => TenantQuery;
  /** Page size (1–200). */
  limit?: number;
  /** A first page the host already holds for this query (by its JSON key), used instead of asking. */
  prefetched?: (key: string) => TenantPage | undefined;
  /** The shown tenants changed. */
  onChange?: () => void;
}

/** Live updates of tenants not listed arrive in bursts (an import, a batch); one refresh serves a burst. */
const BURST_MS = 150;

/**
 * The server's tenant pages for one query: the first page loads again (aborting the one before)
 * whenever the client or the query changes; "load more" appends the next keyset page; the live
 * stream updates rows in place.
 */
export class TenantPageController {
  readonly #host: ReactiveControllerHost;
  readonly #options: TenantPageControllerOptions;
  #status: TenantPageStatus = 'initial';
  #page: TenantPage | undefined;
  #error: unknown;
  /** The client and query key of the first page asked for last, to notice when either changes. */
  #asked: [BffClient | undefined, string] | undefined;
  #loadingFirst: AbortController | undefined;
  #firstLoaded: Promise<void> = Promise.resolve();
  /** Pages after the first, appended by `loadMore`, dropped when the first page loads again. */
  #more: Tenant[] = [];
  #nextCursor: string | null = null;
  #loadingMore: AbortController | undefined;
  /** Stream updates of rows already listed, by id. */
  #updates = new Map<string, Tenant>();
  #burst: ReturnType<typeof setTimeout> | undefined;
  /**
   * A live update came while the first page was loading: the page may have been read before the
   * change it reports, so the page loads once more when it is in (a read begun after an event
   * holds that event's change; the stream sends it after the commit).
   */
  #changedWhileLoading = false;

  constructor(host: ReactiveControllerHost, options: TenantPageControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController({
      hostUpdate: () => {
        const asked: [BffClient | undefined, string] = [options.client(), JSON.stringify(options.query())];
        if (this.#asked?.[0] !== asked[0] || this.#asked?.[1] !== asked[1]) {
          this.#asked = asked;
          void this.#loadFirst();
        }
      },
      hostDisconnected: () => this.#loadingFirst?.abort(),
    });
  }

  #loadFirst(): Promise<void> {
    this.#loadingFirst?.abort();
    const [client, key] = this.#asked ?? [];
    if (!client || key === undefined) return Promise.resolve();
    const abort = new AbortController();
    this.#loadingFirst = abort;
    this.#loadingMore?.abort();
    this.#status = 'pending';
    this.#host.requestUpdate();
    this.#firstLoaded = (async () => {
      try {
        const page =
          this.#options.prefetched?.(key) ??
          (await client.listTenants({ ...(JSON.parse(key) as TenantQuery), limit: this.#limit }, abort.signal));
        if (abort.signal.aborted) return;
        this.#page = page;
        this.#more = [];
        this.#updates.clear();
        this.#nextCursor = page.nextCursor;
        this.#status = 'complete';
        queueMicrotask(() => this.#options.onChange?.());
        if (this.#changedWhileLoading) {
          this.#changedWhileLoading = false;
          queueMicrotask(() => void this.refresh());
        }
      } catch (error) {
        if (abort.signal.aborted) return;
        this.#error = error;
        this.#status = 'error';
      } finally {
        if (this.#loadingFirst === abort) this.#loadingFirst = undefined;
        this.#host.requestUpdate();
      }
    })();
    return this.#firstLoaded;
  }

  get #limit(): number {
    return this.#options.limit ?? 50;
  }

  /** `initial` (no client), `pending`, `complete` or `error`, of the first page. */
  get status(): TenantPageStatus {
    return this.#status;
  }

  /** Settles when the first page of the current query has loaded or failed. */
  get loaded(): Promise<void> {
    return this.#firstLoaded;
  }

  get error(): unknown {
    return this.#error;
  }

  /** The tenants loaded so far, in the server's order, with live updates applied. */
  get tenants(): Tenant[] {
    const listed = [...(this.#page?.items ?? []), ...this.#more];
    const query = this.#options.query();
    return listed
      .map((tenant) => this.#updates.get(tenant.id) ?? tenant)
      .filter((tenant) => query.lifecycle === 'all' || !HIDDEN_LIFECYCLES.has(tenant.lifecycleStatus));
  }

  get total(): number {
    return this.#page?.total ?? 0;
  }

  get totalCapped(): boolean {
    return this.#page?.totalCapped ?? false;
  }

  get hasMore(): boolean {
    return this.#nextCursor !== null;
  }

  get loadingMore(): boolean {
    return this.#loadingMore !== undefined;
  }

  /** Appends the next page; a failure leaves what is shown and may be retried. */
  async loadMore(): Promise<void> {
    const client = this.#options.client();
    const cursor = this.#nextCursor;
    if (!client || cursor === null || this.#loadingMore) return;
    const abort = new AbortController();
    this.#loadingMore = abort;
    this.#host.requestUpdate();
    try {
      const page = await client.listTenants({ ...this.#options.query(), limit: this.#limit, cursor }, abort.signal);
      if (abort.signal.aborted) return;
      const seen = new Set(this.tenants.map((t) => t.id));
      this.#more = [...this.#more, ...page.items.filter((t) => !seen.has(t.id))];
      this.#nextCursor = page.nextCursor;
      this.#options.onChange?.();
    } finally {
      if (this.#loadingMore === abort) this.#loadingMore = undefined;
      this.#host.requestUpdate();
    }
  }

  /** Drops a refresh a burst of live updates scheduled (the host leaves the page). */
  stop(): void {
    clearTimeout(this.#burst);
    this.#burst = undefined;
  }

  /** Loads the first page again (after an operation changed the list). */
  refresh(): Promise<unknown> {
    return this.#loadFirst();
  }

  /**
   * A tenant changed (live stream): a listed row updates in place or leaves; one not listed may
   * belong on this page, which only the server can say, so the first page loads again: once for
   * a whole burst of them.
   */
  apply(tenant: Tenant): void {
    if (this.#loadingFirst) this.#changedWhileLoading = true;
    const listed = [...(this.#page?.items ?? []), ...this.#more].some((t) => t.id === tenant.id);
    if (!listed) {
      this.#burst ??= setTimeout(() => {
        this.#burst = undefined;
        void this.refresh();
      }, BURST_MS);
      return;
    }
    const previous = this.#updates.get(tenant.id);
    // The stream sends the cockpit's tenant; keep what only the page carries when it lacks it.
    const base = previous ?? this.tenants.find((t) => t.id === tenant.id);
    this.#updates.set(tenant.id, { ...base, ...tenant } as Tenant);
    this.#host.requestUpdate();
    this.#options.onChange?.();
  }
}
