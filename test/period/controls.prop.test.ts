import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPeriod, SynergyPayError } from '../../src/index.js';
import { scenarioArb, type RunPeriodInput } from '../arbitraries/scenario.js';
import { minorOf, moneyText } from '../arbitraries/oracle.js';
import { runs } from '../helpers.js';
import { scenarioArbitrary } from './arbitraries.js';

/** runPeriod on a structurally typed scenario (the arbitraries' own type); it validates the input. */
const run = (scenario: unknown) => runPeriod(scenario as Parameters<typeof runPeriod>[0]);

/** Minor digits by currency, written here (not the library's table). */
const DIGITS: Record<string, number> = { CNY: 2, JPY: 0, KWD: 3 };

/** Generated scenarios: the shared arbitrary, and the period tests' own (with pools and revenue facts). */
const scenarios: fc.Arbitrary<RunPeriodInput> = fc.oneof(
  scenarioArb,
  scenarioArbitrary as unknown as fc.Arbitrary<RunPeriodInput>,
);

/** A declared control: its path, and its value as a count or in minor units. */
interface Control {
  readonly path: readonly string[];
  readonly kind: 'count' | 'money' | 'nonNegativeMoney';
  readonly value: bigint;
}

const sumMinor = (rows: readonly { amount: string | number }[] | undefined, digits: number): bigint =>
  (rows ?? []).reduce((total, row) => total + minorOf(String(row.amount), digits), 0n);
const rowCount = (rows: unknown): bigint => BigInt(Array.isArray(rows) ? rows.length : 0);

/**
 * The controls of a scenario, computed in the test from its rows with BigInt sums; `payTotal` is
 * Σ of every printed statement line of a run without controls (the "last approved run").
 */
function controlsOf(
  scenario: RunPeriodInput,
  statements: readonly { lines: readonly { amount: string }[] }[],
): Control[] {
  const digits = DIGITS[scenario.plan.currency]!;
  const data = scenario.data ?? {};
  let pay = 0n;
  for (const statement of statements) for (const line of statement.lines) pay += minorOf(line.amount, digits);
  return [
    { path: ['people'], kind: 'count', value: BigInt(scenario.org.people.length) },
    { path: ['commissions', 'rows'], kind: 'count', value: rowCount(data.commissions) },
    { path: ['commissions', 'gross'], kind: 'money', value: sumMinor(data.commissions, digits) },
    { path: ['deductions', 'rows'], kind: 'count', value: rowCount(data.deductions) },
    { path: ['deductions', 'total'], kind: 'nonNegativeMoney', value: sumMinor(data.deductions, digits) },
    { path: ['tickets'], kind: 'count', value: rowCount(data.tickets) },
    { path: ['ratings'], kind: 'count', value: rowCount(data.ratings) },
    { path: ['revenueFacts'], kind: 'count', value: rowCount(data.revenueFacts) },
    { path: ['payTotal'], kind: 'money', value: pay },
  ];
}

/** The `controls` object of a list of controls (counts as numbers, money as text). */
function declare(controls: readonly Control[], digits: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const control of controls) {
    const value = control.kind === 'count' ? Number(control.value) : moneyText(control.value, digits);
    const [head, leaf] = control.path as [string, string | undefined];
    if (leaf === undefined) out[head] = value;
    else out[head] = { ...(out[head] as object | undefined), [leaf]: value };
  }
  return out;
}

describe('declared control totals: properties', () => {
  it('controls computed from the rows always hold; ±1 unit on any one fails with exactly that path', () => {
    fc.assert(
      fc.property(scenarios, fc.nat(8), fc.constantFrom(-1n, 1n), (scenario, which, delta) => {
        const digits = DIGITS[scenario.plan.currency]!;
        const plain = run(scenario);
        const controls = controlsOf(scenario, plain.statements);

        // Every control holds, is reported as a check with both sides equal, and changes no figure.
        const checked = run({ ...scenario, controls: declare(controls, digits) });
        expect(checked.statements).toEqual(plain.statements);
        const reported = checked.checks.filter((c) => c.id.startsWith('controls.'));
        expect(reported.map((c) => c.id)).toEqual(controls.map((c) => ['controls', ...c.path].join('.')));
        for (const [i, check] of reported.entries()) {
          const control = controls[i]!;
          const text = control.kind === 'count' ? String(control.value) : moneyText(control.value, digits);
          expect([check.left, check.right, check.holds]).toEqual([text, text, true]);
        }

        // One control moved by one unit (one row, one minor unit): refused at exactly its path.
        const target = controls[which]!;
        const moved = target.value + delta;
        const perturbed = controls.map((control, i) => (i === which ? { ...control, value: moved } : control));
        let caught: unknown;
        try {
          run({ ...scenario, controls: declare(perturbed, digits) });
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(SynergyPayError);
        const issues = (caught as SynergyPayError).issues;
        // Below zero, a count or a deductions total is not a valid control at all (its ordinary code).
        const code =
          moved >= 0n || target.kind === 'money'
            ? 'RECONCILIATION_FAILED'
            : target.kind === 'count'
              ? 'INVALID_INPUT'
              : 'NEGATIVE_VALUE';
        expect(issues.map((issue) => [issue.code, issue.path])).toEqual([[code, ['controls', ...target.path]]]);
      }),
      { numRuns: runs(1000) },
    );
  });
});
