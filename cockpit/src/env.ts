import { readFileSync } from 'node:fs';
import { hstsModes } from '@scc/service-kit/api-headers';
import { ProcessCountSetting } from '@scc/service-kit/processes';
import { z } from 'zod';
import { totpKeyFromBase64 } from './step-up/secret-box.js';

/** The largest body the cockpit reads: a sales system's contract push is the biggest it expects. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Settings of the background work: operation workers, the outbox deliverer, the sales integration. */
const OperationsEnv = z.object({
  /** Workers in this process; 0 leaves the work to other processes (`pnpm --filter @scc/cockpit worker`). */
  SCC_WORKERS: z.coerce.number().int().min(0).max(32).default(2),
  /** Pause per provisioning step of the local provisioner. */
  SCC_STEP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(400),
  SCC_WORKER_LEASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** The sales and invoicing system's webhook; unset keeps chargeable events in the outbox. */
  SCC_WEBHOOK_URL: z.string().url().optional(),
  /** Standard Webhooks secret (`whsec_<base64>`) signing the deliveries. */
  SCC_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** Bearer key of the sales system for `/v1/integrations/sales`. */
  SCC_SALES_API_KEY: z.string().min(16).optional(),
  /** How long start-up keeps retrying a database that refuses connections before the process gives up. */
  SCC_STARTUP_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
});

/** What a standalone worker process needs (`src/worker-main.ts`): the owner connection and the operations settings. */
const WorkerEnvSchema = OperationsEnv.extend({
  DATABASE_URL: z.string().url().optional(),
  DATABASE_MIGRATION_URL: z.string().url().optional(),
  SCC_DATA_DIR: z.string().default('.data/pglite'),
});
export type WorkerEnvironment = z.infer<typeof WorkerEnvSchema>;

export function readWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnvironment {
  const parsed = WorkerEnvSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid worker configuration: ${fields}`);
  }
  return parsed.data;
}

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
    /**
     * `1` serves even when the runtime login bypasses row-level security (a superuser, BYPASSRLS, a
     * table owner). Only for the embedded PGlite demo, whose one login is a superuser; otherwise the
     * cockpit refuses to start.
     */
    SCC_ALLOW_SUPERUSER: z
      .enum(['0', '1'])
      .default('0')
      .transform((value) => value === '1'),
    SCC_DATA_DIR: z.string().default('.data/pglite'),
    /** 0 picks a free port (the log line names it). */
    COCKPIT_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
    COCKPIT_HOST: z.string().default('127.0.0.1'),
    /** Larger request bodies are refused with 413. */
    COCKPIT_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_MAX_BODY_BYTES),
    /** `1`: hosts may register plain-http webhook endpoints (a local demo); otherwise https only. */
    COCKPIT_WEBHOOK_ALLOW_HTTP: z
      .enum(['0', '1'])
      .default('0')
      .transform((value) => value === '1'),
    /** Strict-Transport-Security: `auto` on answers to https requests (also behind a TLS proxy), `always`, `off`. */
    COCKPIT_HSTS: z.enum(hstsModes).default('auto'),
    /** JWKS (JSON text) or a path to a JWKS file: the public keys of the services allowed to call. */
    SCC_SERVICE_PUBLIC_KEYS: z.string().min(1),
    /**
     * Cockpit processes sharing the port (default: one per core), each with its own SCC_WORKERS
     * workers and live-feed LISTEN. On PGlite the database lives inside the process: always one.
     */
    SCC_COCKPIT_PROCESSES: ProcessCountSetting,
    /**
     * 32 random bytes, base64 (`openssl rand -base64 32`): the key that encrypts users' TOTP
     * secrets at rest. Losing or changing it makes every enrolment unusable. Required on a
     * server; the embedded PGlite demo falls back to a public development key, with a warning.
     */
    COCKPIT_TOTP_KEY: z
      .string()
      .transform((text, ctx) => {
        const key = totpKeyFromBase64(text);
        if (!key) ctx.addIssue({ code: 'custom', message: 'must be 32 bytes in base64 (openssl rand -base64 32)' });
        return key ?? z.NEVER;
      })
      .optional(),
    ...OperationsEnv.shape,
  })
  .refine((env) => !env.DATABASE_MIGRATION_URL || env.DATABASE_URL, {
    path: ['DATABASE_MIGRATION_URL'],
    message: 'needs DATABASE_URL as well (PGlite has no separate owner connection)',
  })
  .refine((env) => !env.DATABASE_URL || env.COCKPIT_TOTP_KEY, {
    path: ['COCKPIT_TOTP_KEY'],
    message:
      'required with DATABASE_URL: 32 random bytes in base64 (openssl rand -base64 32) that encrypt TOTP secrets',
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
