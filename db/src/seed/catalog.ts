/** Products the MSP sells, contracts its customers hold and the tenants they run. */
export interface SeedProduct {
  code: string;
  name: string;
  tenantTypes: string[];
}

export const products: SeedProduct[] = [
  { code: 'BAAS', name: 'Backup as a Service', tenantTypes: ['productive', 'test', 'validation', 'development'] },
  { code: 'ERP', name: 'Cloud ERP', tenantTypes: ['productive', 'test', 'development'] },
];

export interface SeedContract {
  externalRef: string;
  businessUnit: string;
  product: string;
  sla: 'bronze' | 'silver' | 'gold' | 'platinum';
  extraTestTenants?: number;
  startsOn: string;
  endsOn?: string;
}

export const contracts: SeedContract[] = [
  { externalRef: 'SO-1000', businessUnit: 'msp/internal', product: 'BAAS', sla: 'platinum', startsOn: '2024-01-01' },
  { externalRef: 'SO-1001', businessUnit: 'customer-one', product: 'BAAS', sla: 'gold', startsOn: '2025-03-01' },
  {
    externalRef: 'SO-1002',
    businessUnit: 'customer-one',
    product: 'ERP',
    sla: 'gold',
    extraTestTenants: 1,
    startsOn: '2025-03-01',
  },
  {
    externalRef: 'SO-1003',
    businessUnit: 'globex',
    product: 'BAAS',
    sla: 'silver',
    startsOn: '2023-06-01',
    endsOn: '2026-05-31',
  },
  { externalRef: 'RS1-2000', businessUnit: 'contoso', product: 'ERP', sla: 'gold', startsOn: '2025-01-01' },
  { externalRef: 'RS1-2001', businessUnit: 'contoso', product: 'BAAS', sla: 'silver', startsOn: '2025-01-01' },
  { externalRef: 'RS1-2002', businessUnit: 'fabrikam', product: 'BAAS', sla: 'platinum', startsOn: '2025-09-01' },
];

export interface SeedTenant {
  key: string;
  name: string;
  businessUnit: string;
  product: string;
  type: string;
  lifecycleStatus: 'provisioning' | 'live' | 'decommissioning' | 'retained' | 'archived';
  operationalStatus: 'up' | 'degraded' | 'down' | 'maintenance';
}

export const tenants: SeedTenant[] = [
  t('critical-core-prod', 'Core databases backup', 'msp/internal/critical/core-databases', 'BAAS', 'productive'),
  t('critical-erp-prod', 'ERP servers backup', 'msp/internal/critical/erp-servers', 'BAAS', 'productive'),
  t('other-files-prod', 'File servers backup', 'msp/internal/other/file-servers', 'BAAS', 'productive'),
  t('other-build-dev', 'Build servers sandbox', 'msp/internal/other/build-servers', 'BAAS', 'development'),
  t('c1-erp-prod', 'Customer One ERP', 'customer-one', 'ERP', 'productive'),
  t('c1-erp-test', 'Customer One ERP Test', 'customer-one', 'ERP', 'test'),
  t('c1-emea-finance-backup', 'EMEA Finance backup', 'customer-one/emea/finance', 'BAAS', 'productive'),
  t('c1-emea-eng-backup', 'EMEA Engineering backup', 'customer-one/emea/engineering', 'BAAS', 'productive', 'degraded'),
  t('c1-americas-sales-backup', 'Americas Sales backup', 'customer-one/americas/sales', 'BAAS', 'productive'),
  t('globex-backup', 'Globex backup', 'globex', 'BAAS', 'productive', 'maintenance'),
  t('contoso-erp-prod', 'Contoso ERP', 'contoso', 'ERP', 'productive'),
  t('contoso-erp-test', 'Contoso ERP Test', 'contoso', 'ERP', 'test'),
  t('contoso-finance-backup', 'North Finance backup', 'contoso/north/finance', 'BAAS', 'productive'),
  t('contoso-finance-test', 'North Finance restore test', 'contoso/north/finance', 'BAAS', 'test'),
  t('contoso-logistics-backup', 'North Logistics backup', 'contoso/north/logistics', 'BAAS', 'productive', 'down'),
  t('contoso-stores-backup', 'South Stores backup', 'contoso/south/stores', 'BAAS', 'productive'),
  t('fabrikam-imaging-prod', 'Radiology imaging backup', 'fabrikam/central/radiology', 'BAAS', 'productive'),
  {
    ...t('fabrikam-imaging-val', 'Radiology imaging validation', 'fabrikam/central/radiology', 'BAAS', 'validation'),
    lifecycleStatus: 'provisioning',
  },
];

function t(
  key: string,
  name: string,
  businessUnit: string,
  product: string,
  type: string,
  operationalStatus: SeedTenant['operationalStatus'] = 'up',
): SeedTenant {
  return { key, name, businessUnit, product, type, lifecycleStatus: 'live', operationalStatus };
}

/** Rows of application data each seeded tenant holds. */
export const applicationDataRowsPerTenant = 12;

/** The release each product's tenants run unless a tenant names another (test tenants run ahead). */
export const productVersions: Record<string, string> = { BAAS: '3.2.0', ERP: '2.4.0' };
const testProductVersions: Record<string, string> = { BAAS: '3.3.0', ERP: '2.5.0' };

export function productVersionOf(tenant: SeedTenant): string {
  const versions = tenant.type === 'productive' ? productVersions : testProductVersions;
  return versions[tenant.product] ?? '1.0.0';
}

const text = (maxLength: number) => ({ type: 'string', maxLength });
const integer = (minimum: number, maximum: number) => ({ type: 'integer', minimum, maximum });
const section = (properties: Record<string, unknown>) => ({ type: 'object', properties, additionalProperties: false });

/** What each product's solution profile may hold (cockpit/src/transports/profile-schema.ts reads it). */
export const profileSchemas: Record<string, Record<string, unknown>> = {
  BAAS: section({
    backup: section({
      schedule: { type: 'string', enum: ['hourly', 'daily', 'weekly'] },
      window: section({ start: text(5), end: text(5) }),
      compression: { type: 'boolean' },
    }),
    retention: section({ days: integer(1, 3650), legalHold: { type: 'boolean' } }),
    workspace: section({
      name: text(200),
      notifications: section({ email: { type: 'boolean' }, retryCount: integer(0, 10) }),
    }),
  }),
  ERP: section({
    general: section({ companyName: text(200), currency: text(3), fiscalYearStart: text(5), timeZone: text(64) }),
    mail: section({
      sender: text(200),
      retryCount: integer(0, 10),
      templates: { type: 'object', additionalProperties: text(100) },
    }),
    workflow: section({
      approvalLimit: integer(0, 10_000_000),
      steps: { type: 'array', items: text(50), maxItems: 20 },
    }),
  }),
};

/** A seeded tenant's configuration: its type decides a few settings, so profiles differ between tenants. */
export function solutionProfileFor(tenant: SeedTenant): Record<string, unknown> {
  const productive = tenant.type === 'productive';
  if (tenant.product === 'ERP') {
    return {
      general: { companyName: tenant.name, currency: 'EUR', fiscalYearStart: '01-01' },
      mail: { sender: `erp@${tenant.key}.example`, retryCount: 3, templates: { invoice: 'standard' } },
      workflow: { approvalLimit: 10_000, steps: ['draft', 'review', 'post'] },
    };
  }
  return {
    backup: { schedule: productive ? 'hourly' : 'daily', window: { start: '22:00', end: '04:00' }, compression: true },
    retention: { days: productive ? 90 : 14, legalHold: false },
    workspace: { name: tenant.name, notifications: { email: true, retryCount: 3 } },
  };
}

/**
 * Every seeded version of a tenant's profile, oldest first. Test tenants were changed once since:
 * a delta from test to productive has something to carry.
 */
export function solutionProfileVersionsFor(tenant: SeedTenant): Record<string, unknown>[] {
  const first = solutionProfileFor(tenant);
  if (tenant.type !== 'test') return [first];
  const second = structuredClone(first) as Record<string, Record<string, unknown>>;
  if (tenant.product === 'ERP') {
    (second.mail as Record<string, unknown>).retryCount = 5;
    (second.workflow as Record<string, unknown>).approvalLimit = 25_000;
    (second.general as Record<string, unknown>).timeZone = 'Europe/Berlin';
  } else {
    (second.backup as Record<string, unknown>).window = { start: '23:00', end: '05:00' };
  }
  return [first, second];
}

export interface SeedExtension {
  product: string;
  name: string;
  version: string;
  minProductVersion: string;
  maxProductVersion?: string;
  dependsOn?: { name: string; minVersion: string }[];
}

/** The extensions each product offers. */
export const extensions: SeedExtension[] = [
  { product: 'ERP', name: 'payroll', version: '1.0.0', minProductVersion: '2.0.0' },
  { product: 'ERP', name: 'payroll', version: '1.2.0', minProductVersion: '2.4.0' },
  {
    product: 'ERP',
    name: 'payroll-de',
    version: '1.0.0',
    minProductVersion: '2.4.0',
    dependsOn: [{ name: 'payroll', minVersion: '1.2.0' }],
  },
  { product: 'ERP', name: 'analytics', version: '2.0.0', minProductVersion: '2.5.0', maxProductVersion: '3.0.0' },
  { product: 'BAAS', name: 'immutable-vault', version: '1.0.0', minProductVersion: '3.0.0' },
  {
    product: 'BAAS',
    name: 'ransomware-scan',
    version: '1.1.0',
    minProductVersion: '3.2.0',
    dependsOn: [{ name: 'immutable-vault', minVersion: '1.0.0' }],
  },
];

/** What the seeded tenants have installed: test tenants run ahead of productive ones. */
export const installedExtensions: { tenant: string; name: string; version: string }[] = [
  { tenant: 'contoso-erp-prod', name: 'payroll', version: '1.0.0' },
  { tenant: 'contoso-erp-test', name: 'payroll', version: '1.2.0' },
  { tenant: 'contoso-erp-test', name: 'payroll-de', version: '1.0.0' },
  { tenant: 'contoso-erp-test', name: 'analytics', version: '2.0.0' },
  { tenant: 'c1-erp-prod', name: 'payroll', version: '1.0.0' },
  { tenant: 'c1-erp-test', name: 'payroll', version: '1.2.0' },
  { tenant: 'contoso-finance-test', name: 'immutable-vault', version: '1.0.0' },
  { tenant: 'contoso-finance-test', name: 'ransomware-scan', version: '1.1.0' },
];
