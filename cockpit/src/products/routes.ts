import { createRoute, z } from '@hono/zod-openapi';
import { ProductRulesSchema } from '@scc/contracts/operations';
import { ProblemError, problemContent, problemResponses } from '@scc/contracts/problem';
import { ProductIdParams, ProductSchema } from '@scc/contracts/products';
import { type Database, products, withScope } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import { productRules, storedRules } from '../operations/product-rules.js';
import { holdsRole } from '../operations/rules.js';
import type { CockpitEnv } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Products'],
  summary: 'Products of the caller’s subtree and those its ancestors share',
  responses: {
    200: jsonContent(z.object({ items: z.array(ProductSchema) }), 'Products'),
    ...problemResponses,
  },
});

const getRulesRoute = createRoute({
  method: 'get',
  path: '/{id}/rules',
  tags: ['Products'],
  summary: 'The product’s operation rules, defaults filled in',
  request: { params: ProductIdParams },
  responses: {
    200: jsonContent(ProductRulesSchema, 'Rules'),
    ...problemResponses,
  },
});

const putRulesRoute = createRoute({
  method: 'put',
  path: '/{id}/rules',
  tags: ['Products'],
  summary: 'Replace the product’s rules (admin on the product’s owner unit); omitted rules take their defaults',
  request: {
    params: ProductIdParams,
    body: jsonBody(ProductRulesSchema),
  },
  responses: {
    200: jsonContent(ProductRulesSchema, 'The stored rules'),
    403: problemContent('Not an admin of the owner unit'),
    ...problemResponses,
  },
});

const columns = {
  id: products.id,
  code: products.code,
  name: products.name,
  tenantTypes: products.tenantTypes,
  ownerBusinessUnitId: products.ownerBusinessUnitId,
  rules: products.rules,
};

export function productRoutes(db: Database) {
  return createRouter<CockpitEnv>()
    .openapi(listRoute, async (c) => {
      const caller = c.get('caller');
      const rows = await withScope(
        db,
        caller,
        (tx) =>
          tx
            .select({ ...columns, own: inScope(products.buPath, caller) })
            .from(products)
            .where(or(inScope(products.buPath, caller), sql`${products.buPath} @> ${caller.scopePath}::ltree`))
            .orderBy(asc(products.name), asc(products.id)),
        { readOnly: true },
      );
      return c.json({ items: rows.map(({ rules: _rules, ...product }) => product) }, 200);
    })
    .openapi(getRulesRoute, async (c) => {
      const caller = c.get('caller');
      const [row] = await withScope(
        db,
        caller,
        (tx) =>
          tx
            .select(columns)
            .from(products)
            .where(eq(products.id, c.req.valid('param').id)),
        { readOnly: true },
      );
      if (!row) throw ProblemError.of('notFound');
      return c.json(productRules(row.rules, row.tenantTypes), 200);
    })
    .openapi(putRulesRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const rules = c.req.valid('json');
      const row = await withScope(db, caller, async (tx) => {
        const [current] = await tx
          .select({ own: inScope(products.buPath, caller) })
          .from(products)
          .where(eq(products.id, id));
        if (!current) throw ProblemError.of('notFound');
        if (!current.own || !holdsRole(caller.roles, 'admin')) {
          throw ProblemError.of('forbidden', 'Only an admin of the product’s owner unit may change its rules');
        }
        const [updated] = await tx
          .update(products)
          .set({ tenantTypes: rules.tenantTypes, rules: storedRules(rules) })
          .where(and(eq(products.id, id), inScope(products.buPath, caller)))
          .returning(columns);
        return updated;
      });
      if (!row) throw ProblemError.of('notFound');
      return c.json(productRules(row.rules, row.tenantTypes), 200);
    });
}
