/**
 * The demo hierarchy of the product brief. Keys are stable slugs: seeded ids derive from them,
 * so every run of the seed produces the same ids and a second run changes nothing.
 */
export interface SeedBusinessUnit {
  key: string;
  name: string;
  kind: string;
  children?: SeedBusinessUnit[];
}

const serverGroups = (prefix: string, names: string[]): SeedBusinessUnit[] =>
  names.map((name) => ({ key: `${prefix}/${slug(name)}`, name, kind: 'server group' }));

const departments = (prefix: string, names: string[], groups: string[]): SeedBusinessUnit[] =>
  names.map((name) => {
    const key = `${prefix}/${slug(name)}`;
    return { key, name, kind: 'department', children: serverGroups(key, groups) };
  });

const regions = (prefix: string, spec: Record<string, string[]>, groups: string[]): SeedBusinessUnit[] =>
  Object.entries(spec).map(([name, depts]) => {
    const key = `${prefix}/${slug(name)}`;
    return { key, name, kind: 'region', children: departments(key, depts, groups) };
  });

export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const hierarchy: SeedBusinessUnit = {
  key: 'msp',
  name: 'Northstar MSP',
  kind: 'msp',
  children: [
    {
      key: 'msp/internal',
      name: 'Internal systems',
      kind: 'division',
      children: [
        {
          key: 'msp/internal/critical',
          name: 'Critical systems',
          kind: 'division',
          children: serverGroups('msp/internal/critical', ['Core databases', 'ERP servers']),
        },
        {
          key: 'msp/internal/other',
          name: 'Other systems',
          kind: 'division',
          children: serverGroups('msp/internal/other', ['File servers', 'Build servers']),
        },
      ],
    },
    {
      key: 'msp/external',
      name: 'External customers',
      kind: 'segment',
      children: [
        {
          key: 'msp/external/on-premise',
          name: 'On-premise customers',
          kind: 'segment',
          children: [
            {
              key: 'customer-one',
              name: 'External customer One',
              kind: 'customer',
              children: regions('customer-one', { EMEA: ['Finance', 'Engineering'], Americas: ['Sales'] }, [
                'Primary servers',
                'Replica servers',
              ]),
            },
          ],
        },
        {
          key: 'msp/external/other',
          name: 'Other customers',
          kind: 'segment',
          children: [{ key: 'globex', name: 'Globex Corporation', kind: 'customer' }],
        },
      ],
    },
    {
      key: 'msp/resellers',
      name: 'Resellers',
      kind: 'segment',
      children: [
        {
          key: 'reseller-one',
          name: 'Reseller One',
          kind: 'reseller',
          children: [
            {
              key: 'contoso',
              name: 'Contoso Retail',
              kind: 'customer',
              children: regions('contoso', { North: ['Finance', 'Logistics'], South: ['Stores'] }, ['Store servers']),
            },
            {
              key: 'fabrikam',
              name: 'Fabrikam Health',
              kind: 'customer',
              children: regions('fabrikam', { Central: ['Radiology'] }, ['Imaging servers']),
            },
          ],
        },
      ],
    },
  ],
};
