import type { Database } from '@scc/db';
import { sql } from 'drizzle-orm';

/**
 * For tests of other guarantees (terminations, restores, copies, the model test): a policy at
 * the root of the tree that no request needs approval (quorum 0), so their requests run at
 * once as before four eyes existed. Approvals themselves are tested in
 * cockpit/src/approvals/approvals.test.ts. Runs on the owner connection.
 */
export async function waiveApprovals(db: Database): Promise<void> {
  await db.execute(sql`insert into approval_policies (business_unit_id, subject, product_id, quorum, expiry_hours, bu_path)
    select u.id, s.subject::approval_subject, p.id, 0, 1, u.path
    from business_units u, products p,
      (values ('terminate-productive'), ('copy-into-productive'), ('transport-into-productive')) s(subject)
    where u.parent_id is null
    on conflict do nothing`);
}
