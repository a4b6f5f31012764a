import '../../index.js';
import '../../lazy/admin.js';
import {
  $,
  $$,
  API_BASE,
  assertDeepEqual,
  assertEqual,
  assertIncludes,
  cleanup,
  deepText,
  type FetchStub,
  json,
  mount,
  problem,
  stubFetch,
  waitFor,
} from '../../../test/helpers.js';
import { BffClient } from '../../api/bff-client.js';
import type { RoleName, User } from '../../api/types.js';
import type { SccUserAdmin } from './user-admin.js';

const dana: User = {
  id: 'u-dana',
  email: 'dana@contoso.example',
  displayName: 'Dana Okafor',
  businessUnitId: 'finance',
  roles: [{ id: 'ra-1', businessUnitId: 'finance', businessUnitName: 'Finance', role: 'operator' }],
};

async function create(roles: RoleName[] = ['admin', 'operator', 'viewer']): Promise<SccUserAdmin> {
  const el = document.createElement('scc-user-admin');
  el.client = new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });
  el.businessUnitId = 'finance';
  el.roles = roles;
  mount(el);
  await waitFor(() => $(el, '[part="user-row"]') ?? $(el, '.note:not(:empty)'), 'users loaded');
  await el.updateComplete;
  return el;
}

describe('scc-user-admin', () => {
  let stub: FetchStub;
  let users: User[];
  beforeEach(() => {
    users = [dana];
    stub = stubFetch();
    stub.on('/v1/widget/users', (request) =>
      request.method === 'POST'
        ? json({ ...dana, id: 'u-new', roles: [] }, 201)
        : json({ items: users, nextCursor: null }),
    );
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('lists the unit’s users with their roles', async () => {
    const el = await create();
    await waitFor(() => $(el, '[part="user-row"]'), 'a user');
    assertEqual(stub.requestsTo('/v1/widget/users')[0]?.query.get('businessUnitId'), 'finance');
    assertIncludes(
      deepText($(el, '[part="user-row"]') as Element),
      'Dana Okafor dana@contoso.example Operator · Finance',
    );
  });

  it('offers only the roles the caller holds', async () => {
    const el = await create(['operator', 'viewer']);
    await waitFor(() => $(el, '[part="user-row"]'), 'a user');
    assertDeepEqual(
      $$<HTMLOptionElement>(el, 'form.grant option').map((o) => o.value),
      ['viewer', 'operator'],
    );
  });

  it('creates a user, grants and revokes a role, listing again and saying so after each change', async () => {
    const el = await create();
    await waitFor(() => $(el, '[part="user-row"]'), 'a user');
    const form = $<HTMLFormElement>(el, 'form[data-testid="user-create"]');
    (form?.querySelector('input[name="email"]') as HTMLInputElement).value = 'pat@contoso.example';
    (form?.querySelector('input[name="displayName"]') as HTMLInputElement).value = 'Pat';
    form?.querySelector<HTMLButtonElement>('button')?.click();
    await waitFor(() => stub.requestsTo('/v1/widget/users').filter((r) => r.method === 'GET').length === 2, 'relisted');
    assertDeepEqual(stub.requestsTo('/v1/widget/users').find((r) => r.method === 'POST')?.body, {
      email: 'pat@contoso.example',
      displayName: 'Pat',
      businessUnitId: 'finance',
    });
    const outcome = () => $(el, '[data-testid="outcome"]');
    assertEqual(outcome()?.getAttribute('role'), 'status');
    await waitFor(() => outcome()?.textContent === 'Dana Okafor was created.', 'the creation said');

    stub.on('/v1/widget/role-assignments', () =>
      json({ id: 'ra-2', userId: 'u-dana', businessUnitId: 'finance', role: 'admin' }, 201),
    );
    // The relist is asked for before the rows are rendered again: wait for the new ones.
    await el.updateComplete;
    const grant = await waitFor(() => $<HTMLFormElement>(el, 'form.grant[data-user-id="u-dana"]'), 'grant form');
    (grant?.querySelector('select') as HTMLSelectElement).value = 'admin';
    grant?.querySelector('button')?.click();
    await waitFor(() => stub.requestsTo('/v1/widget/role-assignments').length === 1, 'granted');
    await waitFor(() => outcome()?.textContent === 'Dana Okafor is Admin here now.', 'the grant said');
    assertDeepEqual(stub.requestsTo('/v1/widget/role-assignments')[0]?.body, {
      userId: 'u-dana',
      businessUnitId: 'finance',
      role: 'admin',
    });

    stub.on('/v1/widget/role-assignments/ra-1', () => new Response(null, { status: 204 }));
    await waitFor(() => $(el, 'button[data-assignment-id="ra-1"]'), 'revoke button');
    $(el, 'button[data-assignment-id="ra-1"]')?.click();
    await waitFor(() => stub.requestsTo('/v1/widget/role-assignments/ra-1').length === 1, 'revoked');
    assertEqual(stub.requestsTo('/v1/widget/role-assignments/ra-1')[0]?.method, 'DELETE');
    await waitFor(() => outcome()?.textContent === 'Dana Okafor is no longer Operator here.', 'the revocation said');
    assertEqual(
      $(el, 'button[data-assignment-id="ra-1"]')?.getAttribute('aria-label'),
      'Revoke Operator from Dana Okafor',
    );
  });

  it('shows a refusal', async () => {
    const el = await create();
    await waitFor(() => $(el, '[part="user-row"]'), 'a user');
    stub.on('/v1/widget/role-assignments', () => problem(403, 'Forbidden'));
    $<HTMLFormElement>(el, 'form.grant')?.querySelector('button')?.click();
    const error = await waitFor(() => $(el, '[data-testid="error"]'), 'refusal');
    assertIncludes(deepText(error), 'You are not allowed');
    assertEqual($(el, '[data-testid="outcome"]')?.textContent, '', 'nothing claims success');
  });

  it('says when a unit has no users', async () => {
    users = [];
    const el = await create();
    await waitFor(() => deepText(el.shadowRoot as ShadowRoot).includes('No users here yet.'), 'empty');
  });
});
