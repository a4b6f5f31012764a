import type { RoleName } from '../schema/users.js';

/** The people of the product brief, one per level that behaves differently. */
export interface SeedPersona {
  key: string;
  email: string;
  displayName: string;
  /** Business-unit key (see hierarchy.ts) of the persona's home and role assignment. */
  businessUnit: string;
  role: RoleName;
  description: string;
}

export const personas: SeedPersona[] = [
  {
    key: 'msp-operator',
    email: 'morgan@northstar-msp.example',
    displayName: 'Morgan Reyes',
    businessUnit: 'msp',
    role: 'admin',
    description: 'MSP operator: sees and runs everything.',
  },
  {
    key: 'reseller-admin',
    email: 'riley@reseller-one.example',
    displayName: 'Riley Chen',
    businessUnit: 'reseller-one',
    role: 'admin',
    description: 'Reseller One admin: its own customers, under its own brand.',
  },
  {
    key: 'customer-admin',
    email: 'casey@contoso.example',
    displayName: 'Casey Novak',
    businessUnit: 'contoso',
    role: 'admin',
    description: 'Customer admin of Contoso Retail: orders, copies and decommissions tenants.',
  },
  {
    key: 'department-user',
    email: 'dana@contoso.example',
    displayName: 'Dana Okafor',
    businessUnit: 'contoso/north/finance',
    role: 'operator',
    description: 'Department user of Contoso Retail › North › Finance: sees only the department.',
  },
  {
    key: 'customer-one-admin',
    email: 'elliot@customer-one.example',
    displayName: 'Elliot Brandt',
    businessUnit: 'customer-one',
    role: 'admin',
    description: 'Admin of External customer One, a direct customer of the MSP.',
  },
  {
    key: 'critical-systems-viewer',
    email: 'sam@northstar-msp.example',
    displayName: 'Sam Patel',
    businessUnit: 'msp/internal/critical',
    role: 'viewer',
    description: 'Internal employee who may only look at critical systems.',
  },
];
