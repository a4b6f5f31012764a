/**
 * The BFF calls of transports and solution profiles: a transport's preview, a tenant's profile
 * versions and its extensions. They come with the transports chunk: loading this module adds them
 * to `BffClient.prototype` (as `operation-calls.ts` does for the operations), and the interface
 * augmentation types them. Submitting a transport or a rollback is an operation request.
 */
import { BffClient, isRecord, record } from './bff-client.js';
import type { ProfileVersion, SolutionProfile, TenantExtensions, TransportDraft, TransportPreview } from './types.js';

declare module './bff-client.js' {
  interface BffClient {
    /** What the draft would change in its target, and the rules' verdicts; changes nothing. */
    previewTransport(draft: TransportDraft, signal?: AbortSignal): Promise<TransportPreview>;
    getSolutionProfile(tenantId: string, signal?: AbortSignal): Promise<SolutionProfile>;
    getProfileVersion(tenantId: string, version: number, signal?: AbortSignal): Promise<ProfileVersion>;
    getTenantExtensions(tenantId: string, signal?: AbortSignal): Promise<TenantExtensions>;
  }
}

const tenantPath = (tenantId: string) => `/v1/widget/tenants/${encodeURIComponent(tenantId)}`;

const transportCalls: ThisType<BffClient> &
  Pick<BffClient, 'previewTransport' | 'getSolutionProfile' | 'getProfileVersion' | 'getTenantExtensions'> = {
  previewTransport(draft, signal) {
    return this.request('/v1/widget/transports/preview', { signal, method: 'POST', body: draft }, (body) =>
      isRecord(body) && Array.isArray(body.validations) ? (body as unknown as TransportPreview) : undefined,
    );
  },

  getSolutionProfile(tenantId, signal) {
    return this.request(`${tenantPath(tenantId)}/solution-profile`, { signal }, (body) =>
      isRecord(body) && Array.isArray(body.versions) ? (body as unknown as SolutionProfile) : undefined,
    );
  },

  getProfileVersion(tenantId, version, signal) {
    const path = `${tenantPath(tenantId)}/solution-profile/versions/${encodeURIComponent(String(version))}`;
    return this.request(path, { signal }, record<ProfileVersion>);
  },

  getTenantExtensions(tenantId, signal) {
    return this.request(`${tenantPath(tenantId)}/extensions`, { signal }, (body) =>
      isRecord(body) && Array.isArray(body.installed) ? (body as unknown as TenantExtensions) : undefined,
    );
  },
};

Object.assign(BffClient.prototype, transportCalls);
