/** Types of the BFF's JSON contract as consumed by the widget. */

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
}

export interface SessionBusinessUnit {
  id: string;
  name: string;
  kind: string;
}

/** `GET /v1/widget/session` */
export interface Session {
  user: SessionUser;
  businessUnit: SessionBusinessUnit;
  roles: string[];
}

/** A step of a path from the caller's own unit down (breadcrumbs, search results). */
export interface BusinessUnitRef {
  id: string;
  name: string;
  kind?: string;
}

/** An item of `GET /v1/widget/business-units`. */
export interface BusinessUnit {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  depth: number;
  /** Direct children; absent from older answers, then the node may have children. */
  childCount?: number;
  /** Only in search results: the caller's unit down to the parent, excluding the unit itself. */
  ancestors?: BusinessUnitRef[];
}

/** One page of a list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type RoleName = 'viewer' | 'operator' | 'admin' | 'billing';

/** What `POST /v1/widget/business-units/{id}/move-preview` says a move would change. */
export interface MovePreview {
  businessUnit: { id: string; name: string };
  from: { parentId: string | null; path: string[] };
  to: { parentId: string | null; path: string[] };
  counts: MoveCounts;
  brand: {
    before: { sourceBusinessUnitId: string; name: string } | null;
    after: { sourceBusinessUnitId: string; name: string } | null;
    changes: boolean;
  };
  inheritedRoles: { userId: string; email: string; before: RoleName[]; after: RoleName[] }[];
}

export interface MoveCounts {
  businessUnits: number;
  tenants: number;
  users: number;
  roleAssignments: number;
  dataSources: number;
}

export interface RoleAssignment {
  id: string;
  businessUnitId: string;
  businessUnitName: string;
  role: RoleName;
}

/** An item of `GET /v1/widget/users`. */
export interface User {
  id: string;
  email: string;
  displayName: string;
  businessUnitId: string;
  roles: RoleAssignment[];
}

export type TenantType = 'productive' | 'test' | 'validation' | 'development' | (string & {});

export type LifecycleStatus =
  | 'live'
  | 'provisioning'
  | 'decommissioning'
  | 'retained'
  | 'archived'
  | 'deleted'
  | (string & {});

export type OperationalStatus = 'up' | 'degraded' | 'down' | 'maintenance' | (string & {});

/** An item of `GET /v1/widget/tenants` */
export interface Tenant {
  id: string;
  name: string;
  type: TenantType;
  lifecycleStatus: LifecycleStatus;
  operationalStatus: OperationalStatus;
  businessUnitId: string;
  productId: string;
  productName: string;
  createdAt: string;
  /** Until when a decommissioned tenant can be brought back as it was. */
  retainedUntil?: string | null;
}

export interface ItemsResponse<T> {
  items: T[];
}

/** RFC 9457 problem details, as sent with `content-type: application/problem+json`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** The fields (and for rejected operation requests, the rules) that failed. */
  errors?: { field?: string; rule?: string; message: string }[];
}

/** An item of `GET /v1/widget/products`: a product the caller may order, with its tenant types. */
export interface Product {
  id: string;
  name: string;
  tenantTypes: TenantType[];
}

export type OperationKind = 'order' | 'copy' | 'decommission' | 'restore';

export type OperationState =
  | 'requested'
  | 'validated'
  | 'queued'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'rejected'
  | 'cancelled';

/** One rule's verdict on a draft. A failed blocking rule stops the request; others are notices. */
export interface Validation {
  rule: string;
  passed: boolean;
  blocking: boolean;
  message: string;
  field?: string;
}

/** A value the cockpit proposes for a draft, and why. */
export interface Determination<T> {
  value: T;
  reason: string;
}

export interface Determinations {
  applicationDataSourceTenantId?: Determination<string | null>;
  solutionProfileSourceTenantId?: Determination<string | null>;
  name?: Determination<string | null>;
}

/** A draft of an operation request, as `POST /v1/widget/operation-requests` takes it. */
export type OperationDraft =
  | {
      kind: 'order';
      businessUnitId: string;
      productId: string;
      type: string;
      name?: string;
      /** Omitted: the cockpit's proposal; `null`: none, an initial tenant. */
      applicationDataSourceTenantId?: string | null;
      solutionProfileSourceTenantId?: string | null;
    }
  | { kind: 'decommission'; tenantId: string }
  | { kind: 'restore'; tenantId: string; mode: 'same' | 'new' }
  | { kind: 'copy'; sourceTenantId: string; targetTenantId: string; parts: ('applicationData' | 'solutionProfile')[] };

/** `POST /v1/widget/operation-requests/dry-run` */
export interface DryRunResult {
  allowed: boolean;
  chargeable: boolean;
  validations: Validation[];
  determinations: Determinations;
}

/** A customer-initiated tenant operation and how far it got. */
export interface OperationRequest {
  id: string;
  kind: OperationKind;
  state: OperationState;
  /** 0..100 */
  progress: number;
  step: string | null;
  businessUnitId: string;
  tenantId: string | null;
  productId: string;
  draft: Partial<Record<string, unknown>> & { kind: OperationKind; name?: string; type?: string };
  determinations: Determinations;
  validations: Validation[];
  chargeable: boolean;
  requestedBy: { userId: string; email: string };
  error: { code: string; message: string } | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}
