import type { ReactiveControllerHost } from 'lit';

export type PartState = 'loading' | 'ready' | 'failed';

export interface WidgetPartsControllerOptions<Part extends string> {
  /** Loads a part's module (which registers its elements); the widget passes `import()`s. */
  load: (part: Part) => Promise<unknown>;
  /** Called once per failed load. */
  onFailure: (part: Part, error: unknown) => void;
}

/**
 * Loads the parts of the widget that only some callers need, on first demand, and updates the
 * host when one arrives (no lifecycle hooks needed: a load in flight just finishes). A failed part
 * stays failed, so the host shows its error once, until `forgetFailures()`; then the next
 * `ensure` tries again.
 */
export class WidgetPartsController<Part extends string> {
  readonly #host: ReactiveControllerHost;
  readonly #options: WidgetPartsControllerOptions<Part>;
  readonly #states = new Map<Part, PartState>();

  constructor(host: ReactiveControllerHost, options: WidgetPartsControllerOptions<Part>) {
    this.#host = host;
    this.#options = options;
  }

  isReady(part: Part): boolean {
    return this.#states.get(part) === 'ready';
  }

  /** Starts loading `part` unless it is loaded, loading or failed. */
  ensure(part: Part): void {
    if (this.#states.has(part)) return;
    this.#states.set(part, 'loading');
    this.#options.load(part).then(
      () => {
        this.#states.set(part, 'ready');
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        this.#states.set(part, 'failed');
        this.#options.onFailure(part, error);
        this.#host.requestUpdate();
      },
    );
  }

  forgetFailures(): void {
    for (const [part, state] of this.#states) if (state === 'failed') this.#states.delete(part);
  }
}
