import '../../index.js';
import '../../lazy/tree.js';
import {
  $,
  $$,
  assert,
  assertDeepEqual,
  assertEqual,
  assertIncludes,
  cleanup,
  deepActiveElement,
  deepText,
  mount,
  oneEvent,
  press,
  sleep,
  waitFor,
} from '../../../test/helpers.js';
import type { BusinessUnit } from '../../api/types.js';
import type { SccBusinessUnitSelectEvent } from '../../events/scc-business-unit-select.js';
import type { SccBusinessUnitSearch } from './business-unit-search.js';

const finance: BusinessUnit = {
  id: 'finance',
  parentId: 'north',
  name: 'Finance',
  kind: 'department',
  depth: 2,
  childCount: 1,
  ancestors: [
    { id: 'contoso', name: 'Contoso Retail' },
    { id: 'north', name: 'North' },
  ],
};

async function create(answer: (q: string) => Promise<BusinessUnit[]>) {
  const calls: string[] = [];
  const el = document.createElement('scc-business-unit-search');
  el.search = (q) => {
    calls.push(q);
    return answer(q);
  };
  mount(el);
  await el.updateComplete;
  return { el, calls };
}

async function type(el: SccBusinessUnitSearch, text: string) {
  const input = $<HTMLInputElement>(el, 'input');
  assert(input, 'input');
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('scc-business-unit-search', () => {
  afterEach(cleanup);

  it('asks once per pause in typing, and shows results with their path', async () => {
    const { el, calls } = await create(async () => [finance]);
    await type(el, 'f');
    await type(el, 'fi');
    await type(el, 'fin');
    assertDeepEqual(calls, [], 'nothing while typing');
    const result = await waitFor(() => $(el, '[part="search-result"]'), 'a result');
    assertDeepEqual(calls, ['fin']);
    assertIncludes(deepText(result), 'Finance');
    assertIncludes(deepText(result), 'Contoso Retail › North');
    assertEqual($(el, 'input')?.getAttribute('aria-label'), 'Search business units by name');
  });

  it('choosing a result fires scc-business-unit-select with the path down to it', async () => {
    const { el } = await create(async () => [finance]);
    await type(el, 'fin');
    const result = await waitFor(() => $(el, '[part="search-result"]'), 'a result');
    const selected = oneEvent<SccBusinessUnitSelectEvent>(document, 'scc-business-unit-select');
    result.click();
    const event = await selected;
    assert(event.bubbles && event.composed, 'bubbles and composed');
    assertDeepEqual(event.detail, {
      businessUnitId: 'finance',
      path: [
        { id: 'contoso', name: 'Contoso Retail' },
        { id: 'north', name: 'North' },
        { id: 'finance', name: 'Finance', kind: 'department' },
      ],
    });
    await el.updateComplete;
    assertEqual($(el, '[part="search-result"]'), null, 'results close');
    assertEqual($<HTMLInputElement>(el, 'input')?.value, '');
  });

  it('says when nothing matches or the search failed, and clears on Escape or an empty box', async () => {
    let fail = false;
    const { el, calls } = await create(async () => {
      if (fail) throw new Error('down');
      return [];
    });
    await type(el, 'zz');
    await waitFor(() => deepText(el.shadowRoot as ShadowRoot).includes('No business unit matches.'), 'no match');
    fail = true;
    await type(el, 'zzz');
    await waitFor(() => deepText(el.shadowRoot as ShadowRoot).includes('The search failed'), 'failure');
    await type(el, '');
    await sleep(300);
    assertEqual(calls.length, 2, 'an empty box asks nothing');
    assertEqual($(el, '.note'), null);
  });

  it('ArrowDown goes from the box into the results', async () => {
    const { el } = await create(async () => [finance, { ...finance, id: 'finance-2', name: 'Finance 2' }]);
    await type(el, 'fin');
    await waitFor(() => $$(el, '[part="search-result"]').length === 2, 'results');
    const input = $<HTMLInputElement>(el, 'input');
    input?.focus();
    press(input as Element, 'ArrowDown');
    assertEqual(deepActiveElement()?.getAttribute('data-business-unit-id'), 'finance');
    press(deepActiveElement() as Element, 'ArrowDown');
    assertEqual(deepActiveElement()?.getAttribute('data-business-unit-id'), 'finance-2');
    press(deepActiveElement() as Element, 'ArrowUp');
    press(deepActiveElement() as Element, 'ArrowUp');
    assertEqual(deepActiveElement()?.tagName, 'INPUT');
  });
});
