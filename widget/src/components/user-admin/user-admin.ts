import '../../api/admin-calls.js';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { BffClient } from '../../api/bff-client.js';
import type { RoleName, User } from '../../api/types.js';
import { adminMessagesFor } from '../../i18n/admin-messages.js';
import { controlStyles, sharedStyles } from '../../styles/shared.styles.js';
import { problemLines } from '../../utils/problem-text.js';
import { withStepUp } from '../../utils/with-step-up.js';
import { userAdminStyles } from './user-admin.styles.js';

/** The order roles are offered in; an admin may grant only what it holds itself. */
const ROLE_ORDER: RoleName[] = ['viewer', 'operator', 'admin', 'billing'];

/**
 * Users whose home is a business unit (or below it), with their role assignments: create a user,
 * grant a role on this unit (only roles the caller holds are offered) and revoke one. Each change
 * that went through says so; one that did not says why.
 *
 * @tag scc-user-admin
 * @csspart user-row - Each user.
 * @csspart outcome - The line saying the last change went through.
 */
export class SccUserAdmin extends LitElement {
  static override styles = [...sharedStyles, controlStyles, userAdminStyles];

  static override properties = {
    client: { attribute: false },
    businessUnitId: { attribute: false },
    roles: { attribute: false },
    locale: {},
    _users: { state: true },
    _nextCursor: { state: true },
    _errors: { state: true },
    _busy: { state: true },
    _outcome: { state: true },
  };

  declare client: BffClient | undefined;
  declare businessUnitId: string | undefined;
  /** Roles the caller holds on this unit. */
  declare roles: RoleName[];
  declare locale: string | undefined;
  declare _users: User[] | undefined;
  declare _nextCursor: string | null;
  declare _errors: string[];
  declare _busy: boolean;
  declare _outcome: string;

  #abort: AbortController | undefined;

  constructor() {
    super();
    this.roles = [];
    this._nextCursor = null;
    this._errors = [];
    this._busy = false;
    this._outcome = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('businessUnitId') || changed.has('client')) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  async #load(cursor?: string): Promise<void> {
    const client = this.client;
    const id = this.businessUnitId;
    if (!client || !id) return;
    if (!cursor) {
      this.#abort?.abort();
      this._users = undefined;
    }
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const page = await client.listUsers(id, cursor, abort.signal);
      if (abort.signal.aborted) return;
      this._users = [...(cursor ? (this._users ?? []) : []), ...page.items];
      this._nextCursor = page.nextCursor;
    } catch (error) {
      if (!abort.signal.aborted) this._errors = problemLines(error, adminMessagesFor(this.locale));
    }
  }

  override render() {
    const m = adminMessagesFor(this.locale);
    const grantable = ROLE_ORDER.filter((r) => this.roles.includes(r));
    return html`<form class="create" data-testid="user-create" @submit=${this.#onCreate}>
        <label>${m.fieldLabel('body.email')}<input name="email" type="email" required maxlength="254" /></label>
        <label>${m.fieldLabel('body.displayName')}<input name="displayName" required maxlength="200" /></label>
        <button class="primary" ?disabled=${this._busy}>${m.createUser}</button>
      </form>
      ${this._errors.length ? html`<ul class="error" role="alert" data-testid="error">${this._errors.map((e) => html`<li>${e}</li>`)}</ul>` : nothing}
      <p part="outcome" class="note" role="status" data-testid="outcome">${this._outcome}</p>
      ${
        this._users === undefined
          ? html`<p class="note">${m.loading}</p>`
          : this._users.length === 0
            ? html`<p class="note">${m.noUsers}</p>`
            : html`<ul class="users">
                ${this._users.map(
                  (user) => html`<li part="user-row" data-user-id=${user.id}>
                    <div><strong>${user.displayName}</strong> <span class="note">${user.email}</span></div>
                    <ul class="roles">
                      ${user.roles.map(
                        (a) => html`<li>
                          ${m.roleName[a.role] ?? a.role} · ${a.businessUnitName}
                          <button type="button" data-assignment-id=${a.id} aria-label=${m.revokeRole(m.roleName[a.role] ?? a.role, user.displayName)} @click=${this.#onRevoke}>
                            ${m.revoke}
                          </button>
                        </li>`,
                      )}
                    </ul>
                    <form class="grant" data-user-id=${user.id} @submit=${this.#onGrant}>
                      <select name="role" aria-label=${m.fieldLabel('body.role')}>
                        ${grantable.map((r) => html`<option value=${r}>${m.roleName[r] ?? r}</option>`)}
                      </select>
                      <button ?disabled=${this._busy || grantable.length === 0}>${m.grant}</button>
                    </form>
                  </li>`,
                )}
              </ul>
              ${this._nextCursor ? html`<button type="button" @click=${() => this.#load(this._nextCursor ?? undefined)}>${m.loadMore}</button>` : nothing}`
      }`;
  }

  /** Runs a change; `done` is what the status line then says. */
  async #run(work: (client: BffClient, businessUnitId: string) => Promise<string>): Promise<void> {
    const client = this.client;
    const id = this.businessUnitId;
    if (!client || !id) return;
    this._busy = true;
    this._errors = [];
    this._outcome = '';
    try {
      this._outcome = await work(client, id);
      await this.#load();
    } catch (error) {
      this._errors = problemLines(error, adminMessagesFor(this.locale));
    } finally {
      this._busy = false;
    }
  }

  #onCreate = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    void this.#run(async (client, businessUnitId) => {
      const user = await client.createUser({
        email: String(data.get('email') ?? ''),
        displayName: String(data.get('displayName') ?? ''),
        businessUnitId,
      });
      form.reset();
      return adminMessagesFor(this.locale).userCreated(user.displayName);
    });
  };

  #onGrant = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const userId = form.dataset.userId ?? '';
    const role = String(new FormData(form).get('role') ?? '') as RoleName;
    void this.#run(async (client, businessUnitId) => {
      await withStepUp(this, () => client.grantRole({ userId, businessUnitId, role }));
      const m = adminMessagesFor(this.locale);
      return m.roleGranted(m.roleName[role] ?? role, this.#nameOf(userId));
    });
  };

  #onRevoke = (event: MouseEvent): void => {
    const button = event.currentTarget as HTMLElement;
    const id = button.dataset.assignmentId ?? '';
    const userId = button.closest<HTMLElement>('[data-user-id]')?.dataset.userId ?? '';
    const role = this._users?.flatMap((u) => u.roles).find((a) => a.id === id)?.role;
    void this.#run(async (client) => {
      await withStepUp(this, () => client.revokeRole(id));
      const m = adminMessagesFor(this.locale);
      return m.roleRevoked(role ? (m.roleName[role] ?? role) : '', this.#nameOf(userId));
    });
  };

  #nameOf(userId: string): string {
    return this._users?.find((u) => u.id === userId)?.displayName ?? '';
  }
}
