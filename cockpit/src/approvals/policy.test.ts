import { defaultApprovalRules } from '@scc/contracts/approvals';
import { describe, expect, test } from 'vitest';
import { fc } from '../../../test/support/fast-check.js';
import { canTransition, isOpen } from '../operations/state-machine.js';
import {
  approvalSubjectOf,
  decisionRefusal,
  effectiveRule,
  expiresAt,
  stricterRule,
  tally,
  type UnitPolicy,
} from './policy.js';

const rule = fc.record({ quorum: fc.integer({ min: 0, max: 10 }), expiryHours: fc.integer({ min: 1, max: 720 }) });

describe('which requests need four eyes', () => {
  test('terminating a productive tenant and copying into one; nothing else', () => {
    expect(approvalSubjectOf({ kind: 'decommission' }, { targetTenantType: 'productive' })).toBe(
      'terminate-productive',
    );
    expect(approvalSubjectOf({ kind: 'copy' }, { targetTenantType: 'productive' })).toBe('copy-into-productive');
    for (const kind of ['order', 'restore', 'unknown'])
      expect(approvalSubjectOf({ kind }, { targetTenantType: 'productive' }), kind).toBeNull();
    for (const type of ['test', 'validation', 'development', null])
      for (const kind of ['decommission', 'copy'])
        expect(approvalSubjectOf({ kind }, { targetTenantType: type }), `${kind} ${type}`).toBeNull();
  });
});

describe('the rule that holds', () => {
  test('the nearest unit’s policy wins in either direction; quorum 0 means none', () => {
    fc.assert(
      fc.property(rule, fc.option(fc.uuid(), { nil: null }), (own, unitId) => {
        const unit: UnitPolicy = { businessUnitId: unitId, rule: own };
        const held = effectiveRule('terminate-productive', unit, { approvals: defaultApprovalRules });
        expect(held.source).toBe('unit');
        expect(held.sourceBusinessUnitId).toBe(unitId);
        expect(held.rule).toEqual(own.quorum > 0 ? own : null);
      }),
    );
  });

  test('without a unit’s policy the product’s default holds; moves need none', () => {
    fc.assert(
      fc.property(rule, (productRule) => {
        const held = effectiveRule('copy-into-productive', null, {
          approvals: { 'copy-into-productive': productRule },
        });
        expect(held.rule).toEqual(productRule.quorum > 0 ? productRule : null);
        expect(held.source).toBe(productRule.quorum > 0 ? 'product-default' : 'none');
        // A subject the product does not name takes the brief's default: one other admin.
        expect(effectiveRule('terminate-productive', null, { approvals: {} }).rule).toEqual(
          defaultApprovalRules['terminate-productive'],
        );
        expect(effectiveRule('subtree-move', null, { approvals: {} })).toEqual({
          rule: null,
          source: 'none',
          sourceBusinessUnitId: null,
        });
      }),
    );
  });

  test('the stricter of two rules asks for at least as much as each', () => {
    fc.assert(
      fc.property(fc.option(rule, { nil: null }), fc.option(rule, { nil: null }), (a, b) => {
        const strict = stricterRule(a, b);
        expect(stricterRule(b, a)?.quorum).toBe(strict?.quorum);
        for (const each of [a, b]) if (each) expect(strict?.quorum ?? -1).toBeGreaterThanOrEqual(each.quorum);
        if (!a && !b) expect(strict).toBeNull();
      }),
    );
  });

  test('an approval expires the rule’s hours after it was requested', () => {
    expect(expiresAt(new Date('2026-01-01T00:00:00Z'), { quorum: 1, expiryHours: 72 }).toISOString()).toBe(
      '2026-01-04T00:00:00.000Z',
    );
  });
});

describe('deciding', () => {
  const decisions = fc.array(fc.constantFrom('approve' as const, 'reject' as const), { maxLength: 12 });

  test('one rejection ends it; otherwise the quorum of approvals passes it', () => {
    fc.assert(
      fc.property(decisions, fc.integer({ min: 1, max: 10 }), (made, quorum) => {
        const verdict = tally(
          made.map((decision) => ({ decision })),
          quorum,
        );
        const approvals = made.filter((d) => d === 'approve').length;
        if (made.includes('reject')) expect(verdict).toBe('rejected');
        else expect(verdict).toBe(approvals >= quorum ? 'approved' : 'pending');
      }),
    );
  });

  test('the requester never decides, whatever else holds', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('pending', 'approved', 'rejected', 'expired'),
        fc.integer({ min: -5, max: 5 }),
        (user, admin, decided, state, hours) => {
          const now = new Date('2026-01-01T00:00:00Z');
          const facts = {
            state,
            expiresAt: new Date(now.getTime() + hours * 3_600_000),
            now,
            requesterId: user,
            callerId: user,
            callerIsAdmin: admin,
            decidedBefore: decided,
          };
          expect(decisionRefusal(facts)).toBe('requester');
          const other = decisionRefusal({ ...facts, callerId: `${user}-other` });
          const expected = !admin
            ? 'not-admin'
            : state !== 'pending'
              ? 'not-pending'
              : hours <= 0
                ? 'expired'
                : decided
                  ? 'already-decided'
                  : null;
          expect(other).toBe(expected);
        },
      ),
    );
  });

  test('awaiting approval is open and leads only to queued, rejected or cancelled', () => {
    expect(isOpen('awaiting-approval')).toBe(true);
    expect(canTransition('validated', 'awaiting-approval')).toBe(true);
    for (const to of ['queued', 'rejected', 'cancelled'] as const)
      expect(canTransition('awaiting-approval', to)).toBe(true);
    for (const to of ['running', 'succeeded', 'failed', 'requested'] as const)
      expect(canTransition('awaiting-approval', to), to).toBe(false);
    expect(canTransition('queued', 'awaiting-approval')).toBe(false);
  });
});
