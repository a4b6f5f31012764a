import { html, nothing } from 'lit';
import type { Validation } from '../../api/types.js';
import type { TransportMessages } from '../../i18n/transport-messages.js';

/** Longer JSON than this shows shortened, with the whole value one click away. */
const SHORT = 60;

/**
 * A profile value as JSON, the way it is stored: a value absent on that side (not set, or removed)
 * reads as such; a long one is cut, and its full, indented form opens below it.
 */
export function profileValue<K extends string>(m: TransportMessages, holder: Partial<Record<K, unknown>>, key: K) {
  if (!(key in holder) || holder[key] === undefined) return html`<span class="absent">${m.absent}</span>`;
  const json = JSON.stringify(holder[key]);
  if (json.length <= SHORT) return html`<code class="value">${json}</code>`;
  return html`<details class="value"><summary><code>${json.slice(0, SHORT)}…</code>
      <span class="visually-hidden">${m.fullValue}</span></summary>
    <pre>${JSON.stringify(holder[key], null, 2)}</pre></details>`;
}

/** Whether the request waits for a second admin (and why), and the rules that refuse it, in the cockpit's words. */
export function verdict(
  m: TransportMessages,
  approval: { value: boolean; reason: string } | undefined,
  validations: readonly Validation[],
) {
  const refusals = validations.filter((v) => !v.passed && v.blocking);
  return html`<p part="approval" class=${approval?.value ? 'approval' : 'hint'} data-testid="approval">
      ${approval?.value ? m.approval(approval.reason) : m.noApproval}</p>
    ${
      refusals.length > 0
        ? html`<div part="validations" data-testid="refusals"><p class="blocking-text">${m.refused}</p>
          <ul class="notes">${refusals.map((v) => html`<li class="blocking" data-rule=${v.rule}>${v.message}</li>`)}</ul></div>`
        : nothing
    }`;
}
