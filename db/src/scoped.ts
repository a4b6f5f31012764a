import { sql } from 'drizzle-orm';
import type { Database } from './client.js';

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Runs `work` in one transaction as the application role with the caller's subtree as the
 * row-level-security scope. Both settings are transaction-local, so a pooled connection never
 * carries one caller's scope into the next caller's request.
 */
export function withScope<T>(db: Database, scopePath: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.scope_path', ${scopePath}, true), set_config('role', 'scc_app', true)`);
    return work(tx);
  });
}
