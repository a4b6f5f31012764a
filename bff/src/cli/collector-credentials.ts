import type { CollectorCredential } from '@scc/contracts/billing';
import { type Cockpit, fromCockpit, type HostIdentity } from '../cockpit/cockpit-client.js';

/**
 * What the admin CLI does with usage collectors' credentials in the cockpit, acting as the host
 * through the BFF's own service key. The cockpit makes the secret, keeps its hash and shows it once.
 */
export function createCollectorCredential(
  cockpit: Cockpit,
  host: HostIdentity,
  businessUnitId: string,
  name: string,
): Promise<{ credential: CollectorCredential; secret: string }> {
  return fromCockpit(
    () =>
      cockpit.v1.hosts['collector-credentials'].$post({ json: { businessUnitId, name } }, cockpit.actingForHost(host)),
    (res) => res.json(),
  );
}

export function listCollectorCredentials(cockpit: Cockpit, host: HostIdentity): Promise<CollectorCredential[]> {
  return fromCockpit(
    () => cockpit.v1.hosts['collector-credentials'].$get(undefined, cockpit.actingForHost(host)),
    async (res) => (await res.json()).items,
  );
}

export function revokeCollectorCredential(
  cockpit: Cockpit,
  host: HostIdentity,
  id: string,
): Promise<CollectorCredential> {
  return fromCockpit(
    () => cockpit.v1.hosts['collector-credentials'][':id'].revoke.$post({ param: { id } }, cockpit.actingForHost(host)),
    (res) => res.json(),
  );
}
