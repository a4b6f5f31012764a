import { sql } from 'drizzle-orm';
import type { Database } from './client.js';

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Runs `work` in one transaction as the application role with the caller's subtree as the
 * row-level-security scope. Every setting is transaction-local, so a pooled connection never
 * carries one caller's scope into the next caller's request.
 */
export function withScope<T>(db: Database, scopePath: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // The planner cannot know the scope (policies read it from a setting at run time) and guesses
    // a subtree to be tiny, so it would fetch a whole subtree and sort it for a page of 100. Index
    // paths instead walk the subtree in order and stop after the page (measured in BENCHMARKS.md).
    // Those settings inflate the cost estimates past the JIT threshold; compiling costs more than
    // these short queries ever run, so JIT is off too.
    await tx.execute(
      sql`select set_config('app.scope_path', ${scopePath}, true), set_config('role', 'scc_app', true),
        set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),
        set_config('jit', 'off', true)`,
    );
    return work(tx);
  });
}
