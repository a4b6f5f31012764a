import { join } from 'node:path';
import { personaByKey, seededBusinessUnit } from '@scc/db/seed';
import { testArtifactsDir } from '@scc/db/testing';
import type { RunningStack } from '@scc/stack';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.mjs';
import { startTestStack } from '../support/demo-browser.js';

/**
 * Four eyes in real browsers: a customer admin terminates a productive tenant, which waits for
 * approval; a reseller admin, signed in elsewhere, sees it in the pending panel and approves it
 * with a comment; the customer admin's panel follows live and the tenant goes into retention.
 */
const SCREENSHOTS = join(testArtifactsDir(), 'screenshots');
const WIDGET = 'service-control-center';
const casey = personaByKey('customer-admin');
const reseller = personaByKey('reseller-admin');
const south = seededBusinessUnit('contoso/south');
const stores = seededBusinessUnit('contoso/south/stores');
const PRODUCTIVE = 'South Stores backup';

let running: Awaited<ReturnType<typeof startTestStack>> | undefined;
let stack: RunningStack | undefined;
let browser: Browser | undefined;
const problems: string[] = [];

const demoHost = () => {
  if (!stack) throw new Error('the stack did not start');
  return stack.urls.demoHost;
};
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 50 });
const countOf = (locator: Locator, expected: number) => eventually(() => locator.count()).toBe(expected);

async function signedIn(personaKey: string): Promise<Page> {
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ viewport: { width: 1440, height: 1100 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error (${personaKey}): ${error.message}`));
  await page.goto(`${demoHost()}/sign-in`);
  await page.locator(`form[data-persona="${personaKey}"] button[type="submit"]`).click();
  await page.waitForURL(`${demoHost()}/app`);
  await page.locator(`${WIDGET} [part="tree"]`).waitFor();
  return page;
}

describe('four eyes in the browser', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    running = await startTestStack({ operations: { stepDelayMs: 50 } });
    stack = running.stack;
    browser = await chromium.launch({
      executablePath: chromiumPath() ?? '/usr/bin/chromium',
      args: chromiumFlags,
      headless: true,
    });
  }, 120_000);

  afterAll(async () => {
    const steps: (() => Promise<unknown> | undefined)[] = [() => browser?.close(), () => running?.close()];
    const failures: unknown[] = [];
    for (const step of steps) await step()?.catch((error: unknown) => failures.push(error));
    if (failures.length) throw new AggregateError(failures, 'cleaning up the end-to-end test failed');
  }, 60_000);

  test('a productive termination waits until a second admin approves it, then runs', async () => {
    const requester = await signedIn(casey.key);
    const w = (selector: string) => requester.locator(`${WIDGET} ${selector}`);
    await w(`[data-business-unit-id="${south.id}"] > [part~="tree-item-row"] [data-toggle]`).click();
    await w(`[data-business-unit-id="${stores.id}"] > [part~="tree-item-row"]`).click();
    const row = w('[part="tenant-row"]').filter({ hasText: PRODUCTIVE });
    await countOf(row, 1);
    const button = row.locator('[part="terminate-button"]');
    if (await button.isVisible()) await button.click();
    else {
      await row.locator('[part="actions-button"]').click();
      await row.locator('[role="menuitem"][data-action="terminate"]').click();
    }
    await w('[data-testid="confirm-name"]').fill(PRODUCTIVE);
    await w('[data-testid="submit-termination"]').click();
    const waiting = w('[part="request"][data-state="awaiting-approval"]');
    await countOf(waiting, 1);
    await eventually(() => waiting.textContent()).toContain('Awaiting approval');
    // The requester is offered nothing to decide.
    await countOf(w('[part="approval"]'), 0);

    const approver = await signedIn(reseller.key);
    const a = (selector: string) => approver.locator(`${WIDGET} ${selector}`);
    const approval = a('[part="approval"]');
    await countOf(approval, 1);
    await eventually(() => approval.textContent()).toContain(casey.email);
    await approval.locator('[part="comment"]').fill('Agreed with Contoso');
    await approver.screenshot({ path: join(SCREENSHOTS, 'approval-pending.png'), fullPage: true });
    await approval.locator('[part="approve-button"]').click();
    await countOf(approval, 0);
    await eventually(() => a('[data-testid="approval-outcome"]').textContent()).toContain('Approved');

    // The requester's page follows without a reload: the tenant leaves the list into retention.
    await countOf(waiting, 0);
    const retained = w('[data-testid="terminated-tenants"] li').filter({ hasText: PRODUCTIVE });
    await eventually(() => retained.textContent()).toMatch(/Retained until/);
    await countOf(row, 0);
    expect(problems).toEqual([]);
  });
});
