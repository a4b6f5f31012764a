import '../../i18n/de.js';
import '../../index.js';
import '../../lazy/tree.js';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  $$,
  assert,
  assertDeepEqual,
  assertEqual,
  assertIncludes,
  businessUnits,
  cleanup,
  deepActiveElement,
  levelOf,
  mount,
  oneEvent,
  pathTo,
  press,
  sleep,
  waitFor,
} from '../../../test/helpers.js';
import type { SccBusinessUnitSelectEvent } from '../../events/scc-business-unit-select.js';
import { expectNoAxeViolations } from '../../testing/axe.js';
import type { LevelLoader, SccBusinessUnitTree } from './business-unit-tree.js';

/** Serves the fixture level by level, as the BFF does: by name, with child counts. */
const fixtureLoader: LevelLoader = async (parentId) =>
  levelOf(businessUnits, new URLSearchParams(parentId ? { parentId } : {}));

async function createTree(selectedId = 'msp'): Promise<SccBusinessUnitTree> {
  const tree = document.createElement('scc-business-unit-tree');
  tree.loadLevel = fixtureLoader;
  tree.counts = new Map([
    ['msp', 6],
    ['internal', 3],
    ['critical', 2],
  ]);
  tree.selectedId = 'msp';
  mount(tree);
  await waitFor(() => item(tree, 'external'), 'the root’s children');
  if (selectedId !== 'msp') await tree.reveal(pathTo(businessUnits, selectedId));
  await tree.updateComplete;
  return tree;
}

const item = (tree: SccBusinessUnitTree, id: string) => $(tree, `[role="treeitem"][data-business-unit-id="${id}"]`);
const visibleIds = (tree: SccBusinessUnitTree) => $$(tree, '[role="treeitem"]').map((li) => li.dataset.businessUnitId);
const focusedId = () => deepActiveElement()?.getAttribute('data-business-unit-id');
const tabStops = (tree: SccBusinessUnitTree) =>
  $$(tree, '[role="treeitem"]')
    .filter((li) => li.tabIndex === 0)
    .map((li) => li.dataset.businessUnitId);

async function key(tree: SccBusinessUnitTree, name: string): Promise<KeyboardEvent> {
  const target = deepActiveElement();
  assert(target, 'something is focused');
  const event = press(target, name);
  await tree.updateComplete;
  await tree.updateComplete;
  return event;
}

describe('scc-business-unit-tree', () => {
  afterEach(cleanup);

  it('follows the WAI-ARIA tree pattern', async () => {
    const tree = await createTree('msp');
    const root = $(tree, '[role="tree"]');
    assert(root, 'role=tree');
    assertEqual(root.getAttribute('part'), 'tree');
    assert(root.getAttribute('aria-label'), 'tree has an accessible name');
    const msp = item(tree, 'msp');
    assert(msp);
    assertEqual(msp.getAttribute('aria-level'), '1');
    assertEqual(msp.getAttribute('aria-expanded'), 'true');
    assertEqual(msp.getAttribute('aria-selected'), 'true');
    assertEqual(msp.getAttribute('part'), 'tree-item');
    // named by what it shows: no aria-label to drift from the visible text
    assertEqual(msp.hasAttribute('aria-label'), false);
    assertEqual(
      msp.querySelector('.row')?.textContent?.replace(/\s+/g, ' ').trim(),
      'MSPManaged service provider 6, 6 tenants',
    );
    const internal = item(tree, 'internal');
    assertEqual(internal?.getAttribute('aria-level'), '2');
    assertEqual(internal?.getAttribute('aria-selected'), 'false');
    assertEqual(internal?.getAttribute('aria-setsize'), '3');
    assert(internal?.parentElement?.getAttribute('role') === 'group', 'children are in a role=group');
    // siblings by name, and the position in the set follows what is shown
    assertDeepEqual(visibleIds(tree), ['msp', 'external', 'internal', 'resellers']);
    assertDeepEqual(
      ['external', 'internal', 'resellers'].map((id) => item(tree, id)?.getAttribute('aria-posinset')),
      ['1', '2', '3'],
    );
    assertDeepEqual(tabStops(tree), ['msp'], 'one tab stop: the selected item');
  });

  it('leaves have no aria-expanded', async () => {
    const tree = await createTree('critical');
    assertDeepEqual(
      visibleIds(tree),
      ['msp', 'external', 'internal', 'critical', 'other-systems', 'resellers'],
      'ancestors of the selection expanded',
    );
    assertEqual(item(tree, 'critical')?.hasAttribute('aria-expanded'), false);
    assertDeepEqual(tabStops(tree), ['critical']);
  });

  it('arrow keys, Home and End move focus with a roving tabindex', async () => {
    const tree = await createTree('msp');
    item(tree, 'msp')?.focus();
    assertEqual(focusedId(), 'msp');

    // Up/Down follow the alphabetical order on screen, not the order the items came in
    const down = await key(tree, 'ArrowDown');
    assert(down.defaultPrevented, 'handled keys prevent default (no page scroll)');
    assertEqual(focusedId(), 'external');
    assertDeepEqual(tabStops(tree), ['external']);

    await key(tree, 'ArrowDown');
    assertEqual(focusedId(), 'internal');
    await key(tree, 'ArrowUp');
    assertEqual(focusedId(), 'external');

    await key(tree, 'End');
    assertEqual(focusedId(), 'resellers');
    await key(tree, 'ArrowDown');
    assertEqual(focusedId(), 'resellers', 'stays on the last item');
    await key(tree, 'Home');
    assertEqual(focusedId(), 'msp');
    await key(tree, 'ArrowUp');
    assertEqual(focusedId(), 'msp', 'stays on the first item');
    assertDeepEqual(tabStops(tree), ['msp']);
  });

  it('Right expands then enters, Left collapses then goes to the parent', async () => {
    const tree = await createTree('msp');
    item(tree, 'internal')?.focus();
    await key(tree, 'ArrowRight');
    assertEqual(item(tree, 'internal')?.getAttribute('aria-expanded'), 'true');
    assertEqual(focusedId(), 'internal', 'first Right only expands');
    await waitFor(() => item(tree, 'critical'), 'children loaded and rendered');

    await key(tree, 'ArrowRight');
    assertEqual(focusedId(), 'critical', 'second Right moves to the first child');
    await key(tree, 'ArrowRight');
    assertEqual(focusedId(), 'critical', 'Right on a leaf does nothing');

    await key(tree, 'ArrowLeft');
    assertEqual(focusedId(), 'internal', 'Left on a leaf moves to the parent');
    await key(tree, 'ArrowLeft');
    assertEqual(item(tree, 'internal')?.getAttribute('aria-expanded'), 'false', 'Left collapses');
    assertEqual(item(tree, 'critical'), null, 'children removed');
    await key(tree, 'ArrowLeft');
    assertEqual(focusedId(), 'msp');
  });

  it('Enter and Space select and fire scc-business-unit-select', async () => {
    const tree = await createTree('msp');
    item(tree, 'external')?.focus();
    let selected = oneEvent<SccBusinessUnitSelectEvent>(document, 'scc-business-unit-select');
    await key(tree, 'Enter');
    let event = await selected;
    assertDeepEqual(event.detail, { businessUnitId: 'external' });
    assert(event.bubbles && event.composed, 'bubbles and composed');
    assertEqual(tree.selectedId, 'external');
    assertEqual(item(tree, 'external')?.getAttribute('aria-selected'), 'true');
    assertEqual(item(tree, 'msp')?.getAttribute('aria-selected'), 'false');
    assertIncludes(item(tree, 'external')?.querySelector('.row')?.getAttribute('part'), 'tree-item-row-selected');

    await key(tree, 'ArrowDown');
    selected = oneEvent<SccBusinessUnitSelectEvent>(document, 'scc-business-unit-select');
    const space = await key(tree, ' ');
    event = await selected;
    assert(space.defaultPrevented, 'Space does not scroll the page');
    assertDeepEqual(event.detail, { businessUnitId: 'internal' }, 'the next item by name');
  });

  it('clicking the chevron toggles without selecting; clicking the row selects', async () => {
    const tree = await createTree('msp');
    let fired = 0;
    tree.addEventListener('scc-business-unit-select', () => fired++);
    item(tree, 'internal')?.querySelector<HTMLElement>('[data-toggle]')?.click();
    await tree.updateComplete;
    assertEqual(item(tree, 'internal')?.getAttribute('aria-expanded'), 'true');
    assertEqual(fired, 0);
    await waitFor(() => item(tree, 'critical'), 'children loaded');
    item(tree, 'critical')?.querySelector<HTMLElement>('.name')?.click();
    await tree.updateComplete;
    assertEqual(fired, 1);
    assertEqual(tree.selectedId, 'critical');
    await sleep(0);
    assertEqual(focusedId(), 'critical', 'click moves focus too');
  });

  it('type-ahead and * work', async () => {
    const tree = await createTree('msp');
    item(tree, 'msp')?.focus();
    await key(tree, 'r');
    assertEqual(focusedId(), 'resellers');
    await key(tree, '*');
    for (const id of ['internal', 'external', 'resellers']) {
      assertEqual(item(tree, id)?.getAttribute('aria-expanded'), 'true', `${id} expanded by *`);
    }
    await waitFor(() => item(tree, 'reseller-one'), 'grandchildren loaded and visible');
  });

  it('renders a message when there are no business units', async () => {
    const tree = document.createElement('scc-business-unit-tree');
    tree.loadLevel = async () => ({ items: [], nextCursor: null });
    mount(tree);
    await waitFor(() => $(tree, '.empty')?.textContent?.includes('No business units'), 'the empty message');
    assertEqual($(tree, '[role="tree"]'), null);
  });

  describe('loading lazily with loadLevel', () => {
    /** A loader over the fixture that records each call and can page or fail a level. */
    function loader(options: { pageSize?: number; failFirst?: string } = {}) {
      const calls: string[] = [];
      let failed = false;
      const load: LevelLoader = async (parentId, cursor) => {
        calls.push(`${parentId ?? 'root'}${cursor ? `@${cursor}` : ''}`);
        if (options.failFirst !== undefined && parentId === options.failFirst && !failed) {
          failed = true;
          throw new Error('unavailable');
        }
        const level = levelOf(businessUnits, new URLSearchParams(parentId ? { parentId } : {})).items;
        const size = options.pageSize ?? level.length;
        const start = Number(cursor ?? 0);
        return {
          items: level.slice(start, start + size),
          nextCursor: start + size < level.length ? String(start + size) : null,
        };
      };
      return { calls, load };
    }

    async function lazyTree(load: LevelLoader): Promise<SccBusinessUnitTree> {
      const tree = document.createElement('scc-business-unit-tree');
      tree.loadLevel = load;
      tree.selectedId = 'msp';
      mount(tree);
      await waitFor(() => item(tree, 'external'), 'children of the root');
      return tree;
    }

    it('loads the root and its children, then one level per expanded unit, once', async () => {
      const { calls, load } = loader();
      const tree = await lazyTree(load);
      assertDeepEqual(calls, ['root', 'msp']);
      assertDeepEqual(visibleIds(tree), ['msp', 'external', 'internal', 'resellers'], 'in the order the server sent');
      assertEqual(item(tree, 'internal')?.getAttribute('aria-expanded'), 'false', 'not loaded, but has children');

      item(tree, 'internal')?.querySelector<HTMLElement>('[data-toggle]')?.click();
      await waitFor(() => item(tree, 'critical'), 'level loaded');
      assertDeepEqual(calls, ['root', 'msp', 'internal']);
      assertEqual(item(tree, 'critical')?.hasAttribute('aria-expanded'), false, 'a leaf (childCount 0)');

      // Collapsing and expanding again does not ask again.
      item(tree, 'internal')?.querySelector<HTMLElement>('[data-toggle]')?.click();
      await tree.updateComplete;
      item(tree, 'internal')?.querySelector<HTMLElement>('[data-toggle]')?.click();
      await tree.updateComplete;
      assertDeepEqual(calls, ['root', 'msp', 'internal']);
    });

    it('pages a long level with "load more"', async () => {
      const { calls, load } = loader({ pageSize: 2 });
      const tree = await lazyTree(load);
      assertDeepEqual(visibleIds(tree), ['msp', 'external', 'internal']);
      const more = $(tree, '[part="tree-load-more"]');
      assertEqual(more?.textContent?.trim(), 'Load more');
      more?.click();
      await waitFor(() => item(tree, 'resellers'), 'second page');
      assertDeepEqual(calls, ['root', 'msp', 'msp@2']);
      assertEqual($(tree, '[part="tree-load-more"]'), null, 'no more pages');
      assertEqual(item(tree, 'resellers')?.getAttribute('aria-posinset'), '3');
    });

    it('offers a retry when a level fails to load', async () => {
      const { calls, load } = loader({ failFirst: 'internal' });
      const tree = await lazyTree(load);
      item(tree, 'internal')?.querySelector<HTMLElement>('[data-toggle]')?.click();
      const retry = await waitFor(() => $(tree, '[data-load-more="internal"]'), 'retry');
      assertEqual(retry.textContent?.trim(), 'Retry');
      retry.click();
      await waitFor(() => item(tree, 'critical'), 'loaded on retry');
      assertDeepEqual(calls, ['root', 'msp', 'internal', 'internal']);
    });

    it('reveal() loads and opens a path page by page and selects its end', async () => {
      const { calls, load } = loader({ pageSize: 1 });
      const tree = await lazyTree(load);
      const found = await tree.reveal([
        { id: 'msp', name: 'MSP' },
        { id: 'resellers', name: 'Resellers' },
        { id: 'reseller-one', name: 'Reseller One' },
      ]);
      assert(found, 'revealed');
      assertEqual(tree.selectedId, 'reseller-one');
      assertEqual(item(tree, 'reseller-one')?.getAttribute('aria-selected'), 'true');
      assertDeepEqual(tabStops(tree), ['reseller-one'], 'the tab stop moves there');
      assert(focusedId() !== 'reseller-one', 'but the page focus stays where it was');
      assertDeepEqual(calls, ['root', 'msp', 'msp@1', 'msp@2', 'resellers']);
      assertEqual(
        await tree.reveal([
          { id: 'msp', name: 'MSP' },
          { id: 'gone', name: 'Gone' },
        ]),
        false,
      );
    });

    it('reloadLevel() asks for one level again and keeps the rest', async () => {
      const { calls, load } = loader();
      const tree = await lazyTree(load);
      await tree.reloadLevel('msp');
      await tree.updateComplete;
      assertDeepEqual(calls, ['root', 'msp', 'msp']);
      assertDeepEqual(visibleIds(tree), ['msp', 'external', 'internal', 'resellers']);
    });

    it('renders only expanded levels, so a level of thousands costs nothing until opened', async () => {
      const many = Array.from({ length: 3000 }, (_, i) => ({
        id: `c${i}`,
        parentId: 'big',
        name: `Customer ${String(i).padStart(4, '0')}`,
        kind: 'customer',
        depth: 2,
        childCount: 0,
      }));
      const load: LevelLoader = async (parentId) => {
        if (!parentId)
          return {
            items: [{ id: 'root', parentId: null, name: 'Root', kind: 'msp', depth: 0, childCount: 1 }],
            nextCursor: null,
          };
        if (parentId === 'root')
          return {
            items: [{ id: 'big', parentId: 'root', name: 'Big', kind: 'region', depth: 1, childCount: 3000 }],
            nextCursor: null,
          };
        return { items: many, nextCursor: null };
      };
      const tree = document.createElement('scc-business-unit-tree');
      tree.loadLevel = load;
      mount(tree);
      await waitFor(() => item(tree, 'big'), 'big');
      assertEqual($$(tree, '[role="treeitem"]').length, 2);
      item(tree, 'big')?.querySelector<HTMLElement>('[data-toggle]')?.click();
      await waitFor(() => item(tree, 'c2999'), 'all children');
      assertEqual($$(tree, '[role="treeitem"]').length, 3002);
      item(tree, 'big')?.querySelector<HTMLElement>('[data-toggle]')?.click();
      await tree.updateComplete;
      assertEqual($$(tree, '[role="treeitem"]').length, 2, 'collapsed again: not rendered');
    });
  });

  describe('with real key presses', () => {
    /** A button before the tree, so Tab enters the tree the way a user's keyboard does. */
    async function tabIntoTree(selectedId = 'msp'): Promise<SccBusinessUnitTree> {
      const before = document.createElement('button');
      before.textContent = 'before';
      mount(before);
      const tree = await createTree(selectedId);
      before.focus();
      await sendKeys({ press: 'Tab' });
      return tree;
    }

    it('Tab enters at the selected item; arrows, Home and End move; Enter selects', async () => {
      const tree = await tabIntoTree();
      assertEqual(focusedId(), 'msp', 'Tab lands on the selected item');
      await sendKeys({ press: 'ArrowDown' });
      assertEqual(focusedId(), 'external');
      await sendKeys({ press: 'End' });
      assertEqual(focusedId(), 'resellers');
      await sendKeys({ press: 'ArrowRight' });
      await waitFor(() => item(tree, 'reseller-one'), 'the expanded level');
      await sendKeys({ press: 'ArrowRight' });
      assertEqual(focusedId(), 'reseller-one', 'Right enters the expanded unit');
      await sendKeys({ press: 'ArrowLeft' });
      assertEqual(focusedId(), 'resellers', 'Left goes to the parent');
      await sendKeys({ press: 'Home' });
      assertEqual(focusedId(), 'msp');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      const selected = oneEvent<SccBusinessUnitSelectEvent>(tree, 'scc-business-unit-select');
      await sendKeys({ press: 'Enter' });
      assertEqual((await selected).detail.businessUnitId, 'internal');
      assertEqual(item(tree, 'internal')?.getAttribute('aria-selected'), 'true');
      await sendKeys({ press: 'Tab' });
      assertEqual(focusedId(), null, 'one Tab leaves the tree: it is a single tab stop');
    });

    it('typing the start of a name jumps to it', async () => {
      await tabIntoTree();
      await sendKeys({ type: 'res' });
      assertEqual(focusedId(), 'resellers');
      await sleep(600);
      await sendKeys({ type: 'e' });
      assertEqual(focusedId(), 'external', 'after a pause a new letter starts a new search');
    });
  });

  it('axe finds no WCAG violation, collapsed, expanded and selected deep, in English and German', async () => {
    const tree = await createTree('critical');
    await expectNoAxeViolations(tree, 'the tree');
    tree.locale = 'de';
    await tree.updateComplete;
    assertIncludes($(tree, '[data-business-unit-id="critical"] .kind')?.textContent, 'Abteilung');
    await expectNoAxeViolations(tree, 'the German tree');
  });
});
