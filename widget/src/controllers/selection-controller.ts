import { html, type ReactiveController, type ReactiveElement } from 'lit';
import { type BffClient, BffError } from '../api/bff-client.js';
import type { BusinessUnit, BusinessUnitLevel, BusinessUnitRef } from '../api/types.js';
import type { SccBusinessUnitTree } from '../components/business-unit-tree/business-unit-tree.js';
import type { SccBusinessUnitChangeEvent } from '../events/scc-business-unit-change.js';
import { createBusinessUnitSelectEvent, type SccBusinessUnitSelectEvent } from '../events/scc-business-unit-select.js';
import { createNavigateEvent } from '../events/scc-navigate.js';
import type { Messages } from '../i18n/index.js';

export interface SelectionControllerOptions {
  /** The client to ask; none yet: nothing loads. */
  client: () => BffClient | undefined;
  /** A selection that could not follow (its path failed to load). */
  onError?: (error: unknown) => void;
}

/**
 * The selected business unit and its breadcrumbs, kept in step with the tree and the search in the
 * host's shadow root: selecting in any of them moves the others, announces `scc-navigate`, and an
 * admin change reloads the touched tree levels. Both `<service-control-center>` and
 * `<scc-hierarchy>` hold one, and render the tree, search and breadcrumbs it drives.
 */
export class SelectionController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #options: SelectionControllerOptions;
  /** The selected unit, `undefined` before the first load. */
  selectedId: string | undefined;
  /** Breadcrumbs: the caller's unit down to the selected one. */
  path: BusinessUnitRef[] = [];
  /** The caller's root level, when loaded with the session: the tree takes it instead of asking again. */
  #roots: BusinessUnitLevel | undefined;
  #abort: AbortController | undefined;

  constructor(host: ReactiveElement, options: SelectionControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  get tree(): SccBusinessUnitTree | null {
    return this.#host.renderRoot.querySelector('scc-business-unit-tree');
  }

  /**
   * Loads the root level and, when a selection is kept (a reload), the path to it (`undefined` when
   * the kept unit left the subtree). Applies nothing: the host calls `restore` once the rest of its
   * data is in.
   */
  async load(
    client: BffClient,
    signal: AbortSignal,
  ): Promise<{ roots: BusinessUnitLevel; path: BusinessUnitRef[] | undefined }> {
    const kept = this.selectedId;
    const [roots, path] = await Promise.all([
      client.listBusinessUnitLevel(undefined, undefined, signal),
      kept ? client.getAncestors(kept, signal).catch(notFoundAs(undefined)) : undefined,
    ]);
    return { roots, path };
  }

  /** Applies a loaded selection, and opens the tree to it once rendered. */
  async restore(roots: BusinessUnitLevel, path: BusinessUnitRef[]): Promise<void> {
    this.#roots = roots;
    this.path = path;
    this.selectedId = path.at(-1)?.id;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    if (path.length > 1) void this.tree?.reveal(path);
  }

  loadLevel = async (parentId: string | undefined, cursor: string | undefined): Promise<BusinessUnitLevel> => {
    const client = this.#options.client();
    if (!client) throw new Error('not loaded');
    const roots = parentId === undefined ? this.#roots : undefined;
    this.#roots = undefined;
    return roots ?? (await client.listBusinessUnitLevel(parentId, cursor));
  };

  search = async (q: string, signal: AbortSignal): Promise<BusinessUnit[]> =>
    (await this.#options.client()?.searchBusinessUnits(q, signal)) ?? [];

  /** Selects a unit: breadcrumbs follow; `path` (from search or breadcrumbs) opens the tree to it. */
  async select(id: string, path?: readonly BusinessUnitRef[]): Promise<void> {
    const client = this.#options.client();
    if (!client) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.selectedId = id;
    this.#host.requestUpdate();
    this.#host.dispatchEvent(createNavigateEvent({ view: 'business-unit', businessUnitId: id }));
    const tree = this.tree;
    if (path && tree) {
      void tree.reveal(path).then((found) => {
        if (found) void tree.focusItem(id);
      });
    }
    try {
      const ancestors = path ? [...path] : await client.getAncestors(id, abort.signal);
      if (this.#abort !== abort) return;
      this.path = ancestors;
      this.#host.requestUpdate();
    } catch (cause) {
      if (this.#abort === abort && !abort.signal.aborted) this.#options.onError?.(cause);
    }
  }

  /** The tree's and the search's choice (the event itself bubbles on to the host page). */
  onSelect = (event: SccBusinessUnitSelectEvent): void => {
    void this.select(event.detail.businessUnitId, event.detail.path);
  };

  #onCrumb = (event: MouseEvent): void => {
    const path = this.path.slice(0, Number((event.currentTarget as HTMLElement).dataset.index) + 1);
    const id = path.at(-1)?.id;
    if (!id || id === this.selectedId) return;
    this.#host.dispatchEvent(createBusinessUnitSelectEvent(id, path));
    void this.select(id, path);
  };

  /** After an admin change: reload the touched tree levels, then show the unit the change points at. */
  onChange = async (event: SccBusinessUnitChangeEvent): Promise<void> => {
    const { action, businessUnit, parentIds } = event.detail;
    const tree = this.tree;
    // A change of the caller's own unit (a rename) has no parent in view: reload the whole tree.
    await Promise.all(parentIds.length ? parentIds.map((id) => tree?.reloadLevel(id)) : [tree?.reloadLevel()]);
    if (action === 'deleted') {
      const parent = this.path.at(-2);
      if (parent) await this.select(parent.id, this.path.slice(0, -1));
      return;
    }
    const path = await this.#options
      .client()
      ?.getAncestors(businessUnit.id)
      .catch(() => undefined);
    if (path) await this.select(businessUnit.id, path);
  };

  renderSearch(locale: string) {
    return html`<scc-business-unit-search data-testid="search" exportparts="search, search-result"
      .search=${this.search} locale=${locale} @scc-business-unit-select=${this.onSelect}></scc-business-unit-search>`;
  }

  renderTree(locale: string) {
    return html`<scc-business-unit-tree data-testid="tree"
      exportparts="tree, tree-item, tree-item-row, tree-item-row-selected, tree-count, tree-load-more"
      .loadLevel=${this.loadLevel} .selectedId=${this.selectedId} locale=${locale}
      @scc-business-unit-select=${this.onSelect}></scc-business-unit-tree>`;
  }

  renderBreadcrumbs(m: Messages) {
    return html`<nav part="breadcrumbs" class="crumbs" aria-label=${m.breadcrumbsLabel} data-testid="breadcrumbs">
      <ol>${this.path.map(
        (step, i, all) =>
          html`<li>${
            i === all.length - 1
              ? html`<span aria-current="location">${step.name}</span>`
              : html`<button type="button" data-index=${i} @click=${this.#onCrumb}>${step.name}</button>`
          }</li>`,
      )}</ol>
    </nav>`;
  }
}

/** A 404 (the unit left the caller's subtree) answers `fallback`; anything else stays a failure. */
function notFoundAs<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if (error instanceof BffError && error.status === 404) return fallback;
    throw error;
  };
}
