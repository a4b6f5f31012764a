import { html, LitElement } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Tenant } from '../../api/types.js';
import { createTenantTerminateEvent } from '../../events/scc-tenant-terminate.js';
import { labelFor, messagesFor, resolveLocale } from '../../i18n/index.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { tenantListStyles } from './tenant-list.styles.js';

const cssToken = (value: string): string => value.toLowerCase().replace(/[^a-z0-9-]/g, '-');

/**
 * The tenants of a business unit as a table with caption and column/row headers. Shows an
 * empty state when there are none.
 *
 * @tag scc-tenant-list
 * @csspart tenants - The `<table>`.
 * @csspart tenant-row - Each body row (`<tr data-tenant-id>`).
 * @csspart status-badge - The operational-status badge of each row.
 * @csspart empty - The empty state panel.
 * @csspart terminate-button - The "request termination" button of each row (with `terminable`).
 * @event scc-tenant-terminate - (internal, does not bubble) The terminate button of a row was activated.
 * @cssproperty --scc-color-border - Table lines.
 * @cssproperty --scc-color-muted - Secondary text and column headers.
 */
export class SccTenantList extends LitElement {
  static override styles = [...sharedStyles, tenantListStyles];

  static override properties = {
    tenants: { attribute: false },
    businessUnitNames: { attribute: false },
    heading: {},
    note: {},
    terminable: { type: Boolean },
    locale: {},
  };

  declare tenants: Tenant[];
  /** Business unit names by id, for the business unit column. */
  declare businessUnitNames: ReadonlyMap<string, string> | undefined;
  /** Caption title (default: "Tenants"). */
  declare heading: string | undefined;
  /** Extra caption text after the count. */
  declare note: string | undefined;
  /** Whether rows offer "request termination". */
  declare terminable: boolean;
  declare locale: string | undefined;

  constructor() {
    super();
    this.tenants = [];
    this.terminable = false;
  }

  override render() {
    const m = messagesFor(this.locale);
    const collator = new Intl.Collator(resolveLocale(this.locale), { numeric: true, sensitivity: 'base' });
    const tenants = [...(this.tenants ?? [])].sort((a, b) => collator.compare(a.name, b.name));
    const title = this.heading ?? m.tenants;
    const meta = [m.tenantCount(tenants.length), this.note].filter(Boolean).join(' · ');
    if (tenants.length === 0) {
      return html`<div class="heading"><span class="title">${title}</span><span class="meta">${meta}</span></div>
        <scc-state-panel part="empty" data-testid="tenants-empty" variant="empty" locale=${this.locale ?? ''}
          .heading=${m.emptyTitle} .message=${m.emptyDetail}></scc-state-panel>`;
    }
    // The table may scroll sideways: the region is a tab stop, so keyboard users can scroll it too.
    return html`<div class="scroll" role="region" tabindex="0" aria-label=${title}>
      <table part="tenants" data-testid="tenants">
        <caption><span class="title">${title}</span><span class="meta">${meta}</span></caption>
        <thead>
          <tr>
            <th scope="col">${m.columns.name}</th>
            <th scope="col">${m.columns.type}</th>
            <th scope="col">${m.columns.lifecycleStatus}</th>
            <th scope="col">${m.columns.operationalStatus}</th>
            <th scope="col">${m.columns.businessUnit}</th>
            ${this.terminable ? html`<th scope="col"><span class="visually-hidden">${m.requestTermination}</span></th>` : ''}
          </tr>
        </thead>
        <tbody>
          ${repeat(
            tenants,
            (t) => t.id,
            (t) => html`<tr part="tenant-row" data-tenant-id=${t.id}>
              <th scope="row"><span class="name">${t.name}</span><span class="product">${t.productName}</span></th>
              <td><span class="pill pill--${cssToken(t.type)}">${labelFor(m.tenantType, t.type)}</span></td>
              <td><span class="lifecycle lifecycle--${cssToken(t.lifecycleStatus)}">${labelFor(m.lifecycleStatus, t.lifecycleStatus)}</span></td>
              <td>
                <scc-status-badge exportparts="base: status-badge" status=${t.operationalStatus} locale=${this.locale ?? ''}></scc-status-badge>
              </td>
              <td class="bu">${this.businessUnitNames?.get(t.businessUnitId) ?? t.businessUnitId}</td>
              ${
                this.terminable
                  ? html`<td><button part="terminate-button" type="button" data-testid="terminate"
                      aria-label=${`${m.requestTermination}: ${t.name}`}
                      @click=${() => this.dispatchEvent(createTenantTerminateEvent(t))}>${m.requestTermination}</button></td>`
                  : ''
              }
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
