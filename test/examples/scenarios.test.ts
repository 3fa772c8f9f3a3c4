import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPeriod, type RunPeriodInput, type RunPeriodResult } from '../../src/index.js';

/** A shipped scenario (examples/scenarios/), read as a user's file would be. */
const scenario = (name: string) =>
  JSON.parse(readFileSync(`examples/scenarios/${name}.json`, 'utf8')) as RunPeriodInput;

/** Each person's lines as `kind:amount` (one version) and the total. */
const lines = (result: RunPeriodResult) =>
  Object.fromEntries(
    result.statements.map((s) => [s.person, [...s.lines.map((l) => `${l.kind}:${l.amount}`), `total:${s.total}`]]),
  );

describe('examples/scenarios/ten-person-month.json (derived by hand in docs/period.md, "A worked month")', () => {
  const result = runPeriod(scenario('ten-person-month'));

  it('uses every mechanism and every check holds', () => {
    expect(result.mechanisms).toEqual(['interlock', 'linkage', 'pool', 'ratings', 'responseTimes', 'scorecard']);
    expect(result.period).toEqual({ unit: 'month', start: '2026-06-01', end: '2026-06-30', days: 30 });
    expect(result.checks.length).toBe(27); // 16, and one input-ledger check per data list (11)
    expect(result.checks.filter((c) => !c.holds)).toEqual([]);
  });

  it('derives the coefficients: B = (1 − Σr)·D + Σr·C with C = 1100000 / 1000000 = 1.1', () => {
    const departments = Object.fromEntries(
      result.departments.map((d) => [d.id, [d.ownCoefficient, d.coefficient, d.scorecard?.score]]),
    );
    // sales 0.8 × 0.9 + 0.2 × 1.1 = 0.94; tech 0.95 × 1.05 + 0.05 × 1.1 = 1.0525; hr, service B = D.
    // Scorecards (reported): 0.5 × quality + 0.5 × net points (tech +10 for P-001).
    expect(departments).toEqual({
      hr: ['1.0000', '1.0000', '45'],
      sales: ['0.9000', '0.9400', '35'],
      service: ['1.0000', '1.0000', '42.5'],
      tech: ['1.0500', '1.0525', '45'],
    });
    const tech = result.departments.find((d) => d.id === 'tech')!;
    // K1 30 min → 100, K2 90 min → 80, K3 3 h → 60: mean 80.00; hr's K4 45 min → 100.00.
    expect(tech.responseTimes?.response?.meanScore).toBe('80.00');
    expect(result.departments.find((d) => d.id === 'hr')!.responseTimes?.response?.meanScore).toBe('100.00');
  });

  it('derives every statement line', () => {
    expect(lines(result)).toEqual({
      H1: ['basePay:6000.00', 'performanceBonus:1500.00', 'poolAward:1000.00', 'total:8500.00'],
      H2: ['basePay:5000.00', 'performanceBonus:1000.00', 'poolAward:700.00', 'total:6700.00'],
      S1: [
        'basePay:6000.00',
        'performanceBonus:1410.00',
        'commission:18000.00',
        'interlockReward:360.00',
        'total:25770.00',
      ],
      S2: [
        'basePay:6000.00',
        'performanceBonus:1410.00',
        'commission:12600.00',
        'interlockReward:360.00',
        'total:20370.00',
      ],
      S3: [
        'basePay:2500.00',
        'performanceBonus:470.00',
        'commission:3600.00',
        'interlockReward:180.00',
        'total:6750.00',
      ],
      T1: [
        'basePay:8000.00',
        'performanceBonus:2105.00',
        'poolAward:800.00',
        'interlockReward:200.00',
        'total:11105.00',
      ],
      T2: [
        'basePay:8000.00',
        'performanceBonus:2105.00',
        'poolAward:800.00',
        'interlockReward:200.00',
        'total:11105.00',
      ],
      T3: [
        'basePay:6000.00',
        'performanceBonus:1578.75',
        'poolAward:800.00',
        'interlockReward:200.00',
        'total:8578.75',
      ],
      V1: ['basePay:5000.00', 'performanceBonus:1000.00', 'commission:2700.00', 'total:8700.00'],
      V2: ['basePay:5000.00', 'performanceBonus:1000.00', 'deduction:-200.00', 'total:5800.00'],
    });
  });

  it('derives the totals, the pool, the interlock and the review queue', () => {
    expect(result.totals).toEqual({
      basePay: '57500.00',
      performanceBonus: '13578.75',
      grossCommission: '41000.00',
      poolContribution: '4100.00',
      netCommission: '36900.00',
      pool: '4100.00',
      poolAwards: '4100.00',
      unallocated: '0.00',
      deductions: '200.00',
      statements: '113378.75',
    });
    const [indicator] = result.interlock![0]!.indicators;
    expect([indicator!.actual, indicator!.achievement, indicator!.reward]).toEqual(['110000.00', '1.1000', '1500.00']);
    expect(indicator!.parties.map((p) => [p.id, p.reward])).toEqual([
      ['sales', '900.00'],
      ['tech', '600.00'],
    ]);
    expect(result.reviewQueue.map((item) => [item.code, item.id, item.reason])).toEqual([
      ['coefficientOutOfRange', 'sales', "coefficient 0.9400 outside the plan's plausible range 0.95…1.5"],
      ['flaggedRating', 'R8', 'extremeLow (score ≤ 20: 15)'],
    ]);
  });
});

describe('examples/scenarios/quarter-plan-change.json (a prorated plan change)', () => {
  const result = runPeriod(scenario('quarter-plan-change'));

  it('splits the quarter at 1 May and every check holds', () => {
    expect(result.treatment).toBe('prorated');
    expect(result.segments.map((s) => [s.version, s.days, s.fraction])).toEqual([
      ['base', 30, '30/91'],
      ['push', 61, '61/91'],
    ]);
    expect(new Set(result.departments.map((d) => d.id))).toEqual(new Set(['sales', 'service', 'tech']));
    expect(result.checks.filter((c) => !c.holds)).toEqual([]);
  });

  it('prorates base pay by days and carves each segment at its own rate', () => {
    const s1 = result.statements.find((s) => s.person === 'S1')!;
    // 6000.00 × 3 × 30/91 = 5934.07; 6600.00 × 3 × 61/91 = 13272.53.
    expect(s1.lines.filter((l) => l.kind === 'basePay').map((l) => [l.version, l.amount])).toEqual([
      ['base', '5934.07'],
      ['push', '13272.53'],
    ]);
    // base: 0.10 × (30000.00 + 6000.00) = 3600.00; push: 0.15 × (20000.00 + 10000.00) = 4500.00.
    expect(result.pools.map((p) => [p.version, p.rate, p.gross, p.pool])).toEqual([
      ['base', '0.10', '36000.00', '3600.00'],
      ['push', '0.15', '30000.00', '4500.00'],
    ]);
    expect(result.totals.statements).toBe('173493.97');
  });
});
