import { z } from '@hono/zod-openapi';
import { singleLineText } from './text.js';
import { ValidationSchema } from './validation.js';

/**
 * Solution profiles (a versioned JSON document per tenant), extensions and transports of both
 * between tenants of one customer. Paths inside a document are JSON Pointers (RFC 6901,
 * `/mail/retryCount`); arrays are values, replaced as a whole.
 */

/** A JSON document as it crosses the border; the product's profile schema says what it may hold. */
export const ProfileDocumentSchema = z
  .record(z.string(), z.unknown())
  .openapi('ProfileDocument', { description: 'A JSON object; validated against the product’s profile schema' });
export type ProfileDocument = z.infer<typeof ProfileDocumentSchema>;

/** A JSON Pointer (RFC 6901) into a profile document; `''` is the whole document. */
export const JsonPointerSchema = z
  .string()
  .max(2000)
  .regex(/^(\/[^/]*)*$/, 'A JSON Pointer: "" or "/a/b"')
  .openapi({ example: '/mail/retryCount' });

const versionNumber = z.number().int().min(1).max(1_000_000_000);

/** A product version such as 2.4.0: up to three dot-separated numbers. */
export const ProductVersionSchema = z
  .string()
  .regex(/^\d{1,6}(\.\d{1,6}){0,2}$/, 'Up to three dot-separated numbers, e.g. 2.4.0')
  .openapi({ example: '2.4.0' });

const extensionName = singleLineText(1, 100).regex(/^[a-z0-9][a-z0-9._-]*$/, 'Lower-case letters, digits, . _ -');

export const TransportProfileSchema = z
  .strictObject({
    mode: z.enum(['full', 'delta']).openapi({
      description:
        '`full`: the target’s profile becomes the source’s; `delta`: only the source’s changes since the baseline',
    }),
    baselineVersion: versionNumber.optional().openapi({
      description:
        'Delta only: the source version the changes are counted from. Omitted: the source version of the last ' +
        'completed transport from this source into this target.',
    }),
    resolutions: z
      .record(JsonPointerSchema, z.enum(['source', 'target']))
      .optional()
      .openapi({ description: 'Per conflict (its pointer): take the source’s value or keep the target’s' }),
  })
  .openapi('TransportProfile');

export const TransportExtensionSchema = z
  .strictObject({ name: extensionName, version: ProductVersionSchema })
  .openapi('TransportExtension');

export const TransportDraftSchema = z
  .strictObject({
    kind: z.literal('transport'),
    sourceTenantId: z.uuid(),
    targetTenantId: z.uuid(),
    profile: TransportProfileSchema.optional(),
    extensions: z.array(TransportExtensionSchema).min(1).max(50).optional(),
  })
  .refine((draft) => draft.profile !== undefined || draft.extensions !== undefined, {
    message: 'Transport a profile, extensions or both',
    path: ['profile'],
  })
  .openapi('TransportDraft');
export type TransportDraft = z.infer<typeof TransportDraftSchema>;

export const ProfileRestoreDraftSchema = z
  .strictObject({ kind: z.literal('profile-restore'), tenantId: z.uuid(), version: versionNumber })
  .openapi('ProfileRestoreDraft');
export type ProfileRestoreDraft = z.infer<typeof ProfileRestoreDraftSchema>;

export const ProfileChangeSchema = z
  .object({
    pointer: JsonPointerSchema,
    path: z.array(z.string()),
    op: z.enum(['added', 'changed', 'removed']),
    old: z.unknown().optional().openapi({ description: 'The value before (absent when added)' }),
    new: z.unknown().optional().openapi({ description: 'The value after (absent when removed)' }),
  })
  .openapi('ProfileChange');
export type ProfileChange = z.infer<typeof ProfileChangeSchema>;

export const ProfileConflictSchema = z
  .object({
    pointer: JsonPointerSchema,
    path: z.array(z.string()),
    base: z.unknown().optional().openapi({ description: 'The baseline’s value (absent: the baseline had none)' }),
    source: z.unknown().optional().openapi({ description: 'The source’s value now (absent: removed)' }),
    target: z.unknown().optional().openapi({ description: 'The target’s value now (absent: removed)' }),
    resolution: z.enum(['source', 'target']).nullable(),
  })
  .openapi('ProfileConflict');

export const ExtensionPlanItemSchema = z
  .object({
    name: z.string(),
    action: z.enum(['install', 'upgrade', 'keep']),
    fromVersion: z.string().nullable(),
    toVersion: z.string(),
  })
  .openapi('ExtensionPlanItem');

const TenantSide = z.object({
  tenantId: z.uuid(),
  name: z.string(),
  type: z.string(),
  productVersion: z.string(),
  profileVersion: z.number().int().openapi({ description: 'The current version (0: no profile yet)' }),
});

export const TransportPreviewSchema = z
  .object({
    allowed: z.boolean().openapi({ description: 'A submit of this draft would be accepted now' }),
    source: TenantSide,
    target: TenantSide,
    profile: z
      .object({
        mode: z.enum(['full', 'delta']),
        baselineVersion: z.number().int().nullable().openapi({ description: 'The source version counted from' }),
        resultVersion: z.number().int().openapi({ description: 'The version the target gets' }),
        changes: z.array(ProfileChangeSchema).openapi({ description: 'Exactly what changes in the target' }),
        overwrites: z.array(ProfileChangeSchema).openapi({
          description: 'The changes that replace or remove a value the target has now',
        }),
        conflicts: z.array(ProfileConflictSchema),
      })
      .nullable(),
    extensions: z.array(ExtensionPlanItemSchema).nullable(),
    approvalRequired: z.object({ value: z.boolean(), reason: z.string() }),
    validations: z.array(ValidationSchema),
  })
  .openapi('TransportPreview');
export type TransportPreview = z.infer<typeof TransportPreviewSchema>;

export const ProfileVersionSummarySchema = z
  .object({
    version: z.number().int(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    createdByRequestId: z.uuid().nullable(),
  })
  .openapi('ProfileVersionSummary');

export const SolutionProfileSchema = z
  .object({
    tenantId: z.uuid(),
    version: z.number().int().openapi({ description: 'The current version (0: no profile yet)' }),
    document: ProfileDocumentSchema,
    versions: z.array(ProfileVersionSummarySchema).openapi({ description: 'Newest first' }),
  })
  .openapi('SolutionProfile');

export const ProfileVersionSchema = z
  .object({ tenantId: z.uuid(), version: z.number().int(), document: ProfileDocumentSchema })
  .openapi('ProfileVersion');

export const ProfileVersionParams = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000_000)
    .openapi({ param: { name: 'version', in: 'path' } }),
});

export const NewProfileVersionBody = z
  .strictObject({
    basedOnVersion: z.number().int().min(0).max(1_000_000_000).openapi({
      description: 'The version the edit started from; another version in between is a 409',
    }),
    document: ProfileDocumentSchema,
  })
  .openapi('NewProfileVersion');

export const InstalledExtensionSchema = z
  .object({ name: z.string(), version: z.string() })
  .openapi('InstalledExtension');

export const CatalogueExtensionSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    minProductVersion: z.string(),
    maxProductVersion: z.string().nullable().openapi({ description: 'Exclusive; null: no upper bound' }),
    dependsOn: z.array(z.object({ name: z.string(), minVersion: z.string() })),
  })
  .openapi('CatalogueExtension');

export const TenantExtensionsSchema = z
  .object({
    tenantId: z.uuid(),
    productVersion: z.string(),
    installed: z.array(InstalledExtensionSchema),
    catalogue: z.array(CatalogueExtensionSchema).openapi({ description: 'Every extension version of the product' }),
  })
  .openapi('TenantExtensions');
