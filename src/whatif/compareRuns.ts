import type * as z from 'zod/mini';
import { IssueList, fail } from '../core/errors.js';
import { formatMinor } from '../core/money.js';
import { divideRounded } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import type { RunPeriodResult } from '../period/types.js';
import { compareRunsInputSchema, type runResultSchema } from './schema.js';
import {
  diffInputs,
  matchLines,
  readRun,
  ruleChanges,
  runAt,
  type InputChange,
  type ReadRun,
  type RuleChange,
  type RunLike,
} from './runs.js';
import { compareIds } from '../core/ids.js';

/**
 * Input of {@link compareRuns}: inferred from `compareRunsInputSchema`, except that `base` and
 * `proposed` also accept a `RunPeriodResult` object as returned (its interfaces have no index
 * signature, which zod's loose object type requires).
 */
export type CompareRunsInput = Omit<z.input<typeof compareRunsInputSchema>, 'base' | 'proposed'> & {
  readonly base?: RunResultInput | undefined;
  readonly proposed?: RunResultInput | undefined;
};

/** A period result: as returned by `runPeriod`, or read back from its JSON. */
export type RunResultInput = RunPeriodResult | z.input<typeof runResultSchema>;

/** A scalar field (coefficient, grade, headcount, …) that differs between the two runs. */
export interface FieldChange {
  readonly field: string;
  /** The base run's value, or `null` when absent there. */
  readonly base: string | null;
  /** The proposed run's value, or `null` when absent there. */
  readonly proposed: string | null;
}

/** One statement line that differs: its amount, its label, or its presence. */
export interface LineChange {
  readonly kind: string;
  readonly version: string;
  /** The source row id (a deduction id, …), `""` for lines computed per person. */
  readonly source: string;
  /** The proposed line's label (the base line's when the line was dropped). */
  readonly label: string;
  /** The base amount, or `null` when the line is new. */
  readonly base: string | null;
  /** The proposed amount, or `null` when the line was dropped. */
  readonly proposed: string | null;
  /** proposed − base (a missing line counts as 0). */
  readonly delta: string;
  /** The trace rules whose inputs or result changed: why the line moved. */
  readonly rulesChanged: RuleChange[];
}

/** One person's differences. Only people with at least one difference are listed. */
export interface PersonComparison {
  readonly person: string;
  readonly department: string;
  /** `both`, or `baseOnly` / `proposedOnly` when the person appears in one run only. */
  readonly presence: 'both' | 'baseOnly' | 'proposedOnly';
  /** Statement total in the base run, or `null`. */
  readonly base: string | null;
  /** Statement total in the proposed run, or `null`. */
  readonly proposed: string | null;
  readonly delta: string;
  readonly fields: FieldChange[];
  readonly lines: LineChange[];
}

/** One line kind's sum within a department (or the whole run). */
export interface KindComparison {
  readonly kind: string;
  readonly base: string;
  readonly proposed: string;
  readonly delta: string;
}

/** One department in both runs (every department is listed). */
export interface DepartmentComparison {
  readonly department: string;
  readonly headcount: { readonly base: number; readonly proposed: number };
  /** Σ statement totals of its people. */
  readonly base: string;
  readonly proposed: string;
  readonly delta: string;
  /** Σ by line kind. */
  readonly kinds: KindComparison[];
  /** Department fields that differ (coefficient, own coefficient, side, …). */
  readonly fields: FieldChange[];
  /** Department trace rules whose inputs or result changed. */
  readonly rulesChanged: RuleChange[];
  readonly changed: boolean;
}

/** A money total of the two runs. */
export interface TotalComparison {
  /** The total's name in the result (`basePay`, `pool`, `statements`, …). */
  readonly name: string;
  readonly base: string | null;
  readonly proposed: string | null;
  readonly delta: string;
}

/** A person whose pay moves, with the size of the move. */
export interface PayMove {
  readonly person: string;
  readonly department: string;
  readonly delta: string;
}

/** The support pool of one run and how its awards are spread (over people with a pool-award line). */
export interface PoolSpread {
  /** The pool (`totals.pool`), or Σ awards when the result has no pool total. */
  readonly pool: string;
  /** People whose statement carries a pool-award line. */
  readonly recipients: number;
  /** Σ awards. */
  readonly awarded: string;
  /** Smallest award, or `null` with no recipients. */
  readonly min: string | null;
  /** Median award (mean of the two middle awards for an even count: then it may carry one more decimal than the currency). */
  readonly median: string | null;
  readonly max: string | null;
  /**
   * Gini coefficient of the awards, 0 (equal) … (n−1)/n (one person takes all), 4 decimals
   * half-up; `null` with no recipients, a zero sum or a negative award.
   */
  readonly gini: string | null;
}

/** Result of {@link compareRuns}. Plain JSON; people and departments ordered by id. */
export interface RunComparison {
  readonly currency: string;
  readonly period: { readonly unit: string; readonly start: string; readonly end: string };
  readonly plans: { readonly base: string; readonly proposed: string };
  /** Plan version in force at the period start in each run (`null` when a result does not say). */
  readonly versions: { readonly base: string | null; readonly proposed: string | null };
  /** `true` when nothing differs: no person, department or total. */
  readonly identical: boolean;
  readonly counts: {
    /** People in either run. */
    readonly people: number;
    /** People listed in `people`: any line, field or presence differs. */
    readonly peopleChanged: number;
    /** Changed lines over all people. */
    readonly linesChanged: number;
    readonly departmentsChanged: number;
    /** People whose statement total rises. */
    readonly gainers: number;
    /** People whose statement total falls. */
    readonly losers: number;
    /** People whose statement total stays the same (their lines may still move between kinds). */
    readonly unchanged: number;
  };
  readonly totals: TotalComparison[];
  /** Σ by line kind over everybody. */
  readonly kinds: KindComparison[];
  readonly departments: DepartmentComparison[];
  readonly people: PersonComparison[];
  /** People who gain, largest gain first (then by id). */
  readonly gainers: PayMove[];
  /** People who lose, largest loss first (then by id). */
  readonly losers: PayMove[];
  readonly pool: { readonly base: PoolSpread; readonly proposed: PoolSpread; readonly delta: string };
  /** What changed in the plan (only when compared from one scenario and a proposed plan; else empty). */
  readonly planChanges: InputChange[];
  readonly trace: TraceStep[];
}

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
  const parsed = parseInput(compareRunsInputSchema, input);
  const issues = new IssueList();
  const results = parsed.base !== undefined || parsed.proposed !== undefined;
  const scenarioForm = parsed.scenario !== undefined || parsed.proposedPlan !== undefined;
  if (results && scenarioForm)
    issues.add(
      'INVALID_INPUT',
      [],
      'give either `base` and `proposed` (two results) or `scenario` and `proposedPlan`, not both',
    );
  else if (!results && !scenarioForm)
    issues.add('INVALID_INPUT', [], 'give `base` and `proposed` (two results) or `scenario` and `proposedPlan`');
  else if (results) {
    if (parsed.base === undefined) issues.add('INVALID_INPUT', ['base'], '`base` is required with `proposed`');
    if (parsed.proposed === undefined) issues.add('INVALID_INPUT', ['proposed'], '`proposed` is required with `base`');
  } else {
    if (parsed.scenario === undefined)
      issues.add('INVALID_INPUT', ['scenario'], '`scenario` is required with `proposedPlan`');
    if (parsed.proposedPlan === undefined)
      issues.add('INVALID_INPUT', ['proposedPlan'], '`proposedPlan` is required with `scenario`');
  }
  issues.throwIfAny();

  let base: RunLike;
  let proposed: RunLike;
  let planChanges: InputChange[] = [];
  if (results) {
    base = parsed.base!;
    proposed = parsed.proposed!;
  } else {
    const scenario = parsed.scenario!;
    const plan = parsed.proposedPlan!;
    // The data are in the scenario's currency: a plan in another one cannot run on them.
    if (plan.currency !== scenario.plan.currency)
      fail(
        'CURRENCY_MISMATCH',
        ['proposedPlan', 'currency'],
        `the proposed plan is in ${plan.currency}, the scenario's data in ${scenario.plan.currency}`,
      );
    const baseRun: RunPeriodResult = runAt(scenario, (path) => ['scenario', ...path]);
    // The data's control totals hold for both runs; a declared pay total is the scenario's own
    // plan's (its approved budget), which a proposal is expected to move: not checked on it.
    proposed = runAt({ ...scenario, plan, ...withoutPayTotal(scenario.controls) }, (path) =>
      path[0] === 'plan' ? ['proposedPlan', ...path.slice(1)] : ['scenario', ...path],
    );
    base = baseRun;
    planChanges = diffInputs(scenario.plan, plan, 'plan');
  }
  return compareReadRuns(base, proposed, planChanges, ['base'], ['proposed']);
}

/** The scenario's `controls` without `payTotal` (as a spread: nothing when none are declared). */
function withoutPayTotal<T extends { readonly payTotal?: unknown }>(
  controls: T | undefined,
): { controls?: Omit<T, 'payTotal'> } {
  if (controls === undefined) return {};
  const { payTotal: _, ...rest } = controls;
  return { controls: rest };
}

/** Checks that two results can be compared: same period, same currency. */
export function checkComparable(
  base: RunLike,
  proposed: RunLike,
  basePath: readonly (string | number)[],
  proposedPath: readonly (string | number)[],
  issues: IssueList,
): void {
  if (
    base.period.unit !== proposed.period.unit ||
    base.period.start !== proposed.period.start ||
    base.period.end !== proposed.period.end
  )
    issues.add(
      'RUNS_PERIOD_MISMATCH',
      [...proposedPath, 'period'],
      `the ${proposed.period.unit} ${proposed.period.start}…${proposed.period.end} is not the ${base.period.unit} ${base.period.start}…${base.period.end} of ${String(basePath[0] ?? 'the first result')}`,
    );
  if (base.currency !== proposed.currency)
    issues.add(
      'CURRENCY_MISMATCH',
      [...proposedPath, 'currency'],
      `${proposed.currency} cannot be compared with ${base.currency}`,
    );
}

function compareReadRuns(
  base: RunLike,
  proposed: RunLike,
  planChanges: InputChange[],
  basePath: string[],
  proposedPath: string[],
): RunComparison {
  const issues = new IssueList();
  checkComparable(base, proposed, basePath, proposedPath, issues);
  issues.throwIfAny();
  const a = readRun(base, basePath, issues);
  const b = readRun(proposed, proposedPath, issues);
  issues.throwIfAny();
  const digits = a.digits;
  const money = (minor: bigint) => formatMinor(minor, digits);
  const orNull = (minor: bigint | undefined) => (minor === undefined ? null : money(minor));

  // ── people ──────────────────────────────────────────────────────────────
  const ids = [...new Set([...a.statements.keys(), ...b.statements.keys()])].sort(compareIds);
  const people: PersonComparison[] = [];
  const moves: { move: PayMove; minor: bigint }[] = [];
  let linesChanged = 0;
  let unchanged = 0;
  const kindTotals = new Map<string, [bigint, bigint]>();
  const departmentSums = new Map<
    string,
    { base: bigint; proposed: bigint; headBase: number; headProposed: number; kinds: Map<string, [bigint, bigint]> }
  >();
  const departmentEntry = (id: string) => {
    let entry = departmentSums.get(id);
    if (entry === undefined)
      departmentSums.set(id, (entry = { base: 0n, proposed: 0n, headBase: 0, headProposed: 0, kinds: new Map() }));
    return entry;
  };
  const addKind = (map: Map<string, [bigint, bigint]>, kind: string, side: 0 | 1, minor: bigint) => {
    let sums = map.get(kind);
    if (sums === undefined) map.set(kind, (sums = [0n, 0n]));
    sums[side] += minor;
  };
  for (const id of ids) {
    const x = a.statements.get(id);
    const y = b.statements.get(id);
    for (const [statement, side] of [
      [x, 0],
      [y, 1],
    ] as const) {
      if (statement === undefined) continue;
      const entry = departmentEntry(statement.department);
      if (side === 0) {
        entry.base += statement.total;
        entry.headBase += 1;
      } else {
        entry.proposed += statement.total;
        entry.headProposed += 1;
      }
      for (const line of statement.lines) {
        addKind(entry.kinds, line.kind, side, line.minor);
        addKind(kindTotals, line.kind, side, line.minor);
      }
    }
    const lines: LineChange[] = [];
    for (const pair of matchLines(x?.lines ?? [], y?.lines ?? [])) {
      const before = pair.base?.minor;
      const after = pair.proposed?.minor;
      if (pair.base !== null && pair.proposed !== null && before === after && pair.base.label === pair.proposed.label)
        continue;
      const line = (pair.proposed ?? pair.base)!;
      lines.push({
        kind: line.kind,
        version: line.version,
        source: line.source,
        label: line.label,
        base: orNull(before),
        proposed: orNull(after),
        delta: money((after ?? 0n) - (before ?? 0n)),
        rulesChanged: ruleChanges(pair.base?.trace ?? [], pair.proposed?.trace ?? []),
      });
    }
    const fields = fieldChanges(x?.fields ?? {}, y?.fields ?? {});
    const delta = (y?.total ?? 0n) - (x?.total ?? 0n);
    const department = (y ?? x)!.department;
    if (delta !== 0n) moves.push({ move: { person: id, department, delta: money(delta) }, minor: delta });
    else unchanged++;
    linesChanged += lines.length;
    if (lines.length === 0 && fields.length === 0 && x !== undefined && y !== undefined) continue;
    people.push({
      person: id,
      department,
      presence: x === undefined ? 'proposedOnly' : y === undefined ? 'baseOnly' : 'both',
      base: orNull(x?.total),
      proposed: orNull(y?.total),
      delta: money(delta),
      fields,
      lines,
    });
  }
  // Largest move first: gains descending, losses by size (most negative first); then by id.
  const bySize = (p: { move: PayMove; minor: bigint }, q: { move: PayMove; minor: bigint }) => {
    const x = p.minor < 0n ? -p.minor : p.minor;
    const y = q.minor < 0n ? -q.minor : q.minor;
    return x > y ? -1 : x < y ? 1 : compareIds(p.move.person, q.move.person);
  };
  const gainers = moves
    .filter((m) => m.minor > 0n)
    .sort(bySize)
    .map((m) => m.move);
  const losers = moves
    .filter((m) => m.minor < 0n)
    .sort(bySize)
    .map((m) => m.move);

  // ── departments ─────────────────────────────────────────────────────────
  const departmentIds = [...new Set([...a.departments.keys(), ...b.departments.keys(), ...departmentSums.keys()])].sort(
    compareIds,
  );
  const departments: DepartmentComparison[] = departmentIds.map((id) => {
    const sums = departmentEntry(id);
    const x = a.departments.get(id);
    const y = b.departments.get(id);
    const fields = fieldChanges(x?.fields ?? {}, y?.fields ?? {});
    if (x === undefined || y === undefined)
      fields.unshift({
        field: 'present',
        base: x === undefined ? null : 'true',
        proposed: y === undefined ? null : 'true',
      });
    const rulesChanged = ruleChanges(x?.trace ?? [], y?.trace ?? []);
    const kinds = kindComparisons(sums.kinds, money);
    return {
      department: id,
      headcount: { base: sums.headBase, proposed: sums.headProposed },
      base: money(sums.base),
      proposed: money(sums.proposed),
      delta: money(sums.proposed - sums.base),
      kinds,
      fields,
      rulesChanged,
      changed:
        fields.length > 0 ||
        rulesChanged.length > 0 ||
        sums.base !== sums.proposed ||
        sums.headBase !== sums.headProposed ||
        kinds.some((kind) => kind.base !== kind.proposed),
    };
  });

  // ── totals and pool ─────────────────────────────────────────────────────
  const totalNames = [
    ...a.totals.keys(),
    ...[...b.totals.keys()].filter((name) => !a.totals.has(name)).sort(compareIds),
  ];
  const totals: TotalComparison[] = totalNames.map((name) => {
    const x = a.totals.get(name);
    const y = b.totals.get(name);
    return { name, base: orNull(x), proposed: orNull(y), delta: money((y ?? 0n) - (x ?? 0n)) };
  });
  if (!a.totals.has('statements') && !b.totals.has('statements')) {
    let x = 0n;
    let y = 0n;
    for (const statement of a.statements.values()) x += statement.total;
    for (const statement of b.statements.values()) y += statement.total;
    totals.push({ name: 'statements', base: money(x), proposed: money(y), delta: money(y - x) });
  }
  const poolBase = poolSpread(a);
  const poolProposed = poolSpread(b);
  const poolDelta = poolBase.poolMinor === poolProposed.poolMinor ? 0n : poolProposed.poolMinor - poolBase.poolMinor;

  const departmentsChanged = departments.filter((d) => d.changed).length;
  const totalsChanged = totals.some((total) => total.base !== total.proposed);
  const identical =
    people.length === 0 &&
    departmentsChanged === 0 &&
    !totalsChanged &&
    (base.version ?? null) === (proposed.version ?? null) &&
    planChanges.length === 0;
  const statementsTotal = totals.find((total) => total.name === 'statements')!;
  const trace: TraceStep[] = [
    traceStep(
      'compare.versions',
      'plan version in force at the period start, base → proposed',
      { base: `${base.plan}/${base.version ?? '?'}`, proposed: `${proposed.plan}/${proposed.version ?? '?'}` },
      (base.version ?? null) === (proposed.version ?? null) && base.plan === proposed.plan ? 'same' : 'changed',
    ),
    traceStep(
      'compare.statements',
      'Δ = Σ proposed statement totals − Σ base statement totals',
      { base: statementsTotal.base ?? '0', proposed: statementsTotal.proposed ?? '0' },
      statementsTotal.delta,
    ),
    traceStep(
      'compare.pool',
      'Δ pool = proposed pool − base pool',
      { base: poolBase.spread.pool, proposed: poolProposed.spread.pool },
      money(poolDelta),
    ),
  ];
  return {
    currency: base.currency,
    period: { unit: base.period.unit, start: base.period.start, end: base.period.end },
    plans: { base: base.plan, proposed: proposed.plan },
    versions: { base: base.version ?? null, proposed: proposed.version ?? null },
    identical,
    counts: {
      people: ids.length,
      peopleChanged: people.length,
      linesChanged,
      departmentsChanged,
      gainers: gainers.length,
      losers: losers.length,
      unchanged,
    },
    totals,
    kinds: kindComparisons(kindTotals, money),
    departments,
    people,
    gainers,
    losers,
    pool: { base: poolBase.spread, proposed: poolProposed.spread, delta: money(poolDelta) },
    planChanges,
    trace,
  };
}

function fieldChanges(
  base: Readonly<Record<string, string>>,
  proposed: Readonly<Record<string, string>>,
): FieldChange[] {
  // Fast path: the same fields with the same values (the common case in a what-if).
  const baseKeys = Object.keys(base);
  if (baseKeys.length === Object.keys(proposed).length && baseKeys.every((key) => base[key] === proposed[key]))
    return [];
  const keys = [...new Set([...Object.keys(base), ...Object.keys(proposed)])].sort(compareIds);
  const changes: FieldChange[] = [];
  for (const field of keys)
    if (base[field] !== proposed[field])
      changes.push({ field, base: base[field] ?? null, proposed: proposed[field] ?? null });
  return changes;
}

function kindComparisons(map: Map<string, [bigint, bigint]>, money: (minor: bigint) => string): KindComparison[] {
  const order = [
    'basePay',
    'performanceBonus',
    'commission',
    'poolAward',
    'interlockReward',
    'interlockDeduction',
    'deduction',
  ];
  const rank = (kind: string) => (order.includes(kind) ? order.indexOf(kind) : order.length);
  return [...map.entries()]
    .sort(([x], [y]) => rank(x) - rank(y) || compareIds(x, y))
    .map(([kind, [base, proposed]]) => ({
      kind,
      base: money(base),
      proposed: money(proposed),
      delta: money(proposed - base),
    }));
}

/** The pool and the spread of its awards in one run (exact; Gini rounded at the end). */
export function poolSpread(run: ReadRun): { spread: PoolSpread; poolMinor: bigint } {
  const awards: bigint[] = [];
  for (const statement of run.statements.values()) {
    let award = 0n;
    let has = false;
    for (const line of statement.lines) {
      if (line.kind !== 'poolAward') continue;
      award += line.minor;
      has = true;
    }
    if (has) awards.push(award);
  }
  awards.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const n = awards.length;
  let sum = 0n;
  let weighted = 0n;
  awards.forEach((award, i) => {
    sum += award;
    weighted += BigInt(i + 1) * award;
  });
  const { digits } = run;
  const poolMinor = run.totals.get('pool') ?? sum;
  let median: string | null = null;
  if (n > 0) {
    const lower = awards[(n - 1) >> 1]!;
    const upper = awards[n >> 1]!;
    const twice = lower + upper;
    median = twice % 2n === 0n ? formatMinor(twice / 2n, digits) : formatMinor(twice * 5n, digits + 1);
  }
  let gini: string | null = null;
  if (n > 0 && sum > 0n && awards[0]! >= 0n) {
    const numerator = 2n * weighted - BigInt(n + 1) * sum;
    const denominator = BigInt(n) * sum;
    gini = formatMinor(divideRounded(numerator * 10_000n, denominator, 'halfUp'), 4);
  }
  return {
    poolMinor,
    spread: {
      pool: formatMinor(poolMinor, digits),
      recipients: n,
      awarded: formatMinor(sum, digits),
      min: n === 0 ? null : formatMinor(awards[0]!, digits),
      median,
      max: n === 0 ? null : formatMinor(awards[n - 1]!, digits),
      gini,
    },
  };
}
