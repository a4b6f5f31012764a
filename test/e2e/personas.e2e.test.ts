import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase, testArtifactsDir } from '@scc/db/testing';
import { type RunningStack, startStack } from '@scc/demo-host';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.mjs';
import { personaByKey, subtreeOf, tenantsUnder } from '../support/seed-model.js';

/**
 * The whole product in a real browser: cockpit, BFF and demo host run as HTTP servers on a
 * seeded database; Chromium signs in to the demo host as different personas, and the embedded
 * widget must show each exactly its own subtree — under the host's strict CSP, without errors.
 */
const SCREENSHOTS = join(testArtifactsDir(), 'screenshots');
const WIDGET = 'service-control-center';

const customerAdmin = personaByKey('customer-admin');
const resellerAdmin = personaByKey('reseller-admin');
const departmentUser = personaByKey('department-user');

let database: TestDatabase | undefined;
let stack: RunningStack | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
/** Console errors, page errors, failed requests and CSP violations, per page. */
const problems = new Map<Page, string[]>();

const demoHost = () => {
  if (!stack) throw new Error('the stack did not start');
  return stack.urls.demoHost;
};

async function openPage(): Promise<Page> {
  if (!browser) throw new Error('the browser did not start');
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, deviceScaleFactor: 1 });
  contexts.push(context);
  const page = await context.newPage();
  const seen: string[] = [];
  problems.set(page, seen);
  // The binding and the listener come through the DevTools protocol, not the page, so the
  // page's CSP neither blocks them nor needs to allow them.
  await page.exposeBinding('__sccReportViolation', (_source, violation: string) => {
    seen.push(`CSP violation: ${violation}`);
  });
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => {
      window.__sccReportViolation(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
    });`,
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A navigation cancels what the old page still loads (the favicon, say): that is no fault.
    const reason = request.failure()?.errorText ?? 'unknown';
    if (reason !== 'net::ERR_ABORTED') seen.push(`request failed: ${request.method()} ${request.url()} ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      seen.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return page;
}

async function assertNoProblems(page: Page): Promise<void> {
  expect(problems.get(page)).toEqual([]);
}

async function signIn(page: Page, personaKey: string): Promise<void> {
  await page.goto(`${demoHost()}/sign-in`);
  await page.locator(`form[data-persona="${personaKey}"] button[type="submit"]`).click();
  await page.waitForURL(`${demoHost()}/app`);
}

async function signOut(page: Page): Promise<void> {
  await page.locator('button[data-testid="sign-out"]').click();
  await page.waitForURL(`${demoHost()}/sign-in`);
}

/** Waits until the widget shows its tree (or fails with the widget's own error message). */
async function widgetReady(page: Page): Promise<void> {
  await page.locator(`${WIDGET} [part="tree"], ${WIDGET} [data-testid="error"]`).first().waitFor();
  const error = page.locator(`${WIDGET} [data-testid="error"]`);
  if ((await error.count()) > 0) {
    const message = await page.locator(`${WIDGET} [data-testid="error"] [part="message"]`).textContent();
    throw new Error(`the widget shows an error: ${message}\n${(problems.get(page) ?? []).join('\n')}`);
  }
}

/** Opens every collapsed tree item, the way a user would: by clicking its toggle. */
async function expandTree(page: Page): Promise<void> {
  const collapsed = page.locator(`${WIDGET} [role="treeitem"][aria-expanded="false"]`);
  for (let guard = 0; guard < 200 && (await collapsed.count()) > 0; guard++) {
    const item = collapsed.first();
    const id = await item.getAttribute('data-business-unit-id');
    await item.locator(':scope > [part~="tree-item-row"] [data-toggle]').click();
    await page.locator(`${WIDGET} [data-business-unit-id="${id}"][aria-expanded="true"]`).waitFor();
  }
}

const attributeValues = (page: Page, selector: string, attribute: string) =>
  page
    .locator(selector)
    .evaluateAll((elements, name) => elements.map((e) => e.getAttribute(name) ?? ''), attribute)
    .then((values) => [...values].sort());

const treeIds = (page: Page) => attributeValues(page, `${WIDGET} [data-business-unit-id]`, 'data-business-unit-id');
const tenantIds = (page: Page) => attributeValues(page, `${WIDGET} [part="tenant-row"]`, 'data-tenant-id');

const expectedUnits = (businessUnitKey: string) =>
  subtreeOf(businessUnitKey)
    .map((u) => u.id)
    .sort();
const expectedTenants = (businessUnitKey: string) =>
  tenantsUnder(businessUnitKey)
    .map((t) => t.id)
    .sort();

/** Signs in (already done by the caller) and checks the widget shows exactly the persona's subtree. */
async function expectSubtreeOf(page: Page, personaKey: string): Promise<void> {
  const persona = personaByKey(personaKey);
  await widgetReady(page);
  await expandTree(page);
  await expect.poll(() => treeIds(page)).toEqual(expectedUnits(persona.businessUnit));
  await expect.poll(() => tenantIds(page)).toEqual(expectedTenants(persona.businessUnit));
  await expect(page.locator(`${WIDGET} [data-testid="user-name"]`).textContent()).resolves.toBe(persona.displayName);
  await expect(page.locator('[data-testid="account-name"]').textContent()).resolves.toBe(persona.displayName);
  await page.mouse.move(0, 0);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${persona.key}.png`), fullPage: true });
}

describe('personas on the demo host', { timeout: 120_000 }, () => {
  let casey: Page;
  let riley: Page;

  beforeAll(async () => {
    // With DATABASE_URL: a fresh database of our own on that server, dropped in afterAll.
    if (process.env.DATABASE_URL) database = await createTestDatabase();
    stack = await startStack({
      dataDir: 'memory://',
      databaseUrl: database?.url,
      ports: { cockpit: 0, bff: 0, demoHost: 0 },
    });
    browser = await chromium.launch({
      executablePath: chromiumPath() ?? '/usr/bin/chromium',
      args: chromiumFlags,
      headless: true,
    });
    casey = await openPage();
    riley = await openPage();
  }, 120_000);

  afterAll(async () => {
    const steps: (() => Promise<unknown> | undefined)[] = [
      ...contexts.map((c) => () => c.close()),
      () => browser?.close(),
      () => stack?.stop(),
      () => database?.drop(),
    ];
    const failures: unknown[] = [];
    for (const step of steps) await step()?.catch((error: unknown) => failures.push(error));
    if (failures.length) throw new AggregateError(failures, 'cleaning up the end-to-end test failed');
  }, 60_000);

  test('the sign-in page offers every persona', async () => {
    expect(stack?.engine).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    await casey.goto(`${demoHost()}/`);
    await casey.waitForURL(`${demoHost()}/sign-in`);
    await expect(casey.locator('form[data-persona]').count()).resolves.toBe(6);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await casey.screenshot({ path: join(SCREENSHOTS, 'sign-in.png'), fullPage: true });
    await assertNoProblems(casey);
  });

  test('a customer admin and a reseller admin each see exactly their own subtree', async () => {
    await Promise.all([signIn(casey, customerAdmin.key), signIn(riley, resellerAdmin.key)]);
    await Promise.all([expectSubtreeOf(casey, customerAdmin.key), expectSubtreeOf(riley, resellerAdmin.key)]);

    // Sanity of the expectation itself: the two subtrees differ and nest.
    const contoso = expectedTenants(customerAdmin.businessUnit);
    const reseller = expectedTenants(resellerAdmin.businessUnit);
    expect(contoso.length).toBeGreaterThan(0);
    expect(reseller.length).toBeGreaterThan(contoso.length);
    expect(reseller).toEqual(expect.arrayContaining(contoso));

    // The session cookie is invisible to scripts.
    const [cookie] = await casey.context().cookies();
    expect(cookie).toMatchObject({ name: 'acme_session', httpOnly: true, sameSite: 'Lax' });
    await expect(casey.evaluate('document.cookie')).resolves.toBe('');

    await assertNoProblems(casey);
    await assertNoProblems(riley);
  });

  test('signing out and in as another persona changes what the widget shows', async () => {
    await casey.goto(`${demoHost()}/app`);
    await widgetReady(casey);
    await signOut(casey);
    // Signed out means signed out: the app sends the browser back to the sign-in page.
    await casey.goto(`${demoHost()}/app`);
    await casey.waitForURL(`${demoHost()}/sign-in`);

    await signIn(casey, departmentUser.key);
    await expectSubtreeOf(casey, departmentUser.key);
    expect(await tenantIds(casey)).not.toEqual(expectedTenants(customerAdmin.businessUnit));
    await assertNoProblems(casey);
  });
});
