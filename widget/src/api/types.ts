/**
 * The BFF's JSON contract as the widget consumes it, by the names the widget uses. Every type comes
 * from the BFF's OpenAPI document (`bff-api.generated.ts`, written by `pnpm api-types`), read off
 * the endpoint that answers it: when an answer changes, tsc shows where the widget has to follow.
 */
import type { components, paths } from './bff-api.generated.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** An operation of the document; `never` where the path has no such method. */
type Operation<Path extends keyof paths, M extends Method> = Exclude<paths[Path][M], undefined>;

type Json<Content> = Content extends { content: { 'application/json': infer Body } } ? Body : never;

/**
 * The statuses an operation answers with a JSON body. Constraining to them keeps a path, method or
 * status the document lacks from turning a type into `never`, which tsc would accept everywhere.
 */
type JsonStatus<Op> = Op extends { responses: infer Responses }
  ? { [Status in keyof Responses]: [Json<Responses[Status]>] extends [never] ? never : Status }[keyof Responses]
  : never;

/** The JSON body `method path` answers with `status`. */
type Answer<Path extends keyof paths, M extends Method, Status extends JsonStatus<Operation<Path, M>>> =
  Operation<Path, M> extends { responses: infer Responses } ? Json<Responses[Status & keyof Responses]> : never;

type JsonRequestBody<Op> = Op extends { requestBody?: infer Body } ? Json<NonNullable<Body>> : never;

/** The methods of a path that take a JSON body. */
type BodyMethod<Path extends keyof paths> = {
  [M in Method]: [JsonRequestBody<Operation<Path, M>>] extends [never] ? never : M;
}[Method];

/** The JSON body `method path` takes. */
type RequestBody<Path extends keyof paths, M extends BodyMethod<Path>> = JsonRequestBody<Operation<Path, M>>;

/** RFC 9457 problem details, as sent with `content-type: application/problem+json`. */
export type ProblemDetails = components['schemas']['Problem'];

/** `GET /v1/widget/session` */
export type Session = Answer<'/v1/widget/session', 'get', 200>;
export type SessionUser = Session['user'];
export type SessionBusinessUnit = Session['businessUnit'];

/** The brand a unit shows (its own or its nearest ancestor's) and where it comes from; null: the default look. */
export type EffectiveBrand = Session['brand'];
/** `GET /v1/widget/business-units/{id}/brand`: the unit's own brand, the one it shows, contrast warnings. */
export type UnitBrand = Answer<'/v1/widget/business-units/{id}/brand', 'get', 200>;
export type Brand = NonNullable<UnitBrand['own']>;
export type BrandPalette = NonNullable<Brand['light']>;
export type BrandWarning = UnitBrand['warnings'][number];
/** A brand as `PUT /v1/widget/business-units/{id}/brand` takes it: a new logo as base64 data, or the current one's sha256. */
export type BrandInput = NonNullable<RequestBody<'/v1/widget/business-units/{id}/brand', 'put'>['brand']>;

/** `GET /v1/widget/tenants`: one sorted, filtered page, with the count of all matches (capped). */
export type TenantPage = Answer<'/v1/widget/tenants', 'get', 200>;
export type Tenant = TenantPage['items'][number];
/** What the tenant list may ask for: sort, order, filters, search, page size and cursor. */
export type TenantQuery = NonNullable<Operation<'/v1/widget/tenants', 'get'>['parameters']['query']>;
export type TenantSort = NonNullable<TenantQuery['sort']>;
export type TenantAction = Tenant['allowedActions'][number];
export type TenantType = Tenant['type'];
export type LifecycleStatus = Tenant['lifecycleStatus'];
export type OperationalStatus = Tenant['operationalStatus'];

/** `GET /v1/widget/business-units`: a page of one tree level, or search results; `nextCursor` is null on the last page. */
export type BusinessUnitLevel = Answer<'/v1/widget/business-units', 'get', 200>;
export type BusinessUnit = BusinessUnitLevel['items'][number];

/** `GET /v1/widget/business-units/{id}/ancestors`: the caller's unit down to the unit, inclusive. */
export type Ancestor = Answer<'/v1/widget/business-units/{id}/ancestors', 'get', 200>['items'][number];

/**
 * A step of a path from the caller's own unit down (breadcrumbs, search results). A search result's
 * ancestors come without the kind that the ancestors endpoint and the units themselves carry.
 */
export type BusinessUnitRef = NonNullable<BusinessUnit['ancestors']>[number] & Partial<Pick<Ancestor, 'kind'>>;

export type CreateBusinessUnitBody = RequestBody<'/v1/widget/business-units', 'post'>;
export type UpdateBusinessUnitBody = RequestBody<'/v1/widget/business-units/{id}', 'patch'>;
export type MoveBusinessUnitBody = RequestBody<'/v1/widget/business-units/{id}/move', 'post'>;
export type MovePreviewBody = RequestBody<'/v1/widget/business-units/{id}/move-preview', 'post'>;

/** `POST /v1/widget/business-units/{id}/move-preview`: what a move would change. */
export type MovePreview = Answer<'/v1/widget/business-units/{id}/move-preview', 'post', 200>;
export type MoveCounts = MovePreview['counts'];
/** `POST /v1/widget/business-units/{id}/move` */
export type MoveResult = Answer<'/v1/widget/business-units/{id}/move', 'post', 200>;

/** `GET /v1/widget/audit-events`: a page of the audit log, newest first. */
export type AuditEventPage = Answer<'/v1/widget/audit-events', 'get', 200>;
export type AuditEvent = AuditEventPage['items'][number];
/** The log's filters: an action or its prefix (`operation-request.`), part of an actor's e-mail, a time range. */
export type AuditEventFilters = Omit<
  NonNullable<paths['/v1/widget/audit-events']['get']['parameters']['query']>,
  'cursor' | 'businessUnitId'
>;

/** `GET /v1/widget/alerts`: the subtree's alerts, newest first, with the caller's unread count. */
export type AlertPage = Answer<'/v1/widget/alerts', 'get', 200>;
export type Alert = AlertPage['items'][number];
/** `POST /v1/widget/alerts/read` */
export type MarkedRead = Answer<'/v1/widget/alerts/read', 'post', 200>;

/** `GET /v1/widget/users` */
export type UserPage = Answer<'/v1/widget/users', 'get', 200>;
export type User = UserPage['items'][number];
/** A role a user holds, as a user's list shows it (with the unit's name). */
export type UserRole = User['roles'][number];
export type RoleName = UserRole['role'];

export type CreateUserBody = RequestBody<'/v1/widget/users', 'post'>;
export type GrantRoleBody = RequestBody<'/v1/widget/role-assignments', 'post'>;
/** `POST /v1/widget/role-assignments`: the new assignment. */
export type RoleAssignment = Answer<'/v1/widget/role-assignments', 'post', 201>;

/** An item of `GET /v1/widget/products`: a product the caller may order, with its tenant types. */
export type Product = Answer<'/v1/widget/products', 'get', 200>['items'][number];

/** A draft of an operation request, as `POST /v1/widget/operation-requests` takes it. */
export type OperationDraft = RequestBody<'/v1/widget/operation-requests', 'post'>;

/** `POST /v1/widget/operation-requests/dry-run` */
export type DryRunResult = Answer<'/v1/widget/operation-requests/dry-run', 'post', 200>;
/** One rule's verdict on a draft. A failed blocking rule stops the request; others are notices. */
export type Validation = DryRunResult['validations'][number];
export type Determinations = DryRunResult['determinations'];
/** A value the cockpit proposes for a draft, and why. */
export type Determination = NonNullable<Determinations[keyof Determinations]>;

/** A customer-initiated tenant operation and how far it got. */
export type OperationRequest = Answer<'/v1/widget/operation-requests', 'post', 202>;

/** `GET /v1/widget/approvals/{id}`: a request or move waiting for four eyes, with the decisions so far. */
export type Approval = Answer<'/v1/widget/approvals/{id}', 'get', 200>;
export type ApprovalDecision = Approval['allowedActions'][number];
export type OperationKind = OperationRequest['kind'];
export type OperationState = OperationRequest['state'];

/** `GET /v1/widget/step-up`: whether the acting unit requires TOTP, the user's enrolment, this session's step-up. */
export type StepUpStatus = Answer<'/v1/widget/step-up', 'get', 200>;
/** A code from the authenticator app, or a recovery code. */
export type StepUpBody = RequestBody<'/v1/widget/step-up', 'post'>;
export type StepUpPassed = Answer<'/v1/widget/step-up', 'post', 200>;
/** A new TOTP secret: as text, as an otpauth URI and as a QR code. */
export type TotpEnrolment = Answer<'/v1/widget/step-up/enrolment', 'post', 201>;
export type TotpEnrolled = Answer<'/v1/widget/step-up/enrolment/confirm', 'post', 200>;
export type TotpPolicy = Answer<'/v1/widget/business-units/{id}/totp-policy', 'get', 200>;

/** `POST /v1/widget/transports/preview`: what a transport would change, and whether it may run now. */
export type TransportPreview = Answer<'/v1/widget/transports/preview', 'post', 200>;
export type TransportDraft = RequestBody<'/v1/widget/transports/preview', 'post'>;
export type ProfileChange = components['schemas']['ProfileChange'];
export type ProfileConflict = components['schemas']['ProfileConflict'];
export type ConflictResolution = NonNullable<ProfileConflict['resolution']>;
/** `GET /v1/widget/tenants/{id}/solution-profile`: the current document and every version, newest first. */
export type SolutionProfile = Answer<'/v1/widget/tenants/{id}/solution-profile', 'get', 200>;
export type ProfileVersionSummary = SolutionProfile['versions'][number];
/** `GET /v1/widget/tenants/{id}/solution-profile/versions/{version}` */
export type ProfileVersion = Answer<'/v1/widget/tenants/{id}/solution-profile/versions/{version}', 'get', 200>;
/** `GET /v1/widget/tenants/{id}/extensions`: installed, the product version and the catalogue. */
export type TenantExtensions = Answer<'/v1/widget/tenants/{id}/extensions', 'get', 200>;

/** `GET /v1/widget/billing/business-units/{id}/usage`: the subtree's usage by metric, child, data source and day. */
export type UsageSummary = Answer<'/v1/widget/billing/business-units/{id}/usage', 'get', 200>;
/** `GET /v1/widget/billing/business-units/{id}/invoices`: what the unit issues (drafts too) and what it received. */
export type InvoiceList = Answer<'/v1/widget/billing/business-units/{id}/invoices', 'get', 200>;
export type InvoiceSummary = InvoiceList['issued'][number];
/** `GET /v1/widget/billing/invoices/{id}`: an invoice with its lines. */
export type Invoice = Answer<'/v1/widget/billing/invoices/{id}', 'get', 200>;
export type InvoiceLine = Invoice['lines'][number];
/** `GET /v1/widget/billing/business-units/{id}/show-back`: the subtree at its internal prices. */
export type ShowBack = Answer<'/v1/widget/billing/business-units/{id}/show-back', 'get', 200>;
/** `GET /v1/widget/billing/business-units/{id}/price-lists`: sale list, per-buyer overrides, internal list. */
export type PriceLists = Answer<'/v1/widget/billing/business-units/{id}/price-lists', 'get', 200>;
export type PriceList = NonNullable<PriceLists['sale']>;
/** A price list as `PUT …/price-lists/sale` (and the buyer's and internal list) take it. */
export type PriceListBody = RequestBody<'/v1/widget/billing/business-units/{id}/price-lists/sale', 'put'>;
export type PriceListEntry = PriceListBody['entries'][number];

/** `GET /v1/widget/business-units/{id}/data-sources`: a unit's data sources, each with its latest usage day. */
export type DataSource = Answer<'/v1/widget/business-units/{id}/data-sources', 'get', 200>['items'][number];
export type CreateDataSourceBody = RequestBody<'/v1/widget/business-units/{id}/data-sources', 'post'>;
export type UpdateDataSourceBody = RequestBody<'/v1/widget/data-sources/{id}', 'patch'>;
