import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The only reader of `process.env` in the cockpit. */
const EnvSchema = z
  .object({
    /**
     * The runtime connection. On a server this should be a restricted login that is only a member
     * of `scc_app` (see ARCHITECTURE.md, "Isolation layers"); unset selects PGlite.
     */
    DATABASE_URL: z.string().url().optional(),
    /** Owner connection for migrations; unset means DATABASE_URL migrates too (it must be the owner then). */
    DATABASE_MIGRATION_URL: z.string().url().optional(),
    SCC_DATA_DIR: z.string().default('.data/pglite'),
    COCKPIT_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
    COCKPIT_HOST: z.string().default('127.0.0.1'),
    /** JWKS (JSON text) or a path to a JWKS file: the public keys of the services allowed to call. */
    SCC_SERVICE_PUBLIC_KEYS: z.string().min(1),
  })
  .refine((env) => !env.DATABASE_MIGRATION_URL || env.DATABASE_URL, {
    path: ['DATABASE_MIGRATION_URL'],
    message: 'needs DATABASE_URL as well (PGlite has no separate owner connection)',
  });

export type CockpitEnvironment = z.infer<typeof EnvSchema> & { trustedServiceKeys: { keys: object[] } };

export function readEnv(source: NodeJS.ProcessEnv = process.env): CockpitEnvironment {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid cockpit configuration: ${fields}`);
  }
  const raw = parsed.data.SCC_SERVICE_PUBLIC_KEYS.trim();
  const jwks = JSON.parse(raw.startsWith('{') ? raw : readFileSync(raw, 'utf8')) as { keys: object[] };
  return { ...parsed.data, trustedServiceKeys: jwks };
}
