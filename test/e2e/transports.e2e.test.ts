import { personaByKey, seedId } from '@scc/db/seed';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type DemoBrowser,
  rowAction,
  saveScreenshot,
  signIn,
  startDemoBrowser,
  WIDGET,
  widgetReady,
} from '../support/demo-browser.js';

/**
 * A customer admin transports configuration between two tenants of her customer in a real browser
 * against the whole product: the delta her test tenant made since its first version, previewed as
 * an exact diff, with an upgraded extension, into the productive ERP tenant. It waits for a second
 * admin, who approves it in another browser; the cockpit's workers deploy it, and the productive
 * tenant's profile versions then show the new version with the test tenant's changes. The demo
 * seed's test tenant changed its profile once since its first version (version 2), and runs a newer
 * payroll extension than the productive tenant.
 */
const casey = personaByKey('customer-admin');
const riley = personaByKey('reseller-admin');
const SOURCE = 'Contoso ERP Test';
const TARGET = 'Contoso ERP';

let demo: DemoBrowser | undefined;
let page: Page;
const started = () => {
  if (!demo) throw new Error('the stack did not start');
  return demo;
};
const w = (selector: string) => page.locator(`${WIDGET} ${selector}`);
/** The row whose tenant has exactly this name ("Contoso ERP" is also the start of "Contoso ERP Test"). */
const tenantRow = (name: string) =>
  w('[part="tenant-row"]').filter({ has: page.locator('button.name', { hasText: new RegExp(`^\\s*${name}\\s*$`) }) });
/** The machine is shared and slow at times: wait for what the user would wait for, up to 30 s. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 50 });
const countOf = (locator: Locator, expected: number) => eventually(() => locator.count()).toBe(expected);

describe('transports in the browser', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    demo = await startDemoBrowser();
    page = await demo.openPage();
  }, 120_000);

  afterAll(async () => {
    await demo?.close();
  }, 60_000);

  test('a customer admin transports a delta from the test into the productive tenant; a second admin approves; the productive tenant has the new version', async () => {
    await signIn(started(), page, casey.key);
    await widgetReady(started(), page);
    await countOf(tenantRow(SOURCE), 1);

    // From the test tenant's row: it is the source; the productive tenant of the same customer the target.
    await rowAction(tenantRow(SOURCE), 'transport');
    const dialog = w('[data-testid="transport-dialog"]');
    await eventually(() => dialog.getAttribute('open')).not.toBeNull();
    await eventually(() => dialog.locator('[data-testid="source"]').inputValue()).toBe(
      seedId('tenant', 'contoso-erp-test'),
    );
    await eventually(() => dialog.locator('[data-testid="target"] option').count()).toBeGreaterThan(1);
    await dialog.locator('[data-testid="target"]').selectOption(seedId('tenant', 'contoso-erp-prod'));

    // A delta: what the test tenant changed since its first version, never transported before.
    await eventually(() => dialog.locator('[data-testid="baseline"] option').count()).toBe(3);
    await dialog.locator('[data-testid="baseline"]').selectOption('1');
    const changes = dialog.locator('[data-testid="changes"] tbody tr');
    await eventually(() => changes.count()).toBe(3);
    const row = (pointer: string) =>
      dialog
        .locator(`[data-testid="changes"] tr[data-pointer="${pointer}"]`)
        .evaluate((tr) => [...tr.children].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()));
    expect(await row('/mail/retryCount')).toEqual(['mail.retryCount', 'changed', '3', '5']);
    expect(await row('/workflow/approvalLimit')).toEqual(['workflow.approvalLimit', 'changed', '10000', '25000']);
    expect(await row('/general/timeZone')).toEqual(['general.timeZone', 'added', '(none)', '"Europe/Berlin"']);
    await countOf(dialog.locator('[part="conflict"]'), 0);
    await eventually(() => dialog.locator('[data-testid="approval"]').textContent()).toContain(
      'Needs approval by a second admin',
    );

    // Extensions: analytics needs a newer product version than the productive tenant runs: refused.
    await dialog.locator('input[data-extension="analytics"]').check();
    await eventually(() =>
      dialog.locator('[data-testid="refusals"] [data-rule="extension-product-version"]').count(),
    ).toBe(1);
    expect(await dialog.locator('[data-testid="submit-transport"]').isDisabled()).toBe(true);
    await dialog.locator('input[data-extension="analytics"]').uncheck();
    await dialog.locator('input[data-extension="payroll"]').check();
    await eventually(() => dialog.locator('[data-testid="extension-plan"]').textContent()).toContain(
      'payroll 1.0.0 → 1.2.0',
    );
    await countOf(dialog.locator('[data-testid="refusals"]'), 0);
    await eventually(() => dialog.locator('[data-testid="submit-transport"]').isEnabled()).toBe(true);
    await saveScreenshot(page, 'transport-dialog.png');
    await dialog.locator('[data-testid="submit-transport"]').click();

    await eventually(() => w('[data-testid="transport-outcome"]').textContent()).toBe(
      `Transport from ${SOURCE} into ${TARGET} submitted.`,
    );
    // It waits for four eyes, and the pending panel says so, naming both tenants.
    const pending = w('[part="request"][data-state="awaiting-approval"]');
    await countOf(pending, 1);
    await eventually(() => pending.textContent()).toContain(`Transport ${SOURCE} → ${TARGET}`);
    await eventually(() => pending.textContent()).toContain('Awaiting approval');

    // Reseller One's admin approves it in another browser.
    const approver = await started().openPage();
    await signIn(started(), approver, riley.key);
    const approval = approver.locator(`${WIDGET} [part="approval"]`);
    await countOf(approval, 1);
    await eventually(() => approval.textContent()).toContain('Transport into productive tenant');
    await approval.locator('[part="approve-button"]').click();
    await countOf(approval, 0);
    expect(started().problemsOf(approver)).toEqual([]);

    // The workers deploy it; the requester's panel follows it to its end.
    await eventually(() => w('scc-pending-requests [data-testid="outcome"]').textContent()).toContain(
      'Transport finished',
    );
    await countOf(w('[part="request"]'), 0);

    // The productive tenant now runs version 2 of its profile, written by the transport.
    await rowAction(tenantRow(TARGET), 'profile-versions');
    const versions = w('[data-testid="versions-dialog"]');
    await eventually(() => versions.getAttribute('open')).not.toBeNull();
    const newest = versions.locator('[data-testid="versions"] tbody tr').first();
    await eventually(() => newest.getAttribute('data-version')).toBe('2');
    await eventually(() => newest.textContent()).toContain('(current)');
    await eventually(() => newest.textContent()).toContain('Request ');
    await newest.locator('[data-testid="view"]').click();
    const document = versions.locator('[data-testid="document"] pre');
    await eventually(async () => JSON.parse((await document.textContent()) ?? '{}')).toMatchObject({
      general: { companyName: TARGET, timeZone: 'Europe/Berlin' },
      mail: { retryCount: 5 },
      workflow: { approvalLimit: 25_000 },
    });
    await saveScreenshot(page, 'profile-versions.png');

    expect(started().problemsOf(page)).toEqual([]);
  });
});
