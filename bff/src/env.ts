import { hstsModes } from '@scc/service-kit/api-headers';
import { ProcessCountSetting } from '@scc/service-kit/processes';
import { z } from 'zod';
import { budgetSetting, DEFAULT_RATE_LIMITS, type RateLimitSettings } from './rate-limits/policies.js';

/** Request bodies of the BFF are small JSON documents: an embed-session request, a draft, a change. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/**
 * The rate limits (`points/seconds` each) and where their counters live; also read by the stack,
 * which runs a BFF in its own process.
 */
export const RateLimitEnvironment = z.object({
  BFF_RATE_LIMIT_EMBED_SESSIONS_PER_IP: budgetSetting(DEFAULT_RATE_LIMITS['embed-sessions-per-ip']),
  BFF_RATE_LIMIT_EMBED_SESSIONS_PER_HOST: budgetSetting(DEFAULT_RATE_LIMITS['embed-sessions-per-host']),
  BFF_RATE_LIMIT_FAILED_AUTHENTICATIONS_PER_IP: budgetSetting(DEFAULT_RATE_LIMITS['failed-authentications-per-ip']),
  BFF_RATE_LIMIT_WIDGET_PER_USER: budgetSetting(DEFAULT_RATE_LIMITS['widget-per-user']),
  BFF_RATE_LIMIT_SUBMITS_PER_UNIT: budgetSetting(DEFAULT_RATE_LIMITS['submits-per-unit']),
  BFF_RATE_LIMIT_STEP_UP_PER_USER: budgetSetting(DEFAULT_RATE_LIMITS['step-up-per-user']),
  /** Counters shared by every BFF process of every node; unset: the node's first process keeps them. */
  REDIS_URL: z.url().optional(),
  /** Proxies in front of the BFF that append to X-Forwarded-For; 0 keys clients by the socket's peer. */
  BFF_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

export type RateLimitEnvironment = z.infer<typeof RateLimitEnvironment>;

export function rateLimitSettingsOf(env: RateLimitEnvironment): RateLimitSettings {
  return {
    'embed-sessions-per-ip': env.BFF_RATE_LIMIT_EMBED_SESSIONS_PER_IP,
    'embed-sessions-per-host': env.BFF_RATE_LIMIT_EMBED_SESSIONS_PER_HOST,
    'failed-authentications-per-ip': env.BFF_RATE_LIMIT_FAILED_AUTHENTICATIONS_PER_IP,
    'widget-per-user': env.BFF_RATE_LIMIT_WIDGET_PER_USER,
    'submits-per-unit': env.BFF_RATE_LIMIT_SUBMITS_PER_UNIT,
    'step-up-per-user': env.BFF_RATE_LIMIT_STEP_UP_PER_USER,
  };
}

/** The only reader of `process.env` in the BFF. */
const EnvSchema = z.object({
  /** 0 picks a free port (the log line names it). */
  BFF_PORT: z.coerce.number().int().min(0).max(65535).default(4020),
  BFF_HOST: z.string().default('127.0.0.1'),
  /** Issuer and audience of widget tokens; the URL browsers use to reach this BFF. */
  BFF_PUBLIC_URL: z.url().default('http://localhost:4020'),
  COCKPIT_URL: z.url().default('http://127.0.0.1:4010'),
  /** Private P-256 JWK (JSON text or file path) that signs widget tokens. */
  BFF_WIDGET_SIGNING_KEY: z.string().min(1),
  /** Private P-256 JWK (JSON text or file path) that signs service tokens for the cockpit. */
  BFF_SERVICE_SIGNING_KEY: z.string().min(1),
  /** Registered host applications (JSON array or file path). */
  BFF_HOST_APPLICATIONS: z.string().min(1),
  /** The built widget module served at /widget/service-control-center.js. */
  BFF_WIDGET_BUNDLE: z.string().optional(),
  /** BFF processes sharing the port (default: one per core); their rate-limit counters live in the first process or Redis, so any number serve alike. */
  SCC_BFF_PROCESSES: ProcessCountSetting,
  /** Larger request bodies are refused with 413. */
  BFF_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_MAX_BODY_BYTES),
  ...RateLimitEnvironment.shape,
  /** Strict-Transport-Security: `auto` on answers to https requests (also behind a TLS proxy), `always`, `off`. */
  BFF_HSTS: z.enum(hstsModes).default('auto'),
});

export type BffEnvironment = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): BffEnvironment {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid BFF configuration: ${fields}`);
  }
  return parsed.data;
}
