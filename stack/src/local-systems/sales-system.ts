import { catalog, seededBusinessUnit } from '@scc/db/seed';

/**
 * The demo's local adapter of the sales and invoicing system, in its role as the source of
 * contracts: it sends the seed's contracts to the cockpit's tenant data collector
 * (`PUT /v1/integrations/sales/contracts/{externalRef}`), keyed by its own references, the way a
 * real sales system would after each change. Upserts, so a restart changes nothing.
 */
export async function feedSeedContracts(
  cockpitUrl: string,
  salesApiKey: string,
  send: typeof fetch = fetch,
): Promise<number> {
  let sent = 0;
  for (const contract of catalog.contracts) {
    const response = await send(
      `${cockpitUrl}/v1/integrations/sales/contracts/${encodeURIComponent(contract.externalRef)}`,
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${salesApiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          businessUnitId: seededBusinessUnit(contract.businessUnit).id,
          productCode: contract.product,
          sla: contract.sla,
          options: contract.extraTestTenants === undefined ? {} : { extraTestTenants: contract.extraTestTenants },
          startsOn: contract.startsOn,
          endsOn: contract.endsOn ?? null,
        }),
      },
    );
    if (response.status !== 200 && response.status !== 201) {
      throw new Error(
        `the cockpit refused contract ${contract.externalRef}: ${response.status} ${await response.text()}`,
      );
    }
    sent += 1;
  }
  return sent;
}
