import { z } from '@hono/zod-openapi';
import { cursorParam, limitParam } from './pagination.js';
import { singleLineText } from './text.js';

export const BusinessUnitRefSchema = z.object({ id: z.uuid(), name: z.string() }).openapi('BusinessUnitRef');

export const BusinessUnitSchema = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable().openapi({ description: 'null for the caller’s own business unit' }),
    name: z.string(),
    kind: z.string().openapi({ example: 'customer' }),
    depth: z.number().int().openapi({ description: 'Levels below the caller’s own business unit' }),
    childCount: z.number().int().openapi({ description: 'Direct children' }),
    ancestors: z.array(BusinessUnitRefSchema).optional().openapi({
      description: 'Only in search results: from the caller’s own unit down to the parent, the unit itself excluded',
    }),
  })
  .openapi('BusinessUnit');

export type BusinessUnit = z.infer<typeof BusinessUnitSchema>;

export const BusinessUnitPageSchema = z
  .object({ items: z.array(BusinessUnitSchema), nextCursor: z.string().nullable() })
  .openapi('BusinessUnitPage');

/** Names are trimmed; what is left must be 1 to 200 characters. */
export const businessUnitName = singleLineText(1, 200);
const kind = singleLineText(0, 50).openapi({ description: 'Free label: reseller, customer, region …' });

export const ListBusinessUnitsQuery = z.strictObject({
  parentId: z
    .uuid()
    .optional()
    .openapi({
      param: { name: 'parentId', in: 'query' },
      description: 'Only the direct children of this unit, sorted by name (with `q`: search below this unit)',
    }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({
      param: { name: 'q', in: 'query' },
      description: 'Case-insensitive name search in the subtree, sorted by name, at most 100 per page',
    }),
  limit: limitParam,
  cursor: cursorParam,
});

export const BusinessUnitIdParams = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const CreateBusinessUnitBody = z
  .strictObject({ parentId: z.uuid(), name: businessUnitName, kind: kind.optional() })
  .openapi('CreateBusinessUnit');

export const UpdateBusinessUnitBody = z
  .strictObject({ name: businessUnitName.optional(), kind: kind.optional() })
  .refine((body) => body.name !== undefined || body.kind !== undefined, { message: 'Give a name or a kind' })
  .openapi('UpdateBusinessUnit');

export const BreadcrumbsSchema = z
  .object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })) })
  .openapi('BusinessUnitAncestors');

export const BrandSchema = z
  .strictObject({
    displayName: singleLineText(1, 100).optional(),
    primaryColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'A colour like #1a2b3c')
      .optional(),
    logoUrl: z
      .url({ protocol: /^https$/ })
      .max(2000)
      .optional(),
  })
  .openapi('Brand');

export const EffectiveBrandSchema = z
  .object({
    sourceBusinessUnitId: z
      .uuid()
      .nullable()
      .openapi({ description: 'null when the source lies above the caller’s unit' }),
    name: z.string().nullable().openapi({ description: 'Name of the source unit; null above the caller’s unit' }),
    brand: BrandSchema,
  })
  .nullable()
  .openapi('EffectiveBrand');

export type EffectiveBrand = z.infer<typeof EffectiveBrandSchema>;

export const BusinessUnitBrandSchema = z
  .object({ own: BrandSchema.nullable(), effective: EffectiveBrandSchema })
  .openapi('BusinessUnitBrand');

export const PutBrandBody = z.strictObject({ brand: BrandSchema.nullable() }).openapi('PutBusinessUnitBrand');
