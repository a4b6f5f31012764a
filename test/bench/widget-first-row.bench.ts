/**
 * `pnpm bench widget-first-row`: how long a host page waits for the first tenant row. In headless
 * Chromium, on the demo host's origin, with the widget module already loaded: a fresh
 * `<service-control-center>` is attached, asks the host's backend for a token (the demo host mints
 * it at the BFF), loads its session and tenants over HTTP, and renders; the clock stops when the
 * first `[data-tenant-id]` row is in a shadow root. Median of 20 after 3 warm-ups, against a warm
 * stack (cockpit, BFF and demo host as separate HTTP servers).
 *
 * Two scenes: the Contoso customer admin on the seed (a handful of tenants) and, on a PostgreSQL
 * server (DATABASE_URL), the Reseller One admin with 300,000 more tenants in its subtree. Nothing
 * here asserts timing.
 */
import { createDatabase } from '@scc/db';
import { seededBusinessUnit } from '@scc/db/seed';
import { createTestDatabase, type TestDatabase } from '@scc/db/testing';
import { type RunningStack, startStack } from '@scc/stack';
import { sql } from 'drizzle-orm';
import { chromium, type Page } from 'playwright-core';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.mjs';
import { summarize } from './support/measure.js';

const RUNS = 20;
const WARMUP = 3;
const EXTRA_TENANTS = 300_000;
const EXTRA_UNITS = 100;

const serverUrl = process.env.DATABASE_URL;
let database: TestDatabase | undefined;
let stack: RunningStack | undefined;
const browser = await chromium.launch({ executablePath: chromiumPath() ?? '/usr/bin/chromium', args: chromiumFlags });

try {
  if (serverUrl) database = await createTestDatabase();
  stack = await startStack({
    dataDir: 'memory://',
    migrationDatabaseUrl: database?.url,
    ports: { cockpit: 0, bff: 0, demoHost: 0, identityProvider: 0 },
    operations: { workers: 0 },
  });
  const running = stack;

  /** One host page per persona, signed in, with the widget module loaded and no widget attached yet. */
  const pageFor = async (personaKey: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
    const page = await context.newPage();
    await page.goto(`${running.urls.demoHost}/sign-in`);
    await page.locator(`form[data-persona="${personaKey}"] button[type="submit"]`).click();
    await page.waitForURL(`${running.urls.demoHost}/app`);
    await page.waitForFunction(`customElements.get('service-control-center') !== undefined`);
    await page.evaluate(`for (const widget of document.querySelectorAll('service-control-center')) widget.remove()`);
    return page;
  };

  /**
   * Attaches a fresh widget and resolves with the milliseconds until its first tenant row. Plain
   * JavaScript text: the TypeScript loader would add helpers that do not exist in the page.
   */
  const firstRow = (page: Page, apiBase: string) =>
    page.evaluate(`(async (base) => {
      const yieldToBrowser = () => new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
      const findRow = (root) => {
        const row = root.querySelector('[data-tenant-id]');
        if (row) return row;
        for (const element of root.querySelectorAll('*')) {
          const found = element.shadowRoot ? findRow(element.shadowRoot) : null;
          if (found) return found;
        }
        return null;
      };
      const fetchToken = async () => {
        const response = await fetch('/api/embed-session', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { accept: 'application/json', 'x-requested-with': 'fetch' },
        });
        return (await response.json()).token;
      };
      const widget = document.createElement('service-control-center');
      widget.setAttribute('api-base', base);
      widget.fetchToken = fetchToken;
      const started = performance.now();
      document.body.append(widget);
      while (!(widget.shadowRoot && findRow(widget.shadowRoot))) {
        if (performance.now() - started > 30000) throw new Error('no tenant row within 30 s');
        await yieldToBrowser();
      }
      const elapsed = performance.now() - started;
      widget.remove();
      return elapsed;
    })(${JSON.stringify(apiBase)})`) as Promise<number>;

  const scene = async (name: string, personaKey: string) => {
    const page = await pageFor(personaKey);
    for (let i = 0; i < WARMUP; i++) await firstRow(page, running.urls.bff);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await firstRow(page, running.urls.bff));
    await page.context().close();
    return summarize(name, samples);
  };

  const rows = [await scene('Contoso customer admin, seed data', 'customer-admin')];
  if (database?.url) {
    await addTenantsUnderResellerOne(database.url);
    rows.push(await scene(`Reseller One admin, ${EXTRA_TENANTS.toLocaleString('en')} more tenants`, 'reseller-admin'));
  } else {
    console.log('(the 300,000-tenant scene runs only on a PostgreSQL server: set DATABASE_URL)');
  }
  console.log(`\nWidget: attached → first tenant row, host token fetch included (${stack.engine}); median of ${RUNS}`);
  console.log('| scene | runs | median | p95 | max |\n| --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.samples} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.max.toFixed(1)} ms |`,
    );
  }
} finally {
  await browser.close();
  await stack?.stop();
  await database?.drop();
}

/** 300,000 test tenants spread over 100 new regions under Reseller One, set-based on the owner connection. */
async function addTenantsUnderResellerOne(url: string): Promise<void> {
  const reseller = seededBusinessUnit('reseller-one');
  const { db, close } = await createDatabase({ url, maxConnections: 1 });
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into business_units (id, parent_id, name, kind, path)
        select id, ${reseller.id}::uuid, 'Bench region ' || n, 'region',
               (select path from business_units where id = ${reseller.id}::uuid) || text2ltree(replace(id::text, '-', ''))
        from (select gen_random_uuid() as id, n from generate_series(1, ${EXTRA_UNITS}) as n) as fresh`);
      await tx.execute(sql`
        insert into tenants (business_unit_id, product_id, name, type, lifecycle_status, bu_path)
        select u.id, p.id, 'Bench tenant ' || lpad(n::text, 6, '0'), 'test', 'live', u.path
        from generate_series(1, ${EXTRA_TENANTS}) as n
        join business_units as u on u.name = 'Bench region ' || (1 + n % ${EXTRA_UNITS})
        cross join (select id from products order by name limit 1) as p`);
    });
    await db.execute(sql`analyze`);
  } finally {
    await close();
  }
}
