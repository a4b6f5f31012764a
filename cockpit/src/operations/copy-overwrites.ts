import type { CopyDraft, CopyOverwrites } from '@scc/contracts/operations';
import type { Transaction } from '@scc/db';
import type { Provisioner } from '../provisioner/port.js';
import type { Caller } from '../scope/caller.js';
import { diffDocuments, pointerOf } from '../transports/profile-diff.js';
import { profileAt, transportTenants } from '../transports/queries.js';

/** Changed application-data keys a preview names; the counts cover the rest. */
export const OVERWRITE_SAMPLE = 50;

export type CopyPreviewer = Pick<Provisioner, 'previewCopy'>;

/**
 * What a copy would overwrite, or undefined when either tenant is outside the caller's scope
 * (the dry-run's verdict says so; nothing of a foreign tenant is compared). The solution profile is
 * the cockpit's own versioned document, so its diff is exact, path by path, read in the caller's
 * scope; application data lives with the infrastructure, so the provisioner compares it after.
 */
export async function copyOverwrites(
  tx: Transaction,
  caller: Caller,
  draft: CopyDraft,
): Promise<((provisioner: CopyPreviewer) => Promise<CopyOverwrites>) | undefined> {
  const sides = await transportTenants(tx, caller, [draft.sourceTenantId, draft.targetTenantId]);
  const source = sides.get(draft.sourceTenantId);
  const target = sides.get(draft.targetTenantId);
  if (!source || !target) return undefined;
  let solutionProfile: CopyOverwrites['solutionProfile'];
  if (draft.parts.includes('solutionProfile')) {
    const before = (await profileAt(tx, target.id, target.profileVersion)) ?? {};
    const after = (await profileAt(tx, source.id, source.profileVersion)) ?? {};
    solutionProfile = {
      targetVersion: target.profileVersion,
      sourceVersion: source.profileVersion,
      changes: diffDocuments(before, after).map((change) => ({ ...change, pointer: pointerOf(change.path) })),
    };
  }
  return async (provisioner) => ({
    solutionProfile,
    applicationData: draft.parts.includes('applicationData')
      ? await provisioner.previewCopy('applicationData', source.id, target.id, OVERWRITE_SAMPLE)
      : undefined,
  });
}
