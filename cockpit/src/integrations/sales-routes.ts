import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { ProblemError, problemResponses } from '@scc/contracts/problem';
import { ContractSchema, SalesContractSchema } from '@scc/contracts/sales';
import { businessUnits, contracts, type Database, executeRows, products } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { eq, sql } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';

const upsertRoute = createRoute({
  method: 'put',
  path: '/contracts/{externalRef}',
  tags: ['Sales integration'],
  summary: 'Create or replace a contract, keyed by the sales system’s own reference',
  security: [{ salesApiKey: [] }],
  request: {
    params: z.strictObject({
      externalRef: z
        .string()
        .min(1)
        .max(100)
        .regex(/^[A-Za-z0-9._-]+$/)
        .openapi({ param: { name: 'externalRef', in: 'path' } }),
    }),
    body: jsonBody(SalesContractSchema),
  },
  responses: {
    200: jsonContent(ContractSchema, 'Replaced'),
    201: jsonContent(ContractSchema, 'Created'),
    ...problemResponses,
  },
});

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The sales system is a machine with one shared bearer key; no user, no scope. Without a key configured nothing gets in. */
export function requireSalesKey(apiKey: string | undefined) {
  const expected = apiKey ? digest(apiKey) : undefined;
  return createMiddleware(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!expected || !token || !timingSafeEqual(digest(token), expected)) throw ProblemError.of('unauthorized');
    await next();
  });
}

/**
 * The tenant data collector's inbound side: the sales system replicates contracts here. It
 * writes as the owner (the sales system is trusted for every unit), keyed by its own ids.
 */
export function salesIntegrationRoutes(systemDb: Database, apiKey: string | undefined) {
  const app = createRouter();
  app.use('*', requireSalesKey(apiKey));
  return app.openapi(upsertRoute, async (c) => {
    const { externalRef } = c.req.valid('param');
    const body = c.req.valid('json');
    const [unit] = await systemDb
      .select({ id: businessUnits.id, path: businessUnits.path })
      .from(businessUnits)
      .where(eq(businessUnits.id, body.businessUnitId));
    if (!unit)
      throw ProblemError.of('notFound', undefined, [
        { field: 'body.businessUnitId', message: 'No such business unit' },
      ]);
    const [product] = await systemDb
      .select({ id: products.id })
      .from(products)
      .where(eq(products.code, body.productCode));
    if (!product)
      throw ProblemError.of('notFound', undefined, [{ field: 'body.productCode', message: 'No such product' }]);
    const values = {
      externalRef,
      businessUnitId: unit.id,
      productId: product.id,
      sla: body.sla,
      options: body.options,
      startsOn: body.startsOn,
      endsOn: body.endsOn ?? null,
      buPath: unit.path,
    };
    const [row] = await executeRows<{ id: string; inserted: boolean }>(
      systemDb,
      sql`insert into ${contracts} (external_ref, business_unit_id, product_id, sla, options, starts_on, ends_on, bu_path)
        values (${values.externalRef}, ${values.businessUnitId}, ${values.productId}, ${values.sla},
          ${JSON.stringify(values.options)}::jsonb, ${values.startsOn}, ${values.endsOn}, ${values.buPath}::ltree)
        on conflict (external_ref) do update set business_unit_id = excluded.business_unit_id,
          product_id = excluded.product_id, sla = excluded.sla, options = excluded.options,
          starts_on = excluded.starts_on, ends_on = excluded.ends_on, bu_path = excluded.bu_path
        returning id, (xmax = 0) as inserted`,
    );
    if (!row) throw new Error('upsert returned no row');
    const { buPath: _buPath, ...contract } = values;
    return c.json({ id: row.id, ...contract }, row.inserted ? 201 : 200);
  });
}
