import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { BffClient, BffError } from '../../api/bff-client.js';
import type { BusinessUnit, OperationRequest, Session, Tenant } from '../../api/types.js';
import { EventStreamController } from '../../controllers/event-stream-controller.js';
import {
  type FetchToken,
  MissingFetchTokenError,
  SessionTokenController,
} from '../../controllers/session-token-controller.js';
import type { SccBusinessUnitSelectEvent } from '../../events/scc-business-unit-select.js';
import { createErrorEvent, type SccErrorDetail } from '../../events/scc-error.js';
import { createReadyEvent } from '../../events/scc-ready.js';
import type { SccTenantTerminateEvent } from '../../events/scc-tenant-terminate.js';
import { type Messages, messagesFor, resolveLocale } from '../../i18n/index.js';
import { baseReset, sharedStyles } from '../../styles/shared.styles.js';
import type { ServerSentEvent } from '../../utils/sse.js';
import { type BusinessUnitIndex, indexBusinessUnits, subtreeIds, subtreeTenantCounts } from '../../utils/tree.js';
import { serviceControlCenterStyles } from './service-control-center.styles.js';

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
 * @event scc-business-unit-select - The user selected a business unit. `detail` is `{ businessUnitId }`.
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
 * @csspart tenants - The tenant `<table>`.
 * @csspart tenant-row - Each tenant row (`data-tenant-id`).
 * @csspart status-badge - Operational-status badge.
 * @csspart empty - The empty-state panel.
 * @csspart state - The loading and error panels.
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
  static override styles = [...sharedStyles, baseReset, serviceControlCenterStyles];

  static override properties = {
    apiBase: { attribute: 'api-base' },
    fetchToken: { attribute: false },
    locale: {},
    _status: { state: true },
    _session: { state: true },
    _units: { state: true },
    _tenants: { state: true },
    _selectedId: { state: true },
    _error: { state: true },
    _client: { state: true },
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
  declare _units: BusinessUnit[];
  declare _tenants: Tenant[];
  declare _selectedId: string | undefined;
  declare _error: BffError | undefined;
  declare _client: BffClient | undefined;
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
  #abort: AbortController | undefined;
  #tenantRefresh: Promise<void> | undefined;
  #resumeOnConnect = false;
  #index: BusinessUnitIndex = { roots: [], byId: new Map() };
  #counts = new Map<string, number>();
  #names = new Map<string, string>();
  #visibleTenants: Tenant[] = [];

  constructor() {
    super();
    this._status = 'idle';
    this._units = [];
    this._tenants = [];
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('fetchToken') || changed.has('apiBase')) && this.fetchToken) {
      // A new token source or BFF invalidates the cached token; then (re)load with the new configuration.
      if (changed.get('fetchToken') !== undefined || changed.get('apiBase') !== undefined) this.#tokens.reset();
      void this.#load();
    }
    const reindex = changed.has('_units') || changed.has('locale');
    if (reindex) {
      this.#index = indexBusinessUnits(this._units, resolveLocale(this.locale));
      this.#names = new Map(this._units.map((u) => [u.id, u.name]));
    }
    if (reindex || changed.has('_tenants')) {
      this.#counts = subtreeTenantCounts(this.#index, this._tenants);
    }
    if (reindex || changed.has('_tenants') || changed.has('_selectedId')) {
      const scope = this._selectedId ? subtreeIds(this.#index, this._selectedId) : undefined;
      this.#visibleTenants = scope ? this._tenants.filter((t) => scope.has(t.businessUnitId)) : this._tenants;
    }
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this._status = 'loading';
    this._error = undefined;
    const client = new BffClient({
      apiBase: this.apiBase ?? '',
      getToken: () => this.#tokens.getToken(),
      refreshToken: (rejected) => this.#tokens.refresh(rejected),
    });
    try {
      const [session, units, tenants] = await Promise.all([
        client.getSession(abort.signal),
        client.listBusinessUnits(abort.signal),
        client.listTenants(abort.signal),
      ]);
      if (this.#abort !== abort) return;
      this.#abort = undefined;
      const ids = new Set(units.map((u) => u.id));
      const root = units.find((u) => u.parentId === null) ?? units[0];
      const selected =
        this._selectedId && ids.has(this._selectedId)
          ? this._selectedId
          : ids.has(session.businessUnit.id)
            ? session.businessUnit.id
            : root?.id;
      this._session = session;
      this._units = units;
      this._tenants = tenants;
      this._selectedId = selected;
      this._status = 'ready';
      this._client = client;
      this.#events.start(client);
      await this.updateComplete;
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
      const tenant = data as Tenant;
      const others = this._tenants.filter((t) => t.id !== tenant.id);
      this._tenants = HIDDEN_LIFECYCLES.has(tenant.lifecycleStatus) ? others : [...others, tenant];
    }
  }

  /** After a submit, cancel or completion the list changes; fetch it again, quietly, once at a time. */
  #onOperation = (event: CustomEvent<{ request: OperationRequest }>): void => {
    if (event.type === 'scc-operation-request-submit') {
      this.renderRoot.querySelector('scc-pending-requests')?.apply(event.detail.request);
    }
    const client = this._client;
    if (!client || this.#tenantRefresh) return;
    this.#tenantRefresh = client
      .listTenants()
      .then((tenants) => {
        this._tenants = tenants;
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
    this._selectedId = event.detail.businessUnitId;
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
        const selected = this._selectedId ? this.#index.byId.get(this._selectedId) : undefined;
        const selectedName = selected?.unit.name ?? this._session?.businessUnit.name ?? '';
        const canOperate = this._session?.roles.some((role) => role === 'operator' || role === 'admin') ?? false;
        return html`<div class="layout">
          <nav part="sidebar" class="sidebar" aria-label=${m.businessUnits} data-testid="sidebar">
            <h2 class="section-title">${m.businessUnits}</h2>
            <scc-business-unit-tree
              data-testid="tree"
              exportparts="tree, tree-item, tree-item-row, tree-item-row-selected, tree-count"
              .items=${this._units}
              .counts=${this.#counts}
              .selectedId=${this._selectedId}
              locale=${locale}
              @scc-business-unit-select=${this.#onSelect}
            ></scc-business-unit-tree>
          </nav>
          <section part="main" class="main" aria-label=${m.tenants} data-testid="main"
            @scc-operation-request-submit=${this.#onOperation}
            @scc-operation-request-cancel=${this.#onOperation}
            @scc-operation-request-complete=${this.#onOperation}>
            ${canOperate ? this.#renderOperations(locale, selectedName) : nothing}
            <scc-tenant-list
              data-testid="tenant-list"
              .tenants=${this.#visibleTenants}
              .businessUnitNames=${this.#names}
              .heading=${m.tenantsIn(selectedName)}
              .note=${selected && selected.children.length > 0 ? m.includesDescendants : undefined}
              ?terminable=${canOperate}
              exportparts="tenants, tenant-row, status-badge, empty, terminate-button"
              @scc-tenant-terminate=${this.#onTerminate}
              locale=${locale}
            ></scc-tenant-list>
          </section>
        </div>`;
      }
    }
  }

  /** Ordering, the pending requests and the termination dialog, all on the same client. */
  #renderOperations(locale: string, businessUnitName: string) {
    const m = messagesFor(locale);
    return html`<div class="operations">
        ${this._reconnecting ? html`<span class="reconnecting" role="status">${m.ops.reconnecting}</span>` : nothing}
        <scc-order-tenant exportparts="order-button, dialog" locale=${locale} .client=${this._client}
          .tenants=${this._tenants} business-unit-id=${this._selectedId ?? ''}
          business-unit-name=${businessUnitName}></scc-order-tenant>
      </div>
      <scc-pending-requests part="pending" data-testid="pending" exportparts="request, progress, cancel-button, restore-button"
        locale=${locale} .client=${this._client} .tenants=${this._tenants}></scc-pending-requests>
      <scc-terminate-dialog exportparts="dialog" locale=${locale} .client=${this._client}></scc-terminate-dialog>`;
  }
}
