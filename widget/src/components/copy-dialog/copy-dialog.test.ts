import '../../index.js';
import '../../lazy/operations.js';
import '../../i18n/de.js';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  $$,
  API_BASE,
  assert,
  assertDeepEqual,
  assertEqual,
  assertIncludes,
  cleanup,
  deepActiveElement,
  type FetchStub,
  json,
  mount,
  oneEvent,
  operationRequest,
  stubFetch,
  tenants,
  waitFor,
} from '../../../test/helpers.js';
import { BffClient } from '../../api/bff-client.js';
import type { DryRunResult, Tenant } from '../../api/types.js';
import type { SccOperationRequestSubmitEvent } from '../../events/scc-operation-request-submit.js';
import { expectNoAxeViolations } from '../../testing/axe.js';
import type { SccCopyDialog } from './copy-dialog.js';

const byId = (id: string) => tenants.find((t) => t.id === id) as Tenant;
/** Another product's tenant: never a source for a backup tenant. */
const erp: Tenant = { ...byId('t-msp'), id: 't-erp', name: 'Critical ERP', productId: 'p-erp', productName: 'ERP' };

const allowed: DryRunResult = {
  allowed: true,
  chargeable: false,
  determinations: {},
  validations: [
    { rule: 'permission', passed: true, blocking: false, message: 'You may copy test tenants.' },
    {
      rule: 'source-same-product',
      passed: true,
      blocking: false,
      message: 'Critical PROD runs the same product.',
      field: 'body.sourceTenantId',
    },
  ],
};
const blocked: DryRunResult = {
  ...allowed,
  allowed: false,
  validations: [
    {
      rule: 'tenant-state',
      passed: false,
      blocking: true,
      message: 'Critical PROD has a termination request; cancel it first.',
      field: 'body.sourceTenantId',
    },
  ],
};

async function open(target: Tenant, locale = 'en'): Promise<SccCopyDialog> {
  const el = document.createElement('scc-copy-dialog');
  el.client = new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });
  el.locale = locale;
  mount(el);
  await el.show(target);
  await waitFor(() => $$(el, 'input[name="source"]').length > 0, 'the source tenants');
  return el;
}

const submitButton = (el: SccCopyDialog) => $<HTMLButtonElement>(el, '[data-testid="submit-copy"]');
const sourceIds = (el: SccCopyDialog) => $$<HTMLInputElement>(el, 'input[name="source"]').map((radio) => radio.value);

function choose(el: SccCopyDialog, selector: string): void {
  const input = $<HTMLInputElement>(el, selector);
  assert(input, selector);
  input.click();
}

describe('scc-copy-dialog', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch({ tenants: [...tenants, erp] });
    stub.on('/v1/widget/operation-requests/dry-run', () => json(allowed));
    stub.on('/v1/widget/operation-requests', () =>
      json(operationRequest('r-7', { kind: 'copy', tenantId: 't-crit-test' }), 202),
    );
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('offers the caller’s other tenants of the same product and chooses nothing beforehand', async () => {
    const el = await open(byId('t-crit-test'));
    assert($<HTMLDialogElement>(el, 'dialog')?.open, 'open');
    assertEqual($(el, 'h2')?.textContent, 'Copy into Critical TEST');
    const ids = sourceIds(el);
    assert(!ids.includes('t-crit-test'), 'not the target itself');
    assert(!ids.includes('t-erp'), 'not another product');
    assert(ids.includes('t-crit-prod'), ids.join());
    assertEqual($$<HTMLInputElement>(el, 'input[name="source"]').filter((r) => r.checked).length, 0, 'no source');
    assertEqual($$<HTMLInputElement>(el, '[data-part]').filter((c) => c.checked).length, 0, 'no part');
    assertEqual($(el, '[data-testid="sources-found"]')?.getAttribute('role'), 'status');
    assertEqual(submitButton(el)?.disabled, true);
    assertEqual(stub.requestsTo('/v1/widget/operation-requests/dry-run').length, 0, 'nothing to check yet');
  });

  it('opened again for the same tenant, starts afresh: sources found again, nothing chosen', async () => {
    const el = await open(byId('t-crit-test'));
    choose(el, 'input[name="source"][value="t-crit-prod"]');
    choose(el, '[data-part="applicationData"]');
    await waitFor(() => $(el, '[data-testid="validations"]'), 'the dry run');
    el.close();
    await el.show(byId('t-crit-test'));
    await waitFor(() => $$(el, 'input[name="source"]').length > 0, 'the sources again');
    assertEqual($$<HTMLInputElement>(el, 'input[name="source"]').filter((r) => r.checked).length, 0, 'no source');
    assertEqual($$<HTMLInputElement>(el, '[data-part]').filter((c) => c.checked).length, 0, 'no part');
    assertEqual($(el, '[data-testid="validations"]'), null, 'no verdict of the last opening');
    assertEqual(submitButton(el)?.disabled, true);
  });

  it('searches the sources by name on the server', async () => {
    const el = await open(byId('t-crit-test'));
    const search = $<HTMLInputElement>(el, '[data-testid="source-search"]');
    assert(search);
    search.value = 'customer';
    search.dispatchEvent(new Event('input'));
    await waitFor(() => sourceIds(el).length === 1, 'one match');
    assertDeepEqual(sourceIds(el), ['t-c1-prod']);
    assertEqual(stub.requestsTo('/v1/widget/tenants').at(-1)?.query.get('q'), 'customer');
    assertEqual($(el, '[data-testid="sources-found"]')?.textContent?.trim(), '1 tenant found');
  });

  it('asks for the dry run of exactly the chosen copy, shows every rule, then submits that draft', async () => {
    const el = await open(byId('t-crit-test'));
    choose(el, 'input[name="source"][value="t-crit-prod"]');
    await el.updateComplete;
    assertEqual(stub.requestsTo('/v1/widget/operation-requests/dry-run').length, 0, 'a source alone is no copy');
    choose(el, '[data-part="solutionProfile"]');
    await waitFor(() => $(el, '[data-testid="validations"]'), 'the dry run');
    const draft = {
      kind: 'copy',
      sourceTenantId: 't-crit-prod',
      targetTenantId: 't-crit-test',
      parts: ['solutionProfile'],
    };
    assertDeepEqual(stub.requestsTo('/v1/widget/operation-requests/dry-run').at(-1)?.body, draft);
    const rules = $$(el, '[data-testid="validations"] li');
    assertDeepEqual(
      rules.map((li) => [li.dataset.rule, li.dataset.passed]),
      [
        ['permission', 'true'],
        ['source-same-product', 'true'],
      ],
    );
    assertIncludes(rules[0]?.textContent, 'Passed:');
    assertEqual($(el, '[data-testid="productive-warning"]'), null, 'a test tenant: no warning');
    await waitFor(() => submitButton(el)?.disabled === false, 'submit enabled');
    const submitted = oneEvent<SccOperationRequestSubmitEvent>(el, 'scc-operation-request-submit');
    submitButton(el)?.click();
    assertEqual((await submitted).detail.request.id, 'r-7');
    const [request] = stub.requestsTo('/v1/widget/operation-requests').filter((r) => r.method === 'POST');
    assertDeepEqual(request?.body, draft);
    assert(request?.headers.get('idempotency-key'), 'idempotency key');
    assertEqual($<HTMLDialogElement>(el, 'dialog')?.open, false);
    await el.updateComplete;
    assertEqual(
      $(el, '[data-testid="copy-outcome"]')?.textContent,
      'Copy from Critical PROD into Critical TEST submitted.',
    );
  });

  it('sends both parts in a fixed order, whatever order they were ticked in', async () => {
    const el = await open(byId('t-crit-test'));
    choose(el, 'input[name="source"][value="t-crit-prod"]');
    choose(el, '[data-part="solutionProfile"]');
    choose(el, '[data-part="applicationData"]');
    const lastParts = () =>
      (stub.requestsTo('/v1/widget/operation-requests/dry-run').at(-1)?.body as { parts?: string[] } | undefined)
        ?.parts;
    await waitFor(() => lastParts()?.length === 2, 'the dry run of both parts');
    assertDeepEqual(lastParts(), ['applicationData', 'solutionProfile']);
  });

  it('cannot submit what the dry run blocks, and says why', async () => {
    stub.on('/v1/widget/operation-requests/dry-run', () => json(blocked));
    const el = await open(byId('t-crit-test'));
    choose(el, 'input[name="source"][value="t-crit-prod"]');
    choose(el, '[data-part="applicationData"]');
    await waitFor(() => $(el, '[data-testid="validations"] li.blocking'), 'the blocking rule');
    assertIncludes($(el, '[data-testid="validations"] li.blocking')?.textContent, 'Blocked:');
    assertIncludes($(el, '[data-testid="validations"] li.blocking')?.textContent, 'cancel it first');
    assertEqual($(el, '[data-testid="dry-run"]')?.getAttribute('aria-live'), 'polite');
    assertEqual(submitButton(el)?.disabled, true);
  });

  it('names what a copy into a productive tenant overwrites, and ties the warning to the button', async () => {
    const el = await open(byId('t-crit-prod'));
    const warning = () => $(el, '[data-testid="productive-warning"]')?.textContent?.trim();
    assertEqual(warning(), 'Critical PROD is productive: what you copy overwrites what it has now.');
    choose(el, 'input[name="source"][value="t-crit-test"]');
    choose(el, '[data-part="solutionProfile"]');
    choose(el, '[data-part="applicationData"]');
    await el.updateComplete;
    assertEqual(
      warning(),
      'Critical PROD is productive: this copy overwrites its application data and solution profile with those of Critical TEST.',
    );
    assertEqual(submitButton(el)?.getAttribute('aria-describedby'), 'copy-warning');
    assertEqual(submitButton(el)?.className, 'danger');
  });

  it('shows the dry run’s preview of what the copy replaces: records by key, settings with old and new value', async () => {
    stub.on('/v1/widget/operation-requests/dry-run', () =>
      json({
        ...allowed,
        determinations: { approvalRequired: { value: true, reason: 'A copy into a productive tenant' } },
        overwrites: {
          applicationData: {
            added: 1,
            changed: 3,
            removed: 1,
            unchanged: 7,
            keys: [
              { key: 'record-001', op: 'changed' },
              { key: 'record-100', op: 'added' },
            ],
          },
          solutionProfile: {
            targetVersion: 4,
            sourceVersion: 7,
            changes: [
              { pointer: '/backup/retention', path: ['backup', 'retention'], op: 'changed', old: 30, new: 90 },
              { pointer: '/backup/legacy', path: ['backup', 'legacy'], op: 'removed', old: true },
            ],
          },
        },
      } satisfies DryRunResult),
    );
    const el = await open(byId('t-crit-prod'));
    choose(el, 'input[name="source"][value="t-crit-test"]');
    choose(el, '[data-part="applicationData"]');
    choose(el, '[data-part="solutionProfile"]');
    await waitFor(() => $(el, '[data-testid="overwrites"]'), 'the preview');
    const text = (id: string) => $(el, `[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
    assertEqual(
      text('application-data-overwrites'),
      'Application data: 3 records overwritten, 1 removed, 1 added, 7 unchanged.',
    );
    const records = [...($$(el, '[data-testid="overwrites"] ul')[0]?.querySelectorAll('li') ?? [])].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    assertDeepEqual(records, ['record-001 changed', 'record-100 added', 'and 3 more']);
    assertEqual(
      text('profile-overwrites'),
      'Solution profile: version 4 takes the source’s version 7; 2 settings change.',
    );
    const settings = $$(el, '[data-testid="overwrites"] ul')[1];
    assertEqual(settings?.querySelector('li[data-op="changed"] del')?.textContent, '30');
    assertEqual(settings?.querySelector('li[data-op="changed"] ins')?.textContent, '90');
    assertEqual(settings?.querySelector('li[data-op="removed"] ins'), null, 'a removed setting has no new value');
    assertEqual(text('needs-approval'), 'A second admin must approve this copy before it runs.');
    await expectNoAxeViolations(el, 'the copy preview');
  });

  it('says in German what it overwrites', async () => {
    const el = await open(byId('t-crit-prod'), 'de');
    choose(el, 'input[name="source"][value="t-crit-test"]');
    choose(el, '[data-part="applicationData"]');
    await el.updateComplete;
    assertEqual(
      $(el, '[data-testid="productive-warning"]')?.textContent?.trim(),
      'Critical PROD ist produktiv: Diese Kopie überschreibt die Anwendungsdaten mit dem Stand aus Critical TEST.',
    );
    assertEqual($(el, 'legend')?.textContent, 'Quellmandant');
  });

  it('announces a refusal of the submit and stays open', async () => {
    stub.on('/v1/widget/operation-requests', () =>
      json(
        {
          type: 'about:blank',
          title: 'Rejected',
          status: 422,
          errors: [{ field: 'body.targetTenantId', rule: 'permission', message: 'Needs the admin role' }],
        },
        422,
      ),
    );
    const el = await open(byId('t-crit-test'));
    choose(el, 'input[name="source"][value="t-crit-prod"]');
    choose(el, '[data-part="applicationData"]');
    await waitFor(() => submitButton(el)?.disabled === false, 'submit enabled');
    submitButton(el)?.click();
    await waitFor(() => $(el, '[role="alert"]'), 'the refusal');
    assertEqual($(el, '[role="alert"]')?.textContent, 'Needs the admin role');
    assert($<HTMLDialogElement>(el, 'dialog')?.open, 'stays open');
    assertEqual($(el, '[data-testid="copy-outcome"]')?.textContent, '', 'nothing claims success');
  });

  it('is keyboard usable: Space picks the source and the part, Tab stays inside, Escape gives focus back', async () => {
    const opener = document.createElement('button');
    opener.textContent = 'Copy into this tenant';
    mount(opener);
    const el = document.createElement('scc-copy-dialog');
    el.client = new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });
    mount(el);
    opener.addEventListener('click', () => void el.show(byId('t-crit-test')));
    opener.focus();
    await sendKeys({ press: 'Enter' });
    const native = await waitFor(() => $<HTMLDialogElement>(el, 'dialog[open]'), 'the open dialog');
    await waitFor(() => $$(el, 'input[name="source"]').length > 0, 'the sources');
    const inside = () => {
      const active = deepActiveElement();
      return Boolean(active && native.contains(active));
    };
    assert(inside(), 'focus moves into the dialog');
    // Tab to the first source, Space picks it; Tab to the first part, Space ticks it.
    while (deepActiveElement()?.getAttribute('name') !== 'source') await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    while (!(deepActiveElement() as HTMLElement | null)?.dataset.part) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await waitFor(() => submitButton(el)?.disabled === false, 'a checked copy can be submitted');
    for (let press = 0; press < 12; press++) {
      await sendKeys({ press: 'Tab' });
      assert(inside(), `Tab ${press + 1} stays inside`);
    }
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !native.open, 'Escape closes the dialog');
    assertEqual(deepActiveElement(), opener, 'focus is back on the opener');
  });

  for (const locale of ['en', 'de']) {
    it(`has no axe violations, with a blocked dry run and the productive warning (${locale})`, async () => {
      stub.on('/v1/widget/operation-requests/dry-run', () => json(blocked));
      const el = await open(byId('t-crit-prod'), locale);
      choose(el, 'input[name="source"][value="t-crit-test"]');
      choose(el, '[data-part="applicationData"]');
      await waitFor(() => $(el, '[data-testid="validations"]'), 'the dry run');
      await expectNoAxeViolations(el, `the copy dialog (${locale})`);
    });
  }
});
