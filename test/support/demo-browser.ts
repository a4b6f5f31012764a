import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTestDatabase,
  dropTestRoles,
  type TestDatabase,
  testArtifactsDir,
  testRolePrefix,
} from '@scc/db/testing';
import { type RunningStack, type StackOptions, startStack } from '@scc/stack';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.mjs';

/**
 * The whole product for end-to-end tests: cockpit, BFF and demo host as HTTP servers on a seeded
 * database (with DATABASE_URL: a fresh database of its own on that server), and Chromium pages
 * that record every console error, page error, failed request and CSP violation.
 */
export const WIDGET = 'service-control-center';

export interface DemoBrowser {
  engine: RunningStack['engine'];
  demoHost: string;
  openPage(): Promise<Page>;
  /** What went wrong on a page so far. */
  problemsOf(page: Page): string[];
  close(): Promise<void>;
}

/**
 * The stack on the engine of this run. On a server it runs as `pnpm start` does: given only the
 * owner, it creates the cockpit's restricted login itself (named here like the other test logins,
 * so a crashed run's sweep finds it) and serves on it; migrations, seed and workers on the owner.
 */
export async function startTestStack(
  options: Pick<StackOptions, 'operations'> = {},
): Promise<{ stack: RunningStack; close(): Promise<void>; server?: { databaseUrl: string; cockpitLogin: string } }> {
  const serverUrl = process.env.DATABASE_URL;
  let database: TestDatabase | undefined;
  const login = serverUrl ? `${testRolePrefix('e2e')}${randomBytes(6).toString('hex')}` : undefined;
  let stack: RunningStack | undefined;
  const close = async () => {
    const failures: unknown[] = [];
    const dropLogin = () => (serverUrl && login ? dropTestRoles(serverUrl, login) : undefined);
    for (const step of [() => stack?.stop(), () => database?.drop(), dropLogin]) {
      await step()?.catch((error: unknown) => failures.push(error));
    }
    if (failures.length) throw new AggregateError(failures, 'stopping the test stack failed');
  };
  try {
    if (serverUrl) database = await createTestDatabase();
    stack = await startStack({
      dataDir: 'memory://',
      migrationDatabaseUrl: database?.url,
      cockpitLoginName: login,
      ports: { cockpit: 0, bff: 0, demoHost: 0, identityProvider: 0 },
      ...options,
    });
    return {
      stack,
      close,
      ...(database?.url && login ? { server: { databaseUrl: database.url, cockpitLogin: login } } : {}),
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

export async function startDemoBrowser(): Promise<DemoBrowser> {
  let running: Awaited<ReturnType<typeof startTestStack>> | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const problems = new Map<Page, string[]>();

  const close = async () => {
    const steps: (() => Promise<unknown> | undefined)[] = [
      ...contexts.map((c) => () => c.close()),
      () => browser?.close(),
      () => running?.close(),
    ];
    const failures: unknown[] = [];
    for (const step of steps) await step()?.catch((error: unknown) => failures.push(error));
    if (failures.length) throw new AggregateError(failures, 'cleaning up the end-to-end test failed');
  };

  try {
    running = await startTestStack();
    browser = await chromium.launch({
      executablePath: chromiumPath() ?? '/usr/bin/chromium',
      args: chromiumFlags,
      headless: true,
    });
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  const started = browser;
  const { stack } = running;

  return {
    engine: stack.engine,
    demoHost: stack.urls.demoHost,
    problemsOf: (page) => problems.get(page) ?? [],
    close,
    async openPage() {
      const context = await started.newContext({ viewport: { width: 1440, height: 960 }, deviceScaleFactor: 1 });
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
    },
  };
}

/** The demo stack and browser for the tests of one file: started before them, closed after them. */
export function demoBrowserForFile(): () => DemoBrowser {
  let demo: DemoBrowser | undefined;
  beforeAll(async () => {
    demo = await startDemoBrowser();
  }, 120_000);
  afterAll(async () => {
    await demo?.close();
  }, 60_000);
  return () => {
    if (!demo) throw new Error('the stack did not start');
    return demo;
  };
}

export async function signIn(demo: DemoBrowser, page: Page, personaKey: string): Promise<void> {
  await page.goto(`${demo.demoHost}/sign-in`);
  await page.locator(`form[data-persona="${personaKey}"] button[type="submit"]`).click();
  await page.waitForURL(`${demo.demoHost}/app`);
}

export async function signOut(demo: DemoBrowser, page: Page): Promise<void> {
  await page.locator('button[data-testid="sign-out"]').click();
  await page.waitForURL(`${demo.demoHost}/sign-in`);
}

/** Waits until the widget shows its tree (or fails with the widget's own error message). */
export async function widgetReady(demo: DemoBrowser, page: Page): Promise<void> {
  await page.locator(`${WIDGET} [part="tree"], ${WIDGET} [data-testid="error"]`).first().waitFor();
  const error = page.locator(`${WIDGET} scc-state-panel[data-testid="error"]`);
  if ((await error.count()) > 0) {
    const message = await page.locator(`${WIDGET} [data-testid="error"] [part="message"]`).textContent();
    throw new Error(`the widget shows an error: ${message}\n${demo.problemsOf(page).join('\n')}`);
  }
}

/** Clicks the toggle of a collapsed tree item and waits until its first children are shown. */
export async function expandItem(page: Page, id: string): Promise<void> {
  const item = page.locator(`${WIDGET} [role="treeitem"][data-business-unit-id="${id}"]`);
  await item.locator(':scope > [part~="tree-item-row"] [data-toggle]').click();
  await item.locator(':scope > [role="group"] > [role="treeitem"]').first().waitFor();
  await treeSettled(page);
}

/** Waits until no tree level is loading any more. */
export async function treeSettled(page: Page): Promise<void> {
  await page.locator(`${WIDGET} [role="tree"]`).waitFor();
  await page.locator(`${WIDGET} .level-note:not(:has(button))`).first().waitFor({ state: 'detached' });
}

/** Opens every collapsed tree item, the way a user would: level by level, each loaded on demand. */
export async function expandTree(page: Page): Promise<void> {
  await treeSettled(page);
  const collapsed = page.locator(`${WIDGET} [role="treeitem"][aria-expanded="false"]`);
  for (let guard = 0; guard < 200 && (await collapsed.count()) > 0; guard++) {
    const id = await collapsed.first().getAttribute('data-business-unit-id');
    if (id) await expandItem(page, id);
  }
}

export function assertNoProblems(demo: DemoBrowser, page: Page): void {
  expect(demo.problemsOf(page)).toEqual([]);
}

const attributeValues = (page: Page, selector: string, attribute: string) =>
  page
    .locator(selector)
    .evaluateAll((elements, name) => elements.map((e) => e.getAttribute(name) ?? ''), attribute)
    .then((values) => [...values].sort());

export const treeIds = (page: Page) =>
  attributeValues(page, `${WIDGET} [role="treeitem"][data-business-unit-id]`, 'data-business-unit-id');
export const tenantIds = (page: Page) => attributeValues(page, `${WIDGET} [part="tenant-row"]`, 'data-tenant-id');

/** A tenant row's action the way a user reaches it: its own button on a wide list, its "⋯" menu on a narrower one. */
export async function rowAction(row: Locator, action: string): Promise<void> {
  const button = row.locator(`[part="${action}-button"]`);
  if (await button.isVisible()) return button.click();
  await row.locator('[part="actions-button"]').click();
  await row.locator(`[role="menuitem"][data-action="${action}"]`).click();
}

/**
 * A screenshot among the test artifacts; with `SCC_UPDATE_SCREENSHOTS=1` also the README's copy in
 * docs/screenshots.
 */
export async function saveScreenshot(page: Page, file: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const artifacts = join(testArtifactsDir(), 'screenshots');
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, file), ...options });
  if (process.env.SCC_UPDATE_SCREENSHOTS)
    copyFileSync(join(artifacts, file), join(import.meta.dirname, '../../docs/screenshots', file));
}
