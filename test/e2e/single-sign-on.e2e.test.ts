import { describe, expect, test } from 'vitest';
import {
  assertNoProblems,
  demoBrowserForFile,
  expandTree,
  signOut,
  treeIds,
  WIDGET,
  widgetReady,
} from '../support/demo-browser.js';
import { personaByKey, subtreeOf } from '../support/seed-model.js';

/**
 * Single sign-on through a real OpenID Connect provider: the launcher's Contoso ID
 * (`oidc-provider`), registered for Contoso Retail by the seed. Casey signs in there, the demo
 * host's backend exchanges her ID token at the BFF, and the widget shows her subtree.
 */
const casey = personaByKey('customer-admin');

describe('single sign-on with Contoso ID', { timeout: 120_000 }, () => {
  const started = demoBrowserForFile();

  test('Casey signs in at her company’s identity provider and the widget acts as her', async () => {
    const demo = started();
    const page = await demo.openPage();
    await page.goto(`${demo.demoHost}/sign-in`);
    await page.getByRole('link', { name: 'Sign in with Contoso ID' }).click();
    // The provider's own page, on its own origin.
    await page.getByRole('button', { name: `Continue as ${casey.displayName} (${casey.email})` }).click();
    await page.waitForURL(`${demo.demoHost}/app`);
    await widgetReady(demo, page);
    await expandTree(page);
    await expect(page.locator(`${WIDGET} [data-testid="user-name"]`).textContent()).resolves.toBe(casey.displayName);
    await expect
      .poll(() => treeIds(page))
      .toEqual(
        subtreeOf(casey.businessUnit)
          .map((u) => u.id)
          .sort(),
      );
    // The widget's later tokens come from the same exchange; signing out ends the session as ever.
    await signOut(demo, page);
    const after = await page.request.post(`${demo.demoHost}/api/embed-session`, {
      headers: { 'x-requested-with': 'fetch' },
    });
    expect(after.status()).toBe(401);
    assertNoProblems(demo, page);
  });
});
