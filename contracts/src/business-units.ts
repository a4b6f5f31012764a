import { z } from '@hono/zod-openapi';
import { AA_CONTRAST, contrastRatio, MIN_CONTRAST } from './contrast.js';
import { base64ByteLength, fromBase64, LOGO_CONTENT_TYPES, MAX_LOGO_BYTES, sniffLogoType } from './images.js';
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
  q: singleLineText(1, 200)
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

const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'A colour like #1a2b3c')
  .openapi({ example: '#c2410c' });

/** The text colour on `primary` when a palette names none: the widget's default. */
export const DEFAULT_ON_PRIMARY = '#ffffff';

export const BrandPaletteSchema = z
  .strictObject({
    primary: colour.openapi({ description: 'Buttons, selection, the logo tile' }),
    onPrimary: colour.optional().openapi({ description: `Text on primary; default ${DEFAULT_ON_PRIMARY}` }),
    accent: colour.optional(),
    surface: colour.optional().openapi({ description: 'Background' }),
    text: colour.optional(),
  })
  .openapi('BrandPalette');

export type BrandPalette = z.infer<typeof BrandPaletteSchema>;

/*
 * A CSS font stack: family names, quoted or plain words, separated by commas. Nothing else may
 * reach the `font-family` the widget writes: no url(, no ; { } to end the declaration, no
 * backslash escapes, no control characters.
 */
const FAMILY = String.raw`(?:"[^"'\\;{}()\p{Cc}]+"|'[^"'\\;{}()\p{Cc}]+'|[\p{L}\p{N}_-]+(?: +[\p{L}\p{N}_-]+)*)`;
const FONT_STACK = new RegExp(`^ *${FAMILY} *(?:, *${FAMILY} *)*$`, 'u');

const brandFields = {
  displayName: singleLineText(1, 100).optional().openapi({ description: 'Shown instead of the product name' }),
  fontStack: z
    .string()
    .max(300)
    .regex(FONT_STACK, 'Family names separated by commas, quoted or plain; no url(, ;, {, } or backslash')
    .optional()
    .openapi({ example: "Inter, 'Segoe UI', sans-serif" }),
  radius: z.number().int().min(0).max(32).optional().openapi({ description: 'Corner radius in px, 0 to 32' }),
  light: BrandPaletteSchema.optional(),
  dark: BrandPaletteSchema.optional(),
};

export const BrandLogoSchema = z
  .object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    contentType: z.enum(LOGO_CONTENT_TYPES).openapi({ description: 'Told from the bytes, never from the uploader' }),
    byteSize: z.number().int(),
  })
  .openapi('BrandLogo');

export const BrandSchema = z.strictObject({ ...brandFields, logo: BrandLogoSchema.optional() }).openapi('Brand');

export type Brand = z.infer<typeof BrandSchema>;

const logoData = z
  .base64({ error: 'Standard base64 without a data: prefix', abort: true })
  .superRefine((data, ctx) => {
    if (base64ByteLength(data) > MAX_LOGO_BYTES) {
      ctx.addIssue({ code: 'custom', message: `At most ${MAX_LOGO_BYTES / 1024} KiB`, input: data });
    } else if (!sniffLogoType(fromBase64(data.slice(0, 16)))) {
      ctx.addIssue({
        code: 'custom',
        message: 'Not a PNG, JPEG, WebP or GIF image (SVG is not accepted: it can carry script)',
        input: data,
      });
    }
  })
  .openapi({ description: `The image, at most ${MAX_LOGO_BYTES / 1024} KiB: PNG, JPEG, WebP or GIF` });

const LogoInputSchema = z
  .strictObject({
    data: logoData.optional(),
    sha256: BrandLogoSchema.shape.sha256.optional().openapi({ description: 'Keep the unit’s current logo' }),
  })
  .refine((logo) => (logo.data === undefined) !== (logo.sha256 === undefined), {
    message: 'Give either data (a new logo) or sha256 (keep the current one)',
  })
  .openapi('BrandLogoInput');

/** A contrast the brand sets, named by its field (`light.primary`: text on the light primary). */
export interface BrandContrast {
  field: string;
  ratio: number;
}

/** Text on primary, and text on the surface where the palette sets both. */
export function brandContrasts(brand: Pick<Brand, 'light' | 'dark'>): BrandContrast[] {
  return (['light', 'dark'] as const).flatMap((variant) => {
    const palette = brand[variant];
    if (!palette) return [];
    const onPrimary = {
      field: `${variant}.primary`,
      ratio: contrastRatio(palette.onPrimary ?? DEFAULT_ON_PRIMARY, palette.primary),
    };
    return palette.text && palette.surface
      ? [onPrimary, { field: `${variant}.text`, ratio: contrastRatio(palette.text, palette.surface) }]
      : [onPrimary];
  });
}

const ratioText = (ratio: number) => `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;

export const BrandInputSchema = z
  .strictObject({ ...brandFields, logo: LogoInputSchema.optional() })
  .superRefine((brand, ctx) => {
    for (const { field, ratio } of brandContrasts(brand)) {
      if (ratio < MIN_CONTRAST) {
        ctx.addIssue({
          code: 'custom',
          path: field.split('.'),
          message: `Text contrast ${ratioText(ratio)} is below ${MIN_CONTRAST}:1`,
          input: brand,
        });
      }
    }
  })
  .openapi('BrandInput');

export type BrandInput = z.infer<typeof BrandInputSchema>;

export const BrandWarningSchema = z
  .object({ field: z.string(), ratio: z.number(), message: z.string() })
  .openapi('BrandWarning');

/** Contrasts a brand may have but should not: at least 3:1, below WCAG AA's 4.5:1. */
export function brandWarnings(brand: Pick<Brand, 'light' | 'dark'> | null): z.infer<typeof BrandWarningSchema>[] {
  if (!brand) return [];
  return brandContrasts(brand)
    .filter(({ ratio }) => ratio >= MIN_CONTRAST && ratio < AA_CONTRAST)
    .map(({ field, ratio }) => ({
      field,
      ratio,
      message: `Text contrast ${ratioText(ratio)} is below WCAG AA (${AA_CONTRAST}:1)`,
    }));
}

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
  .object({
    // A union, not .nullable(): that documents the reference as `allOf` with a null, which
    // generated types read as `Brand & (Record<string, never> | null)`.
    own: z.union([BrandSchema, z.null()]).openapi({ description: 'null: the unit has no brand of its own' }),
    effective: EffectiveBrandSchema,
    warnings: z.array(BrandWarningSchema).openapi({ description: 'Contrasts of the own brand below WCAG AA' }),
  })
  .openapi('BusinessUnitBrand');

export const PutBrandBody = z.strictObject({ brand: BrandInputSchema.nullable() }).openapi('PutBusinessUnitBrand');
