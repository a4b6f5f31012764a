import '../../api/billing-calls.js';
import { html, nothing } from 'lit';
import type { BffClient } from '../../api/bff-client.js';
import type { CreateDataSourceBody, DataSource } from '../../api/types.js';
import { BillingSection, formatDay } from '../billing/billing-section.js';

type Fields = Pick<CreateDataSourceBody, 'name' | 'kind' | 'externalRef'>;
const FIELDS = ['name', 'kind', 'externalRef'] as const;

/**
 * The data sources of a business unit (the systems whose usage collectors report): name, kind,
 * reference and the last day usage was received for. A data source belongs to its unit, so when
 * the unit moves its sources move with it and are listed here wherever it is now. Admins add and
 * change them; a refused change shows the server's message at the field it names.
 *
 * @tag scc-data-sources
 * @csspart data-sources - The table; `data-source-row` each row (`data-data-source-id`).
 * @csspart data-source-form - The add and edit forms; `field-error` each message at a field.
 */
export class SccDataSources extends BillingSection {
  static override properties = {
    businessUnitName: { attribute: false },
    editable: { type: Boolean },
    _sources: { state: true },
    _editing: { state: true },
    _fieldErrors: { state: true },
  };

  declare businessUnitName: string;
  /** Whether the caller may add and change them (admin on the unit). */
  declare editable: boolean;
  declare _sources: DataSource[];
  /** The source being edited, `new` while adding one. */
  declare _editing: string | undefined;
  declare _fieldErrors: Map<string, string>;

  constructor() {
    super();
    this.businessUnitName = '';
    this.editable = false;
    this._sources = [];
    this._fieldErrors = new Map();
  }

  get sources(): DataSource[] {
    return this._sources;
  }

  protected async fetch(client: BffClient, unitId: string, signal: AbortSignal): Promise<void> {
    const sources = await client.listDataSources(unitId, signal);
    if (!signal.aborted) this._sources = sources;
  }

  #open(id: string | undefined): void {
    this._editing = id;
    this._fieldErrors = new Map();
    this._error = undefined;
  }

  #save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const { client, businessUnitId: unitId, _editing: editing } = this;
    if (!client || !unitId || !editing) return;
    const data = new FormData(event.target as HTMLFormElement);
    const fields = Object.fromEntries(FIELDS.map((f) => [f, String(data.get(f) ?? '').trim()])) as Fields;
    try {
      if (editing === 'new') await client.createDataSource(unitId, fields);
      else await client.updateDataSource(editing, fields);
      this.#open(undefined);
      await this.reload();
    } catch (error) {
      this._fieldErrors = this.refused(error);
      await this.focusInvalid();
    }
  };

  #form(source: DataSource | undefined) {
    const m = this.m;
    const labels: Record<(typeof FIELDS)[number], string> = { name: m.name, kind: m.kind, externalRef: m.externalRef };
    return html`<form part="data-source-form" class="panel" data-testid="data-source-form" novalidate
      aria-label=${source ? `${m.edit}: ${source.name}` : m.create} @submit=${this.#save}>
      ${FIELDS.map((field) => {
        const error = this._fieldErrors.get(field);
        return html`<label>${labels[field]}
          <input name=${field} required maxlength=${field === 'kind' ? 50 : 200} autocomplete="off"
            .value=${source?.[field] ?? (field === 'kind' ? 'backup-server' : '')}
            aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${field}-error` : nothing} />
          ${error ? html`<span part="field-error" class="field-error" id=${`${field}-error`}>${error}</span>` : nothing}
        </label>`;
      })}
      <button type="submit" class="primary" data-testid="save-data-source">${source ? m.save : m.add}</button>
      <button type="button" @click=${() => this.#open(undefined)}>${m.cancel}</button>
    </form>`;
  }

  override render() {
    const { m, tag } = this;
    const editing = this._editing;
    return html`<section aria-labelledby="sources-title">
      <h2 id="sources-title">${m.dataSources(this.businessUnitName)}</h2>
      ${this.renderStatus()}
      ${
        this._sources.length > 0
          ? html`<div class="scroll"><table part="data-sources" data-testid="data-sources">
              <caption class="visually-hidden">${m.dataSources(this.businessUnitName)}</caption>
              <thead><tr><th scope="col">${m.name}</th><th scope="col">${m.kind}</th><th scope="col">${m.externalRef}</th>
                <th scope="col">${m.lastUsage}</th>${this.editable ? html`<th scope="col"><span class="visually-hidden">${m.edit}</span></th>` : nothing}</tr></thead>
              <tbody>${this._sources.map(
                (s) => html`<tr part="data-source-row" data-data-source-id=${s.id}>
                  <th scope="row">${s.name}</th><td>${s.kind}</td><td>${s.externalRef}</td>
                  <td data-testid="last-usage">${s.lastUsageDay ? formatDay(tag, s.lastUsageDay) : m.never}</td>
                  ${
                    this.editable
                      ? html`<td><button type="button" aria-label=${`${m.edit}: ${s.name}`}
                          @click=${() => this.#open(s.id)}>${m.edit}</button></td>`
                      : nothing
                  }
                </tr>`,
              )}</tbody>
            </table></div>`
          : this._loading
            ? nothing
            : html`<p class="note" data-testid="no-data-sources">${m.noDataSources}</p>`
      }
      ${
        editing
          ? this.#form(this._sources.find((s) => s.id === editing))
          : this.editable
            ? html`<button type="button" data-testid="add-data-source" @click=${() => this.#open('new')}>${m.create}</button>`
            : nothing
      }
    </section>`;
  }
}
