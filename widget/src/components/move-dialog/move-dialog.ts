import '../../api/admin-calls.js';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { BffClient } from '../../api/bff-client.js';
import type { BusinessUnitRef, MovePreview, RoleName } from '../../api/types.js';
import { createBusinessUnitChangeEvent } from '../../events/scc-business-unit-change.js';
import type { SccBusinessUnitSelectEvent } from '../../events/scc-business-unit-select.js';
import { adminMessagesFor, type MessagesWithAdmin } from '../../i18n/admin-messages.js';
import { controlStyles, sharedStyles } from '../../styles/shared.styles.js';
import { problemLines } from '../../utils/problem-text.js';
import { withStepUp } from '../../utils/with-step-up.js';
import { moveDialogStyles } from './move-dialog.styles.js';

/**
 * Moves a business unit with its whole subtree: pick the new parent by name, read the server's
 * preview of what changes (units, tenants, users, brand, inherited roles), then confirm. Nothing
 * moves before the confirmation; a finished move says where the unit lies now.
 *
 * @tag scc-move-dialog
 * @event scc-business-unit-change - The move was done (`action: 'moved'`). Bubbles, composed.
 * @csspart move-preview - The preview of the move.
 * @csspart outcome - The line saying the move is done.
 */
export class SccMoveDialog extends LitElement {
  static override styles = [...sharedStyles, controlStyles, moveDialogStyles];

  static override properties = {
    client: { attribute: false },
    path: { attribute: false },
    locale: {},
    _target: { state: true },
    _preview: { state: true },
    _busy: { state: true },
    _errors: { state: true },
    _outcome: { state: true },
  };

  declare client: BffClient | undefined;
  /** The caller's unit down to the unit to move. */
  declare path: BusinessUnitRef[];
  declare locale: string | undefined;
  declare _target: BusinessUnitRef | undefined;
  declare _preview: MovePreview | undefined;
  declare _busy: boolean;
  declare _errors: string[];
  declare _outcome: string;

  constructor() {
    super();
    this._outcome = '';
    this.path = [];
    this._busy = false;
    this._errors = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('path') && changed.get('path')?.at(-1)?.id !== this.path.at(-1)?.id) this.#reset();
  }

  #reset(): void {
    this._target = undefined;
    this._preview = undefined;
    this._errors = [];
  }

  override render() {
    const m = adminMessagesFor(this.locale);
    const unit = this.path.at(-1);
    if (!unit || !this.client) return nothing;
    return html`<p>${m.moveHint(unit.name)}</p>
      <scc-business-unit-search
        .search=${this.#search}
        locale=${this.locale ?? ''}
        @scc-business-unit-select=${this.#onTarget}
      ></scc-business-unit-search>
      ${this._target ? html`<p data-testid="move-target">${m.moveTarget(this._target.name)}</p>` : nothing}
      ${this._preview ? this.#renderPreview(m, this._preview) : nothing}
      ${this._errors.length ? html`<ul class="error" role="alert" data-testid="error">${this._errors.map((e) => html`<li>${e}</li>`)}</ul>` : nothing}
      <p part="outcome" role="status" data-testid="move-done">${this._outcome}</p>`;
  }

  #renderPreview(m: MessagesWithAdmin, preview: MovePreview): unknown {
    const { counts, brand } = preview;
    const roles = (list: RoleName[]) => (list.length ? list.map((r) => m.roleName[r] ?? r).join(', ') : '–');
    return html`<div part="move-preview" data-testid="move-preview">
      <dl>
        <dt>${m.moveFrom}</dt><dd>${preview.from.path.join(' › ')}</dd>
        <dt>${m.moveTo}</dt><dd>${preview.to.path.join(' › ')}</dd>
        <dt>${m.moveCounts}</dt>
        <dd data-testid="move-counts">${m.moveCountsText(counts)}</dd>
        <dt>${m.brand}</dt>
        <dd data-testid="move-brand">
          ${brand.changes ? m.brandChange(brand.before?.name ?? '–', brand.after?.name ?? '–') : m.brandSame}
        </dd>
      </dl>
      ${
        preview.inheritedRoles.length
          ? html`<table data-testid="move-roles">
              <caption>${m.inheritedRolesChange}</caption>
              <thead><tr><th scope="col">${m.fieldLabel('body.email')}</th><th scope="col">${m.before}</th><th scope="col">${m.after}</th></tr></thead>
              <tbody>
                ${preview.inheritedRoles.map(
                  (r) =>
                    html`<tr><th scope="row">${r.email}</th><td>${roles(r.before)}</td><td>${roles(r.after)}</td></tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>${m.inheritedRolesSame}</p>`
      }
      <div class="actions">
        <button class="primary" data-testid="move-confirm" ?disabled=${this._busy} @click=${this.#onConfirm}>${m.confirmMove}</button>
        <button type="button" @click=${() => this.#reset()}>${m.cancel}</button>
      </div>
    </div>`;
  }

  #search = (q: string, signal: AbortSignal) => this.client?.searchBusinessUnits(q, signal) ?? Promise.resolve([]);

  #onTarget = async (event: SccBusinessUnitSelectEvent): Promise<void> => {
    // Picking a target is not selecting a unit for the page.
    event.stopPropagation();
    const unit = this.path.at(-1);
    const client = this.client;
    const target = event.detail.path?.at(-1);
    if (!unit || !client || !target) return;
    this._target = target;
    this._preview = undefined;
    this._errors = [];
    this._outcome = '';
    this._busy = true;
    try {
      this._preview = await client.previewMove(unit.id, target.id);
    } catch (error) {
      this._errors = problemLines(error, adminMessagesFor(this.locale));
    } finally {
      this._busy = false;
    }
  };

  #onConfirm = async (): Promise<void> => {
    const unit = this.path.at(-1);
    const client = this.client;
    const preview = this._preview;
    if (!unit || !client || !preview || !this._target) return;
    this._busy = true;
    this._errors = [];
    try {
      const target = this._target;
      const { businessUnit } = await withStepUp(this, () => client.moveBusinessUnit(unit.id, target.id));
      const parentIds = [preview.from.parentId, preview.to.parentId].filter((id): id is string => !!id);
      this.#reset();
      this._outcome = adminMessagesFor(this.locale).moved(businessUnit.name, target.name);
      this.dispatchEvent(createBusinessUnitChangeEvent({ action: 'moved', businessUnit, parentIds }));
    } catch (error) {
      this._errors = problemLines(error, adminMessagesFor(this.locale));
    } finally {
      this._busy = false;
    }
  };
}
