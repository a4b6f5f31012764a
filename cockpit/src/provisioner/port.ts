/**
 * Where tenants physically come and go. The cockpit decides and records; a provisioner does the
 * work on the infrastructure. Every call carries the operation request's id and must be
 * idempotent for it: a worker that dies mid-step resumes by calling the same step again.
 */
export interface TenantSpec {
  tenantId: string;
  businessUnitId: string;
  productId: string;
  name: string;
  type: string;
  /** The owning unit's path: rows the provisioner writes carry it for row-level security. */
  buPath: string;
}

export type TenantPart = 'applicationData' | 'solutionProfile';
export interface CopyPreview {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  keys: { key: string; op: 'added' | 'changed' | 'removed' }[];
}

export type OperationalStatus = 'up' | 'degraded' | 'down' | 'maintenance';

export interface Provisioner {
  /** Creates the tenant in `provisioning`; a second call for the same tenant id does nothing. */
  createTenant(requestId: string, spec: TenantSpec): Promise<void>;
  /** Copies one part from source to target, replacing the target's part; repeating it yields the same result. */
  copyPart(
    requestId: string,
    part: TenantPart,
    sourceTenantId: string,
    targetTenantId: string,
  ): Promise<{ rows: number }>;
  /**
   * What `copyPart` would replace in the target, changing nothing: counts per kind of change and
   * the first `sample` changed keys in key order.
   */
  previewCopy(part: TenantPart, sourceTenantId: string, targetTenantId: string, sample: number): Promise<CopyPreview>;
  /** Brings a provisioned tenant live. */
  activateTenant(requestId: string, tenantId: string): Promise<void>;
  /** Writes one snapshot per request, then removes the tenant's data; the tenant ends `archived`. */
  archiveTenant(requestId: string, tenantId: string): Promise<void>;
  /** Removes the tenant's data; the tenant ends `deleted`. */
  deleteTenant(requestId: string, tenantId: string): Promise<void>;
  /** Restores the newest archive of `archivedTenantId` into `target` (the same id or a new tenant), live. */
  restoreTenant(requestId: string, archivedTenantId: string, target: TenantSpec): Promise<void>;
  /** Compensation: removes a tenant this request created, with everything in it. */
  discardTenant(requestId: string, tenantId: string): Promise<void>;
  /** The operational status the infrastructure reports, per tenant id it knows. */
  operationalStatus(tenantIds: string[]): Promise<Map<string, OperationalStatus>>;
}
