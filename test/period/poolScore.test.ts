/**
 * Every pool award names its score (issue 17 §3): the source actually used for the person (their
 * own rating, their department's rating or response score, or the `data.supportScores`
 * fallback with its reason), the pending reviews that may still change it, the exponent of f and
 * the basis in words — on the award line's fields, in its trace and in `explain` — with every
 * amount unchanged.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/cli/format.js';
import { runPeriod, type RunPeriodResult, type StatementLine } from '../../src/index.js';
import { expectError } from '../helpers.js';
import { supportedGolden } from './golden.js';

const base = supportedGolden;

/** The pool award line of `person` (the first, for a split period). */
const award = (result: RunPeriodResult, person: string): StatementLine =>
  result.statements.find((s) => s.person === person)!.lines.find((l) => l.kind === 'poolAward')!;

describe('pool award: the score source under scoreFrom "ratings"', () => {
  const result = runPeriod(base({ scoreFrom: 'ratings' }));

  it('wang’s award names his own peripheral rating (85.00), with nothing pending', () => {
    const line = award(result, 'wang');
    expect(line.amount).toBe('2337.74'); // unchanged: runPeriod.test.ts works it out by hand
    expect(line.score).toEqual({
      value: '85.00',
      source: 'rating',
      subject: 'wang',
      fallbackReason: null,
      pending: [],
    });
    expect(line.trace[0]).toMatchObject({
      rule: 'statement.poolScore',
      formula: "score = the person's own peripheral rating score",
      inputs: { scoreFrom: 'ratings', source: 'rating', subject: 'wang', pending: 'none' },
      result: '85.00',
    });
    expect(line.trace[0]!.inputs).not.toHaveProperty('fallbackReason');
  });

  it('zhao’s award falls back to tech’s support score and says why, with the pending rating r6', () => {
    const line = award(result, 'zhao');
    expect(line.amount).toBe('1112.20');
    expect(line.score).toEqual({
      value: '80.00',
      source: 'supportScores',
      subject: 'tech',
      fallbackReason: 'too few raters for "zhao" (speed: 2 counted), and department "tech" has no peripheral rating',
      pending: ['r6'],
    });
    // the pending item is the review queue's
    expect(result.reviewQueue.map((item) => [item.id, item.subjects])).toEqual([['r6', ['zhao']]]);
    const [scoreStep] = line.trace;
    expect(scoreStep!.formula).toBe(
      'score = the support score in data.supportScores (fallback: scoreFrom ratings gave no score)',
    );
    expect(scoreStep!.inputs).toMatchObject({ fallbackReason: line.score!.fallbackReason, pending: 'r6' });
  });

  it('explain shows the fallback and its reason, and the pending review, with or without trace', () => {
    for (const trace of [true, false]) {
      const run = runPeriod({ ...base({ scoreFrom: 'ratings' }), trace });
      const text = explain(
        run,
        run.statements.find((s) => s.person === 'zhao')!,
      );
      expect(text).toContain(
        '    score 80.00 from data.supportScores (tech), a fallback: too few raters for "zhao" (speed: 2 counted), and department "tech" has no peripheral rating',
      );
      expect(text).toContain('    pending review: r6 (a decision may still change this score)');
      expect(text).toContain('    f(score) = score; basis 46 days employed in segment v1 (2026-04-01 … 2026-06-30)');
      const wang = explain(
        run,
        run.statements.find((s) => s.person === 'wang')!,
      );
      expect(wang).toContain('    score 85.00 from the peripheral rating of wang\n');
      expect(wang).not.toContain('pending review');
    }
  });

  it('a keep decision on r6 gives zhao his own rating: the fallback and the pending item are gone', () => {
    const scenario = base({ scoreFrom: 'ratings' });
    const decided = runPeriod({
      ...scenario,
      data: {
        ...scenario.data,
        reviewDecisions: [{ action: 'keep', rating: 'r6', reviewer: 'hr-chen', note: 'confirmed' }],
      },
    });
    // (90 + 92 + 30) / 3 = 70.67
    expect(award(decided, 'zhao').score).toEqual({
      value: '70.67',
      source: 'rating',
      subject: 'zhao',
      fallbackReason: null,
      pending: [],
    });
  });

  it('a department rating is used when the person has none, the person’s own pending ratings listed', () => {
    const scenario = base({ scoreFrom: 'ratings' });
    const rated = runPeriod({
      ...scenario,
      data: {
        ...scenario.data,
        ratings: [
          ...scenario.data!.ratings!,
          { id: 'r7', rater: 'li', ratee: 'tech', dimension: 'speed', score: 70 },
          { id: 'r8', rater: 'sales', ratee: 'tech', dimension: 'speed', score: 75 },
          { id: 'r9', rater: 'wang', ratee: 'tech', dimension: 'speed', score: 80 },
        ],
      },
    });
    expect(award(rated, 'zhao').score).toEqual({
      value: '75.00',
      source: 'departmentRating',
      subject: 'tech',
      fallbackReason: null,
      pending: ['r6'],
    });
  });

  it('refuses a recipient with no score anywhere, with the fallback’s reason in the message', () => {
    const scenario = base({ scoreFrom: 'ratings' });
    const error = expectError(
      () => runPeriod({ ...scenario, data: { ...scenario.data, supportScores: [] } }),
      'UNKNOWN_REFERENCE',
      ['data', 'supportScores'],
    );
    expect(error.issues.map((issue) => issue.message)).toEqual([
      'no support score for "zhao" or their department (too few raters for "zhao" (speed: 2 counted), and department "tech" has no peripheral rating); they share the pool',
    ]);
  });
});

describe('pool award: the score source under scoreFrom "responseTimes" and "supportScores"', () => {
  it('names the department’s mean response score', () => {
    const result = runPeriod(base({ scoreFrom: 'responseTimes' }));
    expect(award(result, 'wang').amount).toBe('2291.57'); // unchanged
    expect(award(result, 'wang').score).toEqual({
      value: '80.00',
      source: 'departmentResponseTimes',
      subject: 'tech',
      fallbackReason: null,
      pending: [],
    });
  });

  it('without tickets for the department, falls back to data.supportScores and says so', () => {
    const scenario = base({ scoreFrom: 'responseTimes' });
    const result = runPeriod({ ...scenario, data: { ...scenario.data, tickets: [] } });
    expect(award(result, 'zhao').score).toEqual({
      value: '80.00',
      source: 'supportScores',
      subject: 'tech',
      fallbackReason: 'no tickets for department "tech"',
      pending: [],
    });
  });

  it('under the default "supportScores" the source is the data, the person’s row before the department’s, no fallback', () => {
    const scenario = base();
    const result = runPeriod({
      ...scenario,
      data: { ...scenario.data, supportScores: [...scenario.data!.supportScores!, { subject: 'wang', score: 90 }] },
    });
    expect(award(result, 'wang').score).toMatchObject({
      source: 'supportScores',
      subject: 'wang',
      fallbackReason: null,
    });
    expect(award(result, 'zhao').score).toMatchObject({
      source: 'supportScores',
      subject: 'tech',
      fallbackReason: null,
    });
    // ratings are not read for the score: r6 pending does not concern it
    expect(award(result, 'zhao').score!.pending).toEqual([]);
  });
});

describe('pool award: f and the basis in words', () => {
  it('elasticity (seed 001, +10 % → +15 %): the exponent 1.4664 on the line and in the weight step', () => {
    const result = runPeriod(base({ weighting: { kind: 'elasticity', scoreChange: '0.10', awardChange: '0.15' } }));
    const line = award(result, 'zhao');
    expect(line.weighting).toEqual({ kind: 'elasticity', exponent: '1.4664' });
    const weight = line.trace.find((s) => s.rule === 'pool.weight')!;
    expect(weight.formula).toBe('weight = basis × round(f(score), weightDecimals), f(score) = score^exponent');
    // 80^1.4664 = 617.577062…
    expect(weight.inputs).toMatchObject({ exponent: '1.4664', 'f(score)': '617.577062', score: '80.00' });
    const text = explain(
      result,
      result.statements.find((s) => s.person === 'zhao')!,
    );
    expect(text).toContain('f(score) = score^1.4664 (elasticity)');
    expect(text).toContain(
      'basis: days employed in the segment, FTE or one: 46; exponent of f: 1.4664; weighting function f of the score: 617.577062',
    );
  });

  it('an elasticity rule whose exponent is beyond ±100 is refused at the plan, not computed', () => {
    const weighting = { kind: 'elasticity', scoreChange: '0.000000001', awardChange: '0.15' } as const;
    const error = expectError(() => runPeriod(base({ weighting })), 'OUT_OF_RANGE');
    expect(error.issues.find((issue) => issue.code === 'OUT_OF_RANGE')!.path.slice(-1)).toEqual(['weighting']);
  });

  it('power: the exponent at the coefficient decimals; linear: none', () => {
    const power = award(runPeriod(base({ weighting: { kind: 'power', exponent: 2 } })), 'wang');
    expect(power.weighting).toEqual({ kind: 'power', exponent: '2.0000' });
    expect(power.trace.find((s) => s.rule === 'pool.weight')!.inputs).toMatchObject({
      exponent: '2.0000',
      'f(score)': '6400',
    });
    const linear = award(runPeriod(base()), 'wang');
    expect(linear.weighting).toEqual({ kind: 'linear', exponent: null });
    expect(linear.trace.find((s) => s.rule === 'pool.weight')!.inputs).not.toHaveProperty('exponent');
  });

  it('names the basis: days employed in the segment, one share, FTE 1', () => {
    const days = runPeriod(base());
    expect(award(days, 'zhao').basis).toBe('46 days employed in segment v1 (2026-04-01 … 2026-06-30)');
    expect(award(days, 'wang').basis).toBe('91 days employed in segment v1 (2026-04-01 … 2026-06-30)');
    expect(award(days, 'zhao').trace[0]!.inputs.basis).toBe(award(days, 'zhao').basis);
    expect(award(runPeriod(base({ basis: 'one' })), 'zhao').basis).toBe('one share');
    expect(award(runPeriod(base({ basis: 'fte' })), 'zhao').basis).toBe('FTE 1');
  });

  it('a segment before the person joined: "not employed in segment …: no share", and nothing awarded', () => {
    const scenario = base({ basis: 'one' });
    const v1 = scenario.plan.versions[0]!;
    const result = runPeriod({
      ...scenario,
      plan: {
        ...scenario.plan,
        onVersionChange: 'prorate',
        versions: [v1, { ...v1, id: 'v2', effective: '2026-05-01' }],
      },
      // li's sale in May, so that the v2 segment has a pool to share
      data: {
        ...scenario.data,
        deductions: [],
        commissions: [{ id: 'c1', person: 'li', amount: '30000.00', date: '2026-05-20' }],
      },
    });
    const lines = result.statements.find((s) => s.person === 'zhao')!.lines.filter((l) => l.kind === 'poolAward');
    expect(lines.map((l) => [l.version, l.amount, l.basis])).toEqual([
      ['v1', '0.00', 'not employed in segment v1 (2026-04-01 … 2026-04-30): no share'],
      ['v2', lines[1]!.amount, 'one share'],
    ]);
    expect(lines[1]!.amount).not.toBe('0.00');
  });
});
