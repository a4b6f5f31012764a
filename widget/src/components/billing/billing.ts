import { html, nothing } from 'lit';
import type { BffClient } from '../../api/bff-client.js';
import type { BusinessUnit } from '../../api/types.js';
import { BillingSection } from './billing-section.js';

type Section = 'usage' | 'invoices' | 'showBack' | 'prices';
const SECTIONS: Section[] = ['usage', 'invoices', 'showBack', 'prices'];

/**
 * Usage, invoices, show-back and price lists of a business unit, one section at a time. For the
 * `billing` role and admins; whether the unit sells (it has a sale price list) decides whether it
 * runs and issues invoices.
 *
 * @tag scc-billing
 * @csspart billing-sections - The section switch; `billing-section` each of its buttons.
 * @csspart chart - Each usage chart; `chart-table` its table.
 * @csspart invoices - The invoice tables; `invoice-row`, `invoice`, `invoice-lines`, `run-button`,
 *   `issue-button`, `download-button` as in `<scc-invoices>`.
 * @csspart show-back-lines - Show-back per metric; `show-back-units` per unit.
 * @csspart price-list - Each price list; `price-list-editor` the form; `field-error` its messages.
 */
export class SccBilling extends BillingSection {
  static override properties = {
    _section: { state: true },
    _seller: { state: true },
    _children: { state: true },
  };

  declare _section: Section;
  declare _seller: boolean;
  declare _children: BusinessUnit[];

  constructor() {
    super();
    this._section = 'usage';
    this._seller = false;
    this._children = [];
  }

  protected async fetch(client: BffClient, unitId: string, signal: AbortSignal): Promise<void> {
    const [lists, children] = await Promise.all([
      client.getPriceLists(unitId, signal),
      client.listBusinessUnitLevel(unitId, undefined, signal),
    ]);
    if (signal.aborted) return;
    this._seller = lists.sale !== null;
    this._children = children.items;
  }

  #body() {
    const { client, businessUnitId: unitId } = this;
    const locale = this.locale ?? '';
    switch (this._section) {
      case 'usage':
        return html`<scc-usage exportparts="chart, chart-table, usage-totals" .client=${client}
          .businessUnitId=${unitId} locale=${locale}></scc-usage>`;
      case 'invoices':
        return html`<scc-invoices exportparts="invoices, invoice-row, invoice, invoice-lines, run-button, issue-button, download-button"
          .client=${client} .businessUnitId=${unitId} locale=${locale}
          ?seller=${this._seller}></scc-invoices>`;
      case 'showBack':
        return html`<scc-show-back exportparts="show-back-lines, show-back-units" .client=${client}
          .businessUnitId=${unitId} locale=${locale}></scc-show-back>`;
      case 'prices':
        return html`<scc-price-lists exportparts="price-list, price-list-editor, field-error" .client=${client}
          .businessUnitId=${unitId} locale=${locale} .buyers=${this._children}></scc-price-lists>`;
    }
  }

  override render() {
    const m = this.m;
    return html`<section aria-labelledby="billing-title">
      <h2 id="billing-title" class="visually-hidden">${m.sectionsLabel}</h2>
      <div part="billing-sections" class="switch" role="group" aria-label=${m.sectionsLabel}>
        ${SECTIONS.map(
          (section) => html`<button type="button" part="billing-section" data-section=${section}
            aria-current=${this._section === section ? 'true' : 'false'}
            @click=${() => {
              this._section = section;
            }}>${m.sections[section]}</button>`,
        )}
      </div>
      ${this._error ? this.renderStatus() : nothing}
      ${this.#body()}
    </section>`;
  }
}
