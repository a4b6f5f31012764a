import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { rest } from '../utils/rest.js';

export interface DraftCheckOptions<Draft, Answer> {
  /** The draft on screen, or nothing while the form is incomplete. */
  draft: () => Draft | undefined;
  /** Asks the server about a draft; nothing when there is no one to ask (no client yet). */
  check: (draft: Draft, signal: AbortSignal) => Promise<Answer> | undefined;
  /** How long the draft must rest before it is checked (typing, ticking boxes). */
  restMs?: number;
  /** A failed check; an abort (a newer draft came) is no failure and never arrives here. */
  onError: (error: unknown) => void;
}

/**
 * The server's judgement of the draft a dialog shows (a dry run, a transport preview): asked once
 * the draft has rested, a newer draft aborts the question about an older one, and an answer counts
 * only while the draft it judged is still the one on screen. Drafts are compared as JSON, so the
 * same choice made again is the same draft.
 *
 * ```ts
 * #check = new DraftCheckController(this, {
 *   draft: () => this.#draft(),
 *   check: (draft, signal) => this.client?.dryRun(draft, signal),
 *   restMs: 300,
 *   onError: (error) => this.#failed(error),
 * });
 * // in render: this.#check.answer?.allowed, this.#check.pending
 * ```
 */
export class DraftCheckController<Draft, Answer> {
  readonly #draft: () => Draft | undefined;
  readonly #task: Task<readonly [string], { key: string; answer: Answer }>;

  constructor(host: ReactiveControllerHost, options: DraftCheckOptions<Draft, Answer>) {
    this.#draft = options.draft;
    this.#task = new Task(host, {
      args: () => [this.#key()] as const,
      task: async ([key], { signal }) => {
        if (!key) return initialState;
        if (options.restMs) await rest(options.restMs, signal);
        const asked = options.check(JSON.parse(key) as Draft, signal);
        return asked ? { key, answer: await asked } : initialState;
      },
      onError: (error) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) options.onError(error);
      },
    });
  }

  /** The answer about exactly the draft on screen, once it has come. */
  get answer(): Answer | undefined {
    return this.latest?.current ? this.latest.answer : undefined;
  }

  /** The last answer while there is a draft, and whether it judged the one on screen. */
  get latest(): { answer: Answer; current: boolean } | undefined {
    const value = this.#task.value;
    const key = this.#key();
    if (!value || !key) return undefined;
    return { answer: value.answer, current: value.key === key };
  }

  /** Whether a check is waiting for the draft to rest or for the server. */
  get pending(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  /**
   * Asks again about the draft on screen, also when it is the one asked about last: a dialog
   * opened anew whose defaults make the same draft wants today's answer, not the last opening's.
   */
  recheck(): void {
    void this.#task.run();
  }

  abort(): void {
    this.#task.abort();
  }

  #key(): string {
    const draft = this.#draft();
    return draft === undefined ? '' : JSON.stringify(draft);
  }
}
