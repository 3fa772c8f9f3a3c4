import { describe, expect, it } from 'vitest';
import { runPeriod as run, type RunPeriodInput, type RunPeriodResult } from '../../src/index.js';
import { expectError } from '../helpers.js';
import { golden, supportedGolden } from './golden.js';

/** The run with the ledger's used rows listed (`ledgerRows: true`) unless the input says otherwise. */
const runPeriod = (input: RunPeriodInput): RunPeriodResult => run({ ledgerRows: true, ...input });

const codes = (result: RunPeriodResult) => result.exclusions.map(({ path, id, code }) => [path, id, code]);
const section = (result: RunPeriodResult, name: string) => result.ledger.find((s) => s.section === name)!;

/** The supported golden quarter with one more rating: wang rates himself. */
const withSelfRating = (): RunPeriodInput => {
  const scenario = supportedGolden();
  scenario.data!.ratings!.push({ id: 'r7', rater: 'wang', ratee: 'wang', dimension: 'speed', score: 100 });
  return scenario;
};

describe('the input ledger', () => {
  it('the golden scenario: every row used, one section per data list, each with its check', () => {
    const result = runPeriod(golden());
    expect(result.exclusions).toEqual([]);
    expect(result.ledger.map(({ section, rows, used, excluded }) => [section, rows, used, excluded])).toEqual([
      ['departmentCoefficients', 2, 2, 0],
      ['commissions', 2, 2, 0],
      ['deductions', 1, 1, 0],
    ]);
    expect(section(result, 'commissions').uses).toEqual([
      { into: 'commission line of li', rows: [0, 1], ids: ['c1', 'c2'] },
    ]);
    const checks = result.checks.filter((check) => check.id.startsWith('ledger.'));
    expect(checks.map((check) => [check.id, check.left, check.right, check.holds])).toEqual([
      ['ledger.departmentCoefficients', '2', '2', true],
      ['ledger.commissions', '2', '2', true],
      ['ledger.deductions', '1', '1', true],
    ]);
  });

  it('a self-rating is excluded as selfRating at its path, concerning the ratee', () => {
    const result = runPeriod(withSelfRating());
    expect(result.exclusions.find((exclusion) => exclusion.id === 'r7')).toEqual({
      section: 'ratings',
      path: '$.data.ratings[6]',
      id: 'r7',
      code: 'selfRating',
      reason: 'the rater rated themselves',
      people: ['wang'],
      departments: [],
    });
  });

  it('ratings that fed no score: a pending flag, and a ratee with too few raters', () => {
    // zhao: r4 and r5 count, r6 (30 against 90 and 92) is flagged and pending: 2 raters < 3.
    const result = runPeriod(supportedGolden());
    expect(codes(result)).toEqual([
      ['$.data.ratings[3]', 'r4', 'belowMinRaters'],
      ['$.data.ratings[4]', 'r5', 'belowMinRaters'],
      ['$.data.ratings[5]', 'r6', 'awaitingReview'],
    ]);
    expect(result.exclusions[0]!.people).toEqual(['zhao', 'li']);
    expect(result.exclusions[1]!.departments).toEqual(['sales']);
    const ratings = section(result, 'ratings');
    expect([ratings.rows, ratings.used, ratings.excluded]).toEqual([6, 3, 3]);
    expect(ratings.uses).toEqual([{ into: 'score of ratee wang (speed)', rows: [0, 1, 2], ids: ['r1', 'r2', 'r3'] }]);
    expect(section(result, 'tickets').uses).toEqual([
      { into: 'response-time score of department tech', rows: [0, 1, 2], ids: ['t3', 't1', 't2'] },
    ]);
  });

  it('a decision dropping the flagged rating: rejectedByReview; the decision itself is used', () => {
    const scenario = supportedGolden();
    scenario.data!.reviewDecisions = [{ rating: 'r6', action: 'drop', reviewer: 'hr', note: 'outlier' }];
    const result = runPeriod(scenario);
    expect(result.exclusions.find((exclusion) => exclusion.id === 'r6')!.code).toBe('rejectedByReview');
    expect(section(result, 'reviewDecisions')).toEqual({
      section: 'reviewDecisions',
      rows: 1,
      used: 1,
      excluded: 0,
      uses: [{ into: 'review decisions on flagged ratings', rows: [0], ids: ['r6'] }],
    });
  });

  it('a rating the RACI matrix does not entitle is excluded as raterNotEntitled, with the rule in words', () => {
    const scenario = supportedGolden();
    const version = scenario.plan.versions[0]!;
    version.ratings!.tasks = [
      {
        id: 'deploy',
        assignments: [
          { party: 'sales', role: 'A' },
          { party: 'li', role: 'R' },
          { party: 'wang', role: 'R' },
          { party: 'zhao', role: 'C' },
        ],
      },
    ];
    for (const rating of scenario.data!.ratings!) rating.task = 'deploy';
    const result = runPeriod(scenario);
    // r3: zhao (back office) rates wang: the rater must be front line.
    expect(result.exclusions.find((exclusion) => exclusion.id === 'r3')).toEqual({
      section: 'ratings',
      path: '$.data.ratings[2]',
      id: 'r3',
      code: 'raterNotEntitled',
      reason: 'the rater is not front line (RACI)',
      people: ['wang', 'zhao'],
      departments: [],
    });
  });

  it('rows the plan does not read: tickets without responseTimes, ratings without a ratings section', () => {
    const scenario = golden();
    const supported = supportedGolden();
    scenario.data = { ...scenario.data, tickets: supported.data!.tickets, ratings: supported.data!.ratings };
    const result = runPeriod(scenario);
    expect(section(result, 'tickets')).toMatchObject({ rows: 3, used: 0, excluded: 3, uses: [] });
    const ticket = result.exclusions.find((exclusion) => exclusion.section === 'tickets')!;
    expect(ticket).toEqual({
      section: 'tickets',
      path: '$.data.tickets[0]',
      id: 't3',
      code: 'notReadByPlan',
      reason: 'no plan version of the period has a responseTimes section',
      people: [],
      departments: ['tech'],
    });
    expect(result.exclusions.filter((exclusion) => exclusion.section === 'ratings')).toHaveLength(6);
  });

  it('a pool score that fell back to supportScores: on the statement, and the support score row used', () => {
    const scenario = supportedGolden({ scoreFrom: 'ratings' });
    // wang's own support score is not read: his own rating gave his score.
    scenario.data!.supportScores!.push({ subject: 'wang', score: 70 });
    const result = runPeriod(scenario);
    const award = result.statements.find((s) => s.person === 'zhao')!.lines.find((l) => l.kind === 'poolAward')!;
    expect(award.score).toMatchObject({ source: 'supportScores', subject: 'tech' });
    expect(award.score!.fallbackReason).toContain('too few raters');
    expect(section(result, 'supportScores').uses).toEqual([
      { into: 'pool score of tech (data.supportScores)', rows: [0], ids: ['tech'] },
    ]);
    expect(result.exclusions.filter((exclusion) => exclusion.section === 'supportScores')).toEqual([
      {
        section: 'supportScores',
        path: '$.data.supportScores[1]',
        id: 'wang',
        code: 'notReadByPlan',
        reason: 'the pool took the scores it concerns from ratings',
        people: ['wang'],
        departments: [],
      },
    ]);
  });

  it('an exchange rate no row was converted at: rateNotApplied; the rates applied are used', () => {
    const scenario = golden();
    scenario.data!.commissions!.push({ id: 'c3', person: 'li', amount: '100.00', currency: 'USD', date: '2026-05-20' });
    scenario.data!.exchangeRates = [
      { currency: 'USD', date: '2026-04-01', rate: '7.1000' },
      { currency: 'USD', date: '2026-05-15', rate: '7.2000' },
    ];
    const result = runPeriod(scenario);
    expect(section(result, 'exchangeRates').uses).toEqual([
      {
        into: 'conversion of USD commission rows and sales at the rate of 2026-05-15',
        rows: [1],
        ids: ['USD 2026-05-15'],
      },
    ]);
    expect(codes(result)).toEqual([['$.data.exchangeRates[0]', 'USD 2026-04-01', 'rateNotApplied']]);
  });

  it('without ledgerRows (the default) or with trace: false the counts and the exclusions are the same, without the used rows', () => {
    const loud = runPeriod(withSelfRating());
    const quiet = runPeriod({ ...withSelfRating(), trace: false, ledgerRows: false });
    expect(run(withSelfRating()).ledger).toEqual(quiet.ledger);
    expect(quiet.exclusions).toEqual(loud.exclusions);
    expect(quiet.ledger).toEqual(loud.ledger.map((s) => ({ ...s, uses: null })));
  });
});

/** The supported golden quarter in which wang (back office) also has a commission row. */
const backOfficeCommission = (policy?: 'refuse' | 'payInFull' | 'carve'): RunPeriodInput => {
  const scenario = supportedGolden(policy === undefined ? {} : { nonContributorCommissions: policy });
  scenario.data!.commissions!.push({ id: 'c3', person: 'wang', amount: '1000.00', date: '2026-05-05' });
  return scenario;
};

describe('commission rows of a person the pool does not carve from', () => {
  const commission = (result: RunPeriodResult, person: string) =>
    result.statements.find((s) => s.person === person)!.lines.find((l) => l.kind === 'commission')!.amount;

  it('are refused by default with NOT_CARVED at the row', () => {
    const error = expectError(() => runPeriod(backOfficeCommission()), 'NOT_CARVED', ['data', 'commissions', 2]);
    expect(error.issues[0]!.message).toContain('"wang" is on the back side');
    expectError(() => runPeriod(backOfficeCommission('refuse')), 'NOT_CARVED', ['data', 'commissions', 2]);
  });

  it('payInFull: paid uncarved, and the person queued for review as commissionNotCarved', () => {
    const result = runPeriod(backOfficeCommission('payInFull'));
    expect(commission(result, 'wang')).toBe('1000.00');
    expect(result.pools[0]!.gross).toBe('28749.50'); // li's only: 30000.00 − 1250.50
    expect(result.reviewQueue.filter((item) => item.code === 'commissionNotCarved')).toEqual([
      {
        kind: 'plausibility',
        code: 'commissionNotCarved',
        id: 'wang',
        subjects: ['wang'],
        reason:
          'commission of a back-side person paid in full, not carved into the pool (plan: nonContributorCommissions "payInFull"; segment v1 (2026-04-01…2026-06-30))',
      },
    ]);
  });

  it("carve: carved like a contributor's", () => {
    const result = runPeriod(backOfficeCommission('carve'));
    // 12 % of 1000.00 = 120.00 carved from wang, who also shares the pool.
    expect(commission(result, 'wang')).toBe('880.00');
    expect(result.pools[0]!.contributors).toBe(2);
    expect(result.reviewQueue.some((item) => item.code === 'commissionNotCarved')).toBe(false);
  });
});
