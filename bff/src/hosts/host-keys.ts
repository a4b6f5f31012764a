import { ProblemError } from '@scc/contracts/problem';
import { BoundedCache } from '../bounded-cache.js';
import { type Cockpit, fromCockpit } from '../cockpit/cockpit-client.js';
import { type HostApplication, type HostRegistry, hashApiKey } from './host-registry.js';

/**
 * How long a key the cockpit confirmed is taken without asking again, and so how often each
 * process notes a key's use. A revoked key is forgotten at once by a process that follows the
 * revocation feed, otherwise after at most this long.
 */
export const VERIFIED_KEY_TTL_MS = 60_000;
const KEYS_CACHED = 1_000;
/** At most one `host-api-key.refused` audit row per host and process in this long: a flood of guesses writes one. */
export const REFUSED_KEY_AUDIT_MS = 60_000;
/** `<host id>.<secret>`: 32 random bytes in base64url. */
const KEY_SHAPE = /^([a-z0-9][a-z0-9-]{1,62})\.[A-Za-z0-9_-]{43}$/;

/**
 * The API keys of registered hosts: the one in the host registry (the deployment's own, as
 * `register-host` writes it), and any number kept by the cockpit, made, rotated and revoked with
 * the admin CLI (`api-key …`). A cockpit key is verified by its hash and then kept for
 * {@link VERIFIED_KEY_TTL_MS}, so minting stays one cockpit call; a key not shaped like one of a
 * registered host costs no call at all. A key that names a registered host but is not one of its
 * keys (wrong, revoked or expired) is a security event in that host's audit log.
 */
export class HostKeys {
  readonly #verified = new BoundedCache<string, { keyId: string; until: number }>(KEYS_CACHED);
  readonly #hashOf = new Map<string, string>();
  readonly #refusalAudited = new Map<string, number>();

  constructor(
    private readonly hosts: HostRegistry,
    private readonly cockpit: Cockpit,
    changes?: { onKeyChanged(listener: (keyId: string) => void): void },
    private readonly now: () => number = Date.now,
  ) {
    changes?.onKeyChanged((keyId) => {
      const hash = this.#hashOf.get(keyId);
      this.#hashOf.delete(keyId);
      if (hash) this.#verified.delete(hash);
    });
  }

  async authenticate(apiKey: string): Promise<HostApplication | undefined> {
    const configured = this.hosts.authenticate(apiKey);
    if (configured) return configured;
    const host = this.hosts.get(KEY_SHAPE.exec(apiKey)?.[1] ?? '');
    if (!host) return undefined;
    const hash = hashApiKey(apiKey);
    const at = this.now();
    const kept = this.#verified.get(hash);
    if (kept && kept.until > at) return host;
    this.#verified.delete(hash);
    const verified = await fromCockpit(
      () => this.cockpit.v1.hosts['api-keys'].verify.$post({ json: { hash } }, this.cockpit.actingForHost(host)),
      (res) => res.json(),
    ).catch((error: unknown) => {
      if (error instanceof ProblemError && error.body.status === 404) return undefined;
      throw error;
    });
    if (!verified) {
      this.#auditRefusal(host, at);
      return undefined;
    }
    const expires = verified.expiresAt ? Date.parse(verified.expiresAt) : Number.POSITIVE_INFINITY;
    this.#verified.set(hash, { keyId: verified.id, until: Math.min(at + VERIFIED_KEY_TTL_MS, expires) });
    // Bounded like the cache: a key id left behind by an evicted entry costs a lookup, nothing more.
    if (this.#hashOf.size >= KEYS_CACHED) this.#hashOf.clear();
    this.#hashOf.set(verified.id, hash);
    return host;
  }

  #auditRefusal(host: HostApplication, at: number) {
    if ((this.#refusalAudited.get(host.id) ?? 0) > at) return;
    this.#refusalAudited.set(host.id, at + REFUSED_KEY_AUDIT_MS);
    void this.cockpit.recordSecurityEvent(host, {
      action: 'host-api-key.refused',
      detail: { reason: 'not a live key of this host', windowSeconds: REFUSED_KEY_AUDIT_MS / 1000 },
    });
  }
}
