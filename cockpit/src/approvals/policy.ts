import type { ApprovalRule, ApprovalSubject, ProductApprovalSubject } from '@scc/contracts/approvals';
import { defaultApprovalRules } from '@scc/contracts/approvals';
import type { ProductRules } from '@scc/contracts/operations';

/** What the approval question needs to know of an operation request besides its kind. */
export interface RequestApprovalFacts {
  /**
   * The type of the tenant the request changes or ends: the tenant a termination ends, the target
   * a copy or transport writes into; for an order the type ordered.
   */
  targetTenantType: string | null;
}

const intoProductive =
  (subject: ProductApprovalSubject) =>
  (facts: RequestApprovalFacts): ProductApprovalSubject | null =>
    facts.targetTenantType === 'productive' ? subject : null;

/**
 * Which approval subject a request of each kind falls under, given its facts; a kind not listed
 * never needs approval. A new kind that may need four eyes is one entry here.
 */
export const requestApprovalSubjects: Partial<
  Record<string, (facts: RequestApprovalFacts, draft: { kind: string }) => ProductApprovalSubject | null>
> = {
  decommission: intoProductive('terminate-productive'),
  copy: intoProductive('copy-into-productive'),
  transport: intoProductive('transport-into-productive'),
  // Restoring an earlier profile version deploys it like a transport does.
  'profile-restore': intoProductive('transport-into-productive'),
};

/** The subject under which a request needs approval, or null when none of its kind's rules applies. */
export function approvalSubjectOf(draft: { kind: string }, facts: RequestApprovalFacts): ProductApprovalSubject | null {
  return requestApprovalSubjects[draft.kind]?.(facts, draft) ?? null;
}

/** The unit policy that holds on the path (the strictest), as `scc_approval_policy` returns it. */
export interface UnitPolicy {
  /** Null when the unit lies above the caller's subtree: its policy holds, its name stays hidden. */
  businessUnitId: string | null;
  rule: ApprovalRule;
}

export interface EffectiveRule {
  /** Null: no approval needed. */
  rule: ApprovalRule | null;
  source: 'unit' | 'product-default' | 'none';
  sourceBusinessUnitId: string | null;
}

/**
 * What holds for a subject at a unit: the strictest unit policy on its path replaces the product's
 * default, in either direction (quorum 0 there means no approval); without one, the product's default for the
 * subject (moves have no product and need no approval unless a unit says so).
 */
export function effectiveRule(
  subject: ApprovalSubject,
  unitPolicy: UnitPolicy | null,
  productRules: Pick<ProductRules, 'approvals'> | null,
): EffectiveRule {
  if (unitPolicy) {
    return {
      rule: unitPolicy.rule.quorum > 0 ? unitPolicy.rule : null,
      source: 'unit',
      sourceBusinessUnitId: unitPolicy.businessUnitId,
    };
  }
  if (subject === 'subtree-move' || !productRules) return { rule: null, source: 'none', sourceBusinessUnitId: null };
  const rule = productRules.approvals[subject] ?? defaultApprovalRules[subject];
  return {
    rule: rule.quorum > 0 ? rule : null,
    source: rule.quorum > 0 ? 'product-default' : 'none',
    sourceBusinessUnitId: null,
  };
}

/** Of two rules that both hold (a move leaves one place and lands in another), the one that asks for more. */
export function stricterRule(a: ApprovalRule | null, b: ApprovalRule | null): ApprovalRule | null {
  if (!a) return b;
  if (!b) return a;
  if (a.quorum !== b.quorum) return a.quorum > b.quorum ? a : b;
  return a.expiryHours <= b.expiryHours ? a : b;
}

/** When an approval requested at `now` under `rule` expires. */
export function expiresAt(now: Date, rule: ApprovalRule): Date {
  return new Date(now.getTime() + rule.expiryHours * 3_600_000);
}

/** Where an approval stands after the decisions so far. */
export type Tally = 'pending' | 'approved' | 'rejected';

/** One reject ends it; `quorum` approvals of different admins pass it. */
export function tally(decisions: readonly { decision: 'approve' | 'reject' }[], quorum: number): Tally {
  if (decisions.some((d) => d.decision === 'reject')) return 'rejected';
  return decisions.filter((d) => d.decision === 'approve').length >= quorum ? 'approved' : 'pending';
}

export type DecisionRefusal = 'requester' | 'not-admin' | 'already-decided' | 'not-pending' | 'expired';

/**
 * Whether this caller may decide now. The order matters for the answer: a requester hears that
 * it is theirs before anything else, an expired approval says so before "already decided".
 */
export function decisionRefusal(facts: {
  state: string;
  expiresAt: Date;
  now: Date;
  requesterId: string;
  callerId: string;
  callerIsAdmin: boolean;
  decidedBefore: boolean;
}): DecisionRefusal | null {
  if (facts.callerId === facts.requesterId) return 'requester';
  if (!facts.callerIsAdmin) return 'not-admin';
  if (facts.state !== 'pending') return 'not-pending';
  if (facts.expiresAt <= facts.now) return 'expired';
  if (facts.decidedBefore) return 'already-decided';
  return null;
}
