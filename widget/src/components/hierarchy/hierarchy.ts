import { css, html, LitElement } from 'lit';
import type { SccConnection } from '../../context/connection.js';
import { ConnectionController } from '../../controllers/connection-controller.js';
import { SelectionController } from '../../controllers/selection-controller.js';
import { createErrorEvent } from '../../events/scc-error.js';
import { messagesFor, resolveLocale } from '../../i18n/index.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { toBffError } from '../../utils/bff-error.js';
import { breadcrumbsStyles } from '../service-control-center/breadcrumbs.styles.js';

/**
 * The caller's business-unit hierarchy as a piece of its own: the name search, the tree and the
 * breadcrumbs of the selected unit, kept in step by a `SelectionController` as in the whole
 * control center. Pair it with `<scc-tenants>` by setting the list's `business-unit-id` from
 * `scc-navigate`.
 *
 * Takes its connection from `.connection` or from an enclosing `<scc-session>`, so it shares the
 * session and the token with the other pieces.
 *
 * @tag scc-hierarchy
 * @event scc-business-unit-select - The user selected a unit in the tree, the search or the breadcrumbs. `detail` is `{ businessUnitId, path? }`.
 * @event scc-navigate - The selection changed. `detail` is `{ view: 'business-unit', businessUnitId }`.
 * @event scc-error - The hierarchy could not be loaded. `detail` is `{ status, title }`.
 * @csspart search - The name search box.
 * @csspart search-result - Each search result.
 * @csspart tree - The `role="tree"` list.
 * @csspart tree-item - Each tree item (`data-business-unit-id`).
 * @csspart tree-item-row - The visible row of a tree item.
 * @csspart tree-item-row-selected - The row of the selected tree item.
 * @csspart tree-count - Tenant count of a tree item.
 * @csspart tree-load-more - "Load more" of a long tree level.
 * @csspart breadcrumbs - The path of the selected unit.
 * @cssproperty --scc-color-primary - The selection and the breadcrumb links.
 * @cssproperty --scc-color-muted - Secondary text.
 */
export class SccHierarchy extends LitElement {
  static override styles = [
    ...sharedStyles,
    breadcrumbsStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  static override properties = {
    connection: { attribute: false },
    locale: {},
  };

  /** The shared connection; without it, the one an enclosing `<scc-session>` provides. */
  declare connection: SccConnection | undefined;
  declare locale: string | undefined;

  readonly #link = new ConnectionController(this, {
    own: () => this.connection,
    onChange: (connection) => void this.#load(connection),
  });
  readonly #selection = new SelectionController(this, {
    client: () => this.#link.connection?.client,
    onError: (cause) => this.#fail(cause),
  });
  #abort: AbortController | undefined;

  /** The selected business unit. */
  get selectedBusinessUnitId(): string | undefined {
    return this.#selection.selectedId;
  }

  /** Selects a unit as a click in the tree would (announces `scc-navigate`). */
  select(businessUnitId: string): Promise<void> {
    return this.#selection.select(businessUnitId);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#abort = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a load was cut off: load again.
    if (!this.#abort && !this.#selection.selectedId) void this.#load(this.#link.connection);
  }

  async #load(connection: SccConnection | undefined): Promise<void> {
    this.#abort?.abort();
    this.#abort = undefined;
    if (!connection || !this.isConnected) return;
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const [session, { roots, path }] = await Promise.all([
        connection.session(abort.signal),
        this.#selection.load(connection.client, abort.signal),
      ]);
      if (this.#abort !== abort) return;
      await this.#selection.restore(roots, path ?? [session.businessUnit]);
    } catch (cause) {
      if (this.#abort === abort && !abort.signal.aborted) this.#fail(cause);
    }
  }

  #fail(cause: unknown): void {
    const error = toBffError(cause);
    this.dispatchEvent(createErrorEvent({ status: error.status, title: error.title }));
  }

  override render() {
    const locale = resolveLocale(this.locale ?? this.#link.locale);
    const selection = this.#selection;
    return html`${selection.renderSearch(locale)} ${selection.renderBreadcrumbs(messagesFor(locale))}
      ${selection.renderTree(locale)}`;
  }
}
