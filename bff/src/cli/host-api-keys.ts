import type { HostApiKey } from '@scc/contracts/host-api-keys';
import { type Cockpit, fromCockpit, type HostIdentity } from '../cockpit/cockpit-client.js';
import { hashApiKey, newApiKey } from '../hosts/host-registry.js';

/**
 * What the admin CLI does with a host's API keys in the cockpit, acting as the host through the
 * BFF's own service key. A new key is made here and shown once; the cockpit keeps only its hash.
 */
export async function createHostApiKey(
  cockpit: Cockpit,
  host: HostIdentity,
  options: { expiresInSeconds?: number | undefined; overlapSeconds?: number | undefined } = {},
): Promise<{ apiKey: string; key: HostApiKey }> {
  const apiKey = newApiKey(host.id);
  const key = await fromCockpit(
    () =>
      cockpit.v1.hosts['api-keys'].$post(
        {
          json: {
            hash: hashApiKey(apiKey),
            ...(options.expiresInSeconds === undefined ? {} : { expiresInSeconds: options.expiresInSeconds }),
            ...(options.overlapSeconds === undefined ? {} : { rotation: { overlapSeconds: options.overlapSeconds } }),
          },
        },
        cockpit.actingForHost(host),
      ),
    (res) => res.json(),
  );
  return { apiKey, key };
}

export function listHostApiKeys(cockpit: Cockpit, host: HostIdentity): Promise<HostApiKey[]> {
  return fromCockpit(
    () => cockpit.v1.hosts['api-keys'].$get(undefined, cockpit.actingForHost(host)),
    async (res) => (await res.json()).items,
  );
}

export function revokeHostApiKey(cockpit: Cockpit, host: HostIdentity, keyId: string): Promise<HostApiKey> {
  return fromCockpit(
    () => cockpit.v1.hosts['api-keys'][':id'].revoke.$post({ param: { id: keyId } }, cockpit.actingForHost(host)),
    (res) => res.json(),
  );
}
