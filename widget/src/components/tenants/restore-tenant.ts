import '../../api/operation-calls.js';
import type { BffClient } from '../../api/bff-client.js';
import type { Tenant } from '../../api/types.js';
import { createErrorEvent } from '../../events/scc-error.js';
import { createOperationRequestSubmitEvent } from '../../events/scc-operation-request-submit.js';
import { toBffError } from '../../utils/bff-error.js';

/** Tenants whose restore is on its way, so a double click asks once. */
const restoring = new Set<string>();

/**
 * A retained tenant of a row comes back as it was (same data). `host` (the tenant list) announces
 * the accepted request (`scc-operation-request-submit`) or the refusal (`scc-error`). It comes with
 * the operations chunk, like every other row action, so the entry does without it.
 */
export async function restoreTenant(host: HTMLElement, client: BffClient, tenant: Tenant): Promise<void> {
  if (restoring.has(tenant.id)) return;
  restoring.add(tenant.id);
  try {
    const request = await client.submitOperationRequest(
      { kind: 'restore', tenantId: tenant.id, mode: 'same' },
      crypto.randomUUID(),
    );
    host.dispatchEvent(createOperationRequestSubmitEvent(request));
  } catch (cause) {
    const error = toBffError(cause);
    host.dispatchEvent(createErrorEvent({ status: error.status, title: error.title }));
  } finally {
    restoring.delete(tenant.id);
  }
}
