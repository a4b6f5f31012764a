import { z } from 'zod';

/** The only reader of `process.env` in the demo host. */
const EnvSchema = z.object({
  DEMO_HOST_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  DEMO_HOST_HOST: z.string().default('127.0.0.1'),
  /** Where this host's backend reaches the BFF. */
  BFF_INTERNAL_URL: z.url().default('http://127.0.0.1:4020'),
  /** Where browsers reach the BFF: the widget module and its API. */
  BFF_PUBLIC_URL: z.url().default('http://localhost:4020'),
  /** The API key the BFF issued to this host application. */
  DEMO_HOST_API_KEY: z.string().min(1),
});

export type DemoHostEnvironment = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): DemoHostEnvironment {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid demo host configuration: ${fields}`);
  }
  return parsed.data;
}
