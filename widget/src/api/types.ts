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

export type LifecycleStatus = 'live' | 'provisioning' | 'decommissioning' | 'retained' | 'archived' | (string & {});

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
  /** The fields a 400 names, e.g. `body.name`, with a message each. */
  errors?: { field: string; message: string }[];
}
