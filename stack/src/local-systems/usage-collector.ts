import { localUsageCollector, readings, sendUsage } from '@scc/cockpit';
import { seededBusinessUnits, seedId } from '@scc/db/seed';

/** The demo's days of usage: the 60 days before today (UTC), so every screen has two months to show. */
export function demoDays(today: Date, count = 60): string[] {
  return Array.from({ length: count }, (_, i) =>
    new Date(today.getTime() - (count - i) * 86_400_000).toISOString().slice(0, 10),
  );
}

/**
 * The demo's usage collector: measures every seeded backup server (one per server group,
 * `seedDemoBilling`) with the local adapter and uploads through the cockpit's API with its
 * credential, like a collector beside real infrastructure. Each start sends the two months again;
 * the cockpit replaces what it had, so restarts bill nothing twice.
 */
export async function feedDemoUsage(cockpitUrl: string, secret: string, today = new Date()) {
  const sources = seededBusinessUnits()
    .filter((unit) => unit.kind === 'server group')
    .map((group) => seedId('data-source', group.key));
  const result = await sendUsage(cockpitUrl, secret, readings(localUsageCollector(), sources, demoDays(today)));
  if (result.rejectedCount > 0) throw new Error(`the demo's usage was refused: ${JSON.stringify(result.rejected[0])}`);
  return result;
}
