import { z } from '@hono/zod-openapi';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'A hex SHA-256 digest');
const instant = z.string().openapi({ format: 'date-time' });

/** A host API key as its host sees it: never the key, never its hash. */
export const HostApiKeySchema = z
  .object({
    id: z.uuid(),
    createdAt: instant,
    expiresAt: instant.nullable(),
    lastUsedAt: instant.nullable().openapi({ description: 'To the minute' }),
    revokedAt: instant.nullable(),
  })
  .openapi('HostApiKey');
export type HostApiKey = z.infer<typeof HostApiKeySchema>;

export const HostApiKeyListSchema = z.object({ items: z.array(HostApiKeySchema) }).openapi('HostApiKeyList');

/** The key is made by whoever hands it out (the admin CLI); the cockpit only ever sees its hash. */
export const CreateHostApiKeyBody = z
  .strictObject({
    hash: sha256Hex,
    expiresInSeconds: z
      .number()
      .int()
      .min(60)
      .max(5 * 366 * 24 * 3600)
      .optional(),
    rotation: z
      .strictObject({
        overlapSeconds: z
          .number()
          .int()
          .min(0)
          .max(90 * 24 * 3600),
      })
      .optional()
      .openapi({ description: 'Every other live key of the host expires after this overlap at the latest' }),
  })
  .openapi('CreateHostApiKeyBody');

export const VerifyHostApiKeyBody = z.strictObject({ hash: sha256Hex }).openapi('VerifyHostApiKeyBody');

export const VerifiedHostApiKeySchema = z
  .object({ id: z.uuid(), expiresAt: instant.nullable() })
  .openapi('VerifiedHostApiKey');
