import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { totpCode } from '../support/authenticator.js';
import { type DemoBrowser, signIn, startDemoBrowser, WIDGET, widgetReady } from '../support/demo-browser.js';
import { personaByKey } from '../support/seed-model.js';

/**
 * Two-step verification in a real browser through the demo stack: a customer admin requires it
 * for Contoso, and the next brand change asks to set up an authenticator (QR code, key, a first
 * code, recovery codes) and goes through once it is set up. A new widget session asks again; a
 * code already used is refused there, and a recovery code works instead.
 */
const customerAdmin = personaByKey('customer-admin');

let demo: DemoBrowser | undefined;
const started = () => {
  if (!demo) throw new Error('the stack did not start');
  return demo;
};

const admin = (page: Page) => page.locator(`${WIDGET} scc-business-unit-admin`);
const prompt = (page: Page) => page.locator(`${WIDGET} scc-step-up-dialog dialog[open]`);

async function saveBrand(page: Page, displayName: string) {
  const brand = admin(page).locator('details[data-testid="admin-brand"]');
  if ((await brand.getAttribute('open')) === null) await brand.locator('summary').click();
  await brand.locator('input[name="displayName"]').fill(displayName);
  await brand.locator('[data-testid="save"]').click();
  return brand;
}

describe('two-step verification in the widget', { timeout: 120_000 }, () => {
  let casey: Page;
  let usedCode = '';
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    demo = await startDemoBrowser();
    casey = await demo.openPage();
  }, 120_000);

  afterAll(async () => {
    await demo?.close();
  }, 60_000);

  test('an admin requires it for the unit, and the next brand change has the admin set up an authenticator', async () => {
    await signIn(started(), casey, customerAdmin.key);
    await widgetReady(started(), casey);
    const security = admin(casey).locator('details[data-testid="admin-security"]');
    await security.locator('summary').click();
    await security.locator('[data-testid="totp-required"]').check();
    await security.locator('scc-totp-policy button.primary').click();
    await expect.poll(() => security.locator('scc-totp-policy [role="status"]').textContent()).toBe('Saved.');

    const brand = await saveBrand(casey, 'Contoso, verified');
    const dialog = prompt(casey);
    await dialog.locator('[part="qr-code"] path').waitFor();
    const secret = ((await dialog.locator('[data-testid="totp-secret"]').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    usedCode = totpCode(secret, new Date());
    await dialog.locator('[data-testid="code-input"]').fill(usedCode);
    await dialog.locator('[data-testid="step-up-submit"]').click();
    const codes = dialog.locator('[data-testid="recovery-codes"] li');
    await expect.poll(() => codes.count()).toBe(10);
    recoveryCodes = await codes.allTextContents();
    await dialog.locator('.actions button.primary').click();
    await expect.poll(() => brand.locator('[data-testid="status"]').count()).toBe(1);
    await expect.poll(() => prompt(casey).count()).toBe(0);
    // The one refusal was the brand change that asked for the step-up, before it was sent again.
    expect(
      started()
        .problemsOf(casey)
        .filter((p) => p.startsWith('HTTP')),
    ).toEqual([expect.stringMatching(/^HTTP 403 PUT .*\/brand$/)]);
  });

  test('a new session asks again: a used code is refused, a recovery code works once', async () => {
    await casey.reload();
    await widgetReady(started(), casey);
    const brand = await saveBrand(casey, 'Contoso, verified again');
    const dialog = prompt(casey);
    const input = dialog.locator('[data-testid="code-input"]');
    await input.fill(usedCode);
    await dialog.locator('[data-testid="step-up-submit"]').click();
    await expect
      .poll(() => dialog.locator('#error').textContent())
      .toBe('This code is wrong or was used already: wait for the next one.');
    expect(await input.getAttribute('aria-invalid')).toBe('true');

    await dialog.locator('button.link').click();
    await input.fill(recoveryCodes[0] ?? '');
    await dialog.locator('[data-testid="step-up-submit"]').click();
    await expect.poll(() => prompt(casey).count()).toBe(0);
    await expect.poll(() => brand.locator('[data-testid="status"]').count()).toBe(1);
    const security = admin(casey).locator('details[data-testid="admin-security"]');
    await security.locator('summary').click();
    await expect
      .poll(() => security.locator('[data-testid="totp-enrolment"]').textContent())
      .toContain('9 recovery codes left.');
  });
});
