import { KeyChangedEventSchema, RevocationFeedEventSchema } from '@scc/contracts/embed-sessions';
import type { Cockpit, HostIdentity } from '../cockpit/cockpit-client.js';
import { InProcessRevocations } from './session-revocations.js';

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

/**
 * The revoked sessions of every host, kept by each BFF process from the cockpit's revocation
 * feed (`GET /v1/hosts/embed-sessions/revocations`, one stream per host): a revocation committed
 * through any BFF process reaches every other within one notification. The cockpit also refuses
 * a revoked session in every scoped transaction of a widget request, so the moment between the
 * commit and the notification, or a feed reconnecting, lets nothing through; what this set adds
 * is the refusal without a cockpit call, and ending the session's event streams. The same feed
 * names host API keys revoked or shortened, which `HostKeys` then verifies afresh.
 */
export class RevocationFeed extends InProcessRevocations {
  readonly #stop = new AbortController();
  readonly #liveHosts = new Set<string>();
  #started = false;

  constructor(
    private readonly cockpit: Cockpit,
    private readonly hosts: () => HostIdentity[],
  ) {
    super();
  }

  /** Follows the feed of every host; idempotent. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    for (const host of this.hosts()) void this.#follow(host, 0);
  }

  /** Every host's feed has read its revoked sessions and is live. */
  get live(): boolean {
    return this.#started && this.hosts().every((h) => this.#liveHosts.has(h.id));
  }

  close(): void {
    this.#stop.abort();
  }

  async #follow(host: HostIdentity, attempt: number): Promise<void> {
    if (this.#stop.signal.aborted) return;
    let wentLive = false;
    try {
      const res = await this.cockpit.v1.hosts['embed-sessions'].revocations.$get(
        undefined,
        this.cockpit.actingForHost(host, { signal: this.#stop.signal }),
      );
      if (!res.ok || !res.body) throw new Error(`revocation feed answered ${res.status}`);
      for await (const event of serverSentEvents(res.body)) {
        if (event.comment === ' live') {
          this.#liveHosts.add(host.id);
          wentLive = true;
        }
        if (event.type === 'revoked') {
          const parsed = RevocationFeedEventSchema.safeParse(JSON.parse(event.data));
          if (parsed.success) this.revoke(parsed.data.id, new Date(parsed.data.expiresAt));
        } else if (event.type === 'key-changed') {
          const parsed = KeyChangedEventSchema.safeParse(JSON.parse(event.data));
          if (parsed.success) this.keyChanged(parsed.data.keyId);
        }
      }
    } catch {
      // Reconnected below; meanwhile the cockpit still refuses revoked sessions itself.
    }
    this.#liveHosts.delete(host.id);
    if (this.#stop.signal.aborted) return;
    // A feed that was live reconnects at once; one that cannot connect backs off.
    const next = wentLive ? 0 : attempt + 1;
    const delay = next === 0 ? 0 : Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** (next - 1));
    setTimeout(() => void this.#follow(host, next), delay).unref();
  }
}

interface ServerSentEvent {
  type: string;
  data: string;
  comment?: string;
}

/** The events of a `text/event-stream` body (only what the revocation feed uses: event, data, comments). */
async function* serverSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      const event: ServerSentEvent = { type: 'message', data: '' };
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) event.comment = line.slice(1);
        else if (line.startsWith('event: ')) event.type = line.slice(7);
        else if (line.startsWith('data: ')) event.data += line.slice(6);
      }
      yield event;
    }
  }
}
