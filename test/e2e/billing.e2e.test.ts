import { readFileSync } from 'node:fs';
import { seededBusinessUnit } from '@scc/db/seed';
import { describe, expect, test } from 'vitest';
import {
  assertNoProblems,
  demoBrowserForFile,
  saveScreenshot,
  signIn,
  WIDGET,
  widgetReady,
} from '../support/demo-browser.js';

/**
 * The billing screens in a real browser against the whole product: the demo's local collector
 * uploaded 60 days of usage when the stack started, so Reseller One's admin sees its subtree's usage
 * charted and tabled, runs last month's invoices, opens one and downloads its CSV through the BFF
 * with the widget token — under the demo host's strict CSP. A viewer gets no billing view at all.
 */
const coreDatabases = seededBusinessUnit('msp/internal/critical/core-databases');

/** The machine is shared and slow at times: wait for what the user would wait for, up to 30 s. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });

describe('billing in the browser', { timeout: 180_000 }, () => {
  const started = demoBrowserForFile();

  test('a reseller admin sees usage charted with its numbers, opens an invoice and downloads its CSV', async () => {
    const page = await started().openPage();
    await signIn(started(), page, 'reseller-admin');
    await widgetReady(started(), page);
    const w = (selector: string) => page.locator(`${WIDGET} ${selector}`);

    await w('[part="view"]').filter({ hasText: 'Usage & invoices' }).click();
    // Usage of Reseller One's subtree: one chart per view, drawn by uPlot, and the same numbers as a table.
    const perDay = w('scc-usage-chart[kind="line"]');
    await perDay.locator('canvas').first().waitFor();
    const dayRows = perDay.locator('[part="chart-table"] tbody tr');
    await eventually(() => dayRows.count()).toBeGreaterThanOrEqual(50);
    const quantities = await perDay.locator('[part="chart-table"] tbody td').allTextContents();
    expect(quantities.every((q) => /^\d[\d,]*(\.\d+)?$/.test(q))).toBe(true);
    expect(quantities.some((q) => Number(q.replaceAll(',', '')) > 0)).toBe(true);
    const byChild = w('scc-usage-chart[kind="bar"]').first().locator('[part="chart-table"] tbody th');
    await eventually(() => byChild.allTextContents()).toEqual(expect.arrayContaining(['Contoso Retail']));
    await saveScreenshot(page, 'billing-usage.png', { fullPage: true });

    // Last month's invoices: Reseller One sells, so it runs them, then opens one with its lines.
    await w('[part="billing-section"][data-section="invoices"]').click();
    await w('[part="run-button"]').click();
    const rows = w('[part="invoice-row"]');
    await eventually(() => rows.count()).toBeGreaterThanOrEqual(2);
    const totals = await w('[data-testid="invoice-total"]').allTextContents();
    expect(totals.every((t) => /^€[\d,]+\.\d\d$/.test(t))).toBe(true);
    await rows.filter({ hasText: 'Contoso Retail' }).locator('button').click();
    const invoice = w('[part="invoice"]');
    await invoice.waitFor();
    await eventually(() => invoice.locator('[part="invoice-lines"] tbody tr').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'billing-invoice.png', { fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      invoice.locator('[data-testid="download-csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^invoice-\d{4}-\d\d-draft-[0-9a-f-]+\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('Contoso Retail');
    expect(csv).toContain('stored_gb');
    assertNoProblems(started(), page);
  });

  test('a viewer gets no billing view', async () => {
    const page = await started().openPage();
    await signIn(started(), page, 'critical-systems-viewer');
    await widgetReady(started(), page);
    const views = page.locator(`${WIDGET} [part="view"]`);
    await eventually(() => views.allTextContents()).toEqual(['Tenants', 'Data sources']);
    // A server group's backup server, which the collector reported for: it says when it last did.
    await page.locator(`${WIDGET} [data-business-unit-id="${coreDatabases.id}"] > [part~="tree-item-row"]`).click();
    await views.filter({ hasText: 'Data sources' }).click();
    const source = page.locator(`${WIDGET} [part="data-source-row"]`);
    await eventually(() => source.locator('th').allTextContents()).toEqual(['Backup server Core databases']);
    // The collector's newest day is yesterday (UTC): the last day received, not the first.
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('en-US', {
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      timeZone: 'UTC',
    });
    await eventually(() => source.locator('[data-testid="last-usage"]').textContent()).toBe(yesterday);
    await expect(views.allTextContents()).resolves.toEqual(['Tenants', 'Data sources']);
    assertNoProblems(started(), page);
  });
});
