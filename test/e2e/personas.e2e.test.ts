import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { testArtifactsDir } from '@scc/db/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertNoProblems,
  type DemoBrowser,
  expandTree,
  signIn,
  signOut,
  startDemoBrowser,
  tenantIds,
  treeIds,
  WIDGET,
  widgetReady,
} from '../support/demo-browser.js';
import { personaByKey, subtreeOf, tenantsUnder } from '../support/seed-model.js';

/**
 * The whole product in a real browser: cockpit, BFF and demo host run as HTTP servers on a
 * seeded database; Chromium signs in to the demo host as different personas, and the embedded
 * widget must show each exactly its own subtree — under the host's strict CSP, without errors.
 */
const SCREENSHOTS = join(testArtifactsDir(), 'screenshots');

const customerAdmin = personaByKey('customer-admin');
const resellerAdmin = personaByKey('reseller-admin');
const departmentUser = personaByKey('department-user');

let demo: DemoBrowser | undefined;
const started = () => {
  if (!demo) throw new Error('the stack did not start');
  return demo;
};

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
  await widgetReady(started(), page);
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
    demo = await startDemoBrowser();
    casey = await demo.openPage();
    riley = await demo.openPage();
  }, 120_000);

  afterAll(async () => {
    await demo?.close();
  }, 60_000);

  test('the sign-in page offers every persona', async () => {
    expect(started().engine).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    await casey.goto(`${started().demoHost}/`);
    await casey.waitForURL(`${started().demoHost}/sign-in`);
    await expect(casey.locator('form[data-persona]').count()).resolves.toBe(6);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await casey.screenshot({ path: join(SCREENSHOTS, 'sign-in.png'), fullPage: true });
    assertNoProblems(started(), casey);
  });

  test('a customer admin and a reseller admin each see exactly their own subtree', async () => {
    await Promise.all([signIn(started(), casey, customerAdmin.key), signIn(started(), riley, resellerAdmin.key)]);
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

    assertNoProblems(started(), casey);
    assertNoProblems(started(), riley);
  });

  test('signing out and in as another persona changes what the widget shows', async () => {
    await casey.goto(`${started().demoHost}/app`);
    await widgetReady(started(), casey);
    await signOut(started(), casey);
    // Signed out means signed out: the app sends the browser back to the sign-in page.
    await casey.goto(`${started().demoHost}/app`);
    await casey.waitForURL(`${started().demoHost}/sign-in`);

    await signIn(started(), casey, departmentUser.key);
    await expectSubtreeOf(casey, departmentUser.key);
    expect(await tenantIds(casey)).not.toEqual(expectedTenants(customerAdmin.businessUnit));
    assertNoProblems(started(), casey);
  });
});
