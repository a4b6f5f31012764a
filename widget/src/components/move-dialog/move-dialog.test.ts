import '../../i18n/de.js';
import '../../index.js';
import '../../lazy/admin.js';
import {
  $,
  API_BASE,
  assertDeepEqual,
  assertEqual,
  assertIncludes,
  cleanup,
  deepText,
  type FetchStub,
  json,
  mount,
  oneEvent,
  stubFetch,
  waitFor,
} from '../../../test/helpers.js';
import { BffClient } from '../../api/bff-client.js';
import type { MovePreview } from '../../api/types.js';
import type { SccBusinessUnitChangeEvent } from '../../events/scc-business-unit-change.js';
import type { SccMoveDialog } from './move-dialog.js';

const preview: MovePreview = {
  businessUnit: { id: 'critical', name: 'Critical systems' },
  from: { parentId: 'internal', path: ['MSP', 'Internal systems'] },
  to: { parentId: 'external', path: ['MSP', 'External customers'] },
  counts: { businessUnits: 3, tenants: 2, users: 1, roleAssignments: 1, dataSources: 4 },
  brand: {
    before: null,
    after: { sourceBusinessUnitId: 'external', name: 'External customers', brand: { displayName: 'External' } },
    changes: true,
  },
  inheritedRoles: [{ userId: 'u-2', email: 'sam@msp.example', before: ['viewer'], after: ['viewer', 'operator'] }],
};

async function create(): Promise<SccMoveDialog> {
  const el = document.createElement('scc-move-dialog');
  el.client = new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });
  el.path = [
    { id: 'msp', name: 'MSP' },
    { id: 'internal', name: 'Internal systems' },
    { id: 'critical', name: 'Critical systems' },
  ];
  mount(el);
  await el.updateComplete;
  return el;
}

/** Picks the new parent the way a user does: by name in the dialog's own search. */
async function pickTarget(el: SccMoveDialog, text: string) {
  const search = $<HTMLElementTagNameMap['scc-business-unit-search']>(el, 'scc-business-unit-search');
  await search?.updateComplete;
  const input = $<HTMLInputElement>(search, 'input');
  if (!input) throw new Error('no search box');
  input.value = text;
  input.dispatchEvent(new Event('input'));
  const result = await waitFor(() => $(search, '[part="search-result"]'), 'a result');
  result.click();
}

describe('scc-move-dialog', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch();
    stub.on('/v1/widget/business-units/critical/move-preview', () => json(preview));
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('shows the preview before anything moves, then moves on confirmation', async () => {
    const el = await create();
    const pageSelections: Event[] = [];
    document.addEventListener('scc-business-unit-select', (e) => pageSelections.push(e), { once: true });
    await pickTarget(el, 'customers');
    const shown = await waitFor(() => $(el, '[data-testid="move-preview"]'), 'preview');
    assertEqual(pageSelections.length, 0, 'picking a target is not a selection for the page');
    assertDeepEqual(stub.requestsTo('/v1/widget/business-units/critical/move-preview')[0]?.body, {
      newParentId: 'external',
    });
    assertEqual(stub.requestsTo('/v1/widget/business-units/critical/move').length, 0, 'nothing moved yet');
    const text = deepText(shown);
    assertIncludes(text, 'MSP › Internal systems');
    assertIncludes(text, 'MSP › External customers');
    const counts = () => deepText($(el, '[data-testid="move-counts"]') as Element);
    assertEqual(counts(), '3 business units, 2 tenants, 1 user, 1 role assignment, 4 data sources');
    el.locale = 'de';
    await el.updateComplete;
    assertEqual(counts(), '3 Organisationseinheiten, 2 Mandanten, 1 Benutzer, 1 Rollenzuweisung, 4 Datenquellen');
    el.locale = 'en';
    await el.updateComplete;
    assertIncludes(deepText($(el, '[data-testid="move-brand"]') as Element), 'changes from – to External customers');
    assertIncludes(deepText($(el, '[data-testid="move-roles"]') as Element), 'sam@msp.example Viewer Viewer, Operator');

    stub.on('/v1/widget/business-units/critical/move', () =>
      json({
        businessUnit: { id: 'critical', parentId: 'external', name: 'Critical systems', kind: 'x', depth: 2 },
        counts: preview.counts,
      }),
    );
    const changed = oneEvent<SccBusinessUnitChangeEvent>(document, 'scc-business-unit-change');
    $(el, '[data-testid="move-confirm"]')?.click();
    const event = await changed;
    assertEqual(event.detail.action, 'moved');
    assertDeepEqual(event.detail.parentIds, ['internal', 'external']);
    assertDeepEqual(stub.requestsTo('/v1/widget/business-units/critical/move')[0]?.body, { newParentId: 'external' });
    await el.updateComplete;
    const done = $(el, '[data-testid="move-done"]');
    assertEqual(done?.getAttribute('role'), 'status');
    assertEqual(done?.textContent, 'Critical systems now lies under External customers.');
  });

  it('shows the server’s refusal, naming the field', async () => {
    stub.on(
      '/v1/widget/business-units/critical/move-preview',
      () =>
        new Response(
          JSON.stringify({
            type: 'https://scc.example/problems/conflict',
            title: 'Conflict',
            status: 409,
            detail: 'A business unit cannot move under itself or its own descendant',
            errors: [{ field: 'body.newParentId', message: 'cycle' }],
          }),
          { status: 409, headers: { 'content-type': 'application/problem+json' } },
        ),
    );
    const el = await create();
    await pickTarget(el, 'critical');
    const error = await waitFor(() => $(el, '[data-testid="error"]'), 'refusal');
    assertIncludes(deepText(error), 'cannot move under itself');
    assertIncludes(deepText(error), 'body.newParentId: cycle');
    assertEqual($(el, '[data-testid="move-confirm"]'), null, 'nothing to confirm');
  });
});
