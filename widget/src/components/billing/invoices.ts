import { html, nothing } from 'lit';
import type { BffClient } from '../../api/bff-client.js';
import type { Invoice, InvoiceLine, InvoiceList, InvoiceSummary } from '../../api/types.js';
import { formatMoney, formatQuantity, formatUnitPrice } from '../../i18n/billing-messages.js';
import { labelFor } from '../../i18n/index.js';
import { BillingSection, lastMonth, saveBlob } from './billing-section.js';

/**
 * A unit's invoices for a month: those it sends (drafts too) and those it received, one opened
 * with its line items, CSV and PDF downloads, and for a seller the month's run and issuing a draft
 * (after a confirmation: an issued invoice is numbered and immutable).
 *
 * @tag scc-invoices
 * @csspart invoices - Each table of invoices; `invoice-row` each row (`data-invoice-id`).
 * @csspart invoice - The opened invoice; `invoice-lines` its table of line items.
 * @csspart run-button - Computes the month's drafts; `issue-button` issues the opened draft.
 * @csspart download-button - CSV and PDF downloads.
 */
export class SccInvoices extends BillingSection {
  static override properties = {
    seller: { type: Boolean },
    _period: { state: true },
    _list: { state: true },
    _open: { state: true },
    _confirming: { state: true },
    _note: { state: true },
  };

  /** Whether the unit sells (has a sale price list): then it may run and issue invoices. */
  declare seller: boolean;
  declare _period: string;
  declare _list: InvoiceList | undefined;
  declare _open: Invoice | undefined;
  declare _confirming: boolean;
  declare _note: string;

  constructor() {
    super();
    this.seller = false;
    this._period = lastMonth();
    this._confirming = false;
    this._note = '';
  }

  get invoices(): InvoiceList | undefined {
    return this._list;
  }

  protected async fetch(client: BffClient, unitId: string, signal: AbortSignal): Promise<void> {
    const list = await client.listInvoices(unitId, this._period, signal);
    if (!signal.aborted) this._list = list;
  }

  /** Runs one change and shows its error like a load's; resolves false when it failed. */
  async #change(run: (client: BffClient) => Promise<void>): Promise<boolean> {
    const client = this.client;
    if (!client) return false;
    this._error = undefined;
    try {
      await run(client);
      return true;
    } catch (error) {
      this._error = this.errorText(error);
      return false;
    }
  }

  #onPeriod = (event: SubmitEvent): void => {
    event.preventDefault();
    this._period = String(new FormData(event.target as HTMLFormElement).get('period'));
    this._open = undefined;
    void this.reload();
  };

  #run = async (): Promise<void> => {
    const unitId = this.businessUnitId;
    if (!unitId) return;
    await this.#change(async (client) => {
      const items = await client.runInvoices(unitId, this._period);
      this._note = this.m.ranInvoices(items.length);
      await this.reload();
    });
  };

  async #openInvoice(id: string): Promise<void> {
    this._confirming = false;
    await this.#change(async (client) => {
      this._open = await client.getInvoice(id);
    });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="invoice"] h3')?.focus();
  }

  async #download(format: 'csv' | 'pdf'): Promise<void> {
    const invoice = this._open;
    if (!invoice) return;
    await this.#change(async (client) => {
      const blob = await client.downloadInvoice(invoice.id, format);
      const name = invoice.number === null ? `draft-${invoice.id}` : `${invoice.number}`;
      saveBlob(blob, `invoice-${invoice.period}-${name}.${format}`, this.renderRoot as Element);
    });
  }

  #issue = async (): Promise<void> => {
    const invoice = this._open;
    if (!invoice) return;
    const issued = await this.#change(async (client) => {
      this._open = await client.issueInvoice(invoice.id);
    });
    this._confirming = false;
    if (issued) await this.reload();
  };

  #table(caption: string, items: InvoiceSummary[], testId: string) {
    const { m, tag } = this;
    if (items.length === 0) return nothing;
    return html`<div class="scroll"><table part="invoices" data-testid=${testId}>
      <caption>${caption}</caption>
      <thead><tr>
        <th scope="col">${m.number}</th><th scope="col">${m.seller}</th><th scope="col">${m.buyer}</th>
        <th scope="col">${m.period}</th><th scope="col" class="num">${m.total}</th><th scope="col">${m.status}</th>
        <th scope="col"><span class="visually-hidden">${m.open}</span></th>
      </tr></thead>
      <tbody>${items.map(
        (i) => html`<tr part="invoice-row" data-invoice-id=${i.id}>
          <td>${i.number ?? '–'}</td><td>${i.sellerName}</td><td>${i.buyerName}</td><td>${i.period}</td>
          <td class="num" data-testid="invoice-total">${formatMoney(tag, i.currency, i.total)}</td>
          <td>${m.statuses[i.status]}</td>
          <td><button type="button" aria-label=${`${m.open}: ${i.buyerName} ${i.period}`}
            @click=${() => void this.#openInvoice(i.id)}>${m.open}</button></td>
        </tr>`,
      )}</tbody>
    </table></div>`;
  }

  #line(line: InvoiceLine, currency: string) {
    const { m, tag } = this;
    const tiers = line.tiers.map(
      (t) => `${formatQuantity(tag, t.quantity)} × ${formatUnitPrice(tag, currency, t.unitPrice)}`,
    );
    return html`<tr>
      <th scope="row">${labelFor(m.metrics, line.metric)}</th>
      <td class="num">${formatQuantity(tag, line.quantity)}</td>
      <td>${line.priced ? tiers.join(', ') : m.notPriced}</td>
      <td class="num">${line.minimumFee ? formatMoney(tag, currency, line.minimumFee) : '–'}</td>
      <td class="num">${formatMoney(tag, currency, line.amount)}</td>
    </tr>`;
  }

  #detail(invoice: Invoice) {
    const { m, tag } = this;
    const mine = this._list?.issued.some((i) => i.id === invoice.id) ?? false;
    return html`<div part="invoice" class="panel" data-testid="invoice">
      <h3 tabindex="-1">${m.invoiceTitle(invoice.number, invoice.buyerName, invoice.period)}</h3>
      <p class="note">${m.seller}: ${invoice.sellerName} · ${m.status}: ${m.statuses[invoice.status]}</p>
      <div class="scroll"><table part="invoice-lines" data-testid="invoice-lines">
        <caption>${m.lines}</caption>
        <thead><tr>
          <th scope="col">${m.metric}</th><th scope="col" class="num">${m.quantity}</th><th scope="col">${m.unitPrice}</th>
          <th scope="col" class="num">${m.minimumFee}</th><th scope="col" class="num">${m.amount}</th>
        </tr></thead>
        <tbody>${invoice.lines.map((line) => this.#line(line, invoice.currency))}</tbody>
        <tfoot><tr><th scope="row" colspan="4">${m.total}</th>
          <td class="num" data-testid="invoice-detail-total">${formatMoney(tag, invoice.currency, invoice.total)}</td></tr></tfoot>
      </table></div>
      <div class="bar">
        <button type="button" part="download-button" data-testid="download-csv" @click=${() => void this.#download('csv')}>${m.downloadCsv}</button>
        <button type="button" part="download-button" data-testid="download-pdf" @click=${() => void this.#download('pdf')}>${m.downloadPdf}</button>
        ${
          mine && invoice.status === 'draft' && this.seller && !this._confirming
            ? html`<button type="button" part="issue-button" class="primary" data-testid="issue"
                @click=${() => {
                  this._confirming = true;
                }}>${m.issue}</button>`
            : nothing
        }
        <button type="button" @click=${() => {
          this._open = undefined;
        }}>${m.close}</button>
      </div>
      ${
        this._confirming
          ? html`<div role="group" aria-label=${m.issue} class="panel" data-testid="issue-confirmation">
              <p>${m.issueConfirm(invoice.buyerName)}</p>
              <button type="button" class="primary" data-testid="issue-confirm" @click=${this.#issue}>${m.confirm}</button>
              <button type="button" @click=${() => {
                this._confirming = false;
              }}>${m.cancel}</button>
            </div>`
          : nothing
      }
    </div>`;
  }

  override render() {
    const m = this.m;
    const list = this._list;
    return html`<form aria-label=${m.sections.invoices} @submit=${this.#onPeriod}>
        <label>${m.period}<input name="period" type="month" required .value=${this._period} /></label>
        <button type="submit">${m.apply}</button>
        ${this.seller ? html`<button type="button" part="run-button" data-testid="run-invoices" @click=${this.#run}>${m.runInvoices}</button>` : nothing}
      </form>
      ${this._note ? html`<p class="note" role="status">${this._note}</p>` : nothing}
      ${this.renderStatus()}
      ${
        list
          ? list.issued.length + list.received.length === 0
            ? html`<p class="note" data-testid="no-invoices">${m.nothing}</p>`
            : html`${this.#table(m.issuedInvoices, list.issued, 'issued-invoices')}
                ${this.#table(m.receivedInvoices, list.received, 'received-invoices')}`
          : nothing
      }
      ${this._open ? this.#detail(this._open) : nothing}`;
  }
}
