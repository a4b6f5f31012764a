import '../../i18n/de.js';
import '../../index.js';
import '../../lazy/operations.js';
import '../../lazy/step-up.js';
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
  operationRequest,
  type RecordedRequest,
  stubFetch,
  tenants,
  waitFor,
} from '../../../test/helpers.js';
import { BffClient } from '../../api/bff-client.js';
import type { StepUpStatus, Tenant } from '../../api/types.js';
import { expectNoAxeViolations } from '../../testing/axe.js';
import type { SccStepUpDialog } from './step-up-dialog.js';

const client = () => new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });

const status = (overrides: Partial<StepUpStatus> = {}): StepUpStatus => ({
  required: true,
  enrolled: true,
  stepUpUntil: null,
  lockedUntil: null,
  recoveryCodesLeft: 10,
  ...overrides,
});

const problemJson = (status: number, type: string, extra: Record<string, unknown> = {}, headers = {}) =>
  new Response(JSON.stringify({ type, title: 'Problem', status, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

const STEP_UP_REQUIRED = 'https://scc.example/problems/step-up-required';

/** The BFF's step-up routes: a status, and codes checked by `check`. */
function stepUpRoutes(stub: FetchStub, current: StepUpStatus, check: (request: RecordedRequest) => Response) {
  stub.on('/v1/widget/step-up', (request) => (request.method === 'GET' ? json(current) : check(request)));
}

async function openDialog(locale?: string, enrol = false): Promise<{ el: SccStepUpDialog; passed: Promise<boolean> }> {
  const el = document.createElement('scc-step-up-dialog');
  el.client = client();
  if (locale) el.locale = locale;
  mount(el);
  const passed = el.open(enrol);
  return { el, passed };
}

const input = (el: Element) => waitFor(() => $<HTMLInputElement>(el, '[data-testid="code-input"]'), 'the code field');

async function type(el: Element, value: string) {
  const field = await input(el);
  field.value = value;
  $<HTMLButtonElement>(el, '[data-testid="step-up-submit"]')?.click();
}

const errorText = (el: Element) => $(el, '#error')?.textContent?.trim() ?? '';

let stub: FetchStub;
beforeEach(() => {
  stub = stubFetch();
});
afterEach(() => {
  cleanup();
  stub.restore();
});

describe('scc-step-up-dialog', () => {
  it('asks for the app’s code in a labelled one-time-code field and resolves once the code passed', async () => {
    let answer = problemJson(400, 'https://scc.example/problems/validation', {
      errors: [{ field: 'body.code', message: 'Wrong code' }],
    });
    stepUpRoutes(stub, status(), () => answer);
    const { el, passed } = await openDialog();
    const field = await input(el);
    assertEqual(field.getAttribute('autocomplete'), 'one-time-code');
    assertEqual(field.getAttribute('inputmode'), 'numeric');
    assertEqual($(el, `label[for="${field.id}"]`)?.textContent?.trim(), 'Code from your authenticator app');
    assertEqual(deepActiveElement(), field, 'the field has focus');
    await expectNoAxeViolations(el, 'the code prompt');

    await type(el, '111 111');
    await waitFor(() => errorText(el), 'the error');
    assertEqual(errorText(el), 'This code is wrong or was used already: wait for the next one.');
    assertEqual($(el, '#error')?.getAttribute('role'), 'alert', 'the error is announced');
    assertEqual(field.getAttribute('aria-invalid'), 'true');
    assertIncludes(field.getAttribute('aria-describedby'), 'error');

    answer = json({ stepUpUntil: '2030-01-01T00:05:00.000Z', recoveryCodesLeft: 10 });
    await type(el, '492 039');
    assertEqual(await passed, true);
    assertDeepEqual(
      stub
        .requestsTo('/v1/widget/step-up')
        .filter((r) => r.method === 'POST')
        .map((r) => r.body),
      [{ code: '111111' }, { code: '492039' }],
    );
    assertEqual($<HTMLDialogElement>(el, 'dialog')?.open, false);
  });

  it('takes a recovery code instead, and says how long a lock after wrong codes lasts', async () => {
    stepUpRoutes(stub, status(), () =>
      problemJson(429, 'https://scc.example/problems/too-many-requests', {}, { 'retry-after': '180' }),
    );
    const { el } = await openDialog('de');
    await input(el);
    $$<HTMLButtonElement>(el, 'button.link')[0]?.click();
    await el.updateComplete;
    const field = await input(el);
    assertEqual($(el, `label[for="${field.id}"]`)?.textContent?.trim(), 'Wiederherstellungscode');
    assertEqual(field.getAttribute('autocomplete'), 'off');
    await type(el, 'k7qxm-2dpla');
    await waitFor(() => errorText(el), 'the error');
    assertEqual(errorText(el), 'Zu viele falsche Codes. Versuchen Sie es in 3 Min. erneut.');
    const [request] = stub.requestsTo('/v1/widget/step-up').filter((r) => r.method === 'POST');
    assertDeepEqual(request?.body, { recoveryCode: 'k7qxm-2dpla' });
  });

  it('sets up an authenticator for a user without one: QR code and key, a first code, then the recovery codes once', async () => {
    const recoveryCodes = Array.from({ length: 10 }, (_, i) => `AAAA${i}-BBBBB`);
    stepUpRoutes(stub, status({ enrolled: false }), () => json({}));
    stub.on('/v1/widget/step-up/enrolment', () =>
      json(
        {
          secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
          uri: 'otpauth://totp/x',
          qrCode: { size: 25, path: 'M2 2h7v1h-7z' },
        },
        201,
      ),
    );
    stub.on('/v1/widget/step-up/enrolment/confirm', () =>
      json({ recoveryCodes, stepUpUntil: '2030-01-01T00:05:00.000Z' }),
    );
    const { el, passed } = await openDialog();
    await input(el);
    const qr = $<SVGSVGElement>(el, '[part="qr-code"]');
    assertEqual(qr?.getAttribute('viewBox'), '0 0 25 25');
    assertEqual(qr?.getAttribute('aria-label'), 'QR code for your authenticator app');
    assertEqual(qr?.querySelector('path')?.getAttribute('d'), 'M2 2h7v1h-7z');
    assertEqual($(el, '[data-testid="totp-secret"]')?.textContent, 'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    await expectNoAxeViolations(el, 'the enrolment');

    await type(el, '123456');
    const list = await waitFor(() => $(el, '[data-testid="recovery-codes"]'), 'the recovery codes');
    assertDeepEqual(
      [...list.querySelectorAll('li')].map((li) => li.textContent?.trim()),
      recoveryCodes,
    );
    assertDeepEqual(stub.requestsTo('/v1/widget/step-up/enrolment/confirm')[0]?.body, { code: '123456' });
    await expectNoAxeViolations(el, 'the recovery codes');
    $<HTMLButtonElement>(el, '.actions button')?.click();
    assertEqual(await passed, true);
  });

  it('resolves false when closed without a code, also with Escape', async () => {
    stepUpRoutes(stub, status(), () => json({}));
    const { el, passed } = await openDialog();
    await input(el);
    await sendKeys({ press: 'Escape' });
    assertEqual(await passed, false);
    assertEqual(stub.requestsTo('/v1/widget/step-up').filter((r) => r.method === 'POST').length, 0);
  });
});

describe('a risky action that asks for a step-up', () => {
  const criticalProd = tenants.find((t) => t.id === 't-crit-prod') as Tenant;

  async function terminate() {
    const el = document.createElement('scc-terminate-dialog');
    el.client = client();
    mount(el);
    await el.show(criticalProd);
    const confirm = $<HTMLInputElement>(el, '[data-testid="confirm-name"]');
    assert(confirm);
    confirm.value = criticalProd.name;
    confirm.dispatchEvent(new Event('input'));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[data-testid="submit-termination"]')?.click();
    const prompt = await waitFor(() => $<SccStepUpDialog>(el, 'scc-step-up-dialog'), 'the code prompt');
    return { el, prompt };
  }

  it('opens the code prompt and is sent again, with the same idempotency key, once the step-up passed', async () => {
    stub.on('/v1/widget/operation-requests', () => problemJson(403, STEP_UP_REQUIRED, { enrolled: true }), {
      once: true,
    });
    stub.on('/v1/widget/operation-requests', () =>
      json(operationRequest('r-1', { kind: 'decommission', tenantId: criticalProd.id }), 202),
    );
    stepUpRoutes(stub, status(), () => json({ stepUpUntil: '2030-01-01T00:05:00.000Z', recoveryCodesLeft: 10 }));
    const { el, prompt } = await terminate();
    await type(prompt, '492039');
    await waitFor(() => $(el, '[data-testid="termination-outcome"]')?.textContent, 'the outcome');
    const submits = stub.requestsTo('/v1/widget/operation-requests');
    assertEqual(submits.length, 2);
    assertEqual(submits[1]?.headers.get('idempotency-key'), submits[0]?.headers.get('idempotency-key'));
    assertEqual($(el, 'scc-step-up-dialog'), null, 'the prompt is gone');
  });

  it('says it was not done when the prompt is closed without a code', async () => {
    stub.on('/v1/widget/operation-requests', () => problemJson(403, STEP_UP_REQUIRED, { enrolled: true }));
    stepUpRoutes(stub, status(), () => json({}));
    const { el, prompt } = await terminate();
    await input(prompt);
    prompt.close();
    const error = await waitFor(() => $(el, '.notes li')?.textContent, 'the error');
    assertEqual(error, 'Not done: this action needs a code from your authenticator app.');
    assertEqual(stub.requestsTo('/v1/widget/operation-requests').length, 1);
  });
});

describe('scc-totp-policy', () => {
  async function policyFor(policy: { required: boolean; inherited: boolean }) {
    stub.on('/v1/widget/business-units/critical/totp-policy', (request) =>
      json({
        businessUnitId: 'critical',
        ...(request.method === 'PUT'
          ? { ...policy, required: (request.body as { required: boolean }).required }
          : policy),
      }),
    );
    stepUpRoutes(stub, status({ required: false, enrolled: false, recoveryCodesLeft: 0 }), () => json({}));
    const el = document.createElement('scc-totp-policy');
    el.client = client();
    el.businessUnitId = 'critical';
    mount(el);
    return { el, box: await waitFor(() => $<HTMLInputElement>(el, '[data-testid="totp-required"]'), 'the setting') };
  }

  it('lets an admin require two-step verification for the unit', async () => {
    const { el, box } = await policyFor({ required: false, inherited: false });
    assertEqual(box.checked, false);
    assertIncludes($(el, '[data-testid="totp-enrolment"]')?.textContent, 'Not set up yet.');
    await expectNoAxeViolations(el, 'the two-step verification setting');
    box.click();
    $<HTMLButtonElement>(el, 'button.primary')?.click();
    await waitFor(() => $(el, '[role="status"]')?.textContent, 'saved');
    assertDeepEqual(stub.requestsTo('/v1/widget/business-units/critical/totp-policy').at(-1)?.body, {
      required: true,
    });
  });

  it('shows a requirement from above as one it cannot take back', async () => {
    const { el, box } = await policyFor({ required: false, inherited: true });
    assertEqual(box.checked, true);
    assertEqual(box.disabled, true);
    assertIncludes(el.shadowRoot?.textContent, 'A unit above requires it, so it holds here too.');
  });
});
