import '../../api/admin-calls.js';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { BffClient } from '../../api/bff-client.js';
import type { BusinessUnitRef, RoleName } from '../../api/types.js';
import { createBusinessUnitChangeEvent } from '../../events/scc-business-unit-change.js';
import { adminMessagesFor } from '../../i18n/admin-messages.js';
import { controlStyles, sharedStyles } from '../../styles/shared.styles.js';
import { problemLines } from '../../utils/problem-text.js';
import { businessUnitAdminStyles } from './business-unit-admin.styles.js';

type Busy = 'create' | 'update' | 'delete' | undefined;

/**
 * Admin screens for the selected business unit: rename and kind, a new child unit, delete (only
 * an empty unit: the server says what is left), move (`scc-move-dialog`), its users and roles
 * (`scc-user-admin`) and its brand (`scc-brand-editor`). The server decides; this only shows
 * what it allows and says.
 *
 * @tag scc-business-unit-admin
 * @event scc-business-unit-change - A unit was created, updated, moved or deleted. Bubbles, composed.
 * @event scc-brand-change - The unit's brand was saved or cleared (from `scc-brand-editor`). Bubbles, composed.
 * @csspart admin - The panel.
 */
export class SccBusinessUnitAdmin extends LitElement {
  static override styles = [...sharedStyles, controlStyles, businessUnitAdminStyles];

  static override properties = {
    client: { attribute: false },
    businessUnitId: { attribute: false },
    path: { attribute: false },
    roles: { attribute: false },
    rootId: { attribute: false },
    locale: {},
    _busy: { state: true },
    _errors: { state: true },
    _confirmDelete: { state: true },
    _usersOpen: { state: true },
    _brandOpen: { state: true },
    _securityOpen: { state: true },
  };

  declare client: BffClient | undefined;
  declare businessUnitId: string | undefined;
  /** The caller's unit down to the selected one (breadcrumbs). */
  declare path: BusinessUnitRef[];
  /** Roles the caller holds on this unit, implied ones included. */
  declare roles: RoleName[];
  /** The caller's own unit: it can be neither deleted nor moved by the caller. */
  declare rootId: string | undefined;
  declare locale: string | undefined;
  declare _busy: Busy;
  /** Problem lines per form. */
  declare _errors: Partial<Record<'create' | 'update' | 'delete', string[]>>;
  declare _confirmDelete: boolean;
  declare _usersOpen: boolean;
  declare _brandOpen: boolean;
  /** Once opened and its chunk loaded. */
  declare _securityOpen: boolean;

  constructor() {
    super();
    this.path = [];
    this.roles = [];
    this._errors = {};
    this._confirmDelete = false;
    this._usersOpen = false;
    this._brandOpen = false;
    this._securityOpen = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('businessUnitId')) {
      this._errors = {};
      this._confirmDelete = false;
    }
  }

  get #unit(): BusinessUnitRef | undefined {
    return this.path.at(-1)?.id === this.businessUnitId ? this.path.at(-1) : undefined;
  }

  override render() {
    const m = adminMessagesFor(this.locale);
    const unit = this.#unit;
    if (!unit || !this.client) return nothing;
    const isRoot = unit.id === this.rootId;
    return html`<section part="admin" aria-label=${unit.name}>
      <details data-testid="admin-update">
        <summary>${m.editUnit}</summary>
        <form @submit=${this.#onUpdate}>
          <label>${m.fieldLabel('body.name')}<input name="name" required maxlength="200" .value=${unit.name} /></label>
          <label>${m.fieldLabel('body.kind')}<input name="kind" maxlength="50" .value=${unit.kind ?? ''} /></label>
          <button class="primary" ?disabled=${this._busy === 'update'}>${m.save}</button>
          ${this.#renderErrors('update')}
        </form>
      </details>
      <details data-testid="admin-create">
        <summary>${m.createChild}</summary>
        <form @submit=${this.#onCreate}>
          <label>${m.fieldLabel('body.name')}<input name="name" required maxlength="200" /></label>
          <label>${m.fieldLabel('body.kind')}<input name="kind" maxlength="50" /></label>
          <button class="primary" ?disabled=${this._busy === 'create'}>${m.create}</button>
          ${this.#renderErrors('create')}
        </form>
      </details>
      ${
        isRoot
          ? nothing
          : html`<details data-testid="admin-move">
              <summary>${m.moveUnit}</summary>
              <scc-move-dialog .client=${this.client} .path=${this.path} locale=${this.locale ?? ''}></scc-move-dialog>
            </details>
            <details data-testid="admin-delete">
              <summary>${m.deleteUnit}</summary>
              <div class="form">
                ${
                  this._confirmDelete
                    ? html`<p>${m.deleteConfirm(unit.name)}</p>
                        <button class="danger" data-testid="delete-confirm" ?disabled=${this._busy === 'delete'} @click=${this.#onDelete}>
                          ${m.deleteUnit}
                        </button>
                        <button type="button" @click=${() => (this._confirmDelete = false)}>${m.cancel}</button>`
                    : html`<p>${m.deleteHint}</p>
                        <button class="danger" data-testid="delete" @click=${() => (this._confirmDelete = true)}>${m.deleteUnit}</button>`
                }
                ${this.#renderErrors('delete')}
              </div>
            </details>`
      }
      <details data-testid="admin-brand" @toggle=${this.#onBrandToggle}>
        <summary>${m.brand}</summary>
        ${
          // The brand loads only once someone opens it.
          this._brandOpen
            ? html`<scc-brand-editor .client=${this.client} .businessUnitId=${unit.id} locale=${this.locale ?? ''}></scc-brand-editor>`
            : nothing
        }
      </details>
      <details data-testid="admin-security" @toggle=${this.#onSecurityToggle}>
        <summary>${m.security}</summary>
        ${
          this._securityOpen
            ? html`<scc-totp-policy .client=${this.client} .businessUnitId=${unit.id} locale=${this.locale ?? ''}></scc-totp-policy>`
            : nothing
        }
      </details>
      <details data-testid="admin-users" @toggle=${this.#onUsersToggle}>
        <summary>${m.users}</summary>
        ${
          // Users load only once someone looks at them.
          this._usersOpen
            ? html`<scc-user-admin .client=${this.client} .businessUnitId=${unit.id} .roles=${this.roles} locale=${this.locale ?? ''}></scc-user-admin>`
            : nothing
        }
      </details>
    </section>`;
  }

  #onBrandToggle = (event: Event): void => {
    this._brandOpen = (event.currentTarget as HTMLDetailsElement).open;
  };

  /** Two-step verification comes with a chunk of its own, loaded the first time someone opens it. */
  #onSecurityToggle = async (event: Event): Promise<void> => {
    const open = (event.currentTarget as HTMLDetailsElement).open;
    if (open) await import('../../lazy/step-up.js');
    this._securityOpen = open;
  };

  #onUsersToggle = (event: Event): void => {
    this._usersOpen = (event.currentTarget as HTMLDetailsElement).open;
  };

  #renderErrors(form: 'create' | 'update' | 'delete'): unknown {
    const lines = this._errors[form];
    if (!lines?.length) return nothing;
    return html`<ul class="error" role="alert" data-testid="error">${lines.map((line) => html`<li>${line}</li>`)}</ul>`;
  }

  async #run(form: 'create' | 'update' | 'delete', work: () => Promise<void>): Promise<void> {
    this._busy = form;
    this._errors = { ...this._errors, [form]: [] };
    try {
      await work();
    } catch (error) {
      this._errors = { ...this._errors, [form]: problemLines(error, adminMessagesFor(this.locale)) };
    } finally {
      this._busy = undefined;
    }
  }

  #onUpdate = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const unit = this.#unit;
    const client = this.client;
    if (!unit || !client) return;
    void this.#run('update', async () => {
      const updated = await client.updateBusinessUnit(unit.id, {
        name: String(data.get('name') ?? ''),
        kind: String(data.get('kind') ?? ''),
      });
      const parentIds = updated.parentId ? [updated.parentId] : [];
      this.dispatchEvent(createBusinessUnitChangeEvent({ action: 'updated', businessUnit: updated, parentIds }));
    });
  };

  #onCreate = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const unit = this.#unit;
    const client = this.client;
    if (!unit || !client) return;
    const kind = String(data.get('kind') ?? '').trim();
    void this.#run('create', async () => {
      const created = await client.createBusinessUnit({
        parentId: unit.id,
        name: String(data.get('name') ?? ''),
        ...(kind ? { kind } : {}),
      });
      form.reset();
      this.dispatchEvent(
        createBusinessUnitChangeEvent({ action: 'created', businessUnit: created, parentIds: [unit.id] }),
      );
    });
  };

  #onDelete = (): void => {
    const unit = this.#unit;
    const client = this.client;
    const parent = this.path.at(-2);
    if (!unit || !client || !parent) return;
    void this.#run('delete', async () => {
      await client.deleteBusinessUnit(unit.id);
      this._confirmDelete = false;
      this.dispatchEvent(
        createBusinessUnitChangeEvent({
          action: 'deleted',
          businessUnit: {
            id: unit.id,
            parentId: parent.id,
            name: unit.name,
            kind: unit.kind ?? '',
            depth: this.path.length - 1,
            // Only an empty unit can be deleted.
            childCount: 0,
          },
          parentIds: [parent.id],
        }),
      );
    });
  };
}
