/**
 * Properties of person-level targets in the run (issue 19 §3): every score lies in [0, cap]; the
 * run's target of each metric equals `deriveTargets` on the person's own history (the
 * differential); permuting the measure and history rows gives byte-identical output; and a
 * person's targets depend on their own rows only (changing another person's rows leaves them be).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveTargets, runPeriod, type RunPeriodInput } from '../../src/index.js';
import { shuffleDeep } from '../arbitraries/index.js';
import { runs } from '../helpers.js';

const LEVELS = ['senior', 'junior'] as const;
const METRICS = ['cycleWeeks', 'bugRate'] as const;
const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];

const valueArb = fc.integer({ min: 0, max: 900 }).map((n) => (n / 100).toFixed(2));
const personArb = fc.record({
  level: fc.constantFrom(...LEVELS),
  measures: fc
    .subarray([...METRICS])
    .chain((metrics) =>
      fc.tuple(...metrics.map((metric) => fc.record({ metric: fc.constant(metric), value: valueArb }))),
    ),
  complexity: fc.option(fc.constantFrom('0.5', '1.25', '2'), { nil: undefined }),
  history: fc
    .subarray(MONTHS)
    .chain((months) => fc.tuple(...months.map((month) => fc.record({ month: fc.constant(month), value: valueArb })))),
});
const scenarioArb = fc.record({
  people: fc.array(personArb, { minLength: 1, maxLength: 6 }),
  cap: fc.constantFrom('100', '120'),
  step: fc.constantFrom('0.5', '1'),
  streak: fc.integer({ min: 1, max: 3 }),
  adjust: fc.constantFrom('relax' as const, 'tighten' as const),
  when: fc.constantFrom('better' as const, 'worse' as const),
});

type Case = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function scenario(c: Case): RunPeriodInput {
  return {
    plan: {
      id: 'p',
      currency: 'CNY',
      versions: [
        {
          id: 'v',
          effective: '2026-01-01',
          grades: [{ id: 'E', basePay: '1000.00', targetBonus: '100.00' }],
          targets: {
            metrics: [
              { id: 'cycleWeeks', direction: 'lowerIsBetter', decimals: 2 },
              { id: 'bugRate', direction: 'higherIsBetter', scaleWithComplexity: false, decimals: 2 },
            ],
            baselines: [
              { id: 'senior', values: { cycleWeeks: '4', bugRate: '1.2' } },
              { id: 'junior', values: { cycleWeeks: '6', bugRate: '3' } },
            ],
            rules: [{ id: 'r', metric: 'bugRate', streak: c.streak, when: c.when, adjust: c.adjust, step: c.step }],
            cap: c.cap,
          },
        },
      ],
    },
    period: { unit: 'month', start: '2026-04-01' },
    org: {
      departments: [{ id: 'rd', side: 'back' }],
      people: c.people.map((p, i) => ({ id: `p${i}`, department: 'rd', grade: 'E', level: p.level })),
    },
    data: {
      measures: c.people.flatMap((p, i) =>
        p.measures.map((m) => ({
          person: `p${i}`,
          ...m,
          ...(p.complexity === undefined ? {} : { complexity: p.complexity }),
        })),
      ),
      measureHistory: c.people.flatMap((p, i) =>
        p.history.map((h) => ({ person: `p${i}`, month: h.month, metric: 'bugRate', value: h.value })),
      ),
    },
  };
}

const targets = (input: RunPeriodInput) => runPeriod(input).statements.map((s) => s.targets);

describe('targets in the run: properties', () => {
  it('scores lie in [0, cap]; targets equal deriveTargets on the person’s own history', () => {
    fc.assert(
      fc.property(scenarioArb, (c) => {
        const input = scenario(c);
        const section = input.plan.versions[0]!.targets!;
        runPeriod(input).statements.forEach((statement, i) => {
          const entry = statement.targets![0]!;
          for (const row of entry.metrics)
            if (row.score !== null) {
              expect(Number(row.score)).toBeGreaterThanOrEqual(0);
              expect(Number(row.score)).toBeLessThanOrEqual(Number(c.cap));
            }
          const person = c.people[i]!;
          const history = person.history.map((h) => ({ period: h.month, values: { bugRate: h.value } }));
          // The run asks the streak to end in March; deriveTargets counts back from the latest month.
          // A measure row's complexity scales that metric's target only.
          const direct = (complexity: string | undefined) =>
            deriveTargets({
              metrics: section.metrics,
              baselines: section.baselines,
              rules: section.rules,
              people: [{ id: 'x', level: person.level, complexity, history }],
            }).people[0]!;
          const [scaled, plain] = [direct(person.complexity), direct(undefined)];
          const measured = new Set<string>(person.measures.map((m) => m.metric));
          const expected = scaled.targets.map((t, m) => (measured.has(t.metric) ? t : plain.targets[m]!).target);
          const endsInMarch = person.history.some((h) => h.month === '2026-03');
          if (endsInMarch || plain.rulesFired.length === 0)
            expect(entry.metrics.map((m) => m.target)).toEqual(expected);
          else expect(entry.metrics.flatMap((m) => m.adjustments)).toEqual([]);
        });
      }),
      { numRuns: runs(200) },
    );
  });

  it('permuted rows: byte-identical output', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (c, seeds) => {
        const input = scenario(c);
        const expected = JSON.stringify(runPeriod(input).statements);
        expect(JSON.stringify(runPeriod(shuffleDeep(input, seeds)).statements)).toBe(expected);
      }),
      { numRuns: runs(200) },
    );
  });

  it('locality: changing one person’s rows leaves every other person’s targets unchanged', () => {
    fc.assert(
      fc.property(scenarioArb, personArb, fc.nat(), (c, replacement, pick) => {
        const k = pick % c.people.length;
        const before = targets(scenario(c));
        const people = c.people.map((p, i) => (i === k ? { ...replacement, level: p.level } : p));
        const after = targets(scenario({ ...c, people }));
        after.forEach((entry, i) => {
          if (i !== k) expect(entry).toEqual(before[i]);
        });
      }),
      { numRuns: runs(200) },
    );
  });
});
