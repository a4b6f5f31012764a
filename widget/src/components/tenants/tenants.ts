import { ContextConsumer } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import type { OperationRequest, Tenant, TenantPage, TenantQuery, TenantSort } from '../../api/types.js';
import { partLoaderContext, type SccConnection } from '../../context/connection.js';
import { ConnectionController } from '../../controllers/connection-controller.js';
import { TenantPageController } from '../../controllers/tenant-page-controller.js';
import { WidgetPartsController } from '../../controllers/widget-parts-controller.js';
import { createNavigateEvent } from '../../events/scc-navigate.js';
import type { SccTenantOperateEvent } from '../../events/scc-tenant-operate.js';
import type { SccTenantRestoreEvent } from '../../events/scc-tenant-restore.js';
import type { SccTenantSelectEvent } from '../../events/scc-tenant-select.js';
import type { SccTenantSortEvent } from '../../events/scc-tenant-sort.js';
import type { SccTenantTerminateEvent } from '../../events/scc-tenant-terminate.js';
import { createTenantsChangeEvent } from '../../events/scc-tenants-change.js';
import { loadLocale, localePending, type Messages, messagesFor, resolveLocale } from '../../i18n/index.js';
import { type TenantListMessages, tenantListMessagesFor } from '../../i18n/tenant-list-messages.js';
import { widgetParts } from '../../lazy/parts.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { tenantsStyles } from './tenants.styles.js';

/** Sort, filters and search that decide which tenants a page holds. */
type QueryState = Pick<SccTenants, '_sort' | '_order' | '_type' | '_lifecycle' | '_status' | '_q'>;

const DEFAULTS: QueryState = { _sort: 'name', _order: 'asc', _type: '', _lifecycle: '', _status: '', _q: '' };

/** How long typing in the search box rests before the server is asked. */
const SEARCH_DEBOUNCE_MS = 300;

/**
 * The tenant list as a piece of its own: the caller's tenants (of `business-unit-id` and below, or
 * the whole subtree) in server-side pages, sortable by column, filtered by type, lifecycle and
 * status, searchable by name, with counts and "Load more". The selected tenant stays selected
 * across pages and refreshes. Rows offer only what the server allows this caller, once the
 * operations part (the dialogs, the restore) has loaded: it loads when some row allows anything.
 *
 * Takes its connection from `.connection` or from an enclosing `<scc-session>` /
 * `<service-control-center>`, so several pieces share one session, token and event stream.
 *
 * @tag scc-tenants
 * @event scc-navigate - The user selected a tenant. `detail` is `{ view: 'tenant', businessUnitId, tenantId }`.
 * @event scc-operation-request-submit - A termination, copy, order, transport or profile rollback (from its dialog) or a restore was accepted. `detail` is `{ request }`.
 * @event scc-error - A restore was refused. `detail` is `{ status, title }`.
 * @csspart tenants - The tenant `<table>`.
 * @csspart tenant-row - Each tenant row (`data-tenant-id`).
 * @csspart status-badge - Operational-status badge.
 * @csspart empty - The empty-state panel.
 * @csspart terminate-button - "Request termination" of a row (wide lists).
 * @csspart restore-button - "Restore" of a retained row (wide lists).
 * @csspart copy-into-button - "Copy into this tenant" of a row (wide lists).
 * @csspart order-from-button - "Order from this tenant" of a row (wide lists).
 * @csspart actions-button - The actions menu button of a row (narrow lists).
 * @csspart actions-menu - The open actions menu.
 * @csspart filters - The search box and filters above the list.
 * @csspart load-more - The "Load more" button.
 * @csspart dialog - The termination, copy, order, transport and profile versions dialogs.
 * @cssproperty --scc-color-border - Lines and frames.
 * @cssproperty --scc-color-muted - Secondary text.
 */
export class SccTenants extends LitElement {
  static override styles = [...sharedStyles, tenantsStyles];

  static override properties = {
    connection: { attribute: false },
    businessUnitId: { attribute: 'business-unit-id' },
    heading: {},
    note: {},
    locale: {},
    selectedTenantId: { attribute: 'selected-tenant-id' },
    firstPage: { attribute: false },
    _sort: { state: true },
    _order: { state: true },
    _type: { state: true },
    _lifecycle: { state: true },
    _status: { state: true },
    _q: { state: true },
  };

  /** The shared connection; without it, the one an enclosing provider offers. */
  declare connection: SccConnection | undefined;
  /** Lists this unit's tenants and its descendants'; empty: the caller's whole subtree. */
  declare businessUnitId: string | undefined;
  /** Caption title (default: "Tenants"). */
  declare heading: string | undefined;
  /** Extra caption text after the count. */
  declare note: string | undefined;
  declare locale: string | undefined;
  /** The selected tenant (kept across pages and refreshes). */
  declare selectedTenantId: string | undefined;
  /**
   * The first page of `business-unit-id`'s tenants in the default order and filters, when the host
   * already fetched it (with the session, say): shown instead of asking the server again, once.
   */
  declare firstPage: TenantPage | undefined;
  declare _sort: TenantSort;
  declare _order: 'asc' | 'desc';
  declare _type: string;
  declare _lifecycle: string;
  declare _status: string;
  declare _q: string;

  readonly #link = new ConnectionController(this, {
    own: () => this.connection,
    onChange: (connection) => this.#listen(connection),
  });
  readonly #pages = new TenantPageController(this, {
    client: () => this.#link.connection?.client,
    query: () => this.#query(this),
    prefetched: (key) => {
      const page = this.firstPage;
      this.firstPage = undefined;
      return key === JSON.stringify(this.#query(DEFAULTS)) ? page : undefined;
    },
    onChange: () => this.dispatchEvent(createTenantsChangeEvent()),
  });
  readonly #parts = new WidgetPartsController(this, {
    load: () => this.#loadOperations(),
    // Without the operations the rows simply offer no actions; the next update asks again.
    onFailure: () => undefined,
  });
  readonly #partLoader = new ContextConsumer(this, { context: partLoaderContext });
  #unsubscribe: (() => void) | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this._sort = 'name';
    this._order = 'asc';
    this._type = '';
    this._lifecycle = '';
    this._status = '';
    this._q = '';
  }

  #loadOperations(): Promise<unknown> {
    return this.#partLoader.value?.('operations') ?? widgetParts.operations();
  }

  #query(state: QueryState): TenantQuery {
    return {
      businessUnitId: this.businessUnitId || undefined,
      sort: state._sort,
      order: state._order,
      type: state._type || undefined,
      // The filters' options are the server's own values (the message dictionaries' keys).
      lifecycle: (state._lifecycle || undefined) as TenantQuery['lifecycle'],
      status: (state._status || undefined) as TenantQuery['status'],
      q: state._q || undefined,
    };
  }

  /** The tenants loaded so far, in the server's order. */
  get tenants(): Tenant[] {
    return this.#pages.tenants;
  }

  /** Settles once the first page of the current query has loaded (or failed). */
  get loaded(): Promise<void> {
    return this.updateComplete.then(() => this.#pages.loaded).then(() => this.updateComplete.then(() => undefined));
  }

  /** Loads the first page again. */
  refresh(): Promise<unknown> {
    return this.#pages.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    clearTimeout(this.#searchTimer);
    this.#pages.stop();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#unsubscribe) this.#listen(this.#link.connection);
  }

  #listen(connection: SccConnection | undefined): void {
    this.#unsubscribe?.();
    this.#unsubscribe = connection?.subscribe({
      onEvent: (event) => {
        if (event.type !== 'tenant') return;
        try {
          this.#pages.apply(JSON.parse(event.data) as Tenant);
        } catch {
          // A malformed event changes nothing; the next refresh brings the truth.
        }
      },
    });
  }

  protected override willUpdate(): void {
    // A locale whose pack is not loaded yet (German, say): once it is, render again in it.
    const requested = this.locale ?? this.#link.locale;
    if (localePending(requested))
      void loadLocale(requested).then(
        () => this.requestUpdate(),
        () => undefined,
      );
  }

  // After the update: a first page the host handed over arrives while the update runs.
  protected override updated(): void {
    if (this.#pages.tenants.some((tenant) => tenant.allowedActions.length > 0)) {
      this.#parts.ensure('operations');
    }
  }

  #onSort = (event: SccTenantSortEvent): void => {
    this._sort = event.detail.sort;
    this._order = event.detail.order;
  };

  #onSelect = (event: SccTenantSelectEvent): void => {
    const { tenant } = event.detail;
    this.selectedTenantId = tenant.id;
    this.dispatchEvent(
      createNavigateEvent({ view: 'tenant', businessUnitId: tenant.businessUnitId, tenantId: tenant.id }),
    );
  };

  #onTerminate = (event: SccTenantTerminateEvent): void => {
    void this.renderRoot.querySelector('scc-terminate-dialog')?.show(event.detail.tenant);
  };

  #onOperate = ({ detail: { action, tenant } }: SccTenantOperateEvent): void => {
    if (action === 'copy-into' || action === 'order-from')
      void this.renderRoot.querySelector(action === 'copy-into' ? 'scc-copy-dialog' : 'scc-order-tenant')?.show(tenant);
    else void widgetParts.transports().then((transports) => transports.openTransports(this, action, tenant));
  };

  /** A retained tenant comes back as it was (same data); the list follows once the server accepted. */
  #onRestore = async ({ detail }: SccTenantRestoreEvent): Promise<void> => {
    const client = this.#link.connection?.client;
    // Loaded already: a row offers restore only with the operations there.
    const operations = (await this.#loadOperations()) as typeof import('../../lazy/operations.js');
    if (client) await operations.restoreTenant(this, client, detail.tenant);
  };

  /** Whatever the dialog did changes the list: load it again, quietly. */
  #onOperation = (_event: CustomEvent<{ request: OperationRequest }>): void => {
    void this.#pages.refresh();
  };

  #onSearch = (event: InputEvent): void => {
    const value = (event.target as HTMLInputElement).value.trim().slice(0, 100);
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      this._q = value;
    }, SEARCH_DEBOUNCE_MS);
  };

  #filter(key: '_type' | '_lifecycle' | '_status') {
    return (event: Event) => {
      this[key] = (event.target as HTMLSelectElement).value;
    };
  }

  override render() {
    // Resolved, so the list and dialogs inside render again when the locale's pack arrives.
    const locale = resolveLocale(this.locale ?? this.#link.locale);
    const m = messagesFor(locale);
    const t = tenantListMessagesFor(locale);
    const pages = this.#pages;
    const failed = pages.status === 'error';
    const ready = pages.status === 'complete';
    const note = [ready ? t.total(pages.total, pages.totalCapped) : '', this.note].filter(Boolean).join(' · ');
    const tenants = pages.tenants;
    return html`${this.#renderFilters(m, t)}
      <div aria-busy=${pages.status === 'pending' ? 'true' : 'false'}
        @scc-operation-request-submit=${this.#onOperation}
        @scc-operation-request-cancel=${this.#onOperation}
        @scc-operation-request-complete=${this.#onOperation}>
        ${
          failed
            ? html`<scc-state-panel part="state" data-testid="tenants-error" variant="error" locale=${locale}
                .message=${t.loadFailed} .retryable=${true} @scc-retry=${() => void pages.refresh()}></scc-state-panel>`
            : html`<scc-tenant-list
                data-testid="tenant-list"
                exportparts="tenants, tenant-row, tenant-row-selected, status-badge, empty, terminate-button, restore-button, copy-into-button, order-from-button, actions-button, actions-menu"
                .tenants=${tenants}
                .heading=${this.heading}
                .note=${note}
                .sort=${this._sort}
                .order=${this._order}
                .selectedId=${this.selectedTenantId}
                ?terminable=${this.#parts.isReady('operations')}
                locale=${locale}
                @scc-tenant-sort=${this.#onSort}
                @scc-tenant-select=${this.#onSelect}
                @scc-tenant-terminate=${this.#onTerminate}
                @scc-tenant-restore=${this.#onRestore}
                @scc-tenant-operate=${this.#onOperate}
              ></scc-tenant-list>`
        }
        ${
          ready && tenants.length > 0
            ? html`<div class="more">
              <span role="status" data-testid="showing">${t.showing(tenants.length, pages.total, pages.totalCapped)}</span>
              ${
                pages.hasMore
                  ? html`<button part="load-more" type="button" data-testid="load-more" ?disabled=${pages.loadingMore}
                      @click=${() => void pages.loadMore().catch(() => undefined)}>${m.loadMore}</button>`
                  : nothing
              }
            </div>`
            : nothing
        }
        ${
          this.#parts.isReady('operations')
            ? html`<scc-terminate-dialog exportparts="dialog" locale=${locale} .client=${this.#link.connection?.client}></scc-terminate-dialog>
              <scc-copy-dialog exportparts="dialog" locale=${locale} .client=${this.#link.connection?.client}></scc-copy-dialog>
              <scc-order-tenant hide-opener exportparts="dialog" locale=${locale} .client=${this.#link.connection?.client}
                .tenants=${tenants}></scc-order-tenant>`
            : nothing
        }
      </div>`;
  }

  #renderFilters(m: Messages, t: TenantListMessages) {
    const options = (labels: Record<string, string>, selected: string) =>
      Object.entries(labels).map(
        ([value, label]) => html`<option value=${value} ?selected=${value === selected}>${label}</option>`,
      );
    return html`<div part="filters" class="toolbar" role="search" aria-label=${t.filters}>
      <label class="search">${t.searchTenants}
        <input type="search" data-testid="tenant-search" maxlength="100" autocomplete="off" @input=${this.#onSearch} />
      </label>
      <label>${t.filterType}
        <select data-testid="filter-type" @change=${this.#filter('_type')}>
          <option value="">${t.any}</option>${options(m.tenantType, this._type)}
        </select>
      </label>
      <label>${t.filterLifecycle}
        <select data-testid="filter-lifecycle" @change=${this.#filter('_lifecycle')}>
          <option value="">${t.any}</option>${options(m.lifecycleStatus, this._lifecycle)}
          <option value="all" ?selected=${this._lifecycle === 'all'}>${t.allLifecycles}</option>
        </select>
      </label>
      <label>${t.filterStatus}
        <select data-testid="filter-status" @change=${this.#filter('_status')}>
          <option value="">${t.any}</option>${options(m.operationalStatus, this._status)}
        </select>
      </label>
    </div>`;
  }
}
