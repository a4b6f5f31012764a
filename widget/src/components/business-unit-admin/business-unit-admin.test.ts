import '../../i18n/de.js';
import '../../index.js';
import '../../lazy/admin.js';
import {
  $,
  API_BASE,
  assert,
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
import type { BusinessUnitRef } from '../../api/types.js';
import type { SccBusinessUnitChangeEvent } from '../../events/scc-business-unit-change.js';
import type { SccBusinessUnitAdmin } from './business-unit-admin.js';

const path: BusinessUnitRef[] = [
  { id: 'contoso', name: 'Contoso Retail', kind: 'customer' },
  { id: 'north', name: 'North', kind: 'region' },
];
const client = () => new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });

async function create(at: BusinessUnitRef[] = path): Promise<SccBusinessUnitAdmin> {
  const el = document.createElement('scc-business-unit-admin');
  el.client = client();
  el.path = at;
  el.businessUnitId = at.at(-1)?.id;
  el.rootId = 'contoso';
  el.roles = ['admin', 'operator', 'viewer'];
  mount(el);
  await el.updateComplete;
  return el;
}

const section = (el: SccBusinessUnitAdmin, name: string) => $(el, `details[data-testid="admin-${name}"]`);

async function submit(el: SccBusinessUnitAdmin, name: string, values: Record<string, string>) {
  const details = section(el, name) as HTMLDetailsElement;
  details.open = true;
  for (const [field, value] of Object.entries(values)) {
    const input = details.querySelector<HTMLInputElement>(`input[name="${field}"]`);
    assert(input, field);
    input.value = value;
  }
  details.querySelector<HTMLButtonElement>('button.primary')?.click();
}

const unit = { id: 'new', parentId: 'north', name: 'Audit', kind: 'department', depth: 2, childCount: 0 };

describe('scc-business-unit-admin', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch();
    stub.on('/v1/widget/users', () => json({ items: [], nextCursor: null }));
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('opens two-step verification only when asked, with the unit’s requirement', async () => {
    stub.on('/v1/widget/business-units/north/totp-policy', () =>
      json({ businessUnitId: 'north', required: false, inherited: true }),
    );
    stub.on('/v1/widget/step-up', () =>
      json({ required: true, enrolled: true, stepUpUntil: null, lockedUntil: null, recoveryCodesLeft: 7 }),
    );
    const el = await create();
    assertEqual(stub.requestsTo('/v1/widget/business-units/north/totp-policy').length, 0, 'nothing loaded yet');
    const details = section(el, 'security') as HTMLDetailsElement;
    details.open = true;
    const policy = await waitFor(() => details.querySelector('scc-totp-policy'), 'the setting');
    await waitFor(() => $(policy, '[data-testid="totp-enrolment"]'), 'the authenticator');
    assertIncludes(deepText(policy), 'A unit above requires it, so it holds here too.');
    assertIncludes(deepText(policy), 'Set up; 7 recovery codes left.');
  });

  it('opens the unit’s brand editor only when asked', async () => {
    stub.on('/v1/widget/business-units/north/brand', () => json({ own: null, effective: null, warnings: [] }));
    const el = await create();
    assertEqual($(el, 'scc-brand-editor'), null);
    const details = section(el, 'brand') as HTMLDetailsElement;
    details.open = true;
    const editor = await waitFor(() => $(el, 'scc-brand-editor'));
    await waitFor(() => stub.requestsTo('/v1/widget/business-units/north/brand').length === 1, 'the brand loads');
    assertEqual((editor as HTMLElementTagNameMap['scc-brand-editor']).businessUnitId, 'north');
  });

  it('creates a child unit and announces it', async () => {
    stub.on('/v1/widget/business-units', () => json(unit, 201));
    const el = await create();
    const changed = oneEvent<SccBusinessUnitChangeEvent>(document, 'scc-business-unit-change');
    await submit(el, 'create', { name: 'Audit', kind: 'department' });
    const event = await changed;
    assert(event.bubbles && event.composed, 'bubbles and composed');
    assertDeepEqual(event.detail, { action: 'created', businessUnit: unit, parentIds: ['north'] });
    const request = stub.requestsTo('/v1/widget/business-units').at(-1);
    assertEqual(request?.method, 'POST');
    assertDeepEqual(request?.body, { parentId: 'north', name: 'Audit', kind: 'department' });
  });

  it('renames and annotates the unit', async () => {
    stub.on('/v1/widget/business-units/north', () =>
      json({ ...unit, id: 'north', parentId: 'contoso', name: 'North EU' }),
    );
    const el = await create();
    const changed = oneEvent<SccBusinessUnitChangeEvent>(document, 'scc-business-unit-change');
    await submit(el, 'update', { name: 'North EU', kind: 'region' });
    const event = await changed;
    assertEqual(event.detail.action, 'updated');
    assertDeepEqual(event.detail.parentIds, ['contoso']);
    const request = stub.requestsTo('/v1/widget/business-units/north').at(-1);
    assertEqual(request?.method, 'PATCH');
    assertDeepEqual(request?.body, { name: 'North EU', kind: 'region' });
  });

  it('shows the fields the server names', async () => {
    stub.on(
      '/v1/widget/business-units',
      () =>
        new Response(
          JSON.stringify({
            type: 'https://scc.example/problems/validation',
            title: 'Invalid request',
            status: 400,
            detail: 'Invalid body.name',
            errors: [{ field: 'body.name', message: 'Too small: expected string to have >=1 characters' }],
          }),
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        ),
    );
    const el = await create();
    await submit(el, 'create', { name: ' ' });
    const error = await waitFor(() => $(el, '[data-testid="admin-create"] [data-testid="error"]'), 'error');
    assertEqual(error.getAttribute('role'), 'alert');
    assertIncludes(deepText(error), 'Name: Too small');
  });

  it('deletes only after a confirmation, and shows why the server refused', async () => {
    let refuse = true;
    stub.on('/v1/widget/business-units/north', () =>
      refuse
        ? new Response(
            JSON.stringify({
              type: 'https://scc.example/problems/conflict',
              title: 'Conflict',
              status: 409,
              detail: 'North still holds 2 business units and 3 tenants',
            }),
            { status: 409, headers: { 'content-type': 'application/problem+json' } },
          )
        : new Response(null, { status: 204 }),
    );
    const el = await create();
    (section(el, 'delete') as HTMLDetailsElement).open = true;
    $(el, '[data-testid="delete"]')?.click();
    await el.updateComplete;
    assertEqual(stub.requestsTo('/v1/widget/business-units/north').length, 0, 'nothing before the confirmation');
    assertIncludes(deepText(section(el, 'delete') as Element), 'Delete North?');
    $(el, '[data-testid="delete-confirm"]')?.click();
    const error = await waitFor(() => $(el, '[data-testid="admin-delete"] [data-testid="error"]'), 'refusal');
    assertIncludes(deepText(error), 'North still holds 2 business units and 3 tenants');

    refuse = false;
    const changed = oneEvent<SccBusinessUnitChangeEvent>(document, 'scc-business-unit-change');
    $(el, '[data-testid="delete-confirm"]')?.click();
    const event = await changed;
    assertEqual(event.detail.action, 'deleted');
    assertDeepEqual(event.detail.parentIds, ['contoso']);
    assertEqual(stub.requestsTo('/v1/widget/business-units/north').at(-1)?.method, 'DELETE');
  });

  it('loads users only when their section is opened', async () => {
    const el = await create();
    await el.updateComplete;
    assertEqual(stub.requestsTo('/v1/widget/users').length, 0);
    assertEqual($(el, 'scc-user-admin'), null);
    (section(el, 'users') as HTMLDetailsElement).open = true;
    const users = await waitFor(() => $<HTMLElementTagNameMap['scc-user-admin']>(el, 'scc-user-admin'), 'user admin');
    assertEqual(users.businessUnitId, 'north');
    await waitFor(() => stub.requestsTo('/v1/widget/users').length === 1, 'users listed');
  });

  it('offers neither move nor delete for the caller’s own unit', async () => {
    const el = await create([path[0] as BusinessUnitRef]);
    assert(section(el, 'create'), 'create');
    assert(section(el, 'update'), 'update');
    assert(section(el, 'users'), 'users');
    assertEqual(section(el, 'move'), null);
    assertEqual(section(el, 'delete'), null);
  });

  it('speaks German', async () => {
    const el = await create();
    el.locale = 'de';
    await el.updateComplete;
    assertIncludes(deepText(el.shadowRoot as ShadowRoot), 'Neue untergeordnete Einheit');
    assertIncludes(deepText(el.shadowRoot as ShadowRoot), 'Verschieben');
  });
});
