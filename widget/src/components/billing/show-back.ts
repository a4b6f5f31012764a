import { html, nothing } from 'lit';
import type { BffClient } from '../../api/bff-client.js';
import type { ShowBack } from '../../api/types.js';
import { formatMoney, formatQuantity } from '../../i18n/billing-messages.js';
import { labelFor, messagesFor } from '../../i18n/index.js';
import { BillingSection, lastMonth } from './billing-section.js';

type ShowBackUnit = ShowBack['units'][number];

/** The units as a tree in reading order, each with its depth below the shown unit. */
function depthFirst(units: ShowBackUnit[], rootId: string): { unit: ShowBackUnit; depth: number }[] {
  const children = new Map<string | null, ShowBackUnit[]>();
  for (const unit of units) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  const out: { unit: ShowBackUnit; depth: number }[] = [];
  const visit = (unit: ShowBackUnit, depth: number): void => {
    out.push({ unit, depth });
    const below = [...(children.get(unit.businessUnitId) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const child of below) visit(child, depth + 1);
  };
  const root = units.find((u) => u.businessUnitId === rootId);
  if (root) visit(root, 0);
  // Units whose parent is not listed still show, at the top level.
  const seen = new Set(out.map((r) => r.unit.businessUnitId));
  for (const unit of units) if (!seen.has(unit.businessUnitId)) out.push({ unit, depth: 0 });
  return out;
}

/**
 * Show-back of a unit's subtree for a month at its internal prices: per metric and class, and per
 * region, department and server group with its own share and its subtree's. The amounts are the
 * API's (split with the largest remainder, so they sum exactly); this only formats them.
 *
 * @tag scc-show-back
 * @csspart show-back-lines - The table per metric and class.
 * @csspart show-back-units - The table per unit.
 */
export class SccShowBack extends BillingSection {
  static override properties = { _period: { state: true }, _showBack: { state: true } };

  declare _period: string;
  declare _showBack: ShowBack | undefined;

  constructor() {
    super();
    this._period = lastMonth();
  }

  protected async fetch(client: BffClient, unitId: string, signal: AbortSignal): Promise<void> {
    const showBack = await client.getShowBack(unitId, this._period, signal);
    if (!signal.aborted) this._showBack = showBack;
  }

  #onPeriod = (event: SubmitEvent): void => {
    event.preventDefault();
    this._period = String(new FormData(event.target as HTMLFormElement).get('period'));
    void this.reload();
  };

  #tables(showBack: ShowBack) {
    const { m, tag } = this;
    const money = (amount: string) => formatMoney(tag, showBack.currency, amount);
    const kinds = messagesFor(tag).unitKind;
    const total = html`<tfoot><tr><th scope="row">${m.total}</th>
      <td class="num" colspan="3" data-testid="show-back-total">${money(showBack.total)}</td></tr></tfoot>`;
    return html`<h3>${m.showBackTitle(showBack.period)}</h3>
      <div class="scroll"><table part="show-back-lines" data-testid="show-back-lines">
        <caption>${m.showBackLines}</caption>
        <thead><tr><th scope="col">${m.metric}</th><th scope="col">${m.class}</th>
          <th scope="col" class="num">${m.quantity}</th><th scope="col" class="num">${m.amount}</th></tr></thead>
        <tbody>${showBack.lines.map(
          (line) => html`<tr><th scope="row">${labelFor(m.metrics, line.metric)}</th><td>${m.classes[line.class]}</td>
            <td class="num">${formatQuantity(tag, line.quantity)}</td><td class="num">${money(line.amount)}</td></tr>`,
        )}</tbody>
        ${total}
      </table></div>
      <div class="scroll"><table part="show-back-units" data-testid="show-back-units">
        <caption>${m.unit}</caption>
        <thead><tr><th scope="col">${m.unit}</th><th scope="col">${m.kind}</th>
          <th scope="col" class="num">${m.own}</th><th scope="col" class="num">${m.subtree}</th></tr></thead>
        <tbody>${depthFirst(showBack.units, showBack.businessUnitId).map(
          ({ unit, depth }) => html`<tr data-business-unit-id=${unit.businessUnitId} data-depth=${Math.min(depth, 5)}>
            <th scope="row">${unit.name}</th>
            <td>${labelFor(kinds, unit.kind)}</td>
            <td class="num">${money(unit.own)}</td><td class="num">${money(unit.subtree)}</td></tr>`,
        )}</tbody>
        ${total}
      </table></div>`;
  }

  override render() {
    const m = this.m;
    return html`<form aria-label=${m.sections.showBack} @submit=${this.#onPeriod}>
        <label>${m.period}<input name="period" type="month" required .value=${this._period} /></label>
        <button type="submit">${m.apply}</button>
      </form>
      ${this.renderStatus()} ${this._showBack ? this.#tables(this._showBack) : nothing}`;
  }
}
