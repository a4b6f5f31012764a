import '../../api/operation-calls.js';
import '../../api/transport-calls.js';
import { initialState, Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import type { BffClient } from '../../api/bff-client.js';
import type {
  ConflictResolution,
  ProfileChange,
  ProfileConflict,
  ProfileVersionSummary,
  Tenant,
  TransportDraft,
  TransportPreview,
} from '../../api/types.js';
import { DraftCheckController } from '../../controllers/draft-check-controller.js';
import { FocusTrapController } from '../../controllers/focus-trap-controller.js';
import { formatDateTime, labelFor, messagesFor, resolveLocale } from '../../i18n/index.js';
import { type TransportMessages, transportMessagesFor } from '../../i18n/transport-messages.js';
import { formStyles } from '../../styles/form.styles.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { problemMessages } from '../../utils/problems.js';
import { submitRequest } from '../../utils/submit-request.js';
import { profileValue, verdict } from './profile-value.js';
import { transportDialogStyles } from './transport-dialog.styles.js';

/** How long the dialog waits after the last choice before it asks for a new preview. */
const REST_MS = 300;

type Mode = 'full' | 'delta';

/** An extension of the source the target lacks or runs in another version. */
export interface ExtensionOffer {
  name: string;
  from: string | null;
  to: string;
}

/**
 * "Transport configuration": carry the solution profile (in full, or as a delta since a baseline)
 * and chosen extensions from a source tenant into a target tenant of the same product; source and
 * target are both chosen here, the row's tenant being the first source. The cockpit's preview of
 * exactly the draft on screen shows what changes in the target (every setting with its value now
 * and after), how many of the target's values are overwritten, and the conflicts side by side
 * (baseline | source | target), each resolved by the user, which previews again. Whether it needs
 * a second admin's approval, and why it is refused, is the preview's verdict; a refused or
 * unresolved transport cannot be submitted. One idempotency key per opening.
 *
 * ```ts
 * dialog.show(sourceTenant);
 * ```
 *
 * @tag scc-transport-dialog
 * @event scc-operation-request-submit - The transport was accepted. `detail` is `{ request }`.
 * @csspart dialog - The `<dialog>`.
 * @csspart tenants - The choice of source and target.
 * @csspart changes - The table of what changes in the target.
 * @csspart conflicts - The conflicts, each with its choice.
 * @csspart conflict - One conflict (`data-pointer`).
 * @csspart approval - Whether the transport waits for a second admin, and why.
 * @csspart validations - The reasons the transport is refused.
 * @csspart submit-button - The button submitting the transport.
 * @csspart outcome - The line saying the transport was submitted.
 * @cssproperty --scc-color-danger - Refusals and unresolved conflicts.
 */
export class SccTransportDialog extends LitElement {
  static override styles = [...sharedStyles, formStyles, transportDialogStyles];

  static override properties = {
    client: { attribute: false },
    locale: {},
    _origin: { state: true },
    _candidates: { state: true },
    _source: { state: true },
    _target: { state: true },
    _profile: { state: true },
    _mode: { state: true },
    _baseline: { state: true },
    _chosen: { state: true },
    _resolutions: { state: true },
    _submitting: { state: true },
    _errors: { state: true },
    _outcome: { state: true },
  };

  declare client: BffClient | undefined;
  declare locale: string | undefined;
  /** The tenant the dialog was opened on. */
  declare _origin: Tenant | undefined;
  /** The caller's tenants of the origin's product. */
  declare _candidates: Tenant[];
  declare _source: Tenant | undefined;
  declare _target: Tenant | undefined;
  declare _profile: boolean;
  declare _mode: Mode;
  /** The chosen baseline version of the source; undefined: the last transport between the two. */
  declare _baseline: number | undefined;
  /** Names of the chosen extensions. */
  declare _chosen: string[];
  declare _resolutions: Record<string, ConflictResolution>;
  declare _submitting: boolean;
  declare _errors: string[];
  declare _outcome: string;

  #idempotencyKey = '';
  #opening = 0;

  readonly #tenants = new Task(this, {
    args: () => [this._origin, this.#opening] as const,
    task: async ([origin], { signal }) => {
      const client = this.client;
      if (!origin || !client) return initialState;
      const page = await client.listTenants({ sort: 'name', limit: 100 }, signal);
      return page.items.filter((tenant) => tenant.productId === origin.productId);
    },
    onComplete: (tenants) => {
      const origin = this._origin;
      this._candidates = origin && !tenants.some((t) => t.id === origin.id) ? [origin, ...tenants] : tenants;
    },
    onError: (error) => this.#failed(error),
  });

  /** The source's versions (for a baseline) and the extensions it could carry into the target. */
  readonly #pair = new Task(this, {
    args: () => [this._source?.id, this._target?.id] as const,
    task: async ([sourceId, targetId], { signal }) => {
      const client = this.client;
      if (!sourceId || !client) return initialState;
      const [profile, installed, present] = await Promise.all([
        client.getSolutionProfile(sourceId, signal),
        client.getTenantExtensions(sourceId, signal),
        targetId ? client.getTenantExtensions(targetId, signal) : undefined,
      ]);
      const inTarget = new Map(present?.installed.map((e) => [e.name, e.version]));
      const offers: ExtensionOffer[] = installed.installed
        .filter((e) => targetId && inTarget.get(e.name) !== e.version)
        .map((e) => ({ name: e.name, from: inTarget.get(e.name) ?? null, to: e.version }));
      return { versions: profile.versions, offers };
    },
    onError: (error) => this.#failed(error),
  });

  /** The preview of the draft on screen; shown while a newer one is on its way, marked as such. */
  readonly #preview = new DraftCheckController(this, {
    draft: () => this.#draft(),
    check: (draft: TransportDraft, signal) => {
      const client = this.client;
      return client?.previewTransport(draft, signal).then((preview) => {
        this._errors = [];
        return preview;
      });
    },
    restMs: REST_MS,
    onError: (error) => this.#failed(error),
  });

  readonly #trap = new FocusTrapController(this, () => this.renderRoot.querySelector('dialog'));

  constructor() {
    super();
    this._outcome = '';
    this.#reset();
  }

  /** Opens the dialog with `tenant` as the source, no target chosen yet, with a new idempotency key. */
  async show(tenant: Tenant): Promise<void> {
    this.#reset();
    this._origin = tenant;
    this._source = tenant;
    this._candidates = [tenant];
    this.#opening += 1;
    this.#idempotencyKey = crypto.randomUUID();
    await this.updateComplete;
    this.#trap.open();
  }

  close(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#tenants.abort();
    this.#pair.abort();
    this.#preview.abort();
  }

  #reset(): void {
    this._origin = undefined;
    this._candidates = [];
    this._source = undefined;
    this._target = undefined;
    this._profile = true;
    this._mode = 'delta';
    this._submitting = false;
    this._errors = [];
    this.#resetPair();
  }

  /** What belongs to one source and target: chosen again when either changes. */
  #resetPair(): void {
    this._baseline = undefined;
    this._chosen = [];
    this._resolutions = {};
  }

  #failed(error: unknown): void {
    if (!(error instanceof DOMException && error.name === 'AbortError')) {
      this._errors = problemMessages(messagesFor(this.locale), error);
    }
  }

  #offers(): ExtensionOffer[] {
    return this.#pair.value?.offers ?? [];
  }

  #draft(): TransportDraft | undefined {
    const source = this._source;
    const target = this._target;
    const extensions = this.#offers()
      .filter((offer) => this._chosen.includes(offer.name))
      .map(({ name, to }) => ({ name, version: to }));
    if (!source || !target || source.id === target.id || (!this._profile && extensions.length === 0)) return undefined;
    const delta = this._mode === 'delta';
    const resolutions = Object.keys(this._resolutions).length > 0 ? this._resolutions : undefined;
    return {
      kind: 'transport',
      sourceTenantId: source.id,
      targetTenantId: target.id,
      ...(this._profile
        ? {
            profile: {
              mode: this._mode,
              ...(delta && this._baseline !== undefined ? { baselineVersion: this._baseline } : {}),
              ...(delta && resolutions ? { resolutions } : {}),
            },
          }
        : {}),
      ...(extensions.length > 0 ? { extensions } : {}),
    };
  }

  #unresolved(preview: TransportPreview): ProfileConflict[] {
    return (preview.profile?.conflicts ?? []).filter((conflict) => !this._resolutions[conflict.pointer]);
  }

  #choose(side: 'source' | 'target', id: string): void {
    const tenant = this._candidates.find((t) => t.id === id);
    if (side === 'source') this._source = tenant;
    else this._target = tenant;
    this.#resetPair();
  }

  #swap(): void {
    [this._source, this._target] = [this._target, this._source];
    this.#resetPair();
  }

  #resolve(pointer: string, resolution: ConflictResolution): void {
    this._resolutions = { ...this._resolutions, [pointer]: resolution };
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const draft = this.#draft();
    const client = this.client;
    const source = this._source;
    const target = this._target;
    const shown = this.#preview.latest;
    if (!draft || !client || !source || !target || !shown?.current || !shown.answer.allowed) return;
    if (this.#unresolved(shown.answer).length > 0) return;
    await submitRequest(
      this,
      () => client.submitOperationRequest(draft, this.#idempotencyKey),
      () => transportMessagesFor(this.locale).submitted(source.name, target.name),
    );
  }

  override render() {
    const m = transportMessagesFor(this.locale);
    const shown = this.#preview.latest;
    const ready =
      shown?.current && shown.answer.allowed && this.#unresolved(shown.answer).length === 0 && !this._submitting;
    const productive = this._target?.type === 'productive';
    return html`<p part="outcome" class="hint" role="status" data-testid="transport-outcome">${this._outcome}</p>
      <dialog part="dialog" aria-labelledby="transport-title" aria-describedby="transport-intro" data-testid="transport-dialog">
        <form @submit=${this.#submit}>
          <h2 id="transport-title">${m.title}</h2>
          <p id="transport-intro" class="hint">${m.intro}</p>
          ${this.#renderTenants(m)}
          ${this.#renderWhat(m)}
          <div aria-live="polite" data-testid="preview" aria-busy=${this.#preview.pending ? 'true' : 'false'}>
            ${shown ? this.#renderPreview(m, shown.answer) : html`<p class="hint">${this.#draft() ? m.checking : m.chooseBoth}</p>`}
          </div>
          <ul class="notes">
            ${this._errors.map((message) => html`<li class="blocking" role="alert">${message}</li>`)}
          </ul>
          <div class="actions">
            <span class="hint">${shown && !shown.current ? m.checking : ''}</span>
            <button type="button" @click=${() => this.close()}>${m.cancel}</button>
            <button part="submit-button" class=${productive ? 'danger' : 'primary'} type="submit"
              data-testid="submit-transport" ?disabled=${!ready}>${m.submit}</button>
          </div>
        </form>
      </dialog>`;
  }

  #renderTenants(m: TransportMessages) {
    const g = messagesFor(this.locale);
    const select = (side: 'source' | 'target', chosen: Tenant | undefined, other: Tenant | undefined) =>
      html`<label>${m[side]}
        <select data-testid=${side} @change=${(e: Event) => this.#choose(side, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!chosen}>${m.chooseTenant}</option>
          ${this._candidates
            .filter((t) => t.id !== other?.id)
            .map(
              (t) =>
                html`<option value=${t.id} ?selected=${t.id === chosen?.id}>${t.name} (${labelFor(g.tenantType, t.type)})</option>`,
            )}
        </select>
      </label>`;
    return html`<fieldset part="tenants" class="pair" data-testid="tenants">
      ${select('source', this._source, this._target)}
      <button type="button" class="swap" data-testid="swap" aria-label=${m.swap} title=${m.swap}
        ?disabled=${!this._source || !this._target} @click=${() => this.#swap()}><span aria-hidden="true">⇄</span></button>
      ${select('target', this._target, this._source)}
    </fieldset>`;
  }

  #renderWhat(m: TransportMessages) {
    const versions = this.#pair.value?.versions ?? [];
    const offers = this.#offers();
    const tag = resolveLocale(this.locale);
    return html`<fieldset data-testid="profile">
        <legend><label class="choice"><input type="checkbox" data-testid="with-profile" .checked=${this._profile}
          @change=${(e: Event) => {
            this._profile = (e.target as HTMLInputElement).checked;
          }} />${m.profile}</label></legend>
        ${
          this._profile
            ? html`<div role="radiogroup" aria-label=${m.mode} class="modes">
                ${(['delta', 'full'] as const).map(
                  (mode) => html`<label class="choice"><input type="radio" name="mode" value=${mode} data-mode=${mode}
                    .checked=${this._mode === mode} @change=${() => {
                      this._mode = mode;
                      this._resolutions = {};
                    }} />${m[mode]}</label>`,
                )}
              </div>
              ${
                this._mode === 'delta'
                  ? html`<label>${m.baseline}
                    <select data-testid="baseline" @change=${(e: Event) => {
                      const value = (e.target as HTMLSelectElement).value;
                      this._baseline = value ? Number(value) : undefined;
                      this._resolutions = {};
                    }}>
                      <option value="" ?selected=${this._baseline === undefined}>${m.lastTransport}</option>
                      ${versions.map(
                        (v: ProfileVersionSummary) =>
                          html`<option value=${v.version} ?selected=${v.version === this._baseline}>${m.version(
                            v.version,
                            formatDateTime(tag, v.createdAt),
                          )}</option>`,
                      )}
                    </select>
                  </label>`
                  : nothing
              }`
            : nothing
        }
      </fieldset>
      <fieldset data-testid="extensions">
        <legend>${m.extensions}</legend>
        ${
          offers.length === 0
            ? html`<p class="hint">${m.noExtensions}</p>`
            : offers.map(
                (offer) => html`<label class="choice"><input type="checkbox" data-extension=${offer.name}
                  .checked=${this._chosen.includes(offer.name)} @change=${(e: Event) => {
                    const checked = (e.target as HTMLInputElement).checked;
                    this._chosen = checked
                      ? [...this._chosen, offer.name]
                      : this._chosen.filter((name) => name !== offer.name);
                  }} />${m.extensionChange(offer.name, offer.from, offer.to)}</label>`,
              )
        }
      </fieldset>`;
  }

  #renderPreview(m: TransportMessages, preview: TransportPreview) {
    const profile = preview.profile;
    const unresolved = this.#unresolved(preview).length;
    return html`${
      profile
        ? html`<h3>${m.changesIn(preview.target.name)}</h3>
          <p class="hint" data-testid="result-version">${m.resultVersion(preview.target.name, profile.resultVersion)}
            ${profile.overwrites.length > 0 ? html`<strong data-testid="overwrites">${m.overwrites(profile.overwrites.length, preview.target.name)}</strong>` : nothing}</p>
          ${profile.changes.length > 0 ? this.#renderChanges(m, profile.changes) : html`<p class="hint">${m.noChanges}</p>`}
          ${profile.conflicts.length > 0 ? this.#renderConflicts(m, preview, profile.conflicts) : nothing}
          ${unresolved > 0 ? html`<p class="blocking-text" data-testid="unresolved">${m.unresolved(unresolved)}</p>` : nothing}`
        : nothing
    }
      ${
        preview.extensions?.some((e) => e.action !== 'keep')
          ? html`<ul class="notes" data-testid="extension-plan">${preview.extensions
              .filter((e) => e.action !== 'keep')
              .map(
                (e) => html`<li data-extension=${e.name}>${m.extensionChange(e.name, e.fromVersion, e.toVersion)}</li>`,
              )}</ul>`
          : nothing
      }
      ${verdict(m, preview.approvalRequired, preview.validations)}`;
  }

  #renderChanges(m: TransportMessages, changes: ProfileChange[]) {
    return html`<div class="scroll"><table part="changes" data-testid="changes">
      <thead><tr><th scope="col">${m.path}</th><th scope="col">${m.change}</th><th scope="col">${m.before}</th><th scope="col">${m.after}</th></tr></thead>
      <tbody>${changes.map(
        (change) => html`<tr data-pointer=${change.pointer} data-op=${change.op}>
          <th scope="row"><code>${change.path.join('.')}</code></th>
          <td><span class="op op--${change.op}">${m.op[change.op]}</span></td>
          <td>${profileValue(m, change, 'old')}</td>
          <td>${profileValue(m, change, 'new')}</td>
        </tr>`,
      )}</tbody>
    </table></div>`;
  }

  #renderConflicts(m: TransportMessages, preview: TransportPreview, conflicts: ProfileConflict[]) {
    return html`<section part="conflicts" data-testid="conflicts" aria-labelledby="conflicts-title">
      <h3 id="conflicts-title">${m.conflicts}</h3>
      <p class="hint">${m.conflictsIntro(preview.source.name, preview.target.name)}</p>
      ${conflicts.map((conflict) => {
        const chosen = this._resolutions[conflict.pointer];
        const id = `conflict-${conflict.pointer.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
        return html`<div part="conflict" class=${chosen ? 'conflict' : 'conflict open'} data-pointer=${conflict.pointer}>
          <div class="sides">
            <span class="side"><span class="hint">${m.base}</span>${profileValue(m, conflict, 'base')}</span>
            <span class="side"><span class="hint">${preview.source.name}</span>${profileValue(m, conflict, 'source')}</span>
            <span class="side"><span class="hint">${preview.target.name}</span>${profileValue(m, conflict, 'target')}</span>
          </div>
          <div role="radiogroup" aria-labelledby=${id} class="resolutions">
            <code id=${id}>${conflict.path.join('.')}</code>
            ${(['source', 'target'] as const).map(
              (side) => html`<label class="choice"><input type="radio" name=${id} value=${side} data-resolution=${side}
                .checked=${chosen === side} @change=${() => this.#resolve(conflict.pointer, side)} />
                ${side === 'source' ? m.takeSource : m.keepTarget}</label>`,
            )}
          </div>
        </div>`;
      })}
    </section>`;
  }
}
