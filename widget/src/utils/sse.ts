/** One dispatched Server-Sent Event. */
export interface ServerSentEvent {
  /** `message` unless the stream named it. */
  type: string;
  data: string;
  /** The last event id seen on the stream so far (it carries over to events without one). */
  lastEventId: string;
}

/**
 * Incremental parser of the `text/event-stream` format (WHATWG HTML, "Server-sent events"):
 * feed it text chunks as they arrive, split anywhere, and it returns the events they complete.
 */
export class SseParser {
  lastEventId = '';
  /** The reconnection delay the server asked for with `retry:`, if it did. */
  retry: number | undefined;
  #buffer = '';
  /** The last chunk ended in \r: a \n starting the next one belongs to that line end. */
  #afterCr = false;
  #type = '';
  #data: string[] = [];

  feed(chunk: string): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    const text = this.#afterCr && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
    this.#afterCr = text.endsWith('\r');
    const lines = (this.#buffer + text).split(/\r\n|\n|\r/);
    this.#buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        const event = this.#dispatch();
        if (event) events.push(event);
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') this.#type = value;
      else if (field === 'data') this.#data.push(value);
      else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
      else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
    }
    return events;
  }

  #dispatch(): ServerSentEvent | undefined {
    const type = this.#type || 'message';
    const data = this.#data;
    this.#type = '';
    this.#data = [];
    return data.length > 0 ? { type, data: data.join('\n'), lastEventId: this.lastEventId } : undefined;
  }
}
