/**
 * The BFF calls only the admin screens make (business units, brands, the audit log, users and
 * roles). They come with the admin chunk instead of the entry every page loads: loading this module
 * adds them to `BffClient.prototype`, so every client (a host's own too) has them from then on, and
 * the interface augmentation below types them. The components calling them import this module, so
 * they never run without it.
 */
import { BffClient, pageOf, query, record } from './bff-client.js';
import type {
  AuditEvent,
  AuditEventFilters,
  AuditEventPage,
  BrandInput,
  BusinessUnit,
  CreateBusinessUnitBody,
  CreateUserBody,
  GrantRoleBody,
  MoveBusinessUnitBody,
  MovePreview,
  MovePreviewBody,
  MoveResult,
  RoleAssignment,
  UnitBrand,
  UpdateBusinessUnitBody,
  User,
  UserPage,
} from './types.js';

declare module './bff-client.js' {
  interface BffClient {
    createBusinessUnit(body: CreateBusinessUnitBody): Promise<BusinessUnit>;
    updateBusinessUnit(id: string, body: UpdateBusinessUnitBody): Promise<BusinessUnit>;
    deleteBusinessUnit(id: string): Promise<void>;
    previewMove(id: string, newParentId: string): Promise<MovePreview>;
    moveBusinessUnit(id: string, newParentId: string): Promise<MoveResult>;
    /** Sets (or with null clears) a unit's own brand; a refused brand changes nothing. */
    putBrand(id: string, brand: BrandInput | null): Promise<UnitBrand>;
    /** A page of the audit log of `businessUnitId`'s subtree (admins only; others get a 404). */
    listAuditEvents(
      businessUnitId: string | undefined,
      filters: AuditEventFilters,
      cursor?: string,
      signal?: AbortSignal,
    ): Promise<AuditEventPage>;
    /** Users whose home is `businessUnitId` or below it. */
    listUsers(businessUnitId: string, cursor?: string, signal?: AbortSignal): Promise<UserPage>;
    getUser(id: string, signal?: AbortSignal): Promise<User>;
    createUser(body: CreateUserBody): Promise<User>;
    grantRole(body: GrantRoleBody): Promise<RoleAssignment>;
    revokeRole(id: string): Promise<void>;
  }
}

const unitPath = (id: string, rest = '') => `/v1/widget/business-units/${encodeURIComponent(id)}${rest}`;

const adminCalls: ThisType<BffClient> &
  Pick<
    BffClient,
    | 'createBusinessUnit'
    | 'updateBusinessUnit'
    | 'deleteBusinessUnit'
    | 'previewMove'
    | 'moveBusinessUnit'
    | 'putBrand'
    | 'listAuditEvents'
    | 'listUsers'
    | 'getUser'
    | 'createUser'
    | 'grantRole'
    | 'revokeRole'
  > = {
  createBusinessUnit(body) {
    return this.request('/v1/widget/business-units', { method: 'POST', body }, record<BusinessUnit>);
  },

  updateBusinessUnit(id, body) {
    return this.request(unitPath(id), { method: 'PATCH', body }, record<BusinessUnit>);
  },

  async deleteBusinessUnit(id) {
    await this.request(unitPath(id), { method: 'DELETE' }, () => true);
  },

  previewMove(id, newParentId) {
    const body = { newParentId } satisfies MovePreviewBody;
    return this.request(unitPath(id, '/move-preview'), { method: 'POST', body }, record<MovePreview>);
  },

  moveBusinessUnit(id, newParentId) {
    const body = { newParentId } satisfies MoveBusinessUnitBody;
    return this.request(unitPath(id, '/move'), { method: 'POST', body }, record<MoveResult>);
  },

  putBrand(id, brand) {
    return this.request(unitPath(id, '/brand'), { method: 'PUT', body: { brand } }, record<UnitBrand>);
  },

  listAuditEvents(businessUnitId, filters, cursor, signal) {
    const path = `/v1/widget/audit-events${query({ businessUnitId, ...filters, cursor })}`;
    return this.request(path, { signal }, pageOf<AuditEvent>);
  },

  listUsers(businessUnitId, cursor, signal) {
    return this.request(`/v1/widget/users${query({ businessUnitId, cursor })}`, { signal }, pageOf<User>);
  },

  getUser(id, signal) {
    return this.request(`/v1/widget/users/${encodeURIComponent(id)}`, { signal }, record<User>);
  },

  createUser(body) {
    return this.request('/v1/widget/users', { method: 'POST', body }, record<User>);
  },

  grantRole(body) {
    return this.request('/v1/widget/role-assignments', { method: 'POST', body }, record<RoleAssignment>);
  },

  async revokeRole(id) {
    await this.request(`/v1/widget/role-assignments/${encodeURIComponent(id)}`, { method: 'DELETE' }, () => true);
  },
};

Object.assign(BffClient.prototype, adminCalls);
