import type { ReactiveController, ReactiveControllerHost } from 'lit';

const TABBABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

/** Keyboard-reachable elements under `root`, in tab order, looking inside open shadow roots. */
export function tabbables(root: ParentNode): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    if (element.matches(TABBABLE) && isTabbable(element)) found.push(element);
    if (element.shadowRoot) found.push(...tabbables(element.shadowRoot));
  }
  return found;
}

function isTabbable(element: HTMLElement): boolean {
  if (element.tabIndex < 0 || element.hasAttribute('disabled') || element.closest('[inert]')) return false;
  return element.checkVisibility({ visibilityProperty: true });
}

/** The focused element, followed into shadow roots. */
function deepActiveElement(root: DocumentOrShadowRoot = document): Element | null {
  const active = root.activeElement;
  return active?.shadowRoot ? (deepActiveElement(active.shadowRoot) ?? active) : active;
}

/**
 * Keeps Tab and Shift+Tab inside a modal dialog of the host's shadow root: from the last control
 * Tab goes to the first and back, instead of leaving for the browser's toolbar or the page (a
 * native modal `<dialog>` makes the page inert, but lets Tab leave the document). Giving focus
 * back to the opener on close is the native dialog's own job (tested with the widget's dialogs).
 *
 * ```ts
 * #trap = new FocusTrapController(this, () => this.renderRoot.querySelector('dialog'));
 * // instead of dialog.showModal(): this.#trap.open();  — the dialog's `close` event releases it
 * ```
 */
export class FocusTrapController implements ReactiveController {
  readonly #container: () => HTMLDialogElement | null;
  #active: HTMLDialogElement | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, container: () => HTMLDialogElement | null) {
    this.#container = container;
    host.addController(this);
  }

  /** Opens the dialog as a modal and keeps Tab inside until it closes. */
  open(): void {
    const container = this.#container();
    if (!container) return;
    this.release();
    this.#active = container;
    container.addEventListener('keydown', this.#onKeydown);
    container.addEventListener('close', this.#onClose);
    if (!container.open) container.showModal();
  }

  /** Stops trapping (the dialog's `close` event does it). */
  release(): void {
    const container = this.#active;
    if (!container) return;
    container.removeEventListener('keydown', this.#onKeydown);
    container.removeEventListener('close', this.#onClose);
    this.#active = null;
  }

  hostDisconnected(): void {
    this.release();
  }

  #onClose = (): void => this.release();

  #onKeydown = (event: KeyboardEvent): void => {
    const container = this.#active;
    if (event.key !== 'Tab' || !container) return;
    const controls = tabbables(container);
    const first = controls[0];
    const last = controls.at(-1);
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const current = deepActiveElement();
    const outside = !current || !controls.includes(current as HTMLElement);
    if (event.shiftKey && (outside || current === first)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (outside || current === last)) {
      event.preventDefault();
      first.focus();
    }
  };
}
