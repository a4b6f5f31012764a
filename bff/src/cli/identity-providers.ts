import type { IdentityProvider, RegisterIdentityProvider } from '@scc/contracts/identity-providers';
import { type Cockpit, fromCockpit, type HostIdentity } from '../cockpit/cockpit-client.js';

/**
 * What the admin CLI does with the identity providers a host's business units trust, in the
 * cockpit, acting as the host through the BFF's own service key.
 */
export function registerIdentityProvider(
  cockpit: Cockpit,
  host: HostIdentity,
  registration: RegisterIdentityProvider,
): Promise<IdentityProvider> {
  return fromCockpit(
    () => cockpit.v1.hosts['identity-providers'].$post({ json: registration }, cockpit.actingForHost(host)),
    (res) => res.json(),
  );
}

export function listIdentityProviders(cockpit: Cockpit, host: HostIdentity): Promise<IdentityProvider[]> {
  return fromCockpit(
    () => cockpit.v1.hosts['identity-providers'].$get(undefined, cockpit.actingForHost(host)),
    async (res) => (await res.json()).items,
  );
}

export function removeIdentityProvider(cockpit: Cockpit, host: HostIdentity, id: string): Promise<void> {
  return fromCockpit(
    () => cockpit.v1.hosts['identity-providers'][':id'].$delete({ param: { id } }, cockpit.actingForHost(host)),
    () => undefined,
  );
}
