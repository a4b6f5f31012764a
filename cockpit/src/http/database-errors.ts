/** The SQLSTATE and constraint of the database error inside a (driver- or drizzle-wrapped) error. */
function databaseError(error: unknown): { code?: string; constraint?: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 10; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      const found = current as { constraint?: unknown; constraint_name?: unknown };
      const constraint = found.constraint ?? found.constraint_name;
      return { code, ...(typeof constraint === 'string' ? { constraint } : {}) };
    }
    current = cause;
  }
  return undefined;
}

/** The database raised exactly this SQLSTATE (e.g. a custom one of our own functions). */
export function hasDatabaseErrorCode(error: unknown, code: string): boolean {
  return databaseError(error)?.code === code;
}

/** A unique constraint refused the write; races past a pre-check end here. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const found = databaseError(error);
  return found?.code === '23505' && (found.constraint === undefined || found.constraint === constraint);
}

/**
 * A foreign key refused the write: something still refers to the row (possibly outside the
 * caller's view). 23503 for NO ACTION keys, 23001 for ON DELETE RESTRICT.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = databaseError(error)?.code;
  return code === '23503' || code === '23001';
}

/** A CHECK constraint or a trigger raising `check_violation` with this constraint name refused the write. */
export function isCheckViolation(error: unknown, constraint: string): boolean {
  const found = databaseError(error);
  return found?.code === '23514' && found.constraint === constraint;
}

const UNAVAILABLE_CODES = new Set([
  // postgres.js and Node, when the connection is gone or cannot be made
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  // PostgreSQL: shutting down, restarting, out of connections
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/**
 * The database could not be reached or dropped the connection: the request may succeed when
 * retried, so callers (and load balancers) hear 503 with `retry-after`, not a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 10; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    current = cause;
  }
  return false;
}
