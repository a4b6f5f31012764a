import { html, LitElement } from 'lit';
import { labelFor, messagesFor } from '../../i18n/index.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { statusBadgeStyles } from './status-badge.styles.js';

export type BadgeTone = 'success' | 'warning' | 'danger' | 'info' | 'neutral';

const TONES: Record<string, BadgeTone> = {
  up: 'success',
  degraded: 'warning',
  down: 'danger',
  maintenance: 'info',
};

/** Tone for an operational status; unknown values are neutral. */
export function toneFor(status: string): BadgeTone {
  return TONES[status] ?? 'neutral';
}

/**
 * A tenant's operational status as a coloured badge that always shows its text, so the status
 * never depends on colour alone.
 *
 * @tag scc-status-badge
 * @csspart base - The badge (a `<span>`).
 * @cssproperty --scc-color-success - Tone of `up`.
 * @cssproperty --scc-color-warning - Tone of `degraded`.
 * @cssproperty --scc-color-danger - Tone of `down`.
 * @cssproperty --scc-color-primary - Tone of `maintenance`.
 * @cssproperty --scc-color-muted - Tone of unknown statuses.
 */
export class SccStatusBadge extends LitElement {
  static override styles = [...sharedStyles, statusBadgeStyles];

  static override properties = {
    status: { reflect: true },
    label: {},
    locale: {},
  };

  /** Operational status: `up`, `degraded`, `down`, `maintenance` or any other string. */
  declare status: string;
  /** Text to show; defaults to the localized status name. */
  declare label: string | undefined;
  declare locale: string | undefined;

  constructor() {
    super();
    this.status = '';
  }

  override render() {
    const tone = toneFor(this.status);
    const text = this.label ?? labelFor(messagesFor(this.locale).operationalStatus, this.status);
    return html`<span part="base" class="badge badge--${tone}" data-tone=${tone}
      ><span class="dot" aria-hidden="true"></span>${text}</span
    >`;
  }
}
