import { describe, expect, it } from 'vitest';
import { resolvePlan, type PlanInput } from '../../src/index.js';
import { expectError } from '../helpers.js';

/** Seed 001 ("动态调整"): the 5G push raises the support pool from 10 % to 15 % on 1 May. */
const seed001Plan = (onVersionChange?: 'report' | 'prorate'): PlanInput => ({
  id: 'broadcast-network',
  currency: 'CNY',
  ...(onVersionChange === undefined ? {} : { onVersionChange }),
  versions: [
    // Listed out of order on purpose: versions are ordered by effective date.
    { id: '5g-push', effective: '2026-05-01', note: 'pool 10 % → 15 %; 5G volume weight 20 % → 40 %', grades: [] },
    { id: 'base', effective: '2026-01-01', note: 'pool 10 %; 5G volume weight 20 %', grades: [] },
  ],
});

describe('resolvePlan', () => {
  it('uses the version in force at the period start when nothing changes', () => {
    const resolved = resolvePlan({ plan: seed001Plan(), period: { unit: 'month', start: '2026-03-01' } });
    expect(resolved.period).toEqual({ unit: 'month', start: '2026-03-01', end: '2026-03-31', days: 31 });
    expect(resolved.version).toBe('base');
    expect(resolved.treatment).toBe('single');
    expect(resolved.changes).toEqual([]);
    expect(resolved.segments).toEqual([
      { version: 'base', start: '2026-03-01', end: '2026-03-31', days: 31, fraction: '31/31' },
    ]);
  });

  it('reports the 5G change inside Q2 and runs the quarter on the version in force on 1 April', () => {
    // Q2 2026: April 30 + May 31 + June 30 = 91 days.
    const resolved = resolvePlan({ plan: seed001Plan(), period: { unit: 'quarter', start: '2026-04-01' } });
    expect(resolved.period.end).toBe('2026-06-30');
    expect(resolved.period.days).toBe(91);
    expect(resolved.treatment).toBe('reported');
    expect(resolved.version).toBe('base');
    expect(resolved.changes).toEqual([
      { version: '5g-push', effective: '2026-05-01', note: 'pool 10 % → 15 %; 5G volume weight 20 % → 40 %' },
    ]);
    expect(resolved.segments).toEqual([
      { version: 'base', start: '2026-04-01', end: '2026-06-30', days: 91, fraction: '91/91' },
    ]);
  });

  it('splits Q2 at 1 May when the plan asks for proration: 30/91 and 61/91', () => {
    const resolved = resolvePlan({ plan: seed001Plan('prorate'), period: { unit: 'quarter', start: '2026-04-01' } });
    expect(resolved.treatment).toBe('prorated');
    expect(resolved.segments).toEqual([
      { version: 'base', start: '2026-04-01', end: '2026-04-30', days: 30, fraction: '30/91' },
      { version: '5g-push', start: '2026-05-01', end: '2026-06-30', days: 61, fraction: '61/91' },
    ]);
  });

  it('uses the new version once the period starts after the change', () => {
    const resolved = resolvePlan({ plan: seed001Plan('prorate'), period: { unit: 'month', start: '2026-05-01' } });
    expect(resolved.version).toBe('5g-push');
    expect(resolved.treatment).toBe('single');
  });

  it('handles years and leap days: 2028 has 366 days; a fiscal year may start in April', () => {
    expect(resolvePlan({ plan: seed001Plan(), period: { unit: 'year', start: '2028-01-01' } }).period).toEqual({
      unit: 'year',
      start: '2028-01-01',
      end: '2028-12-31',
      days: 366,
    });
    expect(resolvePlan({ plan: seed001Plan(), period: { unit: 'year', start: '2027-04-01' } }).period).toEqual({
      unit: 'year',
      start: '2027-04-01',
      end: '2028-03-31',
      days: 366,
    });
    expect(resolvePlan({ plan: seed001Plan(), period: { unit: 'month', start: '2028-02-01' } }).period.days).toBe(29);
  });

  it('honours `until`: a version can end before the next begins only if no day of the period falls in the gap', () => {
    const plan: PlanInput = {
      id: 'p',
      currency: 'CNY',
      onVersionChange: 'prorate',
      versions: [
        { id: 'a', effective: '2026-01-01', until: '2026-01-15', grades: [] },
        { id: 'b', effective: '2026-01-16', grades: [] },
      ],
    };
    expect(
      resolvePlan({ plan, period: { unit: 'month', start: '2026-01-01' } }).segments.map((s) => [s.version, s.days]),
    ).toEqual([
      ['a', 15],
      ['b', 16],
    ]);
  });
});

describe('resolvePlan errors', () => {
  it('refuses two versions taking effect on the same day (PLAN_VERSION_OVERLAP)', () => {
    expectError(
      () =>
        resolvePlan({
          plan: {
            id: 'p',
            currency: 'CNY',
            versions: [
              { id: 'a', effective: '2026-01-01', grades: [] },
              { id: 'b', effective: '2026-01-01', grades: [] },
            ],
          },
          period: { unit: 'month', start: '2026-01-01' },
        }),
      'PLAN_VERSION_OVERLAP',
      ['plan', 'versions', 1, 'effective'],
    );
  });
  it('refuses an `until` that runs past the next version (PLAN_VERSION_OVERLAP)', () => {
    expectError(
      () =>
        resolvePlan({
          plan: {
            id: 'p',
            currency: 'CNY',
            versions: [
              { id: 'a', effective: '2026-01-01', until: '2026-02-10', grades: [] },
              { id: 'b', effective: '2026-02-01', grades: [] },
            ],
          },
          period: { unit: 'month', start: '2026-01-01' },
        }),
      'PLAN_VERSION_OVERLAP',
      ['plan', 'versions', 0, 'until'],
    );
  });
  it('refuses a period that starts before the first version (PLAN_NOT_IN_FORCE)', () => {
    expectError(
      () => resolvePlan({ plan: seed001Plan(), period: { unit: 'month', start: '2025-12-01' } }),
      'PLAN_NOT_IN_FORCE',
      ['period', 'start'],
    );
  });
  it('refuses a gap inside the period (PLAN_NOT_IN_FORCE)', () => {
    expectError(
      () =>
        resolvePlan({
          plan: {
            id: 'p',
            currency: 'CNY',
            versions: [
              { id: 'a', effective: '2026-01-01', until: '2026-01-10', grades: [] },
              { id: 'b', effective: '2026-01-20', grades: [] },
            ],
          },
          period: { unit: 'month', start: '2026-01-01' },
        }),
      'PLAN_NOT_IN_FORCE',
      ['plan', 'versions', 0, 'until'],
    );
  });
  it('refuses duplicate version ids, until before effective, bad dates and unknown fields', () => {
    expectError(
      () =>
        resolvePlan({
          plan: {
            id: 'p',
            currency: 'CNY',
            versions: [
              { id: 'a', effective: '2026-01-01', grades: [] },
              { id: 'a', effective: '2026-02-01', grades: [] },
            ],
          },
          period: { unit: 'month', start: '2026-01-01' },
        }),
      'DUPLICATE_ID',
      ['plan', 'versions', 1, 'id'],
    );
    expectError(
      () =>
        resolvePlan({
          plan: {
            id: 'p',
            currency: 'CNY',
            versions: [{ id: 'a', effective: '2026-03-01', until: '2026-02-01', grades: [] }],
          },
          period: { unit: 'month', start: '2026-03-01' },
        }),
      'DATES_OUT_OF_ORDER',
      ['plan', 'versions', 0, 'until'],
    );
    expectError(
      () => resolvePlan({ plan: seed001Plan(), period: { unit: 'month', start: '2026-02-30' } }),
      'INVALID_INPUT',
      ['period', 'start'],
    );
    expectError(
      () => resolvePlan({ plan: seed001Plan(), period: { unit: 'week', start: '2026-02-01' } } as never),
      'INVALID_INPUT',
      ['period', 'unit'],
    );
    expectError(
      () =>
        resolvePlan({ plan: { ...seed001Plan(), currency: 'XYZ' }, period: { unit: 'month', start: '2026-02-01' } }),
      'UNKNOWN_CURRENCY',
      ['plan', 'currency'],
    );
    expectError(
      () => resolvePlan({ plan: { ...seed001Plan(), versions: [] }, period: { unit: 'month', start: '2026-02-01' } }),
      'INVALID_INPUT',
      ['plan', 'versions'],
    );
  });
});
