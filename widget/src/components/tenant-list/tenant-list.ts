import { adoptStyles, type CSSResult, html, LitElement, nothing, type PropertyValues, unsafeCSS } from 'lit';
import type { Tenant, TenantAction, TenantSort } from '../../api/types.js';
import { createTenantOperateEvent } from '../../events/scc-tenant-operate.js';
import { createTenantRestoreEvent } from '../../events/scc-tenant-restore.js';
import { createTenantSelectEvent } from '../../events/scc-tenant-select.js';
import { createTenantSortEvent } from '../../events/scc-tenant-sort.js';
import { createTenantTerminateEvent } from '../../events/scc-tenant-terminate.js';
import { labelFor, type Messages, messagesFor } from '../../i18n/index.js';
import { tenantListMessagesFor } from '../../i18n/tenant-list-messages.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { tenantListStyles } from './tenant-list.styles.js';

/** The narrow-width styles (actions menu, cards), loaded once for every list; see `firstUpdated`. */
let narrowStyles: Promise<CSSResult> | undefined;

const cssToken = (value: string): string => value.toLowerCase().replace(/[^a-z0-9-]/g, '-');

const COLUMNS: ReadonlyArray<{ sort: TenantSort; label: (m: Messages) => string }> = [
  { sort: 'name', label: (m) => m.columns.name },
  { sort: 'type', label: (m) => m.columns.type },
  { sort: 'lifecycle', label: (m) => m.columns.lifecycleStatus },
  { sort: 'status', label: (m) => m.columns.operationalStatus },
  { sort: 'businessUnit', label: (m) => m.columns.businessUnit },
];

/**
 * One page of tenants as a table whose column headers sort (on the server: the list only says so).
 * Each row offers only the actions the server allows this caller on it: as buttons on wide lists,
 * behind an accessible menu button on narrower ones; below 720 px of its own width the table
 * becomes cards (container queries, so the host's layout decides, not the viewport).
 *
 * @tag scc-tenant-list
 * @csspart tenants - The `<table>`.
 * @csspart tenant-row - Each body row (`<tr data-tenant-id>`); the selected one also `tenant-row-selected`.
 * @csspart status-badge - The operational-status badge of each row.
 * @csspart empty - The empty state panel.
 * @csspart terminate-button - The "request termination" button of a row (wide lists).
 * @csspart restore-button - The "restore" button of a retained row (wide lists).
 * @csspart copy-into-button - The "copy into this tenant" button of a row (wide lists).
 * @csspart order-from-button - The "order from this tenant" button of a row (wide lists).
 * @csspart transport-button - The "transport configuration" button of a row (wide lists).
 * @csspart profile-versions-button - The "solution profile versions" button of a row (wide lists).
 * @csspart actions-button - The menu button of a row's actions (narrow lists).
 * @csspart actions-menu - The open menu of a row's actions.
 * @event scc-tenant-terminate - (internal, does not bubble) A row's termination was asked for.
 * @event scc-tenant-restore - (internal, does not bubble) A row's restore was asked for.
 * @event scc-tenant-operate - (internal, does not bubble) A row's copy into, order from, transport or profile versions was asked for.
 * @event scc-tenant-sort - (internal, does not bubble) A column header was activated.
 * @event scc-tenant-select - (internal, does not bubble) A row was selected.
 * @cssproperty --scc-color-border - Table lines.
 * @cssproperty --scc-color-muted - Secondary text and column headers.
 */
export class SccTenantList extends LitElement {
  static override styles = [...sharedStyles, tenantListStyles];

  static override properties = {
    tenants: { attribute: false },
    heading: {},
    note: {},
    terminable: { type: Boolean },
    sort: {},
    order: {},
    selectedId: { attribute: 'selected-id' },
    locale: {},
    _menuFor: { state: true },
  };

  declare tenants: Tenant[];
  /** Caption title (default: "Tenants"). */
  declare heading: string | undefined;
  /** Caption text below the title (the count, the scope). */
  declare note: string | undefined;
  /** Whether the operations are loaded, so a row's allowed actions can be offered. */
  declare terminable: boolean;
  /** The column the server sorted by. */
  declare sort: TenantSort;
  declare order: 'asc' | 'desc';
  /** The selected tenant, highlighted wherever it shows. */
  declare selectedId: string | undefined;
  declare locale: string | undefined;
  /** The tenant whose actions menu is open. */
  declare _menuFor: string | undefined;

  constructor() {
    super();
    this.tenants = [];
    this.terminable = false;
    this.sort = 'name';
    this.order = 'asc';
  }

  protected override firstUpdated(): void {
    // After the first rows are on screen, so they wait for nothing: the entry stays within its size
    // budget, and until these styles are there the inline action buttons do the menu's job.
    narrowStyles ??= import('./tenant-list-narrow.styles.js').then((module) => unsafeCSS(module.tenantListNarrowCss));
    this.#narrowStylesApplied = narrowStyles.then(
      (narrow) => adoptStyles(this.renderRoot as ShadowRoot, [...SccTenantList.elementStyles, narrow]),
      () => {
        narrowStyles = undefined;
      },
    );
  }

  #narrowStylesApplied: Promise<void> = Promise.resolve();

  /** Resolves once the narrow-width styles (menu, cards) apply to this list, or failed to load. */
  get narrowStylesApplied(): Promise<void> {
    return this.updateComplete.then(() => this.#narrowStylesApplied);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('_menuFor') && this._menuFor) this.#menuItems()[0]?.focus();
  }

  /** What the server allows on the row, once the operations (dialogs, restore) are loaded. */
  #actionsOf(tenant: Tenant): TenantAction[] {
    return this.terminable ? tenant.allowedActions : [];
  }

  #act(tenant: Tenant, action: TenantAction): void {
    // From the menu: focus goes back to its button first, so a dialog gives it back there on close.
    this.#closeMenu(true);
    this.dispatchEvent(
      action === 'terminate'
        ? createTenantTerminateEvent(tenant)
        : action === 'restore'
          ? createTenantRestoreEvent(tenant)
          : createTenantOperateEvent({ tenant, action }),
    );
  }

  #sortBy(sort: TenantSort): void {
    const order = this.sort === sort && this.order === 'asc' ? 'desc' : 'asc';
    this.dispatchEvent(createTenantSortEvent({ sort, order }));
  }

  #menuItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menu"] [role="menuitem"]')];
  }

  #menuButton(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`tr[data-tenant-id="${CSS.escape(id)}"] .menu-button`);
  }

  #closeMenu(returnFocus: boolean): void {
    const id = this._menuFor;
    this._menuFor = undefined;
    if (returnFocus && id) this.#menuButton(id)?.focus();
  }

  #onMenuButtonKey(event: KeyboardEvent, id: string): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this._menuFor = id;
    }
  }

  #onMenuKey = (event: KeyboardEvent): void => {
    const items = this.#menuItems();
    const at = items.indexOf(this.shadowRoot?.activeElement as HTMLElement);
    const target = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
    if (target !== undefined) {
      event.preventDefault();
      items[(target + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#closeMenu(true);
    } else if (event.key === 'Tab') {
      this.#closeMenu(false);
    }
  };

  #toggleMenu(id: string): void {
    if (this._menuFor === id) this.#closeMenu(true);
    else this._menuFor = id;
  }

  #onMenuFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget as Node | null;
    if (!to || !(event.currentTarget as HTMLElement).closest('.menu')?.contains(to)) this._menuFor = undefined;
  };

  override render() {
    const m = messagesFor(this.locale);
    const t = tenantListMessagesFor(this.locale);
    const tenants = this.tenants ?? [];
    const title = this.heading ?? m.tenants;
    if (tenants.length === 0) {
      return html`<div class="heading"><span class="title">${title}</span><span class="meta">${this.note ?? ''}</span></div>
        <scc-state-panel part="empty" data-testid="tenants-empty" variant="empty" locale=${this.locale ?? ''}
          .heading=${m.emptyTitle} .message=${m.emptyDetail}></scc-state-panel>`;
    }
    const actionable = tenants.some((tenant) => this.#actionsOf(tenant).length > 0);
    return html`<div class="frame">
      <table part="tenants" data-testid="tenants">
        <caption><span class="title">${title}</span><span class="meta">${this.note ?? ''}</span></caption>
        <thead>
          <tr>
            ${COLUMNS.map(
              (
                column,
              ) => html`<th scope="col" aria-sort=${this.sort === column.sort ? (this.order === 'asc' ? 'ascending' : 'descending') : nothing}>
                <button type="button" class="sort" data-sort=${column.sort} data-order=${this.sort === column.sort ? this.order : nothing} @click=${() => this.#sortBy(column.sort)}>
                  ${column.label(m)}
                </button>
              </th>`,
            )}
            ${actionable ? html`<th scope="col" class="actions-head"><span class="visually-hidden">${t.actions}</span></th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${
            // By position, not keyed: a row keeps no state of its own (the open menu is `_menuFor`,
            // the highlight `selectedId`, both by tenant id), so reusing a row for another tenant
            // is safe, and the entry does without lit's keyed repeat directive.
            tenants.map((tenant) => this.#renderRow(tenant, m, actionable))
          }
        </tbody>
      </table>
    </div>`;
  }

  #renderRow(tenant: Tenant, m: Messages, actionable: boolean) {
    const selected = tenant.id === this.selectedId;
    return html`<tr part=${selected ? 'tenant-row tenant-row-selected' : 'tenant-row'} data-tenant-id=${tenant.id}
      class=${selected ? 'selected' : ''}>
      <th scope="row">
        <button type="button" class="name" aria-current=${selected ? 'true' : nothing}
          @click=${() => this.dispatchEvent(createTenantSelectEvent(tenant))}>${tenant.name}</button>
        <span class="product">${tenant.productName}</span>
      </th>
      <td data-label=${m.columns.type}><span class="pill pill--${cssToken(tenant.type)}">${labelFor(m.tenantType, tenant.type)}</span></td>
      <td data-label=${m.columns.lifecycleStatus}><span class="lifecycle lifecycle--${cssToken(tenant.lifecycleStatus)}">${labelFor(m.lifecycleStatus, tenant.lifecycleStatus)}</span></td>
      <td data-label=${m.columns.operationalStatus}>
        <scc-status-badge exportparts="base: status-badge" status=${tenant.operationalStatus} locale=${this.locale ?? ''}></scc-status-badge>
      </td>
      <td class="bu" data-label=${m.columns.businessUnit}>${tenant.businessUnitName}</td>
      ${actionable ? html`<td class="actions">${this.#renderActions(tenant, m)}</td>` : nothing}
    </tr>`;
  }

  #renderActions(tenant: Tenant, m: Messages) {
    const actions = this.#actionsOf(tenant);
    if (actions.length === 0) return nothing;
    const t = tenantListMessagesFor(this.locale);
    const open = this._menuFor === tenant.id;
    const menuId = `actions-${cssToken(tenant.id)}`;
    const label = (action: TenantAction) => (action === 'terminate' ? m.requestTermination : t[action]);
    return html`<span class="inline">${actions.map(
      (action) => html`<button part=${`${action}-button`} type="button" class=${action === 'terminate' ? 'danger' : ''}
          data-testid=${action} aria-label=${`${label(action)}: ${tenant.name}`}
          @click=${() => this.#act(tenant, action)}>${label(action)}</button>`,
    )}</span>
      <span class="menu" @focusout=${this.#onMenuFocusOut}>
        <button part="actions-button" type="button" class="menu-button" data-testid="actions"
          aria-haspopup="menu" aria-expanded=${open ? 'true' : 'false'} aria-controls=${menuId}
          aria-label=${t.actionsFor(tenant.name)}
          @click=${() => this.#toggleMenu(tenant.id)}
          @keydown=${(event: KeyboardEvent) => this.#onMenuButtonKey(event, tenant.id)}>
          <span aria-hidden="true">⋯</span>
        </button>
        ${
          open
            ? html`<div part="actions-menu" role="menu" id=${menuId} aria-label=${t.actionsFor(tenant.name)} @keydown=${this.#onMenuKey}>
              ${actions.map(
                (
                  action,
                ) => html`<button type="button" role="menuitem" tabindex="-1" class=${action === 'terminate' ? 'danger' : ''}
                  data-action=${action} @click=${() => this.#act(tenant, action)}>${label(action)}</button>`,
              )}
            </div>`
            : nothing
        }
      </span>`;
  }
}
