import { ProblemError } from '@scc/contracts/problem';
import { isCheckViolation, isUniqueViolation } from '../http/database-errors.js';

/**
 * The database's last word on the engine's guarantees (migrations 0011 and 0012). The locked
 * checks in submit and cancel answer first with the rule that failed; a writer that got past
 * them anyway ends here, as a conflict instead of a 500, with nothing written. `field` names
 * what the caller sent: the tenant of a draft, or the request being cancelled.
 */
export function guaranteeProblem(error: unknown, field: string): ProblemError | undefined {
  if (isUniqueViolation(error, 'operation_requests_one_open_termination')) {
    return ProblemError.of('conflict', 'The tenant already has a termination request.', [
      { field, rule: 'tenant-state', message: 'Already has a termination request' },
    ]);
  }
  if (isUniqueViolation(error, 'operation_requests_one_open_restore')) {
    return ProblemError.of('conflict', 'The tenant is already being restored.', [
      { field, rule: 'tenant-state', message: 'Already being restored' },
    ]);
  }
  if (isCheckViolation(error, 'tenants_live_productive_limit')) {
    return ProblemError.of('conflict', 'The business unit already has as many live productive tenants as allowed.', [
      { field, rule: 'max-live-productive', message: 'No room for another live productive tenant' },
    ]);
  }
  return undefined;
}

/** For `.catch()`: a guarantee's violation as its problem, anything else unchanged. */
export const rethrowGuaranteeAs =
  (field: string) =>
  (error: unknown): never => {
    throw guaranteeProblem(error, field) ?? error;
  };
