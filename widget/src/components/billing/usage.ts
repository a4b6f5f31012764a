import { html } from 'lit';
import type { BffClient } from '../../api/bff-client.js';
import type { UsageSummary } from '../../api/types.js';
import { formatQuantity } from '../../i18n/billing-messages.js';
import { labelFor } from '../../i18n/index.js';
import { BillingSection, formatDay, isoDay } from './billing-section.js';
import type { ChartPoint } from './usage-chart.js';

/** How many data sources the bar chart and its table show, the largest first as the API sends them. */
const SOURCES_CHARTED = 20;

/**
 * Usage of a unit's subtree over a range of days: per metric over time, by child unit and by data
 * source, each as a chart and a table of the API's numbers.
 *
 * @tag scc-usage
 * @csspart chart - Each chart's frame; `chart-table` its table.
 * @csspart usage-totals - The table of the range's quantity per metric.
 */
export class SccUsage extends BillingSection {
  static override properties = {
    _usage: { state: true },
    _metric: { state: true },
    _range: { state: true },
    _tables: { state: true },
  };

  declare _usage: UsageSummary | undefined;
  declare _metric: string | undefined;
  declare _range: { from: string; to: string };
  declare _tables: boolean;

  constructor() {
    super();
    // The demo's collector, like most, keeps about two months of days.
    this._range = { from: isoDay(-59), to: isoDay() };
    this._tables = false;
  }

  /** The summary shown now. */
  get usage(): UsageSummary | undefined {
    return this._usage;
  }

  protected async fetch(client: BffClient, unitId: string, signal: AbortSignal): Promise<void> {
    const usage = await client.getUsage(unitId, this._range, signal);
    if (signal.aborted) return;
    this._usage = usage;
    const metrics = usage.byMetric.map((r) => r.metric);
    // Stored GB first when there is any: what most price lists charge for.
    if (!this._metric || !metrics.includes(this._metric))
      this._metric = metrics.includes('stored_gb') ? 'stored_gb' : metrics[0];
  }

  #onRange = (event: SubmitEvent): void => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this._range = { from: String(data.get('from')), to: String(data.get('to')) };
    void this.reload();
  };

  #points<Row extends { metric: string; quantity: string }>(rows: Row[], label: (row: Row) => string): ChartPoint[] {
    return rows.filter((r) => r.metric === this._metric).map((r) => ({ label: label(r), quantity: r.quantity }));
  }

  override render() {
    const { m, tag } = this;
    const usage = this._usage;
    const metric = this._metric;
    const metricName = metric ? labelFor(m.metrics, metric) : '';
    return html`<form aria-label=${m.sections.usage} @submit=${this.#onRange}>
        <label>${m.from}<input name="from" type="date" required .value=${this._range.from} /></label>
        <label>${m.to}<input name="to" type="date" required .value=${this._range.to} /></label>
        <button type="submit">${m.apply}</button>
        ${
          usage && usage.byMetric.length > 0
            ? html`<label>${m.metric}
                <select data-testid="metric" @change=${(e: Event) => {
                  this._metric = (e.target as HTMLSelectElement).value;
                }}>
                  ${usage.byMetric.map((r) => html`<option value=${r.metric} ?selected=${r.metric === metric}>${labelFor(m.metrics, r.metric)}</option>`)}
                </select>
              </label>`
            : ''
        }
        <button type="button" aria-pressed=${this._tables ? 'true' : 'false'} data-testid="show-tables"
          @click=${() => {
            this._tables = !this._tables;
          }}>${m.showTables}</button>
      </form>
      ${this.renderStatus()}
      ${
        usage
          ? html`<div class="scroll">
                <table part="usage-totals" data-testid="usage-totals">
                  <caption>${m.sections.usage}: ${formatDay(tag, usage.from)} – ${formatDay(tag, usage.to)}</caption>
                  <thead><tr><th scope="col">${m.metric}</th><th scope="col" class="num">${m.quantity}</th></tr></thead>
                  <tbody>${usage.byMetric.map(
                    (r) =>
                      html`<tr><th scope="row">${labelFor(m.metrics, r.metric)}</th><td class="num">${formatQuantity(tag, r.quantity)}</td></tr>`,
                  )}</tbody>
                </table>
              </div>
              <scc-usage-chart exportparts="chart, chart-table" kind="line" locale=${tag} ?show-table=${this._tables}
                caption=${m.usageOverTime(metricName)} label-heading=${m.day}
                .points=${this.#points(usage.byDay, (r) => formatDay(tag, r.day))}></scc-usage-chart>
              <scc-usage-chart exportparts="chart, chart-table" kind="bar" locale=${tag} ?show-table=${this._tables}
                caption=${m.byChild(metricName)} label-heading=${m.unit}
                .points=${this.#points(usage.byChild, (r) => r.name)}></scc-usage-chart>
              <scc-usage-chart exportparts="chart, chart-table" kind="bar" locale=${tag} ?show-table=${this._tables}
                caption=${m.byDataSource(metricName)} label-heading=${m.dataSource}
                .points=${this.#points(usage.byDataSource, (r) => r.name).slice(0, SOURCES_CHARTED)}></scc-usage-chart>`
          : ''
      }`;
  }
}
