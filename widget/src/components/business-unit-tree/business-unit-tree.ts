import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { BusinessUnitLevel, BusinessUnitRef } from '../../api/types.js';
import { cssVar } from '../../directives/css-var.js';
import { createBusinessUnitSelectEvent } from '../../events/scc-business-unit-select.js';
import { labelFor, messagesFor } from '../../i18n/index.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import {
  addLevel,
  type BusinessUnitIndex,
  emptyIndex,
  forgetChildren,
  mayHaveChildren,
  type TreeNode,
  type TreeUnit,
  visibleNodes,
} from '../../utils/tree.js';
import { businessUnitTreeStyles } from './business-unit-tree.styles.js';

const chevron = html`<svg viewBox="0 0 16 16" aria-hidden="true">
  <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

/** Loads one level: the roots (`parentId` undefined) or a page of a unit's children, sorted by name. */
export type LevelLoader = (parentId: string | undefined, cursor: string | undefined) => Promise<BusinessUnitLevel>;

/** How many pages `reveal` reads of one level looking for the next unit of a path. */
const MAX_REVEAL_PAGES = 50;

/**
 * The business-unit hierarchy as a WAI-ARIA tree (single selection, roving tabindex).
 *
 * `loadLevel` feeds it lazily: one call per expanded unit (and per "load more" of a long level),
 * kept in the server's order (by name). The index only grows by each page, nothing is sorted
 * again, and only expanded levels are rendered, so thousands of loaded units stay cheap.
 *
 * Each item is named by its visible row (name, kind, and the tenant count spelled out for screen
 * readers), never by an `aria-label` that could drift from what sighted and speech-input users see;
 * browsers leave the nested group out of an item's name.
 *
 * Keys: Up/Down move, Right expands or enters, Left collapses or goes to the parent, Home/End,
 * Enter/Space select, `*` expands all siblings, typing a letter jumps to the next matching name.
 *
 * @tag scc-business-unit-tree
 * @event scc-business-unit-select - A business unit was selected; detail `{ businessUnitId }`. Bubbles, composed.
 * @csspart tree - The `role="tree"` list.
 * @csspart tree-item - Each `role="treeitem"` (it contains its children).
 * @csspart tree-item-row - The visible row of an item.
 * @csspart tree-item-row-selected - The row of the selected item.
 * @csspart tree-count - The tenant count of an item.
 * @csspart tree-load-more - The button loading the next page of a long level.
 * @cssproperty --scc-color-primary - Selection colour.
 */
export class SccBusinessUnitTree extends LitElement {
  static override styles = [...sharedStyles, businessUnitTreeStyles];

  static override properties = {
    loadLevel: { attribute: false },
    counts: { attribute: false },
    selectedId: { attribute: 'selected-id', reflect: true },
    label: {},
    locale: {},
    _expanded: { state: true },
    _focusedId: { state: true },
    _revision: { state: true },
  };

  /** Loads the tree's levels, e.g. from `GET /v1/widget/business-units`. */
  declare loadLevel: LevelLoader | undefined;
  /** Tenant count per business unit id (shown next to each node when present). */
  declare counts: ReadonlyMap<string, number> | undefined;
  /** The selected business unit. */
  declare selectedId: string | undefined;
  /** Accessible name of the tree. */
  declare label: string | undefined;
  declare locale: string | undefined;
  declare _expanded: ReadonlySet<string>;
  declare _focusedId: string | undefined;
  /** Bumped whenever the lazily loaded index changes. */
  declare _revision: number;

  #index: BusinessUnitIndex = emptyIndex();
  /** Loads under way per unit id ('' for the roots), so a level is never asked for twice at once. */
  #pending = new Map<string, Promise<void>>();
  #failed = new Set<string>();
  #typeahead = '';
  #typeaheadTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this._expanded = new Set();
    this._revision = 0;
  }

  /** A loaded unit, e.g. the selected one. */
  unitById(id: string): TreeUnit | undefined {
    return this.#index.byId.get(id)?.unit;
  }

  /**
   * Loads and expands the path from a root down to its last unit, which becomes selected and the
   * tree's tab stop (without taking the page's focus: `focusItem` does). Resolves false when a step
   * of the path is not (or no longer) in the tree.
   */
  async reveal(path: readonly BusinessUnitRef[]): Promise<boolean> {
    const last = path.at(-1);
    if (!last) return false;
    for (let i = 0; i < path.length - 1; i++) {
      const node = this.#index.byId.get(path[i]?.id ?? '');
      const next = path[i + 1]?.id ?? '';
      if (!node) return false;
      await this.#loadUntil(node, next);
      if (!this._expanded.has(node.unit.id)) this.setExpanded(node.unit.id, true);
    }
    if (!this.#index.byId.has(last.id)) return false;
    this.selectedId = last.id;
    this._focusedId = last.id;
    await this.updateComplete;
    return true;
  }

  /**
   * Loads the children of `id` again (after a unit was created, renamed, moved or deleted there);
   * without `id`, the whole tree from its roots.
   */
  async reloadLevel(id?: string): Promise<void> {
    if (!this.loadLevel) return;
    if (id === undefined) {
      await this.#loadRoots();
      return;
    }
    const node = this.#index.byId.get(id);
    if (!node) return;
    forgetChildren(this.#index, id);
    this._revision++;
    await this.#loadChildren(node);
  }

  /** Ids of the expanded nodes. */
  get expandedIds(): string[] {
    return [...this._expanded];
  }

  /** Expands or collapses a node. */
  setExpanded(id: string, expanded: boolean): void {
    const next = new Set(this._expanded);
    if (expanded) next.add(id);
    else next.delete(id);
    this._expanded = next;
    const node = this.#index.byId.get(id);
    if (expanded && node && !node.loaded) void this.#loadChildren(node);
  }

  /** Moves keyboard focus to the item with this id (or the current roving item). */
  async focusItem(id: string | undefined = this._focusedId): Promise<void> {
    if (id === undefined) return;
    this._focusedId = id;
    await this.updateComplete;
    this.#itemElement(id)?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#typeaheadTimer);
    this.#typeaheadTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('loadLevel') && this.loadLevel) void this.#loadRoots();
    const visible = visibleNodes(this.#index, this._expanded);
    if (!this._focusedId || !visible.some((n) => n.unit.id === this._focusedId)) {
      const selectedVisible = this.selectedId && visible.some((n) => n.unit.id === this.selectedId);
      this._focusedId = selectedVisible ? this.selectedId : visible[0]?.unit.id;
    }
  }

  override render() {
    const m = messagesFor(this.locale);
    if (this.#index.roots.length === 0) {
      if (this.#failed.has('')) {
        return html`<p class="empty">
          ${m.errorGeneric(0)} <button type="button" part="tree-load-more" @click=${() => this.#loadRoots()}>${m.retry}</button>
        </p>`;
      }
      return html`<p class="empty">${this.#pending.has('') ? m.loading : m.noBusinessUnits}</p>`;
    }
    return html`<ul
      part="tree"
      role="tree"
      aria-label=${this.label ?? m.businessUnitTreeLabel}
      @keydown=${this.#onKeydown}
      @click=${this.#onClick}
      @focusin=${this.#onFocusin}
    >
      ${this.#index.roots.map((node, i, all) => this.#renderNode(node, i, all.length))}
    </ul>`;
  }

  #renderNode(node: TreeNode, index: number, setSize: number): unknown {
    const m = messagesFor(this.locale);
    const { id, name, kind } = node.unit;
    const hasChildren = mayHaveChildren(node);
    const expanded = hasChildren && this._expanded.has(id);
    const selected = id === this.selectedId;
    const count = this.counts?.get(id);
    const kindLabel = kind ? labelFor(m.unitKind, kind) : '';
    return html`<li
      role="treeitem"
      part="tree-item"
      data-business-unit-id=${id}
      aria-level=${node.level}
      aria-setsize=${setSize}
      aria-posinset=${index + 1}
      aria-expanded=${hasChildren ? String(expanded) : nothing}
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${id === this._focusedId ? '0' : '-1'}
    >
      <div
        class="row"
        part=${selected ? 'tree-item-row tree-item-row-selected' : 'tree-item-row'}
        ${cssVar('--level', node.level - 1)}
      >
        <span class="toggle" data-toggle=${hasChildren ? 'true' : nothing} title=${hasChildren ? (expanded ? m.collapse : m.expand) : nothing}
          >${hasChildren ? chevron : nothing}</span
        >
        <span class="label"><span class="name">${name}</span><span class="kind">${kindLabel}</span></span>
        ${
          count === undefined
            ? nothing
            : html`<span part="tree-count" class="count" aria-hidden="true">${m.tenantCountShort(count)}</span
                ><span class="visually-hidden">, ${m.tenantCount(count)}</span>`
        }
      </div>
      ${
        expanded
          ? html`<ul role="group">
            ${node.children.map((child, i, all) => this.#renderNode(child, i, all.length))}
            ${this.#renderLevelEnd(node)}
          </ul>`
          : nothing
      }
    </li>`;
  }

  /** Below a level: loading, a failure with retry, or "load more" when the level has more pages. */
  #renderLevelEnd(node: TreeNode): unknown {
    const m = messagesFor(this.locale);
    const id = node.unit.id;
    const indent = cssVar('--level', node.level);
    if (this.#pending.has(id)) return html`<li role="none" class="level-note" ${indent}>${m.loading}</li>`;
    if (this.#failed.has(id) || node.nextCursor !== null) {
      return html`<li role="none" class="level-note" ${indent}>
        <button type="button" part="tree-load-more" data-load-more=${id}>
          ${this.#failed.has(id) ? m.retry : m.loadMore}
        </button>
      </li>`;
    }
    return nothing;
  }

  async #loadRoots(): Promise<void> {
    const loader = this.loadLevel;
    if (!loader) return;
    this.#index = emptyIndex();
    this.#failed.clear();
    const load = loader(undefined, undefined).then((page) => {
      if (this.loadLevel !== loader) return;
      addLevel(this.#index, undefined, page);
    });
    this.#pending.set('', load);
    this._revision++;
    try {
      await load;
    } catch {
      this.#failed.add('');
      return;
    } finally {
      this.#pending.delete('');
      this._revision++;
    }
    // The roots start expanded: the caller's own unit is never worth a click.
    const next = new Set(this._expanded);
    for (const root of this.#index.roots) next.add(root.unit.id);
    this._expanded = next;
    await Promise.all(this.#index.roots.map((root) => this.#loadChildren(root)));
  }

  /** Loads the first page of a node's children, or the next one when `more` is set. */
  #loadChildren(node: TreeNode, more = false): Promise<void> {
    const loader = this.loadLevel;
    const id = node.unit.id;
    const running = this.#pending.get(id);
    if (running) return running;
    if (!loader || (more ? node.nextCursor === null : node.loaded)) return Promise.resolve();
    const index = this.#index;
    this.#failed.delete(id);
    const load = loader(id, more ? (node.nextCursor ?? undefined) : undefined)
      .then((page) => {
        if (this.#index === index) addLevel(index, id, page);
      })
      .catch(() => {
        this.#failed.add(id);
      })
      .finally(() => {
        this.#pending.delete(id);
        this._revision++;
      });
    this.#pending.set(id, load);
    this._revision++;
    return load;
  }

  /** Loads pages of `node`'s children until `childId` is among them or the level ends. */
  async #loadUntil(node: TreeNode, childId: string): Promise<void> {
    await this.#loadChildren(node);
    for (let page = 0; page < MAX_REVEAL_PAGES && !this.#index.byId.has(childId) && node.nextCursor; page++) {
      await this.#loadChildren(node, true);
    }
  }

  #itemElement(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`li[data-business-unit-id="${CSS.escape(id)}"]`);
  }

  #itemIdFrom(event: Event): string | undefined {
    const target = event.target instanceof Element ? event.target : null;
    return target?.closest<HTMLElement>('li[role="treeitem"]')?.dataset.businessUnitId;
  }

  #select(id: string): void {
    this.selectedId = id;
    this.dispatchEvent(createBusinessUnitSelectEvent(id));
  }

  #onFocusin = (event: FocusEvent): void => {
    const id = this.#itemIdFrom(event);
    if (id && id !== this._focusedId) this._focusedId = id;
  };

  #onClick = (event: MouseEvent): void => {
    const more = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-load-more]') : null;
    if (more) {
      const node = this.#index.byId.get(more.dataset.loadMore ?? '');
      if (node) void this.#loadChildren(node, node.loaded);
      return;
    }
    const id = this.#itemIdFrom(event);
    if (!id) return;
    const onToggle = event.target instanceof Element && event.target.closest('[data-toggle]');
    if (onToggle) {
      this.setExpanded(id, !this._expanded.has(id));
      void this.focusItem(id);
      return;
    }
    void this.focusItem(id);
    this.#select(id);
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const id = this.#itemIdFrom(event) ?? this._focusedId;
    const node = id ? this.#index.byId.get(id) : undefined;
    if (!node) return;
    const visible = visibleNodes(this.#index, this._expanded);
    const position = visible.indexOf(node);
    const hasChildren = mayHaveChildren(node);
    const expanded = hasChildren && this._expanded.has(node.unit.id);
    let target: TreeNode | undefined;
    switch (event.key) {
      case 'ArrowDown':
        target = visible[position + 1];
        break;
      case 'ArrowUp':
        target = visible[position - 1];
        break;
      case 'ArrowRight':
        if (hasChildren && !expanded) this.setExpanded(node.unit.id, true);
        else if (expanded) target = node.children[0];
        break;
      case 'ArrowLeft':
        if (expanded) this.setExpanded(node.unit.id, false);
        else target = node.parent;
        break;
      case 'Home':
        target = visible[0];
        break;
      case 'End':
        target = visible[visible.length - 1];
        break;
      case 'Enter':
      case ' ':
        this.#select(node.unit.id);
        break;
      case '*': {
        const siblings = node.parent ? node.parent.children : this.#index.roots;
        const next = new Set(this._expanded);
        for (const sibling of siblings) if (mayHaveChildren(sibling)) next.add(sibling.unit.id);
        this._expanded = next;
        for (const sibling of siblings) if (!sibling.loaded) void this.#loadChildren(sibling);
        break;
      }
      default:
        if (event.key.length === 1 && event.key.trim() !== '') {
          target = this.#typeaheadMatch(event.key, visible, position);
          if (!target) return;
          break;
        }
        return;
    }
    event.preventDefault();
    if (target) void this.focusItem(target.unit.id);
  };

  #typeaheadMatch(key: string, visible: TreeNode[], position: number): TreeNode | undefined {
    clearTimeout(this.#typeaheadTimer);
    this.#typeaheadTimer = setTimeout(() => {
      this.#typeahead = '';
      this.#typeaheadTimer = undefined;
    }, 500);
    this.#typeahead += key.toLowerCase();
    const query = this.#typeahead;
    // A repeated single letter cycles through matches; a longer prefix starts at the current item.
    const start = query.length === 1 ? position + 1 : position;
    for (let i = 0; i < visible.length; i++) {
      const candidate = visible[(start + i) % visible.length];
      if (candidate?.unit.name.toLowerCase().startsWith(query)) return candidate;
    }
    return undefined;
  }
}
