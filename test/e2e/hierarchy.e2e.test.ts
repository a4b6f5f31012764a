import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { testArtifactsDir } from '@scc/db/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertNoProblems,
  type DemoBrowser,
  expandItem,
  signIn,
  startDemoBrowser,
  treeIds,
  WIDGET,
  widgetReady,
} from '../support/demo-browser.js';
import { personaByKey, seededBusinessUnit, subtreeOf } from '../support/seed-model.js';

/**
 * The hierarchy in a real browser through the demo stack: the tree loads level by level, the
 * search opens the tree down to a unit, an admin creates a unit, moves it after reading the
 * preview and deletes it again; a viewer sees no admin screens at all.
 */
const SCREENSHOTS = join(testArtifactsDir(), 'screenshots');
const customerAdmin = personaByKey('customer-admin');
const viewer = personaByKey('critical-systems-viewer');
const contoso = seededBusinessUnit('contoso');
const north = seededBusinessUnit('contoso/north');
const south = seededBusinessUnit('contoso/south');
const finance = seededBusinessUnit('contoso/north/finance');

let demo: DemoBrowser | undefined;
const started = () => {
  if (!demo) throw new Error('the stack did not start');
  return demo;
};

const item = (page: Page, id: string) => page.locator(`${WIDGET} [role="treeitem"][data-business-unit-id="${id}"]`);
const crumbs = (page: Page) => page.locator(`${WIDGET} [part="breadcrumbs"] li`).allTextContents();
const admin = (page: Page) => page.locator(`${WIDGET} scc-business-unit-admin`);
const selectedId = (page: Page) =>
  page.locator(`${WIDGET} [role="treeitem"][aria-selected="true"]`).getAttribute('data-business-unit-id');

async function search(page: Page, scope: string, text: string) {
  await page.locator(`${scope} scc-business-unit-search input`).first().fill(text);
  return page.locator(`${scope} scc-business-unit-search [part="search-result"]`);
}

describe('the business-unit hierarchy in the widget', { timeout: 120_000 }, () => {
  let casey: Page;

  beforeAll(async () => {
    demo = await startDemoBrowser();
    casey = await demo.openPage();
  }, 120_000);

  afterAll(async () => {
    await demo?.close();
  }, 60_000);

  test('the tree loads one level per expanded unit', async () => {
    const levelCalls: string[] = [];
    casey.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/v1/widget/business-units' && request.method() === 'GET') levelCalls.push(url.search);
    });
    await signIn(started(), casey, customerAdmin.key);
    await widgetReady(started(), casey);
    // The root and its children are shown; nothing below them was asked for.
    await item(casey, north.id).waitFor();
    const children = subtreeOf('contoso').filter((u) => u.parentId === contoso.id);
    expect(await treeIds(casey)).toEqual([contoso.id, ...children.map((u) => u.id)].sort());
    expect(levelCalls).toEqual(['', `?parentId=${contoso.id}`]);

    await expandItem(casey, north.id);
    expect(levelCalls.at(-1)).toBe(`?parentId=${north.id}`);
    await expect(item(casey, finance.id).isVisible()).resolves.toBe(true);
    assertNoProblems(started(), casey);
  });

  test('the search finds a unit by name and opens the tree down to it', async () => {
    await casey.reload();
    await widgetReady(started(), casey);
    const results = await search(casey, WIDGET, 'stores');
    await results.first().waitFor();
    expect(await results.allTextContents()).toEqual([expect.stringContaining('Contoso Retail › South')]);
    await results.first().click();
    await expect.poll(() => selectedId(casey)).toBe(seededBusinessUnit('contoso/south/stores').id);
    await expect.poll(() => crumbs(casey)).toEqual(['Contoso Retail', 'South', 'Stores']);
    assertNoProblems(started(), casey);
  });

  test('an admin creates a unit, moves it after the preview and deletes it', async () => {
    // Start at North: breadcrumbs lead there.
    await casey.locator(`${WIDGET} [part="breadcrumbs"] button`, { hasText: 'Contoso Retail' }).click();
    await expect.poll(() => selectedId(casey)).toBe(contoso.id);
    await item(casey, north.id).locator(':scope > [part~="tree-item-row"] .name').click();
    await expect.poll(() => crumbs(casey)).toEqual(['Contoso Retail', 'North']);

    // Create: a bad name first, then a good one.
    const create = admin(casey).locator('details[data-testid="admin-create"]');
    await create.locator('summary').click();
    await create.locator('input[name="name"]').fill('   ');
    await create.locator('button.primary').click();
    await expect(create.locator('[data-testid="error"]').textContent()).resolves.toContain('Name:');
    await create.locator('input[name="name"]').fill('Audit');
    await create.locator('input[name="kind"]').fill('department');
    await create.locator('button.primary').click();
    await expect.poll(() => crumbs(casey)).toEqual(['Contoso Retail', 'North', 'Audit']);
    const auditId = await selectedId(casey);
    expect(auditId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(item(casey, auditId ?? '').textContent()).resolves.toContain('Department');

    // Move: pick South by name, read the preview, confirm.
    const move = admin(casey).locator('details[data-testid="admin-move"]');
    await move.locator('summary').click();
    const targets = await search(casey, `${WIDGET} scc-move-dialog`, 'south');
    await targets.first().click();
    const preview = move.locator('[data-testid="move-preview"]');
    await preview.waitFor();
    await expect(preview.locator('[data-testid="move-counts"]').textContent()).resolves.toContain(
      '1 business unit, 0 tenants',
    );
    await expect(preview.textContent()).resolves.toContain('Contoso Retail › North');
    await expect(preview.textContent()).resolves.toContain('Contoso Retail › South');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await casey.screenshot({ path: join(SCREENSHOTS, 'move-preview.png'), fullPage: true });
    // Nothing moved yet.
    expect(await crumbs(casey)).toEqual(['Contoso Retail', 'North', 'Audit']);
    await preview.locator('[data-testid="move-confirm"]').click();
    await expect.poll(() => crumbs(casey)).toEqual(['Contoso Retail', 'South', 'Audit']);
    await expect.poll(() => item(casey, south.id).locator(`[data-business-unit-id="${auditId}"]`).count()).toBe(1);
    await expect(item(casey, north.id).locator(`[data-business-unit-id="${auditId}"]`).count()).resolves.toBe(0);

    // A unit that is not empty cannot be deleted; the server says why.
    await casey.locator(`${WIDGET} [part="breadcrumbs"] button`, { hasText: 'South' }).click();
    await expect.poll(() => crumbs(casey)).toEqual(['Contoso Retail', 'South']);
    const del = admin(casey).locator('details[data-testid="admin-delete"]');
    await del.locator('summary').click();
    await del.locator('[data-testid="delete"]').click();
    await del.locator('[data-testid="delete-confirm"]').click();
    await del.locator('[data-testid="error"]').waitFor();
    await expect(del.locator('[data-testid="error"]').textContent()).resolves.not.toBe('');
    // The blank name and the refusal are the HTTP errors this test expects, and the only ones.
    const problems = started().problemsOf(casey);
    const expected = (p: string) => /\b(400 POST|409 DELETE)\b|status of (400|409)/.test(p);
    expect(problems.filter((p) => !expected(p))).toEqual([]);
    expect(problems.filter((p) => p.startsWith('HTTP '))).toEqual([
      expect.stringMatching(/^HTTP 400 POST .*\/v1\/widget\/business-units$/),
      expect.stringMatching(/^HTTP 409 DELETE .*\/v1\/widget\/business-units\//),
    ]);
    problems.length = 0;

    // The empty one goes.
    await item(casey, auditId ?? '')
      .locator(':scope > [part~="tree-item-row"] .name')
      .click();
    await expect.poll(() => crumbs(casey)).toEqual(['Contoso Retail', 'South', 'Audit']);
    await del.locator('summary').click();
    await del.locator('[data-testid="delete"]').click();
    await del.locator('[data-testid="delete-confirm"]').click();
    await expect.poll(() => crumbs(casey)).toEqual(['Contoso Retail', 'South']);
    await expect.poll(() => item(casey, auditId ?? '').count()).toBe(0);
    assertNoProblems(started(), casey);
  });

  test('an admin adds a user to a unit and grants it a role it holds itself', async () => {
    await item(casey, north.id).locator(':scope > [part~="tree-item-row"] .name').click();
    await expect.poll(() => crumbs(casey)).toEqual(['Contoso Retail', 'North']);
    const users = admin(casey).locator('details[data-testid="admin-users"]');
    await users.locator('summary').click();
    const form = users.locator('form[data-testid="user-create"]');
    await form.locator('input[name="email"]').fill('pat@contoso.example');
    await form.locator('input[name="displayName"]').fill('Pat North');
    await form.locator('button').click();
    const row = users.locator('[part="user-row"]', { hasText: 'pat@contoso.example' });
    await row.waitFor();
    // Casey holds admin (so operator and viewer too), never billing.
    await expect(
      row.locator('form.grant option').evaluateAll((o) => o.map((e) => e.getAttribute('value'))),
    ).resolves.toEqual(['viewer', 'operator', 'admin']);
    await row.locator('form.grant select').selectOption('operator');
    await row.locator('form.grant button').click();
    await expect
      .poll(() => row.locator('.roles li').allTextContents())
      .toEqual([expect.stringContaining('Operator · North')]);
    assertNoProblems(started(), casey);
  });

  test('a viewer sees the tree but no admin screens', async () => {
    const sam = await started().openPage();
    await signIn(started(), sam, viewer.key);
    await widgetReady(started(), sam);
    await item(sam, seededBusinessUnit(viewer.businessUnit).id).waitFor();
    await expect(sam.locator(`${WIDGET} scc-business-unit-admin`).count()).resolves.toBe(0);
    await expect(sam.locator(`${WIDGET} scc-business-unit-search`).count()).resolves.toBe(1);
    assertNoProblems(started(), sam);
  });
});
