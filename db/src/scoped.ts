import type { Writable } from 'node:stream';
import { type SQL, sql } from 'drizzle-orm';
import { PostgresJsSession, PostgresJsTransaction } from 'drizzle-orm/postgres-js/session';
import type { Sql, TransactionSql } from 'postgres';
import type { Database } from './client.js';

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Whose subtree a transaction sees: its path, and for a widget's request the embed session it
 * acts in, which the transaction refuses once revoked (migration 0019).
 */
export type Scope = string | { scopePath: string; embedSessionId?: string | undefined };

export interface ScopeOptions {
  /** The work only reads: a read-only transaction, so a write it attempts fails instead of landing. */
  readOnly?: boolean;
}

/**
 * The transaction's settings, all transaction-local. The planner cannot know the scope (policies
 * read it from a setting at run time) and guesses a subtree to be tiny, so it would fetch a whole
 * subtree and sort it for a page of 100; index paths instead walk the subtree in order and stop
 * after the page (measured in BENCHMARKS.md). Those settings inflate the cost estimates past the
 * JIT threshold; compiling costs more than these short queries ever run, so JIT is off too.
 * Statements are prepared on the server (see {@link preparing}); a custom plan for every
 * execution keeps the plans exactly those of unprepared statements, which a generic plan over a
 * limit or a subtree given as a parameter would not.
 *
 * Inside a widget request the same statement refuses a revoked embed session: no extra round
 * trip, and the whole transaction fails with it.
 */
const settings = (scopePath: string, embedSessionId: string | undefined) =>
  sql`select set_config('app.scope_path', ${scopePath}, true), set_config('role', 'scc_app', true),
    set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),
    set_config('jit', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)${
      embedSessionId ? sql`, scc_check_embed_session(${embedSessionId}::uuid)` : sql``
    }`;

/**
 * Runs `work` in one transaction as the application role with the caller's subtree as the
 * row-level-security scope. Every setting is transaction-local, so a pooled connection never
 * carries one caller's scope into the next caller's request.
 */
export async function withScope<T>(
  db: Database,
  scope: Scope,
  work: (tx: Transaction) => Promise<T>,
  options: ScopeOptions = {},
): Promise<T> {
  const { scopePath, embedSessionId } =
    typeof scope === 'string' ? { scopePath: scope, embedSessionId: undefined } : scope;
  const client = postgresJsClient(db);
  if (!client) {
    return db.transaction(
      async (tx) => {
        await tx.execute(settings(scopePath, embedSessionId));
        return work(tx);
      },
      options.readOnly ? { accessMode: 'read only' } : undefined,
    );
  }
  return client.begin(options.readOnly ? 'read only' : '', async (connection) => {
    // Sent now, without waiting for its answer: the work's first statement follows it on the same
    // connection in the same write, so settings and query cost one round trip. The order is
    // certain: postgres.js hands a query to the connection one microtask after it is executed,
    // and every statement of `work` is executed after this one.
    const { dialect, _: schema } = db as unknown as DrizzleInternals;
    const statement = dialect.sqlToQuery(settings(scopePath, embedSessionId));
    const applied = connection.unsafe(statement.sql, statement.params as never[], { prepare: true }).execute();
    const failure = applied.then(
      () => undefined,
      (error: unknown) => error,
    );
    const session = new PostgresJsSession(preparing(connection) as never, dialect, schema as never, sessionOptions(db));
    const tx = new PostgresJsTransaction(dialect, session, schema as never) as unknown as Transaction;
    connections.set(tx, connection);
    const result = await work(tx).catch(async (error: unknown) => {
      throw (await failure) ?? error;
    });
    const settingsError = await failure;
    if (settingsError) throw settingsError;
    return result;
  }) as Promise<T>;
}

/** The server connection of each transaction {@link withScope} opened on PostgreSQL, for COPY. */
const connections = new WeakMap<Transaction, TransactionSql>();

/**
 * `statement` (a `COPY … FROM STDIN` without parameters) on the transaction's own connection: the
 * stream takes rows in COPY's text format and the copy is done when it finishes. Undefined on
 * PGlite or outside {@link withScope}; the caller then inserts in batches.
 */
export async function copyFromStdin(tx: Transaction, statement: SQL): Promise<Writable | undefined> {
  const connection = connections.get(tx);
  if (!connection) return undefined;
  const { dialect } = tx as unknown as DrizzleInternals;
  const query = dialect.sqlToQuery(statement);
  if (query.params.length > 0) throw new Error('COPY takes no parameters');
  return connection.unsafe(query.sql).writable();
}

interface DrizzleInternals {
  dialect: ConstructorParameters<typeof PostgresJsSession>[1];
  _: unknown;
  session: { options?: ConstructorParameters<typeof PostgresJsSession>[3] };
}

function sessionOptions(db: Database) {
  return (db as unknown as DrizzleInternals).session.options ?? {};
}

function postgresJsClient(db: Database): Sql | undefined {
  const client = (db as unknown as { $client?: unknown }).$client;
  return typeof client === 'function' && 'begin' in client ? (client as Sql) : undefined;
}

/**
 * drizzle asks postgres.js for an unnamed statement each time, which costs a parse and an extra
 * round trip to describe its parameters before it runs, and keeps the next statement from being
 * pipelined behind it. Inside a scope every statement is prepared once per connection instead.
 */
function preparing(connection: TransactionSql): Pick<TransactionSql, 'unsafe' | 'savepoint'> {
  return {
    unsafe: (query, parameters, options) => connection.unsafe(query, parameters, { ...options, prepare: true }),
    savepoint: ((work: (inner: TransactionSql) => unknown) =>
      connection.savepoint((inner) => work(preparing(inner) as TransactionSql))) as TransactionSql['savepoint'],
  };
}
