import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BffClient } from '../api/bff-client.js';
import { type ServerSentEvent, SseParser } from '../utils/sse.js';

export interface EventStreamControllerOptions {
  /** Every event of the stream, in order. */
  onEvent: (event: ServerSentEvent) => void;
  /** `true` once the stream is open, `false` when it dropped (it reconnects by itself). */
  onStatus?: (open: boolean) => void;
  /** Path of the stream on the BFF. */
  path?: string;
  /** First reconnection delay; it doubles up to `maxDelayMs` and resets once a stream opens. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * The BFF's live event stream (`text/event-stream`) over `fetch`, because it must send the
 * widget token in the Authorization header, which `EventSource` cannot. It reconnects after
 * drops with exponential backoff (or the server's `retry:`), resumes with `Last-Event-ID`, and
 * gets a fresh token through the client (and so the session-token controller) on 401.
 * Runs between `start(client)` and `stop()` while the host is connected.
 */
export class EventStreamController implements ReactiveController {
  readonly #options: EventStreamControllerOptions;
  #client: BffClient | undefined;
  #abort: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #connected = false;
  #lastEventId = '';
  #failures = 0;
  #open = false;

  constructor(host: ReactiveControllerHost, options: EventStreamControllerOptions) {
    this.#options = options;
    host.addController(this);
  }

  /** Whether a stream is open now. */
  get open(): boolean {
    return this.#open;
  }

  /** The id of the last event received; sent as `Last-Event-ID` on reconnect. */
  get lastEventId(): string {
    return this.#lastEventId;
  }

  start(client: BffClient): void {
    this.#client = client;
    this.#restart(0);
  }

  stop(): void {
    this.#client = undefined;
    this.#halt();
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#client) this.#restart(0);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#halt();
  }

  #halt(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#setOpen(false);
  }

  #restart(delay: number): void {
    this.#halt();
    if (!this.#connected || !this.#client) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#run();
    }, delay);
  }

  async #run(): Promise<void> {
    const client = this.#client;
    if (!client) return;
    const abort = new AbortController();
    this.#abort = abort;
    const parser = new SseParser();
    parser.lastEventId = this.#lastEventId;
    try {
      const response = await client.send(this.#options.path ?? '/v1/widget/events', {
        signal: abort.signal,
        headers: {
          Accept: 'text/event-stream',
          ...(this.#lastEventId ? { 'Last-Event-ID': this.#lastEventId } : {}),
        },
      });
      if (!response.ok || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
      this.#failures = 0;
      this.#setOpen(true);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const event of parser.feed(value)) {
          this.#lastEventId = event.lastEventId;
          this.#options.onEvent(event);
        }
      }
    } catch {
      // Dropped, refused or aborted: an abort ends here; anything else reconnects below.
    }
    if (this.#abort !== abort || abort.signal.aborted) return;
    this.#abort = undefined;
    this.#setOpen(false);
    const initial = this.#options.initialDelayMs ?? 1000;
    const backoff = Math.min(initial * 2 ** this.#failures++, this.#options.maxDelayMs ?? 30_000);
    this.#restart(this.#failures === 1 && parser.retry !== undefined ? parser.retry : backoff);
  }

  #setOpen(open: boolean): void {
    if (open === this.#open) return;
    this.#open = open;
    this.#options.onStatus?.(open);
  }
}
