import '../../api/operation-calls.js';
import { html, LitElement } from 'lit';
import type { SccConnection } from '../../context/connection.js';
import { ConnectionController } from '../../controllers/connection-controller.js';

/**
 * Ordering a tenant into one business unit as a piece of its own: the "order tenant" button and
 * its form (products, dry run, proposals, submit) for the unit given by `business-unit-id`.
 *
 * Takes its connection from `.connection` or from an enclosing `<scc-session>`, so it shares the
 * session and the token with the other pieces.
 *
 * @tag scc-order-form
 * @event scc-operation-request-submit - The order was accepted. `detail` is `{ request }`.
 * @csspart order-button - The button that opens the form.
 * @csspart dialog - The form's dialog.
 * @csspart proposal - Each proposal with its "use proposal" button.
 * @csspart validations - The list of blocking rules and notices.
 * @csspart submit-button - The order button of the form.
 */
export class SccOrderForm extends LitElement {
  static override properties = {
    connection: { attribute: false },
    businessUnitId: { attribute: 'business-unit-id' },
    businessUnitName: { attribute: 'business-unit-name' },
    locale: {},
    _unitName: { state: true },
  };

  /** The shared connection; without it, the one an enclosing `<scc-session>` provides. */
  declare connection: SccConnection | undefined;
  /** The unit the tenant is ordered into. */
  declare businessUnitId: string | undefined;
  /** Its name for the form's title; without it, asked of the server. */
  declare businessUnitName: string | undefined;
  declare locale: string | undefined;
  declare _unitName: string | undefined;

  readonly #link = new ConnectionController(this, { own: () => this.connection });
  /** The unit whose name was asked for last, so each unit is asked once. */
  #named: string | undefined;

  protected override willUpdate(): void {
    const client = this.#link.connection?.client;
    const id = this.businessUnitId;
    if (this.businessUnitName || !client || !id || id === this.#named) return;
    this.#named = id;
    this._unitName = undefined;
    client.getBusinessUnit(id).then(
      (unit) => {
        if (this.#named === id) this._unitName = unit.name;
      },
      // Without a name the form still orders into the unit; its title just names none.
      () => undefined,
    );
  }

  override render() {
    return html`<scc-order-tenant exportparts="order-button, dialog, proposal, validations, submit-button"
      locale=${this.locale ?? this.#link.locale ?? ''} .client=${this.#link.connection?.client}
      business-unit-id=${this.businessUnitId ?? ''}
      business-unit-name=${this.businessUnitName ?? this._unitName ?? ''}></scc-order-tenant>`;
  }
}
