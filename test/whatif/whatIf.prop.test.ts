import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRuns, correctPeriod, runPeriod, type RunPeriodInput, type RunPeriodResult } from '../../src/index.js';
import { runs } from '../helpers.js';
import { DIGITS, major, minorOf, permuteArrays, scenarioArbitrary } from '../period/arbitraries.js';
import { awardsResult } from './fixtures.js';

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const dayOfQ2 = fc
  .integer({ min: 0, max: 90 })
  .map((offset) => new Date(Date.UTC(2026, 3, 1 + offset)).toISOString().slice(0, 10));

/** Late-data edits of a scenario: refunds, changed and dropped rows, grade and coefficient changes, leavers, a raise in the plan. */
const editsArbitrary = fc.record({
  dropCommission: fc.option(fc.nat(), { nil: undefined }),
  changeCommission: fc.option(
    fc.record({ index: fc.nat(), amount: fc.bigInt({ min: -(10n ** 7n), max: 10n ** 9n }) }),
    { nil: undefined },
  ),
  refund: fc.option(fc.record({ person: fc.nat(), amount: fc.bigInt({ min: 1n, max: 10n ** 8n }), date: dayOfQ2 }), {
    nil: undefined,
  }),
  dropDeduction: fc.option(fc.nat(), { nil: undefined }),
  addDeduction: fc.option(
    fc.record({ person: fc.nat(), amount: fc.bigInt({ min: 0n, max: 10n ** 6n }), date: dayOfQ2 }),
    { nil: undefined },
  ),
  regrade: fc.option(fc.record({ person: fc.nat(), grade: fc.nat() }), { nil: undefined }),
  coefficient: fc.option(fc.record({ department: fc.nat(), value: fc.integer({ min: 0, max: 30000 }) }), {
    nil: undefined,
  }),
  leaver: fc.option(fc.nat(), { nil: undefined }),
  joiner: fc.option(dayOfQ2, { nil: undefined }),
  raise: fc.option(fc.bigInt({ min: 1n, max: 10n ** 6n }), { nil: undefined }),
});

type Edits = typeof editsArbitrary extends fc.Arbitrary<infer T> ? T : never;

function edit(scenario: RunPeriodInput, edits: Edits): RunPeriodInput {
  const s = json(scenario);
  const digits = DIGITS[s.plan.currency]!;
  const data = (s.data ??= {});
  const commissions = (data.commissions ??= []);
  const deductions = (data.deductions ??= []);
  const people = s.org.people;
  if (edits.dropCommission !== undefined && commissions.length > 0)
    commissions.splice(edits.dropCommission % commissions.length, 1);
  if (edits.changeCommission !== undefined && commissions.length > 0) {
    const i = edits.changeCommission.index % commissions.length;
    // A clawback (negative row) carries the pool rate first applied to the sale, as the schema
    // requires under clawbackPolicy "reverse"; a positive row carries none.
    const { rate: _rate, ...row } = commissions[i]!;
    const amount = edits.changeCommission.amount;
    commissions[i] = { ...row, amount: major(amount, digits), ...(amount < 0n ? { rate: '0.1' } : {}) };
  }
  if (edits.refund !== undefined && people.length > 0)
    commissions.push({
      id: 'refund',
      person: people[edits.refund.person % people.length]!.id,
      amount: major(-edits.refund.amount, digits),
      date: edits.refund.date,
      rate: '0.1',
    });
  if (edits.dropDeduction !== undefined && deductions.length > 0)
    deductions.splice(edits.dropDeduction % deductions.length, 1);
  if (edits.addDeduction !== undefined && people.length > 0)
    deductions.push({
      id: 'late-review',
      person: people[edits.addDeduction.person % people.length]!.id,
      amount: major(edits.addDeduction.amount, digits),
      reason: 'late data',
      date: edits.addDeduction.date,
    });
  if (edits.regrade !== undefined && people.length > 0) {
    const i = edits.regrade.person % people.length;
    const grades = s.plan.versions[0]!.grades;
    people[i] = { ...people[i]!, grade: grades[edits.regrade.grade % grades.length]!.id };
  }
  if (edits.coefficient !== undefined) {
    const department = s.org.departments[edits.coefficient.department % s.org.departments.length]!.id;
    data.departmentCoefficients = [
      ...(data.departmentCoefficients ?? []).filter((row) => row.department !== department),
      { department, coefficient: (edits.coefficient.value / 10000).toString() },
    ];
  }
  const leavable = people.filter((p) => !interlockParties(s).has(p.id));
  if (edits.leaver !== undefined && leavable.length > 0) {
    const gone = leavable[edits.leaver % leavable.length]!.id;
    s.org.people = people.filter((p) => p.id !== gone);
    data.commissions = commissions.filter((row) => row.person !== gone);
    data.deductions = deductions.filter((row) => row.person !== gone);
  }
  if (edits.joiner !== undefined && !s.org.people.some((p) => p.id === 'late-joiner'))
    s.org.people.push({
      id: 'late-joiner',
      department: s.org.departments[0]!.id,
      grade: s.plan.versions[0]!.grades[0]!.id,
      start: edits.joiner,
    });
  if (edits.raise !== undefined)
    for (const version of s.plan.versions)
      version.grades = version.grades.map((g) => ({
        ...g,
        basePay: major(minorOf(String(g.basePay), digits) + edits.raise!, digits),
      }));
  return s;
}

/**
 * Ids the plan names as interlock parties. Such a person cannot simply vanish from the org: a
 * correction re-run under the plan as paid would still name them (UNKNOWN_REFERENCE), so the
 * leaver edit picks among the other people.
 */
function interlockParties(s: RunPeriodInput): Set<string> {
  return new Set(
    s.plan.versions.flatMap((version) =>
      (version.interlock?.indicators ?? []).flatMap((indicator) => indicator.parties.map((party) => party.id)),
    ),
  );
}

/**
 * A result with its rows shuffled — statements, departments and each statement's lines — but
 * not its traces: a trace is a sequence of steps, its order is part of what it says.
 */
function shuffleRows(result: RunPeriodResult, seed: number): RunPeriodResult {
  const order = <T>(rows: readonly T[], salt: number): T[] => {
    const keys = permuteArrays(
      rows.map((_, i) => i),
      seed + salt,
    );
    return keys.map((i) => rows[i]!);
  };
  return {
    ...result,
    departments: order(result.departments, 1),
    statements: order(result.statements, 2).map((statement, i) => ({
      ...statement,
      lines: order(statement.lines, 3 + i),
    })),
  };
}

type Sums = Map<string, bigint>;
/** Σ line amounts per person, kind and version, read with the test's own parser. */
function sums(result: RunPeriodResult, digits: number): Sums {
  const out: Sums = new Map();
  for (const statement of result.statements)
    for (const line of statement.lines) {
      const key = `${statement.person}|${line.kind}|${line.version}`;
      out.set(key, (out.get(key) ?? 0n) + minorOf(line.amount, digits));
    }
  return out;
}

describe('correctPeriod properties', () => {
  it('paid + corrections = re-run, to the minor unit, per person, line kind and version, for random scenario pairs', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        editsArbitrary,
        fc.constantFrom<'asPaid' | 'asCorrected'>('asPaid', 'asCorrected'),
        (paidScenario, edits, plan) => {
          const digits = DIGITS[paidScenario.plan.currency]!;
          const corrected = edit(paidScenario, edits);
          const paid = json(runPeriod(paidScenario));
          const correction = correctPeriod({ paid: { scenario: paidScenario, result: paid }, corrected, plan });
          const rerun = correction.rerun;
          // The re-run is exactly what runPeriod gives for the corrected data under the chosen plan.
          expect(json(rerun)).toEqual(
            json(runPeriod(plan === 'asPaid' ? { ...corrected, plan: paidScenario.plan } : corrected)),
          );
          const applied = sums(paid, digits);
          let corrections = 0n;
          for (const person of correction.people)
            for (const line of person.lines) {
              const amount = minorOf(line.amount, digits);
              expect(amount).not.toBe(0n);
              expect(amount).toBe(minorOf(line.rerun, digits) - minorOf(line.paid, digits));
              expect(line.type).toBe(amount > 0n ? 'arrears' : 'recovery');
              const key = `${person.person}|${line.kind}|${line.version}`;
              applied.set(key, (applied.get(key) ?? 0n) + amount);
              corrections += amount;
            }
          const target = sums(rerun, digits);
          for (const key of new Set([...applied.keys(), ...target.keys()]))
            expect(applied.get(key) ?? 0n, key).toBe(target.get(key) ?? 0n);
          const total = (result: RunPeriodResult) =>
            result.statements.reduce((sum, s) => sum + minorOf(s.total, digits), 0n);
          expect(total(paid) + corrections).toBe(total(rerun));
          expect(minorOf(correction.totals.paid, digits) + minorOf(correction.totals.net, digits)).toBe(
            minorOf(correction.totals.rerun, digits),
          );
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('never touches a line that did not move (singleton lines and deductions by id)', () => {
    fc.assert(
      fc.property(scenarioArbitrary, editsArbitrary, (paidScenario, edits) => {
        const corrected = edit(paidScenario, edits);
        const paid = runPeriod(paidScenario);
        const correction = correctPeriod({ paid: { scenario: paidScenario }, corrected });
        const index = (result: RunPeriodResult) => {
          const map = new Map<string, string[]>();
          for (const s of result.statements)
            for (const line of s.lines) {
              const source = line.trace.find((step) => step.inputs['id'] !== undefined)?.inputs['id'] ?? '';
              const key = `${s.person}|${line.kind}|${line.version}|${source}`;
              map.set(key, [...(map.get(key) ?? []), line.amount]);
            }
          return map;
        };
        const before = index(paid);
        const after = index(correction.rerun);
        for (const person of correction.people)
          for (const line of person.lines) {
            const key = `${person.person}|${line.kind}|${line.version}|${line.source}`;
            const x = before.get(key) ?? [];
            const y = after.get(key) ?? [];
            // A correction exists only where the line moved.
            expect(x.length === 1 && y.length === 1 && x[0] === y[0], key).toBe(false);
          }
      }),
      { numRuns: runs(1000) },
    );
  });

  it('gives the same lines with trace false as with trace true (lines pair by source, not by trace)', () => {
    /** A correction or comparison line without what only a trace can tell (the rules that changed). */
    const plain = (people: readonly { person: string; lines: readonly object[] }[]) =>
      people.map((p) => ({
        person: p.person,
        lines: p.lines.map(({ rulesChanged: _r, ...line }: { rulesChanged?: unknown }) => line),
      }));
    fc.assert(
      fc.property(scenarioArbitrary, editsArbitrary, (paidScenario, edits) => {
        const corrected = edit(paidScenario, edits);
        const withTrace = (s: RunPeriodInput, trace: boolean): RunPeriodInput => ({ ...s, trace });
        const traced = correctPeriod({
          paid: { scenario: withTrace(paidScenario, true) },
          corrected: withTrace(corrected, true),
        });
        const bare = correctPeriod({
          paid: { scenario: withTrace(paidScenario, false) },
          corrected: withTrace(corrected, false),
        });
        expect(plain(bare.people)).toEqual(plain(traced.people));
        expect(bare.totals).toEqual(traced.totals);
        const compareTraced = compareRuns({
          base: runPeriod(withTrace(paidScenario, true)),
          proposed: runPeriod(withTrace(corrected, true)),
        });
        const compareBare = compareRuns({
          base: runPeriod(withTrace(paidScenario, false)),
          proposed: runPeriod(withTrace(corrected, false)),
        });
        expect(plain(compareBare.people)).toEqual(plain(compareTraced.people));
      }),
      { numRuns: runs(300) },
    );
  });

  it('gives no corrections when the inputs are unchanged, whatever their order', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer(), fc.boolean(), (scenario, seed, keepResult) => {
        const correction = correctPeriod({
          paid: keepResult ? { scenario, result: json(runPeriod(scenario)) } : { scenario },
          corrected: permuteArrays(scenario, seed),
        });
        expect(correction.people).toEqual([]);
        expect(correction.counts.lines).toBe(0);
        expect(correction.totals.net).toBe(major(0n, DIGITS[scenario.plan.currency]!));
        if (keepResult) expect(correction.paidReproduced).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('compareRuns properties', () => {
  it('comparing a run with itself (or a plan with itself) yields no differences', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const result = runPeriod(scenario);
        for (const comparison of [
          compareRuns({ base: result, proposed: json(result) }),
          compareRuns({ scenario, proposedPlan: scenario.plan }),
        ]) {
          expect(comparison.identical).toBe(true);
          expect(comparison.people).toEqual([]);
          expect(comparison.gainers).toEqual([]);
          expect(comparison.losers).toEqual([]);
          expect(comparison.planChanges).toEqual([]);
          expect(comparison.departments.every((d) => !d.changed && d.fields.length === 0)).toBe(true);
          expect(
            comparison.totals.every(
              (t) => t.base === t.proposed && minorOf(t.delta, DIGITS[scenario.plan.currency]!) === 0n,
            ),
          ).toBe(true);
          expect(comparison.counts.unchanged).toBe(result.statements.length);
        }
      }),
      { numRuns: runs(1000) },
    );
  });

  it('deltas add up to the total delta and reverse when the runs are swapped', () => {
    fc.assert(
      fc.property(scenarioArbitrary, editsArbitrary, (scenario, edits) => {
        const digits = DIGITS[scenario.plan.currency]!;
        const a = runPeriod(scenario);
        const b = runPeriod(edit(scenario, edits));
        const forward = compareRuns({ base: a, proposed: b });
        const backward = compareRuns({ base: b, proposed: a });
        const statements = forward.totals.find((t) => t.name === 'statements')!;
        const sum = (amounts: string[]) => amounts.reduce((total, amount) => total + minorOf(amount, digits), 0n);
        expect(sum(forward.people.map((p) => p.delta))).toBe(minorOf(statements.delta, digits));
        expect(sum(forward.departments.map((d) => d.delta))).toBe(minorOf(statements.delta, digits));
        expect(sum(forward.gainers.map((g) => g.delta)) + sum(forward.losers.map((l) => l.delta))).toBe(
          minorOf(statements.delta, digits),
        );
        expect(
          forward.gainers.every((g) => minorOf(g.delta, digits) > 0n) &&
            forward.losers.every((l) => minorOf(l.delta, digits) < 0n),
        ).toBe(true);
        expect(backward.people.map((p) => [p.person, -minorOf(p.delta, digits)])).toEqual(
          forward.people.map((p) => [p.person, minorOf(p.delta, digits)]),
        );
        expect(new Set(backward.losers.map((l) => l.person))).toEqual(new Set(forward.gainers.map((g) => g.person)));
        expect(forward.identical).toBe(
          forward.people.length === 0 &&
            forward.departments.every((d) => !d.changed) &&
            forward.totals.every((t) => t.base === t.proposed) &&
            a.version === b.version,
        );
      }),
      { numRuns: runs(500) },
    );
  });

  it('gives byte-identical output whatever the order of the input rows', () => {
    fc.assert(
      fc.property(scenarioArbitrary, editsArbitrary, fc.integer(), (scenario, edits, seed) => {
        const edited = edit(scenario, edits);
        const a = json(runPeriod(scenario));
        const b = json(runPeriod(edited));
        const expected = JSON.stringify(compareRuns({ base: a, proposed: b }));
        expect(JSON.stringify(compareRuns({ base: shuffleRows(a, seed), proposed: shuffleRows(b, seed + 1) }))).toBe(
          expected,
        );
        const correction = correctPeriod({ paid: { scenario }, corrected: edited });
        const permuted = correctPeriod({
          paid: { scenario: permuteArrays(scenario, seed) },
          corrected: permuteArrays(edited, seed + 1),
        });
        expect(JSON.stringify(permuted.people)).toBe(JSON.stringify(correction.people));
        expect(JSON.stringify(permuted.inputChanges)).toBe(JSON.stringify(correction.inputChanges));
      }),
      { numRuns: runs(300) },
    );
  });

  it('gives the Gini and median of awards as an independent pairwise oracle does', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 30 }), (awards) => {
        const texts = awards.map((a) => major(a, 2));
        const total = awards.reduce((s, a) => s + a, 0n);
        const spread = compareRuns({
          base: awardsResult(texts, major(total, 2)),
          proposed: awardsResult(texts, major(total, 2)),
        }).pool.base;
        const n = BigInt(awards.length);
        // Gini = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² mean) = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n Σ x), rounded half-up to 4 decimals.
        if (total === 0n) expect(spread.gini).toBeNull();
        else {
          let pairs = 0n;
          for (const x of awards) for (const y of awards) pairs += x > y ? x - y : y - x;
          const numerator = pairs * 10_000n;
          const denominator = 2n * n * total;
          const rounded = (2n * numerator + denominator) / (2n * denominator);
          expect(spread.gini).toBe(`${rounded / 10_000n}.${String(rounded % 10_000n).padStart(4, '0')}`);
        }
        const sorted = [...awards].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        const middle =
          sorted.length % 2 === 1
            ? sorted[(sorted.length - 1) / 2]! * 10n
            : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) * 5n;
        // Median in tenths of a fen, compared numerically.
        const median = spread.median!;
        const [whole, fraction = ''] = median.split('.');
        expect(BigInt(whole! + fraction.padEnd(3, '0'))).toBe(middle);
        expect(spread.min).toBe(major(sorted[0]!, 2));
        expect(spread.max).toBe(major(sorted.at(-1)!, 2));
      }),
      { numRuns: runs(1000) },
    );
  });
});
