/**
 * The BFF calls of the billing and data-source screens. They come with the billing chunk instead of
 * the entry: loading this module adds them to `BffClient.prototype` (see admin-calls.ts).
 */
import { BffClient, itemsOf, problemFrom, query, record } from './bff-client.js';
import type {
  CreateDataSourceBody,
  DataSource,
  Invoice,
  InvoiceList,
  InvoiceSummary,
  PriceList,
  PriceListBody,
  PriceLists,
  ShowBack,
  UpdateDataSourceBody,
  UsageSummary,
} from './types.js';

/** Which of a seller's lists a `PUT` replaces: the default sale list, one buyer's, or the internal one. */
export type PriceListTarget = { purpose: 'sale'; buyerId?: string } | { purpose: 'internal' };

declare module './bff-client.js' {
  interface BffClient {
    getUsage(unitId: string, range: { from: string; to: string }, signal?: AbortSignal): Promise<UsageSummary>;
    listInvoices(unitId: string, period: string | undefined, signal?: AbortSignal): Promise<InvoiceList>;
    runInvoices(unitId: string, period: string): Promise<InvoiceSummary[]>;
    getInvoice(id: string, signal?: AbortSignal): Promise<Invoice>;
    issueInvoice(id: string): Promise<Invoice>;
    /** The invoice as a file (`csv` or `pdf`), fetched with the widget token, which a link could not send. */
    downloadInvoice(id: string, format: 'csv' | 'pdf'): Promise<Blob>;
    getShowBack(unitId: string, period: string, signal?: AbortSignal): Promise<ShowBack>;
    getPriceLists(unitId: string, signal?: AbortSignal): Promise<PriceLists>;
    putPriceList(unitId: string, target: PriceListTarget, body: PriceListBody): Promise<PriceList>;
    listDataSources(unitId: string, signal?: AbortSignal): Promise<DataSource[]>;
    createDataSource(unitId: string, body: CreateDataSourceBody): Promise<DataSource>;
    updateDataSource(id: string, body: UpdateDataSourceBody): Promise<DataSource>;
  }
}

const unit = (id: string) => `/v1/widget/billing/business-units/${encodeURIComponent(id)}`;
const invoice = (id: string) => `/v1/widget/billing/invoices/${encodeURIComponent(id)}`;

const billingCalls: ThisType<BffClient> &
  Pick<
    BffClient,
    | 'getUsage'
    | 'listInvoices'
    | 'runInvoices'
    | 'getInvoice'
    | 'issueInvoice'
    | 'downloadInvoice'
    | 'getShowBack'
    | 'getPriceLists'
    | 'putPriceList'
    | 'listDataSources'
    | 'createDataSource'
    | 'updateDataSource'
  > = {
  getUsage(unitId, range, signal) {
    return this.request(`${unit(unitId)}/usage${query(range)}`, { signal }, record<UsageSummary>);
  },
  listInvoices(unitId, period, signal) {
    return this.request(`${unit(unitId)}/invoices${query({ period })}`, { signal }, record<InvoiceList>);
  },
  async runInvoices(unitId, period) {
    const path = `${unit(unitId)}/invoice-runs`;
    return (await this.request(path, { method: 'POST', body: { period } }, itemsOf<InvoiceSummary>)).items;
  },
  getInvoice(id, signal) {
    return this.request(invoice(id), { signal }, record<Invoice>);
  },
  issueInvoice(id) {
    return this.request(`${invoice(id)}/issue`, { method: 'POST' }, record<Invoice>);
  },
  async downloadInvoice(id, format) {
    const type = format === 'csv' ? 'text/csv' : 'application/pdf';
    const response = await this.send(`${invoice(id)}/${format}`, {
      headers: { Accept: `${type}, application/problem+json` },
    });
    if (!response.ok) throw await problemFrom(response);
    return response.blob();
  },
  getShowBack(unitId, period, signal) {
    return this.request(`${unit(unitId)}/show-back${query({ period })}`, { signal }, record<ShowBack>);
  },
  getPriceLists(unitId, signal) {
    return this.request(`${unit(unitId)}/price-lists`, { signal }, record<PriceLists>);
  },
  putPriceList(unitId, target, body) {
    const list =
      target.purpose === 'internal'
        ? 'internal'
        : target.buyerId
          ? `sale/${encodeURIComponent(target.buyerId)}`
          : 'sale';
    return this.request(`${unit(unitId)}/price-lists/${list}`, { method: 'PUT', body }, record<PriceList>);
  },
  async listDataSources(unitId, signal) {
    const path = `/v1/widget/business-units/${encodeURIComponent(unitId)}/data-sources`;
    return (await this.request(path, { signal }, itemsOf<DataSource>)).items;
  },
  createDataSource(unitId, body) {
    const path = `/v1/widget/business-units/${encodeURIComponent(unitId)}/data-sources`;
    return this.request(path, { method: 'POST', body }, record<DataSource>);
  },
  updateDataSource(id, body) {
    return this.request(
      `/v1/widget/data-sources/${encodeURIComponent(id)}`,
      { method: 'PATCH', body },
      record<DataSource>,
    );
  },
};

Object.assign(BffClient.prototype, billingCalls);
