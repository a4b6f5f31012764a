import { describe, expect, test } from 'vitest';
import { allowedActions, retainedUntil } from './affordances.js';

const now = new Date('2026-12-16T12:00:00Z');
const end = new Date('2027-01-12T12:00:00Z');
const termination = {
  kind: 'decommission' as const,
  state: 'running' as const,
  completedSteps: ['retain'],
  runAfter: end,
  leaseUntil: null,
};

describe('retainedUntil', () => {
  test('a termination waiting out its retention: the end of it', () => {
    expect(retainedUntil(termination, now)).toEqual(end);
  });
  test('claimed by a worker (archiving now) it is running, not retained', () => {
    expect(retainedUntil({ ...termination, leaseUntil: new Date(now.getTime() + 1000) }, now)).toBeNull();
  });
  test('a worker whose lease ran out leaves it retained again', () => {
    expect(retainedUntil({ ...termination, leaseUntil: new Date(now.getTime() - 1) }, now)).toEqual(end);
  });
  test('before the retain step, or another kind: none', () => {
    expect(retainedUntil({ ...termination, completedSteps: [] }, now)).toBeNull();
    expect(retainedUntil({ ...termination, kind: 'order' }, now)).toBeNull();
  });
});

describe('allowedActions', () => {
  const waiting = { state: 'queued' as const, retainedUntil: null };
  test.each(['requested', 'validated', 'queued'] as const)('%s: an operator may cancel', (state) => {
    expect(allowedActions({ state, retainedUntil: null }, ['operator'])).toEqual(['cancel']);
    expect(allowedActions({ state, retainedUntil: null }, ['admin'])).toEqual(['cancel']);
  });
  test.each([[['viewer']], [['billing']], [[]]] as const)('%j may not', (roles) => {
    expect(allowedActions(waiting, roles)).toEqual([]);
  });
  test.each(['running', 'succeeded', 'failed', 'rejected', 'cancelled'] as const)('%s: nobody may', (state) => {
    expect(allowedActions({ state, retainedUntil: null }, ['admin'])).toEqual([]);
  });
  test('a termination in retention may be taken back', () => {
    expect(allowedActions({ state: 'running', retainedUntil: end.toISOString() }, ['operator'])).toEqual(['cancel']);
  });
});
