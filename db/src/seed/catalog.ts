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

/** A seeded tenant's configuration: its type decides a few settings, so profiles differ between tenants. */
export function solutionProfileFor(tenant: SeedTenant): Record<string, unknown> {
  return {
    'backup.schedule': tenant.type === 'productive' ? 'hourly' : 'daily',
    'retention.days': tenant.type === 'productive' ? 90 : 14,
    'workspace.name': tenant.name,
  };
}
