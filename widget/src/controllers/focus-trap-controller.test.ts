import { sendKeys } from '@web/test-runner-commands';
import { html, LitElement } from 'lit';
import { assertEqual, cleanup, deepActiveElement, mount, waitFor } from '../../test/helpers.js';
import { FocusTrapController, tabbables } from './focus-trap-controller.js';

/** A modal dialog the way the widget's dialogs are built: a native `<dialog>` in a shadow root. */
class TrapFixture extends LitElement {
  trap = new FocusTrapController(this, () => this.renderRoot.querySelector('dialog'));

  open(): void {
    this.trap.open();
  }

  override render() {
    return html`<dialog aria-label="Fixture">
      <input name="first" aria-label="first" />
      <button type="button" disabled>disabled</button>
      <button type="button" hidden>hidden</button>
      <button type="button" tabindex="-1">not in tab order</button>
      <button type="button" name="last" @click=${() => this.renderRoot.querySelector('dialog')?.close()}>Close</button>
    </dialog>`;
  }
}
customElements.define('scc-trap-fixture', TrapFixture);

const focusedName = () => deepActiveElement()?.getAttribute('name') ?? deepActiveElement()?.localName ?? null;

async function openFromButton(): Promise<{ opener: HTMLButtonElement; fixture: TrapFixture }> {
  const opener = document.createElement('button');
  opener.textContent = 'Open';
  mount(opener);
  const fixture = mount(document.createElement('scc-trap-fixture') as TrapFixture);
  await fixture.updateComplete;
  opener.addEventListener('click', () => fixture.open());
  opener.focus();
  await sendKeys({ press: 'Enter' });
  await waitFor(() => fixture.shadowRoot?.querySelector('dialog[open]'), 'the open dialog');
  return { opener, fixture };
}

describe('FocusTrapController', () => {
  afterEach(cleanup);

  it('lists only what Tab reaches', async () => {
    const { fixture } = await openFromButton();
    const dialog = fixture.shadowRoot?.querySelector('dialog') as HTMLDialogElement;
    assertEqual(
      tabbables(dialog)
        .map((e) => e.getAttribute('name'))
        .join(),
      'first,last',
    );
  });

  it('Tab and Shift+Tab cycle inside the dialog, never leaving it', async () => {
    await openFromButton();
    assertEqual(focusedName(), 'first', 'the dialog focuses its first control');
    await sendKeys({ press: 'Tab' });
    assertEqual(focusedName(), 'last');
    await sendKeys({ press: 'Tab' });
    assertEqual(focusedName(), 'first', 'Tab on the last control wraps to the first');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    assertEqual(focusedName(), 'last', 'Shift+Tab on the first control wraps to the last');
  });

  it('Escape closes and focus returns to the opener; a closed dialog traps nothing', async () => {
    const { opener, fixture } = await openFromButton();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !fixture.shadowRoot?.querySelector('dialog[open]'), 'closed');
    assertEqual(deepActiveElement(), opener);
    await sendKeys({ press: 'Tab' });
    assertEqual(deepActiveElement() === opener, false, 'Tab moves on from the opener once released');
  });

  it('closing with a button inside also gives focus back', async () => {
    const { opener } = await openFromButton();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActiveElement() === opener, 'focus back on the opener');
  });
});
