/** A Server-Sent Events frame with a JSON `data` line, as the operations feed sends them. */
export interface SseEvent {
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
  async until(accept: (e: SseEvent) => boolean, timeoutMs = 10_000): Promise<SseEvent[]> {
    const seen: SseEvent[] = [];
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
