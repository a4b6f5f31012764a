import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import {
  type Brand,
  type BrandInput,
  BusinessUnitBrandSchema,
  BusinessUnitIdParams,
  brandWarnings,
  type EffectiveBrand,
  PutBrandBody,
} from '@scc/contracts/business-units';
import { LOGO_CONTENT_TYPES, sniffLogoType } from '@scc/contracts/images';
import { ProblemError, problemResponses } from '@scc/contracts/problem';
import { riskyChangeProblemResponses } from '@scc/contracts/step-up';
import { brandLogos, businessUnits, type Database, executeRows, type Transaction, withScope } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import type { Clock } from '../operations/clock.js';
import { requireRole } from '../scope/authorize.js';
import type { Caller, CockpitEnv } from '../scope/caller.js';
import { requireStepUp } from '../step-up/require-step-up.js';
import { type LockedBusinessUnit, lockBusinessUnit } from './queries.js';

/**
 * The brand a unit of the subtree shows: its own or its nearest ancestor's, also above the
 * caller's unit (ancestors share their brand on purpose), through `scc_effective_brand`.
 */
export async function effectiveBrand(tx: Transaction, unitId: string): Promise<EffectiveBrand> {
  const [row] = await executeRows<{ source_business_unit_id: string | null; source_name: string | null; brand: Brand }>(
    tx,
    sql`select source_business_unit_id, source_name, brand from scc_effective_brand(${unitId}::uuid)`,
  );
  return row ? { sourceBusinessUnitId: row.source_business_unit_id, name: row.source_name, brand: row.brand } : null;
}

async function brandOf(tx: Transaction, caller: Caller, id: string, mode: 'share' | 'update' = 'share') {
  const unit = await lockBusinessUnit(tx, caller, id, mode);
  if (!unit) throw ProblemError.of('notFound');
  const [row] = await tx.select({ brand: businessUnits.brand }).from(businessUnits).where(eq(businessUnits.id, id));
  return { unit, own: row?.brand ?? null };
}

const refuseLogo = (field: string, message: string) =>
  ProblemError.of('validation', `Invalid ${field}`, [{ field, message }]);

/**
 * Stores the logo a brand names and answers what the brand keeps of it. A kept logo must be the
 * unit's current one; a new one is typed from its bytes (the contract checked the first of them,
 * this checks what is stored) and replaces it. Without a logo the unit's stored one goes.
 */
async function storeLogo(
  tx: Transaction,
  unit: LockedBusinessUnit,
  own: Brand | null,
  logo: BrandInput['logo'],
): Promise<Brand['logo']> {
  if (logo?.sha256 !== undefined) {
    if (logo.sha256 !== own?.logo?.sha256) {
      throw refuseLogo('body.brand.logo.sha256', 'Not this unit’s current logo: upload it as data');
    }
    return own.logo;
  }
  if (logo?.data === undefined) {
    await tx.delete(brandLogos).where(eq(brandLogos.businessUnitId, unit.id));
    return undefined;
  }
  const bytes = new Uint8Array(Buffer.from(logo.data, 'base64'));
  const contentType = sniffLogoType(bytes);
  if (!contentType) throw refuseLogo('body.brand.logo.data', 'Not a PNG, JPEG, WebP or GIF image');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const row = { buPath: unit.path, contentType, sha256, bytes, createdAt: sql`now()` };
  await tx
    .insert(brandLogos)
    .values({ businessUnitId: unit.id, ...row })
    .onConflictDoUpdate({ target: brandLogos.businessUnitId, set: row });
  return { sha256, contentType, byteSize: bytes.byteLength };
}

const getRoute = createRoute({
  method: 'get',
  path: '/{id}/brand',
  tags: ['Business units'],
  summary: 'A unit’s own brand and the brand it shows (its own or the nearest ancestor’s)',
  request: { params: BusinessUnitIdParams },
  responses: {
    200: jsonContent(BusinessUnitBrandSchema, 'The brand'),
    ...problemResponses,
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/{id}/brand',
  tags: ['Business units'],
  summary: 'Set or clear a unit’s own brand (admin on the unit); descendants without one inherit it',
  description:
    'Text on primary below 3:1 is refused naming the colour; below 4.5:1 it is kept with a warning. A refused ' +
    'brand changes nothing, the logo included.',
  request: {
    params: BusinessUnitIdParams,
    body: jsonBody(PutBrandBody),
  },
  responses: {
    200: jsonContent(BusinessUnitBrandSchema, 'The brand'),
    ...riskyChangeProblemResponses,
  },
});

const logoRoute = createRoute({
  method: 'get',
  path: '/{id}/brand/logo',
  tags: ['Business units'],
  summary: 'The logo of the brand a unit shows (its own or the nearest ancestor’s)',
  request: { params: BusinessUnitIdParams },
  responses: {
    200: {
      description: 'The image; its type told from the bytes when it was stored',
      headers: z.object({ ETag: z.string().openapi({ description: 'The sha256 of the image, quoted' }) }),
      content: Object.fromEntries(
        LOGO_CONTENT_TYPES.map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }]),
      ),
    },
    ...problemResponses,
  },
});

export function brandRoutes(db: Database, clock: Clock) {
  return createRouter<CockpitEnv>()
    .openapi(getRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const body = await withScope(db, caller, async (tx) => {
        const { own } = await brandOf(tx, caller, id);
        return { own, effective: await effectiveBrand(tx, id), warnings: brandWarnings(own) };
      });
      return c.json(body, 200);
    })
    .openapi(putRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const { brand } = c.req.valid('json');
      const body = await withScope(db, caller, async (tx) => {
        const { unit, own } = await brandOf(tx, caller, id, 'update');
        await requireRole(tx, caller, unit.path, 'admin');
        await requireStepUp(tx, clock, unit.path, caller);
        const given = brand && Object.keys(brand).length > 0 ? brand : null;
        const logo = await storeLogo(tx, unit, own, given?.logo);
        const next: Brand | null = given ? { ...given, logo } : null;
        await tx.update(businessUnits).set({ brand: next, updatedAt: sql`now()` }).where(eq(businessUnits.id, id));
        await recordAudit(tx, caller, {
          action: 'business-unit.updated',
          entityType: 'business-unit',
          entityId: id,
          businessUnit: { id, path: unit.path },
          before: { brand: own },
          after: { brand: next },
        });
        return { own: next, effective: await effectiveBrand(tx, id), warnings: brandWarnings(next) };
      });
      return c.json(body, 200);
    })
    .openapi(logoRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const logo = await withScope(db, caller, async (tx) => {
        const { unit } = await brandOf(tx, caller, id);
        const sha256 = (await effectiveBrand(tx, id))?.brand.logo?.sha256;
        if (!sha256) return undefined;
        // The unit or an ancestor: the source of the brand it shows, possibly above the caller's unit.
        const [row] = await tx
          .select({ contentType: brandLogos.contentType, bytes: brandLogos.bytes })
          .from(brandLogos)
          .where(and(eq(brandLogos.sha256, sha256), sql`${brandLogos.buPath} @> ${unit.path}::ltree`))
          .orderBy(desc(sql`nlevel(${brandLogos.buPath})`))
          .limit(1);
        return row && { ...row, sha256 };
      });
      if (!logo) throw ProblemError.of('notFound', 'The brand this unit shows has no logo');
      return c.body(new Uint8Array(logo.bytes), 200, {
        'content-type': logo.contentType,
        etag: `"${logo.sha256}"`,
      });
    });
}
