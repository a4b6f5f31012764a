import { type Database, rowSecurityBypasses } from '@scc/db';

export interface RestrictedLoginOptions {
  /**
   * Why serving on such a login is allowed anyway (`SCC_ALLOW_SUPERUSER=1`, the embedded PGlite
   * demo whose only login is a superuser); unset refuses.
   */
  allowedBecause?: string | undefined;
  /** Told when the login bypasses row-level security but serving is allowed. */
  warn(message: string): void;
}

/** The cockpit's start-up refusal, its message naming what is wrong and how to fix it. */
export class UnrestrictedLoginError extends Error {
  override name = 'UnrestrictedLoginError';
}

/**
 * Refuses to serve on a runtime login that row-level security does not bind (superuser, BYPASSRLS,
 * a table owner, or one that may switch to such a role): there a query that forgets `withScope`,
 * or SQL that switches back out of `scc_app`, would read every subtree. Only an explicit allowance
 * serves anyway, with a warning.
 */
export async function assertRestrictedLogin(db: Database, options: RestrictedLoginOptions): Promise<void> {
  const reasons = await rowSecurityBypasses(db);
  if (reasons.length === 0) return;
  const what = `the cockpit's database login bypasses row-level security: ${reasons.join('; ')}`;
  if (options.allowedBecause) {
    options.warn(
      `${what}. Serving anyway (${options.allowedBecause}): isolation rests on withScope's role switch alone.`,
    );
    return;
  }
  throw new UnrestrictedLoginError(
    `Refusing to serve: ${what}. Connect DATABASE_URL as a restricted login (NOSUPERUSER NOBYPASSRLS, only a member ` +
      'of scc_app; `pnpm start` creates one from the owner) with the owner in DATABASE_MIGRATION_URL, or set ' +
      'SCC_ALLOW_SUPERUSER=1 to accept it (the embedded PGlite demo, whose only login is a superuser).',
  );
}
