import { html, LitElement, type PropertyValues } from 'lit';
import type uPlot from 'uplot';
import { billingMessagesFor, formatQuantity } from '../../i18n/billing-messages.js';
import { resolveLocale } from '../../i18n/index.js';
import { controlStyles, sharedStyles } from '../../styles/shared.styles.js';
import { billingStyles } from '../billing/billing.styles.js';

/** One point of a chart: its label (a day, a unit, a data source) and the API's decimal quantity. */
export interface ChartPoint {
  label: string;
  quantity: string;
}

type UPlot = typeof uPlot;

/** uPlot is a chunk of its own, fetched with the first chart; every chart after shares it. */
let library: Promise<UPlot> | undefined;
const loadUPlot = (): Promise<UPlot> => {
  library ??= import('uplot').then((module) => module.default);
  library.catch(() => {
    library = undefined;
  });
  return library;
};

const HEIGHT = 220;

/**
 * A line (over days) or bar chart (by unit, by data source) drawn with uPlot on a canvas, and the
 * same numbers as a table: hidden visually but read by screen readers, shown to everyone with "Show
 * as table". The chart is only a picture (`aria-hidden`); the table is what assistive technology
 * reads. Colours come from the `--scc-*` tokens, so every brand and dark mode draw readable charts.
 *
 * @tag scc-usage-chart
 * @csspart chart - The chart's frame.
 * @csspart chart-table - The table of the numbers.
 * @cssproperty --scc-color-primary - Lines and bars.
 * @cssproperty --scc-color-border - Grid.
 * @cssproperty --scc-color-muted - Axis labels.
 */
export class SccUsageChart extends LitElement {
  static override styles = [...sharedStyles, controlStyles, billingStyles];

  static override properties = {
    kind: {},
    caption: {},
    labelHeading: { attribute: 'label-heading' },
    points: { attribute: false },
    showTable: { type: Boolean, attribute: 'show-table' },
    locale: {},
  };

  declare kind: 'line' | 'bar';
  declare caption: string;
  /** The heading of the label column: day, business unit, data source. */
  declare labelHeading: string;
  declare points: ChartPoint[];
  declare showTable: boolean;
  declare locale: string | undefined;

  #plot: uPlot | undefined;
  #resize = new ResizeObserver(() => this.#fit());

  constructor() {
    super();
    this.kind = 'line';
    this.caption = '';
    this.labelHeading = '';
    this.points = [];
    this.showTable = false;
  }

  /** Whether the chart is drawn (false while uPlot loads, without points, or when it could not load). */
  get drawn(): boolean {
    return this.#plot !== undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#plot?.destroy();
    this.#plot = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('points') || changed.has('kind')) void this.#draw();
  }

  #fit(): void {
    const width = this.renderRoot.querySelector('.chart')?.clientWidth ?? 0;
    if (this.#plot && width > 0 && width !== this.#plot.width) this.#plot.setSize({ width, height: HEIGHT });
  }

  async #draw(): Promise<void> {
    const points = this.points;
    const target = this.renderRoot.querySelector<HTMLElement>('.chart');
    this.#plot?.destroy();
    this.#plot = undefined;
    if (!target || points.length === 0) return;
    // Without the library (offline) the table still says everything.
    const UPlot = await loadUPlot().catch(() => undefined);
    if (!UPlot || points !== this.points || !target.isConnected) return;
    const token = (name: string) => getComputedStyle(this).getPropertyValue(name).trim();
    const [primary, muted, border] = [token('--_scc-primary'), token('--_scc-muted'), token('--_scc-border')];
    const labels = points.map((p) => p.label);
    const bars = this.kind === 'bar';
    const axis = { stroke: muted, grid: { stroke: border, width: 1 }, ticks: { stroke: border, width: 1 } };
    // A picture of the numbers only: a float per point is fine here, no sum is taken from it.
    const data: uPlot.AlignedData = [points.map((_, i) => i), points.map((p) => Number(p.quantity))];
    this.#plot = new UPlot(
      {
        width: target.clientWidth || 600,
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: (_u, min, max) => (bars ? [min - 0.5, max + 0.5] : [min, max]) } },
        axes: [
          {
            ...axis,
            // Room for a day or a name under each tick: fewer labels rather than overlapping ones.
            space: 110,
            incrs: [1, 2, 5, 7, 10, 14, 20, 50, 100],
            values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
          },
          { ...axis, size: 60 },
        ],
        series: [
          {},
          bars
            ? {
                stroke: primary,
                fill: primary,
                width: 0,
                paths: UPlot.paths.bars?.({ size: [0.6, 48] }),
                points: { show: false },
              }
            : { stroke: primary, width: 2, points: { show: points.length <= 40 } },
        ],
      },
      data,
      target,
    );
  }

  override render() {
    const locale = resolveLocale(this.locale);
    const m = billingMessagesFor(locale);
    return html`<figure part="chart" data-testid="chart" data-kind=${this.kind}>
      <figcaption><h3>${this.caption}</h3></figcaption>
      ${this.points.length === 0 ? html`<p class="note">${m.nothing}</p>` : html`<div class="chart" aria-hidden="true"></div>`}
      <div class=${this.showTable ? 'scroll' : 'visually-hidden'}>
        <table part="chart-table" data-testid="chart-table">
          <caption>${this.caption}</caption>
          <thead><tr><th scope="col">${this.labelHeading}</th><th scope="col" class="num">${m.quantity}</th></tr></thead>
          <tbody>
            ${this.points.map(
              (p) =>
                html`<tr><th scope="row">${p.label}</th><td class="num">${formatQuantity(locale, p.quantity)}</td></tr>`,
            )}
          </tbody>
        </table>
      </div>
    </figure>`;
  }
}
