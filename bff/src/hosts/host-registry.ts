import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * A host application that embeds the widget. Its API key is stored only as a SHA-256 hash:
 * keys are 256-bit random secrets, so a fast hash is enough and a stolen registry reveals nothing.
 */
export const HostApplicationSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes'),
  name: z.string().min(1).max(200),
  /** The deployment's own key for the host; more (rotated, expiring) live in the cockpit (`api-key` CLI). */
  apiKeyHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'a hex SHA-256 digest')
    .optional(),
  homeBusinessUnitId: z.uuid(),
  /** Web origins only: `file:`, `data:` and the like all read as the opaque origin "null". */
  allowedOrigins: z.array(z.url({ protocol: /^https?$/ })).min(1),
});

export type HostApplication = z.infer<typeof HostApplicationSchema>;

export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

/** Keys read `<host id>.<secret>` so the registry finds the host without comparing every hash. */
export function newApiKey(hostId: string): string {
  return `${hostId}.${randomBytes(32).toString('base64url')}`;
}

export class HostRegistry {
  private readonly byId: Map<string, HostApplication>;

  constructor(hosts: HostApplication[]) {
    this.byId = new Map(hosts.map((h) => [h.id, HostApplicationSchema.parse(h)]));
  }

  static fromSource(source: string): HostRegistry {
    const text = source.trim().startsWith('[') ? source : readFileSync(source.trim(), 'utf8');
    return new HostRegistry(z.array(HostApplicationSchema).parse(JSON.parse(text)));
  }

  all(): HostApplication[] {
    return [...this.byId.values()];
  }

  get(id: string): HostApplication | undefined {
    return this.byId.get(id);
  }

  authenticate(apiKey: string): HostApplication | undefined {
    const host = this.byId.get(apiKey.split('.', 1)[0] ?? '');
    if (!host?.apiKeyHash) return undefined;
    const given = Buffer.from(hashApiKey(apiKey), 'hex');
    const stored = Buffer.from(host.apiKeyHash, 'hex');
    return given.length === stored.length && timingSafeEqual(given, stored) ? host : undefined;
  }

  /** Every origin some host may embed from: answers CORS preflights, which carry no token. */
  allOrigins(): Set<string> {
    return new Set([...this.byId.values()].flatMap((h) => h.allowedOrigins.map(normalizeOrigin)));
  }

  allows(host: HostApplication, origin: string): boolean {
    return host.allowedOrigins.some((o) => normalizeOrigin(o) === normalizeOrigin(origin));
  }
}

export function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}
