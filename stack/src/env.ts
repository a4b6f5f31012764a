import { RateLimitEnvironment } from '@scc/bff';
import { ProcessCountSetting } from '@scc/service-kit/processes';
import { z } from 'zod';

/** The only reader of `process.env` for `pnpm start`. */
const EnvSchema = z
  .object({
    /** A PostgreSQL server: the owner, unless DATABASE_MIGRATION_URL names the owner (then the cockpit's login). */
    DATABASE_URL: z.url().optional(),
    /** Owner connection for migrations and the seed; DATABASE_URL is then the cockpit's restricted login. */
    DATABASE_MIGRATION_URL: z.url().optional(),
    /**
     * The cockpit's restricted login; unset: DATABASE_URL when DATABASE_MIGRATION_URL is set, else
     * the stack creates `scc_cockpit_<database>` from the owner, its password in `<data dir>/keys/`.
     */
    COCKPIT_DATABASE_URL: z.url().optional(),
    SCC_DATA_DIR: z.string().min(1).default('.data'),
    DEMO_HOST_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    BFF_PORT: z.coerce.number().int().min(0).max(65535).default(4020),
    COCKPIT_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
    /** The demo's stand-in for Contoso's identity provider ("Contoso ID"). */
    IDENTITY_PROVIDER_PORT: z.coerce.number().int().min(0).max(65535).default(4030),
    SCC_BIND_HOST: z.string().default('127.0.0.1'),
    SCC_PUBLIC_HOST: z.string().default('localhost'),
    /** Cockpit processes (default: one per core); on PGlite always one, the one holding the database. */
    SCC_COCKPIT_PROCESSES: ProcessCountSetting,
    /** BFF processes (default: one per core). */
    SCC_BFF_PROCESSES: ProcessCountSetting,
    ...RateLimitEnvironment.shape,
  })
  .refine((env) => !env.DATABASE_MIGRATION_URL || env.DATABASE_URL, {
    path: ['DATABASE_MIGRATION_URL'],
    message: 'needs DATABASE_URL as well (PGlite has no separate owner connection)',
  })
  .refine((env) => !env.COCKPIT_DATABASE_URL || env.DATABASE_URL, {
    path: ['COCKPIT_DATABASE_URL'],
    message: 'needs DATABASE_URL as well (the owner; PGlite has only its one login)',
  });

export type StackEnvironment = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): StackEnvironment {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${fields}`);
  }
  return parsed.data;
}

/**
 * Which connection does what on a server: the owner migrates, seeds and runs the system work; the
 * cockpit serves requests on its restricted login (`undefined`: derived from the owner). Both
 * undefined: PGlite.
 */
export function databaseRoles(env: StackEnvironment): { ownerUrl?: string; cockpitUrl?: string } {
  const ownerUrl = env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL;
  const cockpitUrl = env.COCKPIT_DATABASE_URL ?? (env.DATABASE_MIGRATION_URL ? env.DATABASE_URL : undefined);
  return { ...(ownerUrl ? { ownerUrl } : {}), ...(cockpitUrl ? { cockpitUrl } : {}) };
}
