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

/** An item of `GET /v1/widget/business-units`; items come in tree pre-order. */
export interface BusinessUnit {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  depth: number;
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
}
