import { RateLimitEnvironment } from '@scc/bff';
import { ProcessCountSetting } from '@scc/service-kit/processes';
import { z } from 'zod';

/** The only reader of `process.env` for `pnpm start`. */
const EnvSchema = z
  .object({
    DATABASE_URL: z.url().optional(),
    /** Owner connection for migrations and the seed; unset means DATABASE_URL does both. */
    DATABASE_MIGRATION_URL: z.url().optional(),
    SCC_DATA_DIR: z.string().min(1).default('.data'),
    DEMO_HOST_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    BFF_PORT: z.coerce.number().int().min(0).max(65535).default(4020),
    COCKPIT_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
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
