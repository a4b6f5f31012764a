import { serve } from '@hono/node-server';
import { hiddenLifecycleStatuses, TENANT_COUNT_CAP } from '@scc/contracts/tenants';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import postgres from 'postgres';

/**
 * The floor of `pnpm bench load`: bare Hono and one postgres.js pool doing the database work of
 * each request kind the product answers, and nothing else — no tokens, no scope resolution, no
 * row-level security, no second hop. What the product does beyond this is its own cost, so the
 * ratio of the two is the figure of record (BENCHMARKS.md).
 *
 * Started as its own process (`node --import tsx floor-server.ts`), so it shares no event loop with
 * the load generator; it prints `floor listening on <url>`.
 */
const url = process.env.FLOOR_DATABASE_URL;
if (!url) throw new Error('FLOOR_DATABASE_URL is required');
const sql = postgres(url, { max: 10, onnotice: () => {} });
const hidden = [...hiddenLifecycleStatuses];

const app = new Hono()
  // The tenant page: the capped count and the first 50 by name of a subtree, with unit and product names.
  .get('/tenants', async (c) => {
    const scope = c.req.query('scope') ?? '';
    const rows = await sql`
      with counted as (
        select count(*)::int as n from (
          select 1 from tenants where bu_path <@ ${scope}::ltree
            and lifecycle_status::text <> all(${hidden}) limit ${TENANT_COUNT_CAP + 1}) m)
      select t.id, t.name, t.type, t.lifecycle_status as "lifecycleStatus",
        t.operational_status as "operationalStatus", t.business_unit_id as "businessUnitId",
        bu.name as "businessUnitName", t.product_id as "productId", p.name as "productName",
        to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
        to_char(t.retained_until at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "retainedUntil",
        (select n from counted) as total
      from tenants t
      join business_units bu on bu.id = t.business_unit_id
      join products p on p.id = t.product_id
      where t.bu_path <@ ${scope}::ltree and t.lifecycle_status::text <> all(${hidden})
      order by t.name, t.id limit 51`;
    const total = rows[0]?.total ?? 0;
    return c.json({
      items: rows.slice(0, 50).map(({ total: _total, ...tenant }) => tenant),
      nextCursor: null,
      total: Math.min(total, TENANT_COUNT_CAP),
      totalCapped: total > TENANT_COUNT_CAP,
    });
  })
  // One tree level: the children of a unit by name, each with its child count.
  .get('/business-units', async (c) => {
    const parent = c.req.query('parentId') ?? '';
    const rows = await sql`
      select id, parent_id as "parentId", name, kind, nlevel(path) as depth,
        (select count(*)::int from business_units c where c.parent_id = b.id) as "childCount"
      from business_units b where parent_id = ${parent}::uuid order by name, id limit 201`;
    return c.json({ items: rows.slice(0, 200), nextCursor: null });
  })
  // A dry-run's facts: the unit, the product and its rules, and the unit's live tenants of that product.
  .post('/dry-run', async (c) => {
    const draft = await c.req.json<{ businessUnitId: string; productId: string }>();
    const [facts] = await sql`
      select bu.id, bu.name, bu.path::text as path, p.rules, p.tenant_types as "tenantTypes",
        (select count(*)::int from tenants t where t.business_unit_id = bu.id and t.product_id = p.id
          and t.lifecycle_status::text <> all(${hidden})) as "liveTenants"
      from business_units bu, products p where bu.id = ${draft.businessUnitId}::uuid and p.id = ${draft.productId}::uuid`;
    return c.json({ validations: [], determinations: {}, facts: facts ?? null });
  })
  // The live feed's handshake: an event stream that says it is connected and stays open.
  .get('/events', (c) =>
    streamSSE(c, async (stream) => {
      await stream.write(': connected\n\n');
      await new Promise<void>((resolve) => stream.onAbort(resolve));
    }),
  );

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  console.log(`floor listening on http://127.0.0.1:${info.port}`),
);
process.once('SIGTERM', () => server.close(() => sql.end({ timeout: 1 }).then(() => process.exit(0))));
