import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertNoProblems,
  type DemoBrowser,
  signIn,
  startDemoBrowser,
  tenantIds,
  WIDGET,
  widgetReady,
} from '../support/demo-browser.js';
import { personaByKey, tenantsUnder } from '../support/seed-model.js';

/**
 * The same tag in the host pages a customer might have: a React app, a page whose CSS resets
 * everything with `!important`, and a page under a CSP without any exception. Each must show the
 * persona's tenants, the React one must see the widget's events, and nothing may leak either way.
 */
const customerAdmin = personaByKey('customer-admin');

// What the callbacks run in the page use; the Node tsconfig of the tests has no DOM library.
declare const document: { querySelector(selector: string): unknown };
declare function getComputedStyle(element: unknown): { getPropertyValue(name: string): string; direction: string };

let demo: DemoBrowser | undefined;
const started = () => {
  if (!demo) throw new Error('the stack did not start');
  return demo;
};

/** Tenant rows are shown, and each lies in the persona's subtree. */
async function expectOwnTenants(page: Page): Promise<void> {
  const own = new Set(tenantsUnder(customerAdmin.businessUnit).map((t) => t.id));
  await expect.poll(async () => (await tenantIds(page)).length).toBeGreaterThan(0);
  for (const id of await tenantIds(page)) expect(own.has(id)).toBe(true);
}

const HOST_PROBES = ['host-heading', 'host-text', 'host-button', 'host-table'];
const STYLE_PROPERTIES = [
  'display',
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'letter-spacing',
  'text-transform',
  'border-top-style',
  'padding-top',
  'width',
  'height',
];

/** Computed styles of the host page's own elements, by test id. */
const hostStyles = (page: Page) =>
  page.evaluate(
    ({ ids, properties }) =>
      Object.fromEntries(
        ids.map((id) => {
          const element = document.querySelector(`[data-testid="${id}"]`);
          if (!element) return [id, null];
          const style = getComputedStyle(element);
          return [id, Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]))];
        }),
      ),
    { ids: HOST_PROBES, properties: STYLE_PROPERTIES },
  );

/** Computed styles of elements inside the widget's shadow root (playwright's locators pierce it). */
const widgetStyles = (page: Page) =>
  Promise.all(
    [`${WIDGET} [data-testid="user-name"]`, `${WIDGET} [part="header"]`, `${WIDGET} [part="tenant-row"] td`].map(
      (selector) =>
        page
          .locator(selector)
          .first()
          .evaluate(
            (element, properties) => {
              const style = getComputedStyle(element);
              return Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]));
            },
            STYLE_PROPERTIES.filter((p) => p !== 'width' && p !== 'height'),
          ),
    ),
  );

describe('the widget in any host', { timeout: 120_000 }, () => {
  let page: Page;

  beforeAll(async () => {
    demo = await startDemoBrowser();
    page = await demo.openPage();
    await signIn(demo, page, customerAdmin.key);
  }, 120_000);

  afterAll(async () => {
    await demo?.close();
  }, 60_000);

  test('a React 19 page sets fetchToken and locale as properties and keeps the last event in its state', async () => {
    await page.goto(`${started().demoHost}/app/react`);
    await widgetReady(started(), page);
    await expectOwnTenants(page);
    const lastEvent = page.locator('[data-testid="last-event"]');
    await expect.poll(() => lastEvent.textContent()).toBe(`scc-ready: ${customerAdmin.displayName}`);

    const item = page.locator(`${WIDGET} [role="treeitem"][data-business-unit-id]`).nth(1);
    const id = await item.getAttribute('data-business-unit-id');
    await item.locator(':scope > [part~="tree-item-row"]').click();
    await expect.poll(() => lastEvent.textContent()).toBe(`scc-business-unit-select: ${id}`);

    await page.locator('[data-widget-locale="de"]').click();
    await expect
      .poll(() => page.locator(`${WIDGET} [data-testid="user"]`).getAttribute('title'))
      .toBe(`Angemeldet als ${customerAdmin.displayName}`);
    assertNoProblems(started(), page);
  });

  test('hostile page CSS reaches neither into the widget, nor does the widget change the page', async () => {
    await page.goto(`${started().demoHost}/app`);
    await widgetReady(started(), page);
    const designed = await widgetStyles(page);

    await page.goto(`${started().demoHost}/app/hostile?widget=off`);
    const withoutWidget = await hostStyles(page);
    // The stylesheet is in force: the host's own text is what it asks for.
    expect(withoutWidget['host-text']).toMatchObject({ 'font-size': '31px', 'text-transform': 'uppercase' });

    await page.goto(`${started().demoHost}/app/hostile`);
    await widgetReady(started(), page);
    await expectOwnTenants(page);
    await expect(page.locator(`${WIDGET} [part="header"]`).isVisible()).resolves.toBe(true);
    expect(await widgetStyles(page)).toEqual(designed);
    expect(await hostStyles(page)).toEqual(withoutWidget);
    assertNoProblems(started(), page);
  });

  test('under a CSP with scripts and styles from the page only and no inline code, nothing is blocked', async () => {
    const response = await page.goto(`${started().demoHost}/app/strict`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("style-src 'self';");
    expect(policy).not.toContain('unsafe');
    await widgetReady(started(), page);
    await expectOwnTenants(page);
    // Opening a unit's admin screen loads a lazy chunk through the page's own origin.
    await page.locator(`${WIDGET} [part="admin"]`).first().waitFor();
    // The init script of openPage() reports every securitypolicyviolation event as a problem.
    assertNoProblems(started(), page);
  });

  test('the demo switches the widget to German and right to left', async () => {
    await page.goto(`${started().demoHost}/app`);
    await widgetReady(started(), page);
    const user = page.locator(`${WIDGET} [data-testid="user"]`);
    await expect(user.getAttribute('title')).resolves.toBe(`Signed in as ${customerAdmin.displayName}`);

    await page.locator('[data-widget-locale="de"]').click();
    await expect.poll(() => user.getAttribute('title')).toBe(`Angemeldet als ${customerAdmin.displayName}`);
    await page.locator('[data-widget-rtl]').click();
    await expect.poll(() => user.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');

    await page.locator('[data-widget-locale="en"]').click();
    await expect.poll(() => user.getAttribute('title')).toBe(`Signed in as ${customerAdmin.displayName}`);
    assertNoProblems(started(), page);
  });
});
