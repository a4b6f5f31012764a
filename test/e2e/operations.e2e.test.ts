import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { personaByKey, seededBusinessUnit } from '@scc/db/seed';
import { testArtifactsDir } from '@scc/db/testing';
import type { RunningStack } from '@scc/stack';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.mjs';
import { rowAction, startTestStack } from '../support/demo-browser.js';

/**
 * A customer admin runs tenant operations in a real browser against the whole product: the
 * cockpit's workers execute them (with short step delays), progress arrives over the BFF's event
 * stream, and the widget's lists follow without a reload — under the demo host's strict CSP.
 */
const SCREENSHOTS = join(testArtifactsDir(), 'screenshots');
const WIDGET = 'service-control-center';
const casey = personaByKey('customer-admin');
const south = seededBusinessUnit('contoso/south');
const stores = seededBusinessUnit('contoso/south/stores');
const NEW_TENANT = 'South Stores restore drill';

let running: Awaited<ReturnType<typeof startTestStack>> | undefined;
let stack: RunningStack | undefined;
let browser: Browser | undefined;
let page: Page;
const problems: string[] = [];

const demoHost = () => {
  if (!stack) throw new Error('the stack did not start');
  return stack.urls.demoHost;
};
const w = (selector: string) => page.locator(`${WIDGET} ${selector}`);
const tenantRow = (name: string) => w('[part="tenant-row"]').filter({ hasText: name });
/** The machine is shared and slow at times: wait for what the user would wait for, up to 30 s. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 50 });
const countOf = (locator: Locator, expected: number) => eventually(() => locator.count()).toBe(expected);

describe('tenant operations in the browser', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    running = await startTestStack({ operations: { stepDelayMs: 150 } });
    stack = running.stack;
    browser = await chromium.launch({
      executablePath: chromiumPath() ?? '/usr/bin/chromium',
      args: chromiumFlags,
      headless: true,
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 1100 } });
    page = await context.newPage();
    await page.exposeBinding('__sccReportViolation', (_source, violation: string) => {
      problems.push(`CSP violation: ${violation}`);
    });
    await page.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (e) => {
        window.__sccReportViolation(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'));
      });`,
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }, 120_000);

  afterAll(async () => {
    const steps: (() => Promise<unknown> | undefined)[] = [() => browser?.close(), () => running?.close()];
    const failures: unknown[] = [];
    for (const step of steps) await step()?.catch((error: unknown) => failures.push(error));
    if (failures.length) throw new AggregateError(failures, 'cleaning up the end-to-end test failed');
  }, 60_000);

  test('a customer admin orders a test tenant, terminates it and takes the termination back', async () => {
    await page.goto(`${demoHost()}/sign-in`);
    await page.locator(`form[data-persona="${casey.key}"] button[type="submit"]`).click();
    await page.waitForURL(`${demoHost()}/app`);
    await w('[part="tree"]').waitFor();

    // Pick the unit the way a user does: open South, select Stores.
    await w(`[data-business-unit-id="${south.id}"] > [part~="tree-item-row"] [data-toggle]`).click();
    await w(`[data-business-unit-id="${stores.id}"] > [part~="tree-item-row"]`).click();
    await countOf(w('[part="tenant-row"]'), 1);

    // Order: the form checks the draft as it is filled and proposes the productive tenant.
    await w('[part="order-button"]').click();
    // The open one: the tenant list holds a second order form, for "order from this tenant".
    const form = w('[data-testid="order-dialog"][open]');
    await form.locator('[data-testid="product"]').selectOption({ label: 'Backup as a Service' });
    await form.locator('[data-testid="type"]').selectOption('test');
    await form.locator('[part="proposal"]').first().waitFor();
    await eventually(() =>
      form.locator('[data-testid="application-data-source"] ~ [part="proposal"]').textContent(),
    ).toContain('South Stores backup');
    await form.locator('[data-testid="name"]').fill(NEW_TENANT);
    await countOf(form.locator('[data-testid="validations"] li.blocking'), 0);
    await eventually(() => form.locator('.actions .hint').textContent()).toBe('');
    await eventually(() => form.locator('[data-testid="submit-order"]').isEnabled()).toBe(true);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'order-form.png') });
    await form.locator('[data-testid="submit-order"]').click();

    // The progress bar climbs to 100 % from the event stream, then the request goes and the tenant is there.
    const order = w('[part="request"][data-state]').first();
    await order.waitFor();
    const seen = new Set<number>();
    await expect
      .poll(
        async () => {
          const bar = w('[part="request"] progress').first();
          if ((await bar.count()) > 0) seen.add(Number(await bar.getAttribute('value')));
          return seen.has(100);
        },
        { timeout: 60_000, interval: 50 },
      )
      .toBe(true);
    expect([...seen].some((value) => value > 0 && value < 100)).toBe(true);
    await countOf(tenantRow(NEW_TENANT), 1);
    await eventually(() => tenantRow(NEW_TENANT).textContent()).toContain('Live');
    await countOf(w('[part="request"]'), 0);
    await page.screenshot({ path: join(SCREENSHOTS, 'ordered-tenant.png'), fullPage: true });

    // Terminate it: it disappears from the list and waits, retained, in the pending panel: a day
    // and a countdown, not a percentage, and Restore as its only action.
    await rowAction(tenantRow(NEW_TENANT), 'terminate');
    await w('[data-testid="submit-termination"]').click();
    await countOf(tenantRow(NEW_TENANT), 0);
    const retained = w('[data-testid="terminated-tenants"] li').filter({ hasText: NEW_TENANT });
    await eventually(() => retained.textContent()).toMatch(/Retained until .+ \(in 28 days\)/);
    await countOf(retained.locator('button'), 1);
    await countOf(w('[part="request"]').filter({ hasText: NEW_TENANT }), 0);
    await page.screenshot({ path: join(SCREENSHOTS, 'termination-pending.png'), fullPage: true });

    // Take it back: the tenant returns as it was, and the panel says so.
    await retained.locator('[part="restore-button"]').click();
    await countOf(tenantRow(NEW_TENANT), 1);
    await eventually(() => w('scc-pending-requests [data-testid="outcome"]').textContent()).toContain(
      `${NEW_TENANT} is back.`,
    );

    expect(problems).toEqual([]);
  });

  test('a customer admin copies the solution profile of a test tenant into a productive one; a second admin approves; it is done', async () => {
    // Continues on the page of the test above: Casey, signed in, looking at South › Stores.
    const target = tenantRow('South Stores backup');
    await countOf(target, 1);
    await rowAction(target, 'copy-into');
    const copy = w('[data-testid="copy-dialog"]');
    await eventually(() => copy.getAttribute('open')).not.toBeNull();

    // The source is searched among Casey's tenants of the same product; nothing is chosen for her.
    await copy.locator('[data-testid="source-search"]').fill('North Finance');
    const source = copy.locator('label.choice').filter({ hasText: 'North Finance restore test' });
    await countOf(source, 1);
    await countOf(copy.locator('input[type="checkbox"]:checked'), 0);
    expect(await copy.locator('[data-testid="submit-copy"]').isDisabled()).toBe(true);
    await source.locator('input[name="source"]').check();
    await copy.locator('[data-part="solutionProfile"]').check();

    // The cockpit's dry run of exactly this copy, and what it overwrites in the productive tenant.
    await eventually(() => copy.locator('[data-testid="validations"] li').count()).toBeGreaterThan(0);
    await countOf(copy.locator('[data-testid="validations"] li.blocking'), 0);
    await eventually(() => copy.locator('[data-rule="source-same-product"]').textContent()).toContain(
      'North Finance restore test runs the same product.',
    );
    await eventually(() => copy.locator('[data-testid="productive-warning"]').textContent()).toContain(
      'South Stores backup is productive: this copy overwrites its solution profile with those of North Finance restore test.',
    );
    // The exact preview: the productive profile's version and the settings it loses or gains.
    await eventually(() => copy.locator('[data-testid="profile-overwrites"]').textContent()).toMatch(
      /Solution profile: version \d+ (takes|already matches) the source’s version \d+/,
    );
    await eventually(() => copy.locator('[data-testid="needs-approval"]').isVisible()).toBe(true);
    await eventually(() => copy.locator('[data-testid="submit-copy"]').isEnabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'copy-dialog.png') });
    await copy.locator('[data-testid="submit-copy"]').click();

    await eventually(() => w('[data-testid="copy-outcome"]').textContent()).toBe(
      'Copy from North Finance restore test into South Stores backup submitted.',
    );
    // Into a productive tenant it waits for four eyes: Reseller One's admin approves elsewhere.
    await countOf(w('[part="request"][data-state="awaiting-approval"]'), 1);
    if (!browser) throw new Error('no browser');
    const approverContext = await browser.newContext({ viewport: { width: 1440, height: 1100 } });
    const approver = await approverContext.newPage();
    approver.on('pageerror', (error) => problems.push(`page error (approver): ${error.message}`));
    await approver.goto(`${demoHost()}/sign-in`);
    await approver.locator(`form[data-persona="${personaByKey('reseller-admin').key}"] button[type="submit"]`).click();
    await approver.waitForURL(`${demoHost()}/app`);
    const approval = approver.locator(`${WIDGET} [part="approval"]`);
    await countOf(approval, 1);
    await approval.locator('[part="approve-button"]').click();
    await countOf(approval, 0);
    await approverContext.close();

    // The request then runs in the cockpit's workers; the pending panel follows it to its end.
    await eventually(() => w('scc-pending-requests [data-testid="outcome"]').textContent()).toContain(
      'Copy finished: South Stores backup',
    );
    await countOf(w('[part="request"]'), 0);
    await page.screenshot({ path: join(SCREENSHOTS, 'copy-done.png'), fullPage: true });

    expect(problems).toEqual([]);
  });
});
