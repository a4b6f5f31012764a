/**
 * Engine-neutral helpers for raw SQL in tests. `rowsOf` (postgres.js returns rows as an array,
 * PGlite as `{ rows }`) is the db package's own; drizzle wraps driver errors, so the SQLSTATE
 * sits on a `cause`.
 */
export { rowsOf } from '@scc/db';

export interface SqlErrorInfo {
  code: string | undefined;
  message: string;
  /** The constraint that refused the statement, where the driver names it. */
  constraint?: string;
}

/** The innermost database error of an error chain: its SQLSTATE and message. */
export function sqlError(error: unknown): SqlErrorInfo {
  let current: unknown = error;
  let found: SqlErrorInfo | undefined;
  for (let depth = 0; current && typeof current === 'object' && depth < 10; depth++) {
    const { code, message, cause, constraint, constraint_name } = current as Record<string, unknown>;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      const named = constraint ?? constraint_name;
      found = {
        code,
        message: typeof message === 'string' ? message : '',
        ...(typeof named === 'string' ? { constraint: named } : {}),
      };
    }
    current = cause;
  }
  return found ?? { code: undefined, message: error instanceof Error ? error.message : String(error) };
}

/** Awaits `work`, which must fail; returns the database error it failed with. */
export async function sqlErrorOf(work: Promise<unknown>): Promise<SqlErrorInfo> {
  try {
    await work;
  } catch (error) {
    return sqlError(error);
  }
  throw new Error('expected the statement to fail, but it succeeded');
}
