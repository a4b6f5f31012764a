/**
 * A Server-Sent Events client for tests: reads a `text/event-stream` response in the background
 * and keeps every event (id, event name, parsed data) in arrival order, so a test can compare
 * what a subscriber saw live with what a replay delivers.
 */
export interface SseEvent {
  id: string;
  event: string;
  data: unknown;
}

export class SseCollector {
  readonly events: SseEvent[] = [];
  /** Set when the stream ended (by the server or by `close`). */
  ended = false;
  /** A read or parse error that ended the stream, if any. */
  error: unknown;
  private buffer = '';
  private connectedSeen = false;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private waiters = new Set<() => void>();
  private readonly pumping: Promise<void>;

  constructor(response: Response) {
    if (!response.body) throw new Error(`no event stream: ${response.status}`);
    this.reader = response.body.getReader();
    this.pumping = this.pump();
  }

  private notify() {
    for (const wake of this.waiters) wake();
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const chunk = await this.reader.read();
        if (chunk.done) break;
        this.buffer += this.decoder.decode(chunk.value, { stream: true });
        this.parseFrames();
        this.notify();
      }
    } catch (error) {
      this.error = error;
    } finally {
      this.ended = true;
      this.notify();
    }
  }

  private parseFrames() {
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      end = this.buffer.indexOf('\n\n');
      const fields: Record<string, string> = {};
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) {
          if (line.startsWith(': connected')) this.connectedSeen = true;
          continue;
        }
        const colon = line.indexOf(':');
        const name = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (name === 'data') data.push(value);
        else fields[name] = value;
      }
      if (data.length === 0) continue;
      const text = data.join('\n');
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not JSON (an `error` event's message): keep the text.
      }
      this.events.push({ id: fields.id ?? '', event: fields.event ?? 'message', data: parsed });
    }
  }

  /** Resolves true once `condition` holds, false when the stream ended or the time ran out first. */
  async waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const remaining = deadline - Date.now();
      if (this.ended || remaining <= 0) return condition();
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, remaining);
        this.waiters.add(wake);
      });
    }
    return true;
  }

  /** The server's `: connected` comment: from here on nothing committed is missed. */
  connected(timeoutMs = 10_000): Promise<boolean> {
    return this.waitUntil(() => this.connectedSeen, timeoutMs);
  }

  async close(): Promise<void> {
    await this.reader.cancel().catch(() => {});
    await this.pumping;
  }
}

/** An operations-feed event as {@link SseReader} parses it: a numeric id and JSON data. */
export interface FeedEvent {
  id: number;
  event: string;
  data: { id: string; businessUnitId: string; state?: string };
}

/** Reads an SSE response frame by frame. */
export class SseReader {
  private buffer = '';
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  comments: string[] = [];

  constructor(response: Response) {
    if (!response.body) throw new Error('no body');
    this.reader = response.body.getReader();
  }

  /** The next event matching `accept`; events before it are returned too. */
  async until(accept: (e: FeedEvent) => boolean, timeoutMs = 10_000): Promise<FeedEvent[]> {
    const seen: FeedEvent[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let end = this.buffer.indexOf('\n\n');
      while (end >= 0) {
        const frame = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const fields = Object.fromEntries(
          frame
            .split('\n')
            .filter((l) => !l.startsWith(':'))
            .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trimStart()]),
        );
        if (frame.startsWith(':')) this.comments.push(frame);
        if (fields.data) {
          const event = { id: Number(fields.id), event: fields.event as string, data: JSON.parse(fields.data) };
          seen.push(event);
          if (accept(event)) return seen;
        }
        end = this.buffer.indexOf('\n\n');
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no matching event; saw ${JSON.stringify(seen)}`);
      const chunk = await Promise.race([
        this.reader.read(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), remaining)),
      ]);
      if (chunk.done) throw new Error('stream ended');
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  async connected(): Promise<void> {
    while (!this.buffer.includes(': connected')) {
      const chunk = await this.reader.read();
      if (chunk.done) throw new Error('stream ended');
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  async close(): Promise<void> {
    await this.reader.cancel().catch(() => {});
  }
}
