import '../../i18n/de.js';
import '../../index.js';
import '../../lazy/billing.js';
import {
  $,
  $$,
  API_BASE,
  assertDeepEqual,
  assertEqual,
  cleanup,
  type FetchStub,
  json,
  mount,
  stubFetch,
  waitFor,
} from '../../../test/helpers.js';
import { BffClient } from '../../api/bff-client.js';
import type { DataSource } from '../../api/types.js';
import { expectNoAxeViolations } from '../../testing/axe.js';
import type { SccDataSources } from './data-sources.js';

const LIST = '/v1/widget/business-units/critical/data-sources';

const source = (id: string, name: string, lastUsageDay: string | null): DataSource => ({
  id,
  businessUnitId: 'critical',
  kind: 'backup-server',
  externalRef: `ref-${id}`,
  name,
  attributes: {},
  createdAt: '2026-09-01T00:00:00.000Z',
  lastUsageDay,
});

async function screen(editable: boolean, locale = 'en'): Promise<SccDataSources> {
  const el = document.createElement('scc-data-sources');
  el.client = new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });
  el.businessUnitId = 'critical';
  el.businessUnitName = 'Critical systems';
  el.editable = editable;
  el.locale = locale;
  mount(el);
  await el.updateComplete;
  await el.loaded;
  await el.updateComplete;
  return el;
}

const rows = (el: SccDataSources) =>
  $$(el, '[part="data-source-row"]').map((tr) =>
    [...tr.querySelectorAll('th, td')].slice(0, 4).map((c) => c.textContent?.trim()),
  );

describe('scc-data-sources', () => {
  let stub: FetchStub;
  let sources: DataSource[];

  beforeEach(() => {
    stub = stubFetch();
    sources = [source('ds-1', 'Critical backup', '2026-10-31'), source('ds-2', 'New backup', null)];
    stub.on(LIST, (request) => {
      if (request.method === 'POST') {
        const body = request.body as Pick<DataSource, 'name' | 'kind' | 'externalRef'>;
        if (body.externalRef === 'ref-ds-1') {
          return new Response(
            JSON.stringify({
              type: 'about:blank',
              title: 'Conflict',
              status: 409,
              detail: 'This business unit already has a data source of this kind with this reference',
              errors: [{ field: 'body.externalRef', message: 'Already used for this kind in this business unit' }],
            }),
            { status: 409, headers: { 'content-type': 'application/problem+json' } },
          );
        }
        sources = [...sources, { ...source('ds-3', body.name, null), ...body }];
        return json(sources.at(-1), 201);
      }
      return json({ items: sources });
    });
  });

  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('lists name, kind, reference and the last day usage was received', async () => {
    const el = await screen(false);
    assertDeepEqual(rows(el), [
      ['Critical backup', 'backup-server', 'ref-ds-1', 'Oct 31, 2026'],
      ['New backup', 'backup-server', 'ref-ds-2', 'Never'],
    ]);
    assertEqual($(el, '[data-testid="add-data-source"]'), null, 'only admins add');
    await expectNoAxeViolations(el);
    const de = await screen(false, 'de');
    assertEqual(rows(de)[1]?.[3], 'Nie');
  });

  it('adds one for an admin, and shows a refused reference at its field', async () => {
    const el = await screen(true);
    $<HTMLButtonElement>(el, '[data-testid="add-data-source"]')?.click();
    await el.updateComplete;
    const fill = (name: string, value: string) => {
      const input = $<HTMLInputElement>(el, `[part="data-source-form"] input[name="${name}"]`);
      if (input) input.value = value;
    };
    fill('name', 'Second backup');
    fill('externalRef', 'ref-ds-1');
    $<HTMLFormElement>(el, '[part="data-source-form"]')?.requestSubmit();
    const error = await waitFor(() => $(el, '[part="field-error"]'), 'the field’s message');
    assertEqual(error.id, 'externalRef-error');
    assertEqual($<HTMLInputElement>(el, '[aria-invalid="true"]')?.name, 'externalRef');

    fill('externalRef', 'BK-02');
    $<HTMLFormElement>(el, '[part="data-source-form"]')?.requestSubmit();
    await waitFor(() => rows(el).length === 3, 'the new source listed');
    assertDeepEqual(
      stub
        .requestsTo(LIST)
        .filter((r) => r.method === 'POST')
        .at(-1)?.body,
      {
        name: 'Second backup',
        kind: 'backup-server',
        externalRef: 'BK-02',
      },
    );
    assertEqual($(el, '[part="data-source-form"]'), null, 'the form closes');
  });
});
