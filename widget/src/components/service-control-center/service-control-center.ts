import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { BffClient, BffError } from '../../api/bff-client.js';
import type {
  BusinessUnit,
  BusinessUnitLevel,
  BusinessUnitRef,
  OperationRequest,
  Session,
  Tenant,
  UserRole,
} from '../../api/types.js';
import { EventStreamController } from '../../controllers/event-stream-controller.js';
import {
  type FetchToken,
  MissingFetchTokenError,
  SessionTokenController,
} from '../../controllers/session-token-controller.js';
import { WidgetPartsController } from '../../controllers/widget-parts-controller.js';
import type { SccBusinessUnitChangeEvent } from '../../events/scc-business-unit-change.js';
import {
  createBusinessUnitSelectEvent,
  type SccBusinessUnitSelectEvent,
} from '../../events/scc-business-unit-select.js';
import { createErrorEvent, type SccErrorDetail } from '../../events/scc-error.js';
import { createReadyEvent } from '../../events/scc-ready.js';
import type { SccTenantTerminateEvent } from '../../events/scc-tenant-terminate.js';
import { type Messages, messagesFor, resolveLocale } from '../../i18n/index.js';
import { type WidgetPart, widgetParts } from '../../lazy/parts.js';
import { baseReset, sharedStyles } from '../../styles/shared.styles.js';
import { rolesOn } from '../../utils/roles.js';
import type { ServerSentEvent } from '../../utils/sse.js';
import type { SccBusinessUnitTree } from '../business-unit-tree/business-unit-tree.js';
import { serviceControlCenterStyles } from './service-control-center.styles.js';

/** Beyond this many unnamed units, the tenant table waits for the tree to name them. */
const NAME_LOOKUPS = 20;

export type ServiceControlCenterStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Lifecycle states in which a tenant no longer shows in the customer's list. */
const HIDDEN_LIFECYCLES = new Set(['decommissioning', 'retained', 'archived', 'deleted']);

const logo = html`<svg viewBox="0 0 24 24" aria-hidden="true">
  <path d="M4 6.5h16M4 12h16M4 17.5h16" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
  <circle cx="8" cy="6.5" r="1.6" fill="currentColor" /><circle cx="15" cy="12" r="1.6" fill="currentColor" /><circle cx="10" cy="17.5" r="1.6" fill="currentColor" />
</svg>`;

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

function toBffError(error: unknown): BffError {
  if (error instanceof BffError) return error;
  if (error instanceof MissingFetchTokenError) {
    return new BffError('config', { type: 'about:blank', title: 'Not configured', status: 0, detail: error.message });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new BffError(
    'token',
    { type: 'about:blank', title: 'Session token unavailable', status: 0, detail },
    { cause: error },
  );
}

/**
 * The embeddable Service Control Center: the caller's business-unit hierarchy and its tenants.
 *
 * ```html
 * <service-control-center api-base="https://bff.example.com"></service-control-center>
 * <script type="module">
 *   document.querySelector('service-control-center').fetchToken = () => myBackend.embedToken();
 * </script>
 * ```
 *
 * @tag service-control-center
 *
 * @event scc-ready - Data has loaded. `detail` is the session (`{ user, businessUnit, roles }`).
 * @event scc-error - Loading failed. `detail` is `{ status, title }` (`status` 0: network/configuration).
 * @event scc-business-unit-select - The user selected a business unit. `detail` is `{ businessUnitId, path? }`.
 * @event scc-business-unit-change - An admin created, changed, moved or deleted a business unit.
 * @event scc-operation-request-submit - An order, termination or restore was accepted. `detail` is `{ request }`.
 * @event scc-operation-request-cancel - The user cancelled a request. `detail` is `{ request }`.
 * @event scc-operation-request-complete - A pending request reached an end state. `detail` is `{ request }`.
 *
 * @csspart base - The outer frame.
 * @csspart header - The header with business unit and user.
 * @csspart sidebar - The region holding the business-unit tree.
 * @csspart main - The region holding the tenant table.
 * @csspart tree - The `role="tree"` list.
 * @csspart tree-item - Each tree item (`data-business-unit-id`).
 * @csspart tree-item-row - The visible row of a tree item.
 * @csspart tree-item-row-selected - The row of the selected tree item.
 * @csspart tree-count - Tenant count of a tree item.
 * @csspart tree-load-more - "Load more" of a long tree level.
 * @csspart search - The name search box.
 * @csspart search-result - Each search result.
 * @csspart breadcrumbs - The path of the selected unit above the tenants.
 * @csspart admin - The admin panel (only for callers holding admin).
 * @csspart tenants - The tenant `<table>`.
 * @csspart tenant-row - Each tenant row (`data-tenant-id`).
 * @csspart status-badge - Operational-status badge.
 * @csspart empty - The empty-state panel.
 * @csspart state - The loading and error panels, and the note while the admin screens or operations load.
 * @csspart retry-button - The retry button of the error state.
 * @csspart order-button - Opens the "order tenant" form.
 * @csspart terminate-button - "Request termination" of a tenant row.
 * @csspart dialog - The order and termination dialogs.
 * @csspart pending - The pending-requests panel.
 * @csspart request - Each pending request; `progress` its bar; `cancel-button`, `restore-button` its actions.
 *
 * @cssproperty --scc-font-family - Font stack.
 * @cssproperty --scc-font-size - Base font size (default 14px).
 * @cssproperty --scc-color-primary - Brand colour: selection, buttons, logo.
 * @cssproperty --scc-color-on-primary - Text on the brand colour.
 * @cssproperty --scc-color-surface - Background.
 * @cssproperty --scc-color-text - Text colour.
 * @cssproperty --scc-color-muted - Secondary text.
 * @cssproperty --scc-color-border - Lines and frames.
 * @cssproperty --scc-color-danger - "down" status, errors.
 * @cssproperty --scc-color-warning - "degraded" status.
 * @cssproperty --scc-color-success - "up" status.
 * @cssproperty --scc-radius - Corner radius (default 8px).
 * @cssproperty --scc-space - Spacing unit (default 8px).
 */
export class ServiceControlCenter extends LitElement {
  /**
   * Loads a part only some callers need (the admin screens, the tenant operations), which
   * registers its elements. A subclass may load them differently (tests make them fail).
   */
  static loadPart(part: WidgetPart): Promise<unknown> {
    return widgetParts[part]();
  }

  static override styles = [...sharedStyles, baseReset, serviceControlCenterStyles];

  static override properties = {
    apiBase: { attribute: 'api-base' },
    fetchToken: { attribute: false },
    locale: {},
    _status: { state: true },
    _session: { state: true },
    _tenants: { state: true },
    _path: { state: true },
    _names: { state: true },
    _assignments: { state: true },
    _selectedId: { state: true },
    _error: { state: true },
    _reconnecting: { state: true },
  };

  /** Base URL of the BFF, e.g. `http://localhost:4020` (attribute `api-base`). Empty: same origin. */
  declare apiBase: string | undefined;
  /** Supplied by the host: resolves to a short-lived embed session token (ES256 JWT). */
  declare fetchToken: FetchToken | undefined;
  /** BCP 47 locale for the UI (`en`, `de`); defaults to `navigator.language`. */
  declare locale: string | undefined;

  declare _status: ServiceControlCenterStatus;
  declare _session: Session | undefined;
  declare _tenants: Tenant[];
  /** Breadcrumbs: the caller's unit down to the selected one. */
  declare _path: BusinessUnitRef[];
  /** Names of every unit seen so far (tree levels, search results, breadcrumbs), for the tenant table. */
  declare _names: ReadonlyMap<string, string>;
  /** The caller's own role assignments inside its subtree (roles below its acting unit). */
  declare _assignments: UserRole[];
  declare _selectedId: string | undefined;
  declare _error: BffError | undefined;
  declare _reconnecting: boolean;

  readonly #tokens = new SessionTokenController(this, {
    fetchToken: () => this.fetchToken,
  });
  readonly #events = new EventStreamController(this, {
    onEvent: (event) => this.#onStreamEvent(event),
    onStatus: (open) => {
      this._reconnecting = !open && this._status === 'ready';
    },
  });
  readonly #parts = new WidgetPartsController<WidgetPart>(this, {
    load: (part) => (this.constructor as typeof ServiceControlCenter).loadPart(part),
    onFailure: (_part, error) => void this.#onPartFailure(error),
  });
  #abort: AbortController | undefined;
  #selectionAbort: AbortController | undefined;
  #tenantRefresh: Promise<void> | undefined;
  #resumeOnConnect = false;
  #client: BffClient | undefined;
  #roots: BusinessUnitLevel | undefined;

  constructor() {
    super();
    this._status = 'idle';
    this._tenants = [];
    this._path = [];
    this._names = new Map();
    this._assignments = [];
    this._reconnecting = false;
  }

  /** `idle` (waiting for `fetchToken`), `loading`, `ready` or `error`. */
  get status(): ServiceControlCenterStatus {
    return this._status;
  }

  /** The caller's session, once loaded. */
  get session(): Session | undefined {
    return this._session;
  }

  /** The business unit whose tenants are listed. */
  get selectedBusinessUnitId(): string | undefined {
    return this._selectedId;
  }

  /** The last loading error, if the widget is in the error state. */
  get error(): BffError | undefined {
    return this._error;
  }

  /** The token controller (exposed for diagnostics and tests). */
  get tokenController(): SessionTokenController {
    return this.#tokens;
  }

  /** Fetches session, business units and tenants again. Resolves when done (also on failure). */
  reload(): Promise<void> {
    return this.#load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#resumeOnConnect) {
      this.#resumeOnConnect = false;
      void this.#load();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#abort) {
      this.#abort.abort();
      this.#abort = undefined;
      this.#resumeOnConnect = true;
    }
  }

  /** The BFF client of the current configuration (for the admin screens and tests). */
  get client(): BffClient | undefined {
    return this.#client;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('fetchToken') || changed.has('apiBase')) && this.fetchToken) {
      // A new token source or BFF invalidates the cached token; then (re)load with the new configuration.
      if (changed.get('fetchToken') !== undefined || changed.get('apiBase') !== undefined) this.#tokens.reset();
      void this.#load();
    }
    if (this._status === 'ready') {
      const roles = this.#roles();
      if (roles.includes('admin')) this.#parts.ensure('admin');
      if (roles.includes('operator')) this.#parts.ensure('operations');
    }
  }

  /** Roles the caller holds on the selected unit. */
  #roles(): string[] {
    return rolesOn(this._path, this._session?.roles ?? [], this._assignments);
  }

  /** A part that cannot be loaded (offline, a redeployed BFF) puts the widget in its error state, with retry. */
  async #onPartFailure(cause: unknown): Promise<void> {
    if (this.#abort) {
      // A reload is under way; once ready it asks for the part again.
      this.#parts.forgetFailures();
      return;
    }
    const detail = cause instanceof Error ? cause.message : String(cause);
    const error = new BffError(
      'network',
      { type: 'about:blank', title: 'Widget part unavailable', status: 0, detail },
      { cause },
    );
    this._error = error;
    this._status = 'error';
    await this.updateComplete;
    this.dispatchEvent(createErrorEvent({ status: error.status, title: error.title }));
  }

  #loadLevel = async (parentId: string | undefined, cursor: string | undefined): Promise<BusinessUnitLevel> => {
    if (!this.#client) throw new Error('not loaded');
    // The roots came with the session (so a failure there is the widget's error state); once.
    const roots = parentId === undefined ? this.#roots : undefined;
    this.#roots = undefined;
    const page = roots ?? (await this.#client.listBusinessUnitLevel(parentId, cursor));
    this.#remember(page.items);
    return page;
  };

  #search = async (q: string, signal: AbortSignal): Promise<BusinessUnit[]> => {
    if (!this.#client) return [];
    const found = await this.#client.searchBusinessUnits(q, signal);
    this.#remember(found);
    return found;
  };

  #remember(units: readonly BusinessUnitRef[]): void {
    if (units.every((u) => this._names.get(u.id) === u.name)) return;
    const names = new Map(this._names);
    for (const unit of units) names.set(unit.id, unit.name);
    this._names = names;
  }

  get #tree(): SccBusinessUnitTree | null {
    return this.renderRoot.querySelector('scc-business-unit-tree');
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    this.#selectionAbort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#parts.forgetFailures();
    this._status = 'loading';
    this._error = undefined;
    const client = new BffClient({
      apiBase: this.apiBase ?? '',
      getToken: () => this.#tokens.getToken(),
      refreshToken: (rejected) => this.#tokens.refresh(rejected),
    });
    this.#client = client;
    try {
      // A selection inside the subtree survives a reload; otherwise start at the caller's own unit.
      const [session, roots, selection] = await Promise.all([
        client.getSession(abort.signal),
        client.listBusinessUnitLevel(undefined, undefined, abort.signal),
        this.#selectionData(client, this._selectedId, abort.signal),
      ]);
      // An admin of its own unit is one everywhere below; anyone else may hold admin deeper down.
      const assignments = session.roles.includes('admin')
        ? []
        : await this.#ownAssignments(client, session, abort.signal);
      const path = selection.path ?? [session.businessUnit];
      const selected = path.at(-1)?.id ?? session.businessUnit.id;
      const tenants = selection.tenants;
      if (this.#abort !== abort) return;
      this.#abort = undefined;
      this.#remember([session.businessUnit, ...path]);
      this.#roots = roots;
      this._assignments = assignments;
      this._session = session;
      this._path = path;
      this._tenants = tenants;
      this._selectedId = selected;
      this._status = 'ready';
      void this.#nameUnits(client, tenants, abort.signal);
      this.#events.start(client);
      await this.updateComplete;
      if (path.length > 1) void this.#tree?.reveal(path);
      this.dispatchEvent(createReadyEvent(session));
    } catch (cause) {
      if (this.#abort !== abort) return;
      this.#abort = undefined;
      abort.abort();
      const error = toBffError(cause);
      this._error = error;
      this._status = 'error';
      await this.updateComplete;
      const detail: SccErrorDetail = { status: error.status, title: error.title };
      this.dispatchEvent(createErrorEvent(detail));
    }
  }

  /** Names the tenant table's units that no tree level has brought yet, if they are few. */
  async #nameUnits(client: BffClient, tenants: readonly Tenant[], signal: AbortSignal): Promise<void> {
    const unknown = [...new Set(tenants.map((t) => t.businessUnitId))].filter((id) => !this._names.has(id));
    if (unknown.length > NAME_LOOKUPS) return;
    const units = await Promise.all(unknown.map((id) => client.getBusinessUnit(id, signal).catch(() => undefined)));
    this.#remember(units.filter((u) => u !== undefined));
  }

  async #ownAssignments(client: BffClient, session: Session, signal: AbortSignal): Promise<UserRole[]> {
    try {
      return (await client.getUser(session.user.id, signal)).roles;
    } catch (error) {
      // Acting below its own home, the caller's user record lies outside the subtree.
      if (error instanceof BffError && error.status === 404) return [];
      throw error;
    }
  }

  /** Path and tenants of a kept selection, or the whole subtree's tenants when there is none (any more). */
  async #selectionData(
    client: BffClient,
    id: string | undefined,
    signal: AbortSignal,
  ): Promise<{ path: BusinessUnitRef[] | undefined; tenants: Tenant[] }> {
    if (id) {
      try {
        const [path, tenants] = await Promise.all([
          client.getAncestors(id, signal),
          client.listTenants({ businessUnitId: id, limit: 200 }, signal).then((page) => page.items),
        ]);
        return { path, tenants };
      } catch (error) {
        if (!(error instanceof BffError && error.status === 404)) throw error;
      }
    }
    return { path: undefined, tenants: (await client.listTenants({ limit: 200 }, signal)).items };
  }

  /** Selects a unit: breadcrumbs and tenants follow; `path` (from search or breadcrumbs) opens the tree to it. */
  async #selectUnit(id: string, path?: readonly BusinessUnitRef[]): Promise<void> {
    const client = this.#client;
    if (!client) return;
    this.#selectionAbort?.abort();
    const abort = new AbortController();
    this.#selectionAbort = abort;
    this._selectedId = id;
    // Chosen in the search or the breadcrumbs: open the tree there and carry the focus along.
    const tree = this.#tree;
    if (path && tree) {
      void tree.reveal(path).then((found) => {
        if (found) void tree.focusItem(id);
      });
    }
    try {
      const [ancestors, tenants] = await Promise.all([
        path ? Promise.resolve([...path]) : client.getAncestors(id, abort.signal),
        client.listTenants({ businessUnitId: id, limit: 200 }, abort.signal).then((page) => page.items),
      ]);
      if (this.#selectionAbort !== abort) return;
      this.#remember(ancestors);
      this._path = ancestors;
      this._tenants = tenants;
      void this.#nameUnits(client, tenants, abort.signal);
    } catch (cause) {
      if (this.#selectionAbort !== abort || abort.signal.aborted) return;
      this._error = toBffError(cause);
      this._status = 'error';
    }
  }

  #onStreamEvent(event: ServerSentEvent): void {
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    if (event.type === 'operation-request') {
      this.renderRoot.querySelector('scc-pending-requests')?.apply(data as OperationRequest);
    } else if (event.type === 'tenant') {
      // Tenants already listed change in place or leave; a new one joins when it belongs to the
      // selected unit itself (deeper ones arrive with the refresh after the request completes).
      const tenant = data as Tenant;
      const listed = this._tenants.some((t) => t.id === tenant.id);
      if (!listed && tenant.businessUnitId !== this._selectedId) return;
      const others = this._tenants.filter((t) => t.id !== tenant.id);
      this._tenants = HIDDEN_LIFECYCLES.has(tenant.lifecycleStatus) ? others : [...others, tenant];
    }
  }

  /** After a submit, cancel or completion the list changes; fetch it again, quietly, once at a time. */
  #onOperation = (event: CustomEvent<{ request: OperationRequest }>): void => {
    if (event.type === 'scc-operation-request-submit') {
      this.renderRoot.querySelector('scc-pending-requests')?.apply(event.detail.request);
    }
    const client = this.#client;
    if (!client || this.#tenantRefresh) return;
    this.#tenantRefresh = client
      .listTenants({ businessUnitId: this._selectedId, limit: 200 })
      .then((page) => {
        this._tenants = page.items;
      })
      .catch(() => undefined)
      .finally(() => {
        this.#tenantRefresh = undefined;
      });
  };

  #onTerminate = (event: SccTenantTerminateEvent): void => {
    void this.renderRoot.querySelector('scc-terminate-dialog')?.show(event.detail.tenant);
  };

  #onSelect = (event: SccBusinessUnitSelectEvent): void => {
    // The event itself bubbles on to the host page (it is composed).
    const { businessUnitId, path } = event.detail;
    void this.#selectUnit(businessUnitId, path);
  };

  #onCrumb = (event: MouseEvent): void => {
    const index = Number((event.currentTarget as HTMLElement).dataset.index);
    const path = this._path.slice(0, index + 1);
    const id = path.at(-1)?.id;
    if (id && id !== this._selectedId) {
      this.dispatchEvent(createBusinessUnitSelectEvent(id, path));
      void this.#selectUnit(id, path);
    }
  };

  /** After an admin change: reload the touched tree levels, then show the unit the change points at. */
  #onChange = async (event: SccBusinessUnitChangeEvent): Promise<void> => {
    const { action, businessUnit, parentIds } = event.detail;
    const tree = this.#tree;
    // A change of the caller's own unit (a rename) has no parent in view: reload the whole tree.
    await Promise.all(parentIds.length ? parentIds.map((id) => tree?.reloadLevel(id)) : [tree?.reloadLevel()]);
    if (action === 'deleted') {
      const parent = this._path.at(-2);
      if (parent) await this.#selectUnit(parent.id, this._path.slice(0, -1));
      return;
    }
    if (!this.#client) return;
    const path = await this.#client.getAncestors(businessUnit.id).catch(() => undefined);
    if (path) await this.#selectUnit(businessUnit.id, path);
  };

  #onRetry = (): void => {
    void this.#load();
  };

  #errorMessage(m: Messages, error: BffError | undefined): string {
    if (!error) return m.errorGeneric(0);
    if (error.kind === 'config') return m.errorNotConfigured;
    if (error.kind === 'network') return m.errorNetwork;
    switch (error.status) {
      case 401:
        return m.errorUnauthorized;
      case 403:
        return m.errorForbidden;
      case 502:
      case 503:
      case 504:
        return m.errorUnavailable;
      default:
        return error.status > 0 ? m.errorGeneric(error.status) : (error.detail ?? error.title);
    }
  }

  override render() {
    const locale = resolveLocale(this.locale);
    const m = messagesFor(locale);
    const session = this._session;
    const busy = this._status === 'loading' || this._status === 'idle';
    return html`<div part="base" class="base" lang=${locale}>
      <header part="header" data-testid="header">
        <div class="brand">
          <span class="logo">${logo}</span>
          <div class="titles">
            <div class="product">${m.productName}</div>
            <h1 class="context" data-testid="business-unit-name">
              ${session?.businessUnit.name ?? '\u00a0'}${
                session?.businessUnit.kind ? html`<span class="kind">${session.businessUnit.kind}</span>` : nothing
              }
            </h1>
          </div>
        </div>
        ${
          session
            ? html`<div class="user" data-testid="user" title=${m.signedInAs(session.user.displayName)}>
              <span class="user-text">
                <span class="user-name" data-testid="user-name">${session.user.displayName}</span>
                <span class="user-email">${session.user.email}</span>
              </span>
              <span class="avatar" aria-hidden="true">${initials(session.user.displayName)}</span>
            </div>`
            : nothing
        }
      </header>
      <div class="body" data-testid="body" aria-busy=${busy ? 'true' : 'false'}>${this.#renderBody(m, locale)}</div>
    </div>`;
  }

  #renderBody(m: Messages, locale: string): unknown {
    switch (this._status) {
      case 'idle':
      case 'loading':
        return html`<scc-state-panel part="state" data-testid="loading" variant="loading" locale=${locale}
          .message=${m.loadingDetail}></scc-state-panel>`;
      case 'error':
        return html`<scc-state-panel
          part="state"
          data-testid="error"
          variant="error"
          exportparts="retry-button"
          locale=${locale}
          .message=${this.#errorMessage(m, this._error)}
          .retryable=${this._error?.kind !== 'config'}
          @scc-retry=${this.#onRetry}
        ></scc-state-panel>`;
      case 'ready': {
        const selectedName = this._path.at(-1)?.name ?? this._session?.businessUnit.name ?? '';
        const selected = this._selectedId ? this.#tree?.unitById(this._selectedId) : undefined;
        const roles = this.#roles();
        const canOperate = roles.includes('operator');
        const operations = canOperate && this.#parts.isReady('operations');
        return html`<div class="layout">
          <nav part="sidebar" class="sidebar" aria-label=${m.businessUnits} data-testid="sidebar">
            <h2 class="section-title">${m.businessUnits}</h2>
            <scc-business-unit-search
              data-testid="search"
              exportparts="search, search-result"
              .search=${this.#search}
              locale=${locale}
              @scc-business-unit-select=${this.#onSelect}
            ></scc-business-unit-search>
            <scc-business-unit-tree
              data-testid="tree"
              exportparts="tree, tree-item, tree-item-row, tree-item-row-selected, tree-count, tree-load-more"
              .loadLevel=${this.#loadLevel}
              .selectedId=${this._selectedId}
              locale=${locale}
              @scc-business-unit-select=${this.#onSelect}
            ></scc-business-unit-tree>
          </nav>
          <section part="main" class="main" aria-label=${m.tenants} data-testid="main"
            @scc-operation-request-submit=${this.#onOperation}
            @scc-operation-request-cancel=${this.#onOperation}
            @scc-operation-request-complete=${this.#onOperation}>
            <nav part="breadcrumbs" class="crumbs" aria-label=${m.breadcrumbsLabel} data-testid="breadcrumbs">
              <ol>
                ${this._path.map(
                  (step, i, all) =>
                    html`<li>${
                      i === all.length - 1
                        ? html`<span aria-current="location">${step.name}</span>`
                        : html`<button type="button" data-index=${i} @click=${this.#onCrumb}>${step.name}</button>`
                    }</li>`,
                )}
              </ol>
            </nav>
            ${
              roles.includes('admin') && this._selectedId
                ? this.#parts.isReady('admin')
                  ? html`<scc-business-unit-admin
                    data-testid="admin"
                    exportparts="admin"
                    .client=${this.#client}
                    .businessUnitId=${this._selectedId}
                    .path=${this._path}
                    .roles=${roles}
                    .rootId=${this._session?.businessUnit.id}
                    locale=${locale}
                    @scc-business-unit-change=${this.#onChange}
                  ></scc-business-unit-admin>`
                  : this.#renderPartLoading(m, 'admin-loading')
                : nothing
            }
            ${
              operations
                ? this.#renderOperations(locale, selectedName)
                : canOperate
                  ? this.#renderPartLoading(m, 'operations-loading')
                  : nothing
            }
            <scc-tenant-list
              data-testid="tenant-list"
              exportparts="tenants, tenant-row, status-badge, empty, terminate-button"
              .tenants=${this._tenants}
              .businessUnitNames=${this._names}
              .heading=${m.tenantsIn(selectedName)}
              .note=${selected?.childCount === 0 ? undefined : m.includesDescendants}
              ?terminable=${operations}
              @scc-tenant-terminate=${this.#onTerminate}
              locale=${locale}
            ></scc-tenant-list>
          </section>
        </div>`;
      }
    }
  }

  #renderPartLoading(m: Messages, testId: string) {
    return html`<p part="state" class="part-loading" role="status" data-testid=${testId}>${m.loading}</p>`;
  }

  /** Ordering, the pending requests and the termination dialog, all on the same client. */
  #renderOperations(locale: string, businessUnitName: string) {
    const m = messagesFor(locale);
    return html`<div class="operations">
        ${this._reconnecting ? html`<span class="reconnecting" role="status">${m.reconnecting}</span>` : nothing}
        <scc-order-tenant exportparts="order-button, dialog" locale=${locale} .client=${this.#client}
          .tenants=${this._tenants} business-unit-id=${this._selectedId ?? ''}
          business-unit-name=${businessUnitName}></scc-order-tenant>
      </div>
      <scc-pending-requests part="pending" data-testid="pending" exportparts="request, progress, cancel-button, restore-button"
        locale=${locale} .client=${this.#client} .tenants=${this._tenants}></scc-pending-requests>
      <scc-terminate-dialog exportparts="dialog" locale=${locale} .client=${this.#client}></scc-terminate-dialog>`;
  }
}
