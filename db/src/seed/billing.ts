import { createHash } from 'node:crypto';
import type { Database } from '../client.js';
import { billingAccounts, collectorCredentials, dataSources, priceLists } from '../schema/index.js';
import { seedId } from './ids.js';
import { seededBusinessUnit, seededBusinessUnits } from './index.js';

/**
 * The demo's billing: a backup server per server group (those of Critical systems marked
 * `critical`), the MSP and Reseller One selling, their customers as accounts, Contoso's and the
 * MSP's show-back prices, and one usage collector of the MSP whose secret the caller chose (the
 * stack keeps it in its data directory). Separate from `seed` so the tests' seeded database stays
 * without billing; every row has a stable id and a second run changes nothing.
 */
export async function seedDemoBilling(db: Database, collectorSecret: string): Promise<void> {
  const groups = seededBusinessUnits().filter((u) => u.kind === 'server group');
  await db
    .insert(dataSources)
    .values(
      groups.map((group) => ({
        id: seedId('data-source', group.key),
        businessUnitId: group.id,
        kind: 'backup-server',
        externalRef: `bk-${group.key.replaceAll('/', '-')}`,
        name: `Backup server ${group.name}`,
        attributes: group.key.startsWith('msp/internal/critical') ? { class: 'critical' } : { class: 'other' },
        buPath: group.path,
      })),
    )
    .onConflictDoNothing();
  const msp = seededBusinessUnit('msp');
  await db
    .insert(collectorCredentials)
    .values({
      id: seedId('collector', 'msp'),
      businessUnitId: msp.id,
      name: 'Demo collector',
      hash: createHash('sha256').update(collectorSecret).digest('hex'),
      buPath: msp.path,
    })
    .onConflictDoUpdate({
      target: collectorCredentials.id,
      set: { hash: createHash('sha256').update(collectorSecret).digest('hex') },
    });
  await db
    .insert(billingAccounts)
    .values(
      ['reseller-one', 'customer-one', 'globex', 'contoso', 'fabrikam'].map((key) => ({
        businessUnitId: seededBusinessUnit(key).id,
        buPath: seededBusinessUnit(key).path,
      })),
    )
    .onConflictDoNothing();
  const flat = (metric: string, unitPrice: string, extra: Record<string, unknown> = {}) => ({
    metric,
    tiers: [{ upTo: null, unitPrice }],
    ...extra,
  });
  const lists = [
    {
      seller: 'msp',
      purpose: 'sale' as const,
      entries: [
        {
          metric: 'stored_gb',
          tiers: [
            { upTo: '10000', unitPrice: '0.025' },
            { upTo: null, unitPrice: '0.02' },
          ],
          minimumFee: '50',
        },
        flat('protected_items', '0.5'),
        flat('transferred_gb', '0.01'),
        flat('operation.order', '25'),
      ],
    },
    {
      seller: 'reseller-one',
      purpose: 'sale' as const,
      entries: [
        flat('stored_gb', '0.04'),
        flat('protected_items', '0.9'),
        flat('transferred_gb', '0.02'),
        flat('operation.order', '40'),
      ],
    },
    {
      seller: 'contoso',
      purpose: 'internal' as const,
      entries: [flat('stored_gb', '0.05'), flat('transferred_gb', '0.03')],
    },
    {
      seller: 'msp',
      purpose: 'internal' as const,
      entries: [flat('stored_gb', '0.06', { class: 'critical' }), flat('stored_gb', '0.02')],
    },
  ];
  for (const list of lists) {
    const seller = seededBusinessUnit(list.seller);
    await db
      .insert(priceLists)
      .values({
        id: seedId('price-list', `${list.seller}/${list.purpose}`),
        sellerId: seller.id,
        purpose: list.purpose,
        currency: 'EUR',
        entries: list.entries,
        buPath: seller.path,
      })
      .onConflictDoNothing();
  }
}
