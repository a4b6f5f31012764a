import { ContextProvider } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { BffError } from '../../api/bff-client.js';
import type { OperationRequest, Session, TenantPage } from '../../api/types.js';
import { connectionContext, createConnection, localeContext, partLoaderContext } from '../../context/connection.js';
import { BrandController } from '../../controllers/brand-controller.js';
import { SelectionController } from '../../controllers/selection-controller.js';
import type { FetchToken, SessionTokenController } from '../../controllers/session-token-controller.js';
import { WidgetPartsController } from '../../controllers/widget-parts-controller.js';
import type { SccBusinessUnitChangeEvent } from '../../events/scc-business-unit-change.js';
import { createErrorEvent, type SccErrorEvent } from '../../events/scc-error.js';
import { createReadyEvent } from '../../events/scc-ready.js';
import { labelFor, loadLocale, localePending, type Messages, messagesFor, resolveLocale } from '../../i18n/index.js';
import { type WidgetPart, widgetParts } from '../../lazy/parts.js';
import { baseReset, sharedStyles } from '../../styles/shared.styles.js';
import { toBffError } from '../../utils/bff-error.js';
import { rolesOn } from '../../utils/roles.js';
import type { SccTenants } from '../tenants/tenants.js';
import { breadcrumbsStyles } from './breadcrumbs.styles.js';
import { serviceControlCenterStyles } from './service-control-center.styles.js';

export type ServiceControlCenterStatus = 'idle' | 'loading' | 'ready' | 'error';

/** A locale pack that cannot be loaded leaves the widget in English, rather than not working at all. */
const noPack = (): void => undefined;

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
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
 * @event scc-navigate - The selection changed. `detail` is `{ view: 'business-unit', businessUnitId }`.
 * @event scc-token-refreshed - A new token came from `fetchToken`. `detail` is `{ expiresAt }`.
 * @event scc-business-unit-change - An admin created, changed, moved or deleted a business unit.
 * @event scc-operation-request-submit - An order, copy, termination or restore was accepted. `detail` is `{ request }`.
 * @event scc-operation-request-cancel - The user cancelled a request. `detail` is `{ request }`.
 * @event scc-operation-request-complete - A pending request reached an end state. `detail` is `{ request }`.
 * @event scc-brand-applied - The session's brand (or the default look) was applied. `detail` is `{ brand, properties }`.
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
 * @csspart views - The switch between tenants, usage and invoices (billing role or admin) and data sources; `view` each button.
 * @csspart billing-sections - The usage, invoices, show-back and price-list switch; `billing-section` each button.
 * @csspart chart - Each usage chart; `chart-table` its numbers; `invoices`, `invoice-row`, `invoice` the invoices.
 * @csspart price-list - Each price list; `field-error` a refused field's message there and on data sources.
 * @csspart data-sources - The data-source table; `data-source-row` each row.
 * @csspart admin - The admin panel (only for callers holding admin).
 * @csspart tenants - The tenant `<table>`.
 * @csspart tenant-row - Each tenant row (`data-tenant-id`).
 * @csspart status-badge - Operational-status badge.
 * @csspart empty - The empty-state panel.
 * @csspart state - The loading and error panels, and the note while the admin screens or operations load.
 * @csspart retry-button - The retry button of the error state.
 * @csspart order-button - Opens the "order tenant" form.
 * @csspart terminate-button - "Request termination" of a tenant row.
 * @csspart copy-into-button - "Copy into this tenant" of a tenant row; `order-from-button` "Order from this tenant".
 * @csspart dialog - The order, copy and termination dialogs.
 * @csspart pending - The pending-requests panel.
 * @csspart request - Each pending request; `progress` its bar; `cancel-button`, `restore-button` its actions.
 * @csspart outcome - The line saying how the last pending request ended.
 * @csspart audit-log - The audit log of the selected unit's subtree (only for callers holding admin).
 * @csspart toast - Each notification (a refused restore, say); `dismiss-button` removes it.
 * @csspart brand - The brand mark in the header; `brand-logo` its logo, `brand-name` its name.
 * @csspart notifications-button - The alerts bell in the header; `notifications-count` its unread badge,
 *   `notifications` the open list, `notification` each alert.
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

  static override styles = [...sharedStyles, baseReset, serviceControlCenterStyles, breadcrumbsStyles];

  static override properties = {
    apiBase: { attribute: 'api-base' },
    fetchToken: { attribute: false },
    locale: {},
    _status: { state: true },
    _session: { state: true },
    _assignments: { state: true },
    _error: { state: true },
    _reconnecting: { state: true },
    _view: { state: true },
  };

  /** Base URL of the BFF, e.g. `http://localhost:4020` (attribute `api-base`). Empty: same origin. */
  declare apiBase: string | undefined;
  /** Supplied by the host: resolves to a short-lived embed session token (ES256 JWT). */
  declare fetchToken: FetchToken | undefined;
  /** BCP 47 locale for the UI (`en`, `de`); defaults to `navigator.language`. */
  declare locale: string | undefined;

  declare _status: ServiceControlCenterStatus;
  declare _session: Session | undefined;
  /** The caller's own role assignments inside its subtree (roles below its acting unit). */
  declare _assignments: Session['assignments'];
  declare _error: BffError | undefined;
  declare _reconnecting: boolean;
  /** What the main section shows for the selected unit: 0 its tenants, 1 usage and invoices, 2 its data sources. */
  declare _view: number;

  /** The one connection the pieces inside share: token, session and event stream. */
  readonly connection = createConnection();
  readonly #locale = new ContextProvider(this, { context: localeContext });
  readonly #brand = new BrandController(this);
  readonly #selection = new SelectionController(this, {
    client: () => this.connection.client,
    onError: (cause) => void this.#fail(toBffError(cause)),
  });
  readonly #parts = new WidgetPartsController<WidgetPart>(this, {
    load: (part) => this.#loadPart(part),
    onFailure: (_part, error) => void this.#onPartFailure(error),
  });
  /** Part loads under way or done, shared with the pieces inside; a failed one is asked again. */
  readonly #partLoads = new Map<WidgetPart, Promise<unknown>>();
  #abort: AbortController | undefined;
  #resumeOnConnect = false;
  #release: (() => void) | undefined;
  #unsubscribe: (() => void) | undefined;
  /** The first tenant page, fetched alongside the session so the list needs no second round trip. */
  #firstPage: TenantPage | undefined;

  constructor() {
    super();
    this._status = 'idle';
    this._assignments = [];
    this._reconnecting = false;
    this._view = 0;
    this.connection.announcer = this;
    this.addEventListener('scc-brand-change', () => void this.#reapplyBrand());
    new ContextProvider(this, { context: connectionContext, initialValue: this.connection });
    new ContextProvider(this, {
      context: partLoaderContext,
      initialValue: (part) => this.#loadPart(part),
    });
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
    return this.#selection.selectedId;
  }

  /** The last loading error, if the widget is in the error state. */
  get error(): BffError | undefined {
    return this._error;
  }

  /** The token controller (exposed for diagnostics and tests). */
  get tokenController(): SessionTokenController {
    return this.connection.tokens;
  }

  /** The BFF client of the current configuration (for the admin screens and tests). */
  get client() {
    return this.connection.client;
  }

  /** Fetches session, business units and tenants again. Resolves when done (also on failure). */
  reload(): Promise<void> {
    return this.#load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#release ??= this.connection.attach();
    if (this.#resumeOnConnect) {
      this.#resumeOnConnect = false;
      void this.#load();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#release?.();
    this.#release = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (this.#abort) {
      this.#abort.abort();
      this.#abort = undefined;
      this.#resumeOnConnect = true;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) {
      this.#locale.setValue(this.locale);
      // A locale switched to after loading: its pack (if not loaded) arrives, then the render is in it.
      if (localePending(this.locale)) void loadLocale(this.locale).then(() => this.requestUpdate(), noPack);
    }
    if ((changed.has('fetchToken') || changed.has('apiBase')) && this.fetchToken) {
      // A new token source or BFF invalidates the cached token and session; then load with them.
      this.connection.configure({ apiBase: this.apiBase, fetchToken: this.fetchToken });
      void this.#load();
    }
    if (this._status === 'ready') {
      this.#parts.ensure('notifications');
      const roles = this.#roles();
      if (roles.includes('admin')) this.#parts.ensure('admin');
      if (roles.includes('operator')) this.#parts.ensure('operations');
      if (this._view) this.#parts.ensure('billing');
    }
  }

  #loadPart(part: WidgetPart): Promise<unknown> {
    let load = this.#partLoads.get(part);
    if (!load) {
      load = (this.constructor as typeof ServiceControlCenter).loadPart(part);
      load.catch(() => this.#partLoads.delete(part));
      this.#partLoads.set(part, load);
    }
    return load;
  }

  /** Roles the caller holds on the selected unit. */
  #roles(): string[] {
    return rolesOn(this.#selection.path, this._session?.roles ?? [], this._assignments);
  }

  async #fail(error: BffError): Promise<void> {
    this._error = error;
    this._status = 'error';
    await this.updateComplete;
    this.dispatchEvent(createErrorEvent({ status: error.status, title: error.title }));
  }

  /** A part that cannot be loaded (offline, a redeployed BFF) puts the widget in its error state, with retry. */
  async #onPartFailure(cause: unknown): Promise<void> {
    if (this.#abort) {
      // A reload is under way; once ready it asks for the part again.
      this.#parts.forgetFailures();
      return;
    }
    const detail = cause instanceof Error ? cause.message : String(cause);
    await this.#fail(
      new BffError('network', { type: 'about:blank', title: 'Widget part unavailable', status: 0, detail }, { cause }),
    );
  }

  get #tenants(): SccTenants | null {
    return this.renderRoot.querySelector('scc-tenants');
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#parts.forgetFailures();
    this._status = 'loading';
    this._error = undefined;
    const { connection } = this;
    connection.reload();
    const client = connection.client;
    // The list of the caller's own unit is the whole subtree, asked for without a unit.
    const selectedId = this.#selection.selectedId;
    const kept = selectedId === this._session?.businessUnit.id ? undefined : selectedId;
    try {
      const [session, selection, page] = await Promise.all([
        connection.session(abort.signal),
        this.#selection.load(client, abort.signal),
        // A selection gone from the subtree answers 404 here too: then the list asks for itself.
        client.listTenants({ businessUnitId: kept }, abort.signal).catch((error: unknown) => {
          if (abort.signal.aborted || !(error instanceof BffError && error.status === 404)) throw error;
          return undefined;
        }),
        // The tree and search are a chunk of their own (the entry's size budget), fetched while the
        // session and the first page are: the first row waits for no extra round trip.
        this.#loadPart('tree'),
        // The locale's strings, if a pack of their own, come alongside too: the first text is in them.
        loadLocale(this.locale).catch(noPack),
      ]);
      if (this.#abort !== abort) return;
      this.#abort = undefined;
      this.#firstPage = page;
      this._assignments = session.assignments;
      this._session = session;
      this.#brand.apply(session.brand);
      this._status = 'ready';
      this.#unsubscribe ??= connection.subscribe({
        onEvent: (event) => {
          if (event.type !== 'operation-request') return;
          try {
            this.renderRoot.querySelector('scc-pending-requests')?.apply(JSON.parse(event.data) as OperationRequest);
          } catch {
            // A malformed event changes nothing; the panel reloads on its next submit or refresh.
          }
        },
        onStatus: (open) => {
          this._reconnecting = !open && this._status === 'ready';
        },
      });
      await this.#selection.restore(selection.roots, selection.path ?? [session.businessUnit]);
      await this.#tenants?.loaded;
      this.dispatchEvent(createReadyEvent(session));
    } catch (cause) {
      if (this.#abort !== abort) return;
      this.#abort = undefined;
      abort.abort();
      await this.#fail(toBffError(cause));
    }
  }

  /** The logo of the acting unit's brand, fetched with the widget token (see scc-brand-mark). */
  #loadLogo = (sha256: string, signal: AbortSignal): Promise<Blob> => {
    const id = this._session?.businessUnit.id;
    return id ? this.connection.client.getBrandLogo(id, sha256, signal) : Promise.reject(new Error('no session'));
  };

  /** An admin changed a brand: the acting unit may show another one now. */
  async #reapplyBrand(): Promise<void> {
    const session = this._session;
    if (!session) return;
    const shown = await this.connection.client.getBrand(session.businessUnit.id).catch(() => undefined);
    if (!shown || this._session !== session) return;
    this._session = { ...session, brand: shown.effective };
    this.#brand.apply(shown.effective);
  }

  /** A submitted request joins the pending panel at once (the stream confirms it later). */
  #onSubmit = (event: CustomEvent<{ request: OperationRequest }>): void => {
    this.renderRoot.querySelector('scc-pending-requests')?.apply(event.detail.request);
  };

  /** After a submit, cancel or completion anywhere in the shell the list changes: load it again. */
  #onOperation = (): void => {
    void this.#tenants?.refresh();
    void this.renderRoot.querySelector('scc-audit-log')?.refresh();
  };

  /** An admin changed a unit: the tree and selection follow, and the audit log shows the change. */
  #onUnitChange = async (event: SccBusinessUnitChangeEvent): Promise<void> => {
    await this.#selection.onChange(event);
    await this.renderRoot.querySelector('scc-audit-log')?.refresh();
  };

  /** A piece inside could not do what was asked (a refused restore): say why, without leaving the view. */
  #onPieceError = (event: SccErrorEvent): void => {
    const { status, title } = event.detail;
    const m = messagesFor(resolveLocale(this.locale));
    const text =
      status === 0 ? m.errorNetwork : status === 429 ? m.errorTooManyRequests : title || m.errorGeneric(status);
    this.renderRoot.querySelector('scc-toast-region')?.show(text, 'error');
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
      case 429:
        return m.errorTooManyRequests;
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
        <scc-brand-mark class="brand" exportparts="base: brand, logo: brand-logo, name: brand-name"
          .brand=${session?.brand ?? null} product-name=${m.productName} .loadLogo=${this.#loadLogo} locale=${locale}>
          <h1 class="context" data-testid="business-unit-name">
            ${session?.businessUnit.name ?? '\u00a0'}${
              session?.businessUnit.kind
                ? html`<span class="kind">${labelFor(m.unitKind, session.businessUnit.kind)}</span>`
                : nothing
            }
          </h1>
        </scc-brand-mark>
        ${session ? html`<scc-notifications exportparts="notifications-button, notifications-count, notifications, notification" locale=${locale}></scc-notifications>` : nothing}
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
        // Until the locale's pack is there, only the spinner: no English first.
        return localePending(this.locale)
          ? html`<scc-state-panel part="state" data-testid="loading" variant="loading" heading=""></scc-state-panel>`
          : html`<scc-state-panel part="state" data-testid="loading" variant="loading" locale=${locale}
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
      case 'ready':
        return this.#renderReady(m, locale);
    }
  }

  #renderReady(m: Messages, locale: string) {
    const selection = this.#selection;
    const selectedId = selection.selectedId;
    const selectedName = selection.path.at(-1)?.name ?? this._session?.businessUnit.name ?? '';
    const selected = selectedId ? selection.tree?.unitById(selectedId) : undefined;
    const roles = this.#roles();
    const canOperate = roles.includes('operator');
    const billing = roles.includes('billing') || roles.includes('admin');
    const unitId = selectedId ?? this._session?.businessUnit.id;
    // Usage and invoices on a unit where the caller holds no billing role: back to the tenants.
    const view = billing || this._view !== 1 ? this._view : 0;
    const firstPage = this.#firstPage;
    this.#firstPage = undefined;
    return html`<div class="layout">
      <nav part="sidebar" class="sidebar" aria-label=${m.businessUnits} data-testid="sidebar">
        <h2 class="section-title">${m.businessUnits}</h2>
        ${selection.renderSearch(locale)} ${selection.renderTree(locale)}
      </nav>
      <section part="main" class="main" aria-label=${m.tenants} data-testid="main"
        @scc-operation-request-submit=${this.#onOperation}
        @scc-operation-request-cancel=${this.#onOperation}
        @scc-operation-request-complete=${this.#onOperation}
        @scc-error=${this.#onPieceError}>
        ${selection.renderBreadcrumbs(m)}
        <div part="views" class="views" role="group" aria-label=${m.views[0]}>
          ${[m.tenants, billing ? m.views[1] : '', m.views[2]].map((label, shown) =>
            label
              ? html`<button type="button" part="view" data-view=${shown} aria-current=${view === shown}
                  @click=${() => {
                    this._view = shown;
                  }}>${label}</button>`
              : nothing,
          )}
        </div>
        ${
          view
            ? this.#parts.isReady('billing')
              ? view === 1
                ? html`<scc-billing data-testid="billing" exportparts="billing-sections, billing-section, chart, chart-table, invoices, invoice-row, invoice, price-list, field-error" .client=${this.connection.client} .businessUnitId=${unitId}
                    locale=${locale}></scc-billing>`
                : html`<scc-data-sources data-testid="data-sources" exportparts="data-sources, data-source-row, field-error" .client=${this.connection.client}
                    .businessUnitId=${unitId} .businessUnitName=${selectedName} ?editable=${roles.includes('admin')}
                    locale=${locale}></scc-data-sources>`
              : this.#renderPartLoading(m, 'billing-loading')
            : html`        ${
                roles.includes('admin') && selectedId
                  ? this.#parts.isReady('admin')
                    ? html`<scc-business-unit-admin data-testid="admin" exportparts="admin" .client=${this.connection.client}
                  .businessUnitId=${selectedId} .path=${selection.path} .roles=${roles}
                  .rootId=${this._session?.businessUnit.id} locale=${locale}
                  @scc-business-unit-change=${this.#onUnitChange}></scc-business-unit-admin>
                <scc-audit-log data-testid="audit-log" part="audit-log" .client=${this.connection.client}
                  .businessUnitId=${selectedId} locale=${locale}></scc-audit-log>`
                    : this.#renderPartLoading(m, 'admin-loading')
                  : nothing
              }
        ${
          canOperate
            ? this.#parts.isReady('operations')
              ? this.#renderOperations(locale, selectedId, selectedName)
              : this.#renderPartLoading(m, 'operations-loading')
            : nothing
        }
        <scc-tenants data-testid="tenants"
          exportparts="tenants, tenant-row, tenant-row-selected, status-badge, empty, terminate-button, restore-button, copy-into-button, order-from-button, actions-button, actions-menu, filters, load-more, dialog"
          business-unit-id=${selectedId === this._session?.businessUnit.id ? '' : (selectedId ?? '')}
          .firstPage=${firstPage} .heading=${m.tenantsIn(selectedName)}
          .note=${selected?.childCount === 0 ? '' : m.includesDescendants}
          @scc-tenants-change=${() => this.requestUpdate()}></scc-tenants>`
        }
      </section>
      <scc-toast-region exportparts="toast, dismiss-button" locale=${locale}></scc-toast-region>
    </div>`;
  }

  #renderPartLoading(m: Messages, testId: string) {
    return html`<p part="state" class="part-loading" role="status" data-testid=${testId}>${m.loading}</p>`;
  }

  /** Ordering and the pending requests, on the shared connection's client. */
  #renderOperations(locale: string, businessUnitId: string | undefined, businessUnitName: string) {
    const m = messagesFor(locale);
    const tenants = this.#tenants?.tenants ?? [];
    return html`<div class="operations" @scc-operation-request-submit=${this.#onSubmit}>
        ${this._reconnecting ? html`<span class="reconnecting" role="status">${m.reconnecting}</span>` : nothing}
        <scc-order-tenant exportparts="order-button, dialog" locale=${locale} .client=${this.connection.client}
          .tenants=${tenants} business-unit-id=${businessUnitId ?? ''}
          business-unit-name=${businessUnitName}></scc-order-tenant>
      </div>
      <scc-pending-requests part="pending" data-testid="pending"
        exportparts="request, progress, cancel-button, restore-button, outcome" locale=${locale}
        ?restorable=${this._session?.permissions.restore ?? false} .client=${this.connection.client}
        .tenants=${tenants}></scc-pending-requests>`;
  }
}
