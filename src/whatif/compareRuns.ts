import type * as z from 'zod/mini';
import { fail, IssueList } from '../core/errors.js';
import { compareIds } from '../core/ids.js';
import { formatMinor } from '../core/money.js';
import { divideRounded } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { compileCheck } from '../core/rows.js';
import { parseInput } from '../core/validate.js';
import type { PlanInput, RunPeriodInput } from '../period/types.js';
import {
  diffInputs,
  kindRank,
  pairPeople,
  readRun,
  ruleChanges,
  runAt,
  shownLine,
  type ReadRun,
  type ReadStatement,
} from './runs.js';
import { compareRunsInputSchema, runResultSchema, type SavedRun } from './schema.js';
import type {
  CompareRunsInput,
  DepartmentComparison,
  FieldChange,
  InputChange,
  KindComparison,
  LineChange,
  PayMove,
  PersonComparison,
  PoolSpread,
  RunComparison,
  TotalComparison,
} from './types.js';

/**
 * Sets two period results side by side (SPEC §4.1): a proposed plan against the live one on the
 * same data (seed 001's 5G push: support pool 10 % → 15 %), or last month's run against this
 * month's. Gives, per person and per department, the difference in every statement line and
 * coefficient, the totals, who gains and who loses, and the support pool's size and spread (min,
 * median, max and Gini of the awards), each changed line with the trace rules that moved it.
 *
 * Give either `base` and `proposed` (two `runPeriod` results, e.g. read back from
 * `synergy-pay run --out` files), or `scenario` and `proposedPlan` (the scenario is run once as
 * given and once with the proposed plan). The scenario's declared `controls` are checked on both
 * runs except `payTotal`, which states the pay of the scenario's own plan and is checked on the
 * base run only.
 *
 * **Formula.** delta = proposed − base for every line, total and sum (a missing line counts as
 * 0); Gini = (2 Σᵢ i·xᵢ − (n+1) Σ x) / (n Σ x) over the awards sorted ascending (i from 1);
 * median = x₍ₙ₊₁₎/₂, or the mean of the two middle awards.
 *
 * @param input - `base` + `proposed` (results), or `scenario` + `proposedPlan`.
 * @returns The comparison (see {@link RunComparison}); `identical` is `true` when nothing differs.
 * @throws {@link SynergyPayError} `INVALID_INPUT` (neither or both forms, or a malformed
 *   result), `RUNS_PERIOD_MISMATCH` (the results cover different periods), `CURRENCY_MISMATCH`,
 *   `INVALID_AMOUNT`, `DUPLICATE_ID`, `RUNS_RESULT_INCONSISTENT` (an edited result), and every
 *   `runPeriod` code for the scenario form.
 *
 * References: Gini, "Variabilità e mutabilità" (1912); the sorted-sum form is in Damgaard &
 * Weiner, "Describing inequality in plant size or fecundity", Ecology 81 (2000).
 *
 * @example
 * ```ts
 * import { compareRuns, type RunPeriodInput } from 'synergy-pay';
 * const scenario: RunPeriodInput = {
 *   plan: { id: 'p', currency: 'CNY', versions: [{ id: 'v1', effective: '2026-01-01', grades: [{ id: 'P5', basePay: '8000.00', targetBonus: '2000.00' }] }] },
 *   period: { unit: 'month', start: '2026-03-01' },
 *   org: { departments: [{ id: 'tech', side: 'back' }], people: [{ id: 'wang', department: 'tech', grade: 'P5' }] },
 * };
 * const comparison = compareRuns({
 *   scenario,
 *   proposedPlan: { ...scenario.plan, versions: [{ id: 'v2', effective: '2026-01-01', grades: [{ id: 'P5', basePay: '8000.00', targetBonus: '2500.00' }] }] },
 * });
 * // comparison.people[0].delta === '500.00' (bonus 2000.00 → 2500.00 at coefficient 1)
 * ```
 */
export function compareRuns(input: CompareRunsInput): RunComparison {
  const parsed = parseCompareInput(input);
  checkForm(parsed);
  if (parsed.base !== undefined && parsed.proposed !== undefined)
    return compareResults(parsed.base, parsed.proposed, []);
  return compareScenario(parsed.scenario!, parsed.proposedPlan!);
}

let resultCheck: ((value: unknown) => boolean) | undefined | null = null;

/**
 * The input, validated. Two saved results are large and the library's own output: when both pass
 * the row reader's fast check (compiled from `runResultSchema`, which the schema would accept as
 * they are), the schema parses the rest of the input only. zod/mini's object parser has no
 * compiled fast path; this keeps reading two results as fast as it was.
 */
function parseCompareInput(input: CompareRunsInput): z.output<typeof compareRunsInputSchema> {
  if (resultCheck === null) resultCheck = compileCheck(runResultSchema);
  const given = input as unknown; // a caller without types may pass anything
  if (typeof given !== 'object' || given === null) return parseInput(compareRunsInputSchema, input);
  const { base, proposed } = input;
  if (
    resultCheck === undefined ||
    base === undefined ||
    proposed === undefined ||
    !resultCheck(base) ||
    !resultCheck(proposed)
  )
    return parseInput(compareRunsInputSchema, input);
  const rest = parseInput(compareRunsInputSchema, { ...input, base: undefined, proposed: undefined });
  return { ...rest, base: base, proposed: proposed };
}

/** Runs a scenario under its own plan and under `plan`, and compares the two results. */
function compareScenario(scenario: RunPeriodInput, plan: PlanInput): RunComparison {
  // The data are in the scenario's currency: a plan in another one cannot run on them.
  if (plan.currency !== scenario.plan.currency)
    fail(
      'CURRENCY_MISMATCH',
      ['proposedPlan', 'currency'],
      `the proposed plan is in ${plan.currency}, the scenario's data in ${scenario.plan.currency}`,
    );
  const baseRun = runAt(scenario, ['scenario']);
  // The data's control totals hold for both runs; a declared pay total is the scenario's own
  // plan's (its approved budget), which a proposal is expected to move: not checked on it.
  const proposal: RunPeriodInput = { ...scenario, plan };
  if (scenario.controls !== undefined) {
    const { payTotal: _, ...controls } = scenario.controls;
    proposal.controls = controls;
  }
  const proposedRun = runAt(proposal, ['scenario'], ['proposedPlan']);
  return compareResults(baseRun, proposedRun, diffInputs(scenario.plan, plan, 'plan'));
}

/** Refuses an input with neither or both forms, or half of one. */
function checkForm(parsed: z.output<typeof compareRunsInputSchema>): void {
  const issues = new IssueList();
  const results = parsed.base !== undefined || parsed.proposed !== undefined;
  const scenarioForm = parsed.scenario !== undefined || parsed.proposedPlan !== undefined;
  if (results === scenarioForm)
    issues.add(
      'INVALID_INPUT',
      [],
      results
        ? 'give either `base` and `proposed` (two results) or `scenario` and `proposedPlan`, not both'
        : 'give `base` and `proposed` (two results) or `scenario` and `proposedPlan`',
    );
  else {
    const pair = results ? (['base', 'proposed'] as const) : (['scenario', 'proposedPlan'] as const);
    for (const [field, other] of [pair, [pair[1], pair[0]]] as const)
      if (parsed[field] === undefined)
        issues.add('INVALID_INPUT', [field], `\`${field}\` is required with \`${other}\``);
  }
  issues.throwIfAny();
}

/** Checks that two results can be compared (same period, same currency) and compares them. */
function compareResults(base: SavedRun, proposed: SavedRun, planChanges: InputChange[]): RunComparison {
  const issues = new IssueList();
  const [x, y] = [base.period, proposed.period];
  if (x.unit !== y.unit || x.start !== y.start || x.end !== y.end)
    issues.add(
      'RUNS_PERIOD_MISMATCH',
      ['proposed', 'period'],
      `the ${y.unit} ${y.start}…${y.end} is not the ${x.unit} ${x.start}…${x.end} of base`,
    );
  if (base.currency !== proposed.currency)
    issues.add(
      'CURRENCY_MISMATCH',
      ['proposed', 'currency'],
      `${proposed.currency} cannot be compared with ${base.currency}`,
    );
  issues.throwIfAny();
  const a = readRun(base, ['base'], issues);
  const b = readRun(proposed, ['proposed'], issues);
  issues.throwIfAny();
  const money = (minor: bigint) => formatMinor(minor, a.digits);
  const people = comparePeople(a, b, money);
  const departments = compareDepartments(a, b, people.byDepartment, money);
  const totals = compareTotals(a, b, people.all, money);
  const pool = { base: poolSpread(a), proposed: poolSpread(b) };
  const poolDelta = pool.proposed.minor - pool.base.minor;
  const departmentsChanged = departments.filter((d) => d.changed).length;
  const versions = { base: base.version ?? null, proposed: proposed.version ?? null };
  return {
    currency: base.currency,
    period: { unit: x.unit, start: x.start, end: x.end },
    plans: { base: base.plan, proposed: proposed.plan },
    versions,
    identical:
      people.people.length === 0 &&
      departmentsChanged === 0 &&
      totals.every((total) => total.base === total.proposed) &&
      versions.base === versions.proposed &&
      planChanges.length === 0,
    counts: {
      people: people.pairs,
      peopleChanged: people.people.length,
      linesChanged: people.linesChanged,
      departmentsChanged,
      gainers: people.gainers.length,
      losers: people.losers.length,
      unchanged: people.pairs - people.moves,
    },
    totals,
    kinds: kindComparisons(people.all.kinds, money),
    departments,
    people: people.people,
    gainers: people.gainers,
    losers: people.losers,
    pool: { base: pool.base.spread, proposed: pool.proposed.spread, delta: money(poolDelta) },
    planChanges,
    trace: compareTrace(base, proposed, totals, pool, money),
  };
}

/** The trace of a comparison: the plan versions, Σ statement totals and the pool, base → proposed. */
function compareTrace(
  base: SavedRun,
  proposed: SavedRun,
  totals: readonly TotalComparison[],
  pool: Readonly<Record<'base' | 'proposed', ReturnType<typeof poolSpread>>>,
  money: (minor: bigint) => string,
): TraceStep[] {
  const statements = totals.find((total) => total.name === 'statements')!;
  return [
    traceStep(
      'compare.versions',
      'plan version in force at the period start, base → proposed',
      { base: `${base.plan}/${base.version ?? '?'}`, proposed: `${proposed.plan}/${proposed.version ?? '?'}` },
      (base.version ?? null) === (proposed.version ?? null) && base.plan === proposed.plan ? 'same' : 'changed',
    ),
    traceStep(
      'compare.statements',
      'Δ = Σ proposed statement totals − Σ base statement totals',
      { base: statements.base ?? '0', proposed: statements.proposed ?? '0' },
      statements.delta,
    ),
    traceStep(
      'compare.pool',
      'Δ pool = proposed pool − base pool',
      { base: pool.base.spread.pool, proposed: pool.proposed.spread.pool },
      money(pool.proposed.minor - pool.base.minor),
    ),
  ];
}

/** Σ statement totals, headcount and Σ by line kind of a group of statements, in each run (0: base, 1: proposed). */
class Sums {
  readonly total: [bigint, bigint] = [0n, 0n];
  readonly headcount: [number, number] = [0, 0];
  readonly kinds = new Map<string, [bigint, bigint]>();

  add(statement: ReadStatement, side: 0 | 1): void {
    this.total[side] += statement.total;
    this.headcount[side] += 1;
    for (const line of statement.lines) {
      let sums = this.kinds.get(line.kind);
      if (sums === undefined) this.kinds.set(line.kind, (sums = [0n, 0n]));
      sums[side] += line.minor;
    }
  }
}

/** Every person's line and field differences, the gainers and losers, and the sums by department. */
function comparePeople(a: ReadRun, b: ReadRun, money: (minor: bigint) => string) {
  const orNull = (minor: bigint | undefined) => (minor === undefined ? null : money(minor));
  const all = new Sums();
  const byDepartment = new Map<string, Sums>();
  const people: PersonComparison[] = [];
  const moves: { move: PayMove; minor: bigint }[] = [];
  const pairs = pairPeople(a, b);
  let linesChanged = 0;
  for (const { person, department, base: x, proposed: y, lines: linePairs } of pairs) {
    for (const [statement, side] of [[x, 0] as const, [y, 1] as const]) {
      if (statement === undefined) continue;
      let sums = byDepartment.get(statement.department);
      if (sums === undefined) byDepartment.set(statement.department, (sums = new Sums()));
      sums.add(statement, side);
      all.add(statement, side);
    }
    const lines: LineChange[] = [];
    for (const pair of linePairs) {
      const before = pair.base?.minor;
      const after = pair.proposed?.minor;
      if (pair.base && pair.proposed && before === after && pair.base.label === pair.proposed.label) continue;
      const { kind, version, source, label } = shownLine(pair);
      const delta = money((after ?? 0n) - (before ?? 0n));
      const rulesChanged = ruleChanges(pair.base?.trace ?? [], pair.proposed?.trace ?? []);
      lines.push({ kind, version, source, label, base: orNull(before), proposed: orNull(after), delta, rulesChanged });
    }
    const fields = fieldChanges(x?.fields ?? {}, y?.fields ?? {});
    const delta = (y?.total ?? 0n) - (x?.total ?? 0n);
    if (delta !== 0n) moves.push({ move: { person, department, delta: money(delta) }, minor: delta });
    linesChanged += lines.length;
    if (lines.length === 0 && fields.length === 0 && x !== undefined && y !== undefined) continue;
    const presence = x === undefined ? 'proposedOnly' : y === undefined ? 'baseOnly' : 'both';
    const base = orNull(x?.total);
    people.push({ person, department, presence, base, proposed: orNull(y?.total), delta: money(delta), fields, lines });
  }
  // Largest move first: gains descending, losses by size (most negative first); then by id.
  moves.sort((p, q) => {
    const x = p.minor < 0n ? -p.minor : p.minor;
    const y = q.minor < 0n ? -q.minor : q.minor;
    return x > y ? -1 : x < y ? 1 : compareIds(p.move.person, q.move.person);
  });
  const gainers = moves.filter((m) => m.minor > 0n).map((m) => m.move);
  const losers = moves.filter((m) => m.minor < 0n).map((m) => m.move);
  return { people, gainers, losers, all, byDepartment, linesChanged, pairs: pairs.length, moves: moves.length };
}

/** Every department of either run: its sums, and the fields and trace rules that differ. */
function compareDepartments(
  a: ReadRun,
  b: ReadRun,
  sums: ReadonlyMap<string, Sums>,
  money: (minor: bigint) => string,
): DepartmentComparison[] {
  const ids = new Set([...a.departments.keys(), ...b.departments.keys(), ...sums.keys()]);
  return [...ids].sort(compareIds).map((department) => {
    const { total, headcount, kinds: kindSums } = sums.get(department) ?? new Sums();
    const x = a.departments.get(department);
    const y = b.departments.get(department);
    const fields = fieldChanges(x?.fields ?? {}, y?.fields ?? {});
    if (x === undefined || y === undefined)
      fields.unshift({ field: 'present', base: x ? 'true' : null, proposed: y ? 'true' : null });
    const rulesChanged = ruleChanges(x?.trace ?? [], y?.trace ?? []);
    const kinds = kindComparisons(kindSums, money);
    const changed =
      fields.length > 0 ||
      rulesChanged.length > 0 ||
      total[0] !== total[1] ||
      headcount[0] !== headcount[1] ||
      kinds.some((kind) => kind.base !== kind.proposed);
    const [base, proposed, delta] = [money(total[0]), money(total[1]), money(total[1] - total[0])];
    return {
      department,
      headcount: { base: headcount[0], proposed: headcount[1] },
      base,
      proposed,
      delta,
      kinds,
      fields,
      rulesChanged,
      changed,
    };
  });
}

/** Every money total of either result (the base's order, then new names), and Σ statements when neither has it. */
function compareTotals(a: ReadRun, b: ReadRun, all: Sums, money: (minor: bigint) => string): TotalComparison[] {
  const total = (name: string, x: bigint | undefined, y: bigint | undefined) => {
    const [base, proposed] = [x === undefined ? null : money(x), y === undefined ? null : money(y)];
    return { name, base, proposed, delta: money((y ?? 0n) - (x ?? 0n)) };
  };
  const names = [...a.totals.keys(), ...[...b.totals.keys()].filter((name) => !a.totals.has(name)).sort(compareIds)];
  const totals = names.map((name) => total(name, a.totals.get(name), b.totals.get(name)));
  if (!a.totals.has('statements') && !b.totals.has('statements')) totals.push(total('statements', ...all.total));
  return totals;
}

/** The fields whose text differs, by name. */
function fieldChanges(
  base: Readonly<Record<string, string>>,
  proposed: Readonly<Record<string, string>>,
): FieldChange[] {
  // Fast path: the same fields with the same values (the common case in a what-if).
  const baseKeys = Object.keys(base);
  if (baseKeys.length === Object.keys(proposed).length && baseKeys.every((key) => base[key] === proposed[key]))
    return [];
  const keys = [...new Set([...baseKeys, ...Object.keys(proposed)])].sort(compareIds);
  return keys
    .filter((field) => base[field] !== proposed[field])
    .map((field) => ({ field, base: base[field] ?? null, proposed: proposed[field] ?? null }));
}

/** Sums by line kind, in statement order (unknown kinds after, by name). */
function kindComparisons(sums: Map<string, [bigint, bigint]>, money: (minor: bigint) => string): KindComparison[] {
  return [...sums.entries()]
    .sort(([x], [y]) => kindRank(x) - kindRank(y) || compareIds(x, y))
    .map(([kind, [base, proposed]]) => ({
      kind,
      base: money(base),
      proposed: money(proposed),
      delta: money(proposed - base),
    }));
}

/** The pool and the spread of its awards in one run (exact; Gini rounded at the end). */
function poolSpread(run: ReadRun): { spread: PoolSpread; minor: bigint } {
  const awards: bigint[] = [];
  for (const statement of run.statements.values()) {
    const lines = statement.lines.filter((line) => line.kind === 'poolAward');
    if (lines.length > 0) awards.push(lines.reduce((sum, line) => sum + line.minor, 0n));
  }
  awards.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const n = awards.length;
  const sum = awards.reduce((total, award) => total + award, 0n);
  const weighted = awards.reduce((total, award, i) => total + BigInt(i + 1) * award, 0n);
  const { digits } = run;
  const minor = run.totals.get('pool') ?? sum;
  const [lower, upper] = [awards[(n - 1) >> 1] ?? 0n, awards[n >> 1] ?? 0n];
  const twice = lower + upper;
  const median = twice % 2n === 0n ? formatMinor(twice / 2n, digits) : formatMinor(twice * 5n, digits + 1);
  const gini =
    n > 0 && sum > 0n && awards[0]! >= 0n
      ? formatMinor(divideRounded((2n * weighted - BigInt(n + 1) * sum) * 10_000n, BigInt(n) * sum, 'halfUp'), 4)
      : null;
  const [min, max] = n === 0 ? [null, null] : [formatMinor(awards[0]!, digits), formatMinor(awards[n - 1]!, digits)];
  return {
    minor,
    spread: {
      pool: formatMinor(minor, digits),
      recipients: n,
      awarded: formatMinor(sum, digits),
      min,
      median: n === 0 ? null : median,
      max,
      gini,
    },
  };
}
