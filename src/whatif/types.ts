/**
 * The public shapes of the what-if tools, `compareRuns` and `correctPeriod`: their inputs, a
 * period result as read back from JSON, and their results. Types only.
 */
import type { TraceStep } from '../core/trace.js';
import type { PlanInput, RunPeriodInput, RunPeriodResult } from '../period/types.js';

// ── inputs ─────────────────────────────────────────────────────────────────

/**
 * A statement line as a saved result holds it (a `StatementLine` written as JSON). Other fields
 * are kept as they are.
 */
export interface SavedStatementLine {
  /** What the line pays (`basePay`, `commission`, …), non-empty. */
  kind: string;
  /** Words for the line. */
  label: string;
  /** The plan version the line was computed under. */
  version: string;
  /** Amount, a decimal string with the currency's minor digits (checked when read). */
  amount: string;
  /** The id of the data row or indicator the line comes from. @defaultValue none (a line computed per person) */
  source?: string | undefined;
  /** How the amount was derived; read for changed lines only (steps that are not objects with a string `rule` are skipped). */
  trace?: unknown[] | undefined;
  /** Any other field of the line. */
  [field: string]: unknown;
}

/** A pay statement as a saved result holds it (a `PayStatement` written as JSON). Other fields are kept. */
export interface SavedStatement {
  /** The person's id, non-empty. */
  person: string;
  /** The person's name, or `null`. */
  name?: string | null | undefined;
  /** The person's department id. */
  department: string;
  /** The department's side. */
  side?: string | undefined;
  /** The person's grade id. */
  grade?: string | undefined;
  /** Days of the period the person was employed. */
  employedDays?: number | undefined;
  /** Performance coefficient applied to the target bonus. */
  coefficient?: string | undefined;
  /** The statement's lines. */
  lines: SavedStatementLine[];
  /** Σ lines, a decimal string. */
  total: string;
  /** Any other field of the statement. */
  [field: string]: unknown;
}

/** A department result as a saved result holds it (a `DepartmentResult` written as JSON); extra string fields are compared too. */
export interface SavedDepartment {
  /** The department's id, non-empty. */
  id: string;
  /** Front line, middle or back office. */
  side?: string | undefined;
  /** People of the department. */
  headcount?: number | undefined;
  /** The coefficient applied to its people's target bonus. */
  coefficient?: string | undefined;
  /** The department's own coefficient D. */
  ownCoefficient?: string | undefined;
  /** How the coefficients were derived. */
  trace?: unknown[] | undefined;
  /** Any other field of the department. */
  [field: string]: unknown;
}

/** The draws of a saved result (`PeriodDraws` written as JSON): what carries into the next period. Other fields are kept. */
export interface SavedDraws {
  /** Each person's settlement: their id and the balance they owe back at the end. */
  people: {
    /** The person's id. */
    id: string;
    /** Owed back at the end of the period, a decimal string. */
    closingBalance: string;
    /** Any other field of the settlement. */
    [field: string]: unknown;
  }[];
  /** Σ of each figure, decimal strings. */
  totals: {
    /** Σ opening balances. */
    openingBalance: string;
    /** Σ advanced. */
    advanced: string;
    /** Σ topped up. */
    toppedUp: string;
    /** Σ recovered. */
    recovered: string;
    /** Σ written off. */
    writtenOff: string;
    /** Σ closing balances. */
    closingBalance: string;
    /** Any other total. */
    [field: string]: unknown;
  };
  /** Any other field. */
  [field: string]: unknown;
}

/** The holds of a saved result (`PeriodHolds` written as JSON): what stays held into the next period. Other fields are kept. */
export interface SavedHolds {
  /** The commissions still held at the end. */
  held: {
    /** The commission row's id. */
    id: string;
    /** The person's id. */
    person: string;
    /** The commission as earned, a decimal string. */
    amount: string;
    /** Any other field of the row. */
    [field: string]: unknown;
  }[];
  /** Σ held at the start, newly held, released and held at the end, decimal strings. */
  totals: {
    /** Σ held at the start. */
    opening: string;
    /** Σ newly held. */
    newlyHeld: string;
    /** Σ released. */
    released: string;
    /** Σ held at the end. */
    closing: string;
    /** Any other total. */
    [field: string]: unknown;
  };
  /** Any other field. */
  [field: string]: unknown;
}

/** One entry of a saved result's `conversions` (a `CurrencyConversion` written as JSON). Other fields are kept. */
export interface SavedConversion {
  /** `commissions` or `sales` (results before sales could be converted have none: commission rows). */
  section?: string | undefined;
  /** ISO 4217 code of the rows' currency. */
  currency: string;
  /** Σ converted, in the result's currency, a decimal string. */
  converted: string;
  /** Any other field. */
  [field: string]: unknown;
}

/**
 * A `runPeriod` result read back from JSON (a run saved with `synergy-pay run --out`, or a paid
 * result): the fields the what-if tools rely on. Later releases add fields to results; any other
 * field is kept as it is.
 */
export interface SavedRunResult {
  /** Plan id. */
  plan: string;
  /** ISO 4217 currency of every amount. */
  currency: string;
  /** The period: unit, first and last day (ISO dates), days. */
  period: {
    /** The period's length unit. */
    unit: string;
    /** First day (ISO date). */
    start: string;
    /** Inclusive last day (ISO date). */
    end: string;
    /** Days in the period. */
    days?: number | undefined;
    /** Any other field of the period. */
    [field: string]: unknown;
  };
  /** The plan version in force at the period start, non-empty; required by `correctPeriod` only. */
  version?: string | undefined;
  /** The stretches run, each naming its version. */
  segments?: { /** The version id in force on the stretch. */ version: string; [field: string]: unknown }[] | undefined;
  /** Every department of the org. */
  departments: SavedDepartment[];
  /** One pay statement per person. */
  statements: SavedStatement[];
  /** Money totals by name (each named by an identifier, never `__proto__`), decimal strings. */
  totals?: Record<string, string> | undefined;
  /** Draws and guarantees: closing balances and totals, or `null`. @defaultValue none */
  draws?: SavedDraws | null | undefined;
  /** Commissions held until the customer pays, or `null`. @defaultValue none */
  holds?: SavedHolds | null | undefined;
  /** Rows converted from other currencies, or `null`. @defaultValue none */
  conversions?: SavedConversion[] | null | undefined;
  /** Any other field of the result. */
  [field: string]: unknown;
}

/** A period result: as returned by `runPeriod`, or read back from its JSON. */
export type RunResultInput = RunPeriodResult | SavedRunResult;

/** Input of `compareRuns`: two results (`base` and `proposed`), or one scenario and a proposed plan. */
export interface CompareRunsInput {
  /** The live (or earlier) result. Give it with `proposed`. */
  base?: RunResultInput | undefined;
  /** The result to compare against `base`. */
  proposed?: RunResultInput | undefined;
  /** Instead of two results: a scenario, run once with its own plan (the base)… */
  scenario?: RunPeriodInput | undefined;
  /** …and once with this plan on the same data (the proposal). */
  proposedPlan?: PlanInput | undefined;
}

/**
 * What a correction re-runs the period with: `asPaid`, the plan as paid (the rates originally
 * applied: a clawed-back sale reverses its pool contribution at the original rate, whatever the
 * plan says today); `asCorrected`, the corrected scenario's plan (to fix the plan itself
 * retroactively).
 */
export type CorrectionPlan = 'asPaid' | 'asCorrected';

/** Input of `correctPeriod`. */
export interface CorrectPeriodInput {
  /** What was paid: the inputs (scenario) and, when kept, the result as the library produced it. */
  paid: {
    /** The scenario the period was paid from. */
    scenario: RunPeriodInput;
    /** The paid result. @defaultValue recomputed from `scenario` */
    result?: RunResultInput | undefined;
  };
  /** The same period's scenario with late data corrected (a refund, a backdated grade change, a review). */
  corrected: RunPeriodInput;
  /** The plan the period is re-run with. @defaultValue `"asPaid"` */
  plan?: CorrectionPlan | undefined;
}

/** A trace rule whose inputs or result differ between two runs. */
export interface RuleChange {
  /** The rule name, e.g. `statement.performanceBonus`. */
  readonly rule: string;
  /** The formula in words (the proposed side's when both exist). */
  readonly formula: string;
  /** The rule's inputs and result in the base run, or `null` when it did not apply there. */
  readonly base: { readonly inputs: Readonly<Record<string, unknown>>; readonly result: unknown } | null;
  /** The rule's inputs and result in the proposed run, or `null` when it did not apply there. */
  readonly proposed: { readonly inputs: Readonly<Record<string, unknown>>; readonly result: unknown } | null;
}

/** One difference between two inputs (scenarios or plans). */
export interface InputChange {
  /** Where, e.g. `data.commissions[E0001-C2].amount` (rows of id-keyed lists are named by id). */
  readonly path: string;
  /** The value before, or `null` when the field or row was added. */
  readonly base: unknown;
  /** The value after, or `null` when the field or row was removed. */
  readonly proposed: unknown;
}

// ── compareRuns ────────────────────────────────────────────────────────────

/** A scalar field (coefficient, grade, headcount, …) that differs between the two runs. */
export interface FieldChange {
  /** The field's name. */
  readonly field: string;
  /** The base run's value, or `null` when absent there. */
  readonly base: string | null;
  /** The proposed run's value, or `null` when absent there. */
  readonly proposed: string | null;
}

/** One statement line that differs: its amount, its label, or its presence. */
export interface LineChange {
  /** The line kind (`basePay`, `commission`, …). */
  readonly kind: string;
  /** The plan version the line was computed under. */
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
  /** The person's id. */
  readonly person: string;
  /** The person's department (in the proposed run when in both). */
  readonly department: string;
  /** `both`, or `baseOnly` / `proposedOnly` when the person appears in one run only. */
  readonly presence: 'both' | 'baseOnly' | 'proposedOnly';
  /** Statement total in the base run, or `null`. */
  readonly base: string | null;
  /** Statement total in the proposed run, or `null`. */
  readonly proposed: string | null;
  /** proposed − base statement total (a missing statement counts as 0). */
  readonly delta: string;
  /**
   * Statement fields that differ (department, side, grade, days employed, coefficient; `level`
   * and `targetScore@<version>` with targets), and what the person carries into the next period:
   * `drawBalance` (owed back at the end, from `result.draws`) and `held` (Σ their commissions
   * still held, from `result.holds`).
   */
  readonly fields: FieldChange[];
  /** The lines that differ. */
  readonly lines: LineChange[];
}

/** One line kind's sum within a department (or the whole run). */
export interface KindComparison {
  /** The line kind. */
  readonly kind: string;
  /** Σ in the base run. */
  readonly base: string;
  /** Σ in the proposed run. */
  readonly proposed: string;
  /** proposed − base. */
  readonly delta: string;
}

/** One department in both runs (every department is listed). */
export interface DepartmentComparison {
  /** The department's id. */
  readonly department: string;
  /** People with a statement in the department, in each run. */
  readonly headcount: { readonly base: number; readonly proposed: number };
  /** Σ statement totals of its people in the base run. */
  readonly base: string;
  /** Σ statement totals of its people in the proposed run. */
  readonly proposed: string;
  /** proposed − base. */
  readonly delta: string;
  /** Σ by line kind. */
  readonly kinds: KindComparison[];
  /** Department fields that differ (coefficient, own coefficient, side, …). */
  readonly fields: FieldChange[];
  /** Department trace rules whose inputs or result changed. */
  readonly rulesChanged: RuleChange[];
  /** Whether anything above differs. */
  readonly changed: boolean;
}

/** A money total of the two runs. */
export interface TotalComparison {
  /**
   * The total's name in the result (`basePay`, `pool`, `statements`, …), or a figure the period
   * carries: `draws.<total>` (`draws.closingBalance`, …), `holds.<total>` (`holds.closing`, …) and
   * `conversions.<section>.<currency>` (Σ converted, e.g. `conversions.sales.USD`).
   */
  readonly name: string;
  /** The base run's total, or `null` when it has none of that name. */
  readonly base: string | null;
  /** The proposed run's total, or `null` when it has none of that name. */
  readonly proposed: string | null;
  /** proposed − base (a missing total counts as 0). */
  readonly delta: string;
}

/** A person whose pay moves, with the size of the move. */
export interface PayMove {
  /** The person's id. */
  readonly person: string;
  /** The person's department. */
  readonly department: string;
  /** proposed − base statement total. */
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
  /** Largest award, or `null` with no recipients. */
  readonly max: string | null;
  /**
   * Gini coefficient of the awards, 0 (equal) … (n−1)/n (one person takes all), 4 decimals
   * half-up; `null` with no recipients, a zero sum or a negative award.
   */
  readonly gini: string | null;
}

/** Result of `compareRuns`. Plain JSON; people and departments ordered by id. */
export interface RunComparison {
  /** ISO 4217 currency of every amount. */
  readonly currency: string;
  /** The period both runs cover. */
  readonly period: { readonly unit: string; readonly start: string; readonly end: string };
  /** Plan id of each run. */
  readonly plans: { readonly base: string; readonly proposed: string };
  /** Plan version in force at the period start in each run (`null` when a result does not say). */
  readonly versions: { readonly base: string | null; readonly proposed: string | null };
  /** `true` when nothing differs: no person, department or total. */
  readonly identical: boolean;
  /** How much differs. */
  readonly counts: {
    /** People in either run. */
    readonly people: number;
    /** People listed in `people`: any line, field or presence differs. */
    readonly peopleChanged: number;
    /** Changed lines over all people. */
    readonly linesChanged: number;
    /** Departments whose `changed` is `true`. */
    readonly departmentsChanged: number;
    /** People whose statement total rises. */
    readonly gainers: number;
    /** People whose statement total falls. */
    readonly losers: number;
    /** People whose statement total stays the same (their lines may still move between kinds). */
    readonly unchanged: number;
  };
  /** Every money total of either result (the base's order, then new names), and `statements`. */
  readonly totals: TotalComparison[];
  /** Σ by line kind over everybody. */
  readonly kinds: KindComparison[];
  /** Every department of either run. */
  readonly departments: DepartmentComparison[];
  /** The people with a difference. */
  readonly people: PersonComparison[];
  /** People who gain, largest gain first (then by id). */
  readonly gainers: PayMove[];
  /** People who lose, largest loss first (then by id). */
  readonly losers: PayMove[];
  /** The support pool of each run, and proposed − base pool. */
  readonly pool: { readonly base: PoolSpread; readonly proposed: PoolSpread; readonly delta: string };
  /** What changed in the plan (only when compared from one scenario and a proposed plan; else empty). */
  readonly planChanges: InputChange[];
  /** The versions, the statement totals and the pool of the two runs, side by side. */
  readonly trace: TraceStep[];
}

// ── correctPeriod ──────────────────────────────────────────────────────────

/** One correction: the difference on one statement line between what was paid and the re-run. */
export interface CorrectionLine {
  /** The line kind (`basePay`, `commission`, …). */
  readonly kind: string;
  /** The plan version the line was computed under. */
  readonly version: string;
  /** The source row id (a deduction id, …), `""` for lines computed per person. */
  readonly source: string;
  /** The re-run line's label (the paid line's when the line disappears). */
  readonly label: string;
  /** What was paid on this line (`"0.00"` when the line is new). */
  readonly paid: string;
  /** What the re-run gives (`"0.00"` when the line disappears). */
  readonly rerun: string;
  /** rerun − paid: positive arrears (owed to the person), negative a recovery. Never zero. */
  readonly amount: string;
  /** `arrears` when the amount is positive, `recovery` when negative. */
  readonly type: 'arrears' | 'recovery';
  /** The trace rules whose inputs or result changed. */
  readonly rulesChanged: RuleChange[];
  /** How the correction was derived. */
  readonly trace: TraceStep[];
}

/** One person's corrections. Only people with at least one correction line are listed. */
export interface PersonCorrection {
  /** The person's id. */
  readonly person: string;
  /** The person's department (in the re-run when in both). */
  readonly department: string;
  /** Statement total paid (`"0.00"` when the person was not paid in the period). */
  readonly paid: string;
  /** Statement total of the re-run (`"0.00"` when the person drops out). */
  readonly rerun: string;
  /** Σ positive correction lines. */
  readonly arrears: string;
  /** Σ negative correction lines (a negative amount, or zero). */
  readonly recoveries: string;
  /** arrears + recoveries = rerun − paid. */
  readonly net: string;
  /** The correction lines. */
  readonly lines: CorrectionLine[];
}

/** A figure a person carries into the next period that the correction changes (see {@link PeriodCorrection.carried}). */
export interface CarriedChange {
  /** The person's id. */
  readonly person: string;
  /** `drawBalance` or `held`. */
  readonly field: 'drawBalance' | 'held';
  /** As paid, or `null` when the paid result has none for the person. */
  readonly paid: string | null;
  /** In the re-run, or `null` when it has none for the person. */
  readonly rerun: string | null;
}

/** Result of `correctPeriod`. Plain JSON; people ordered by id. */
export interface PeriodCorrection {
  /** Plan id. */
  readonly plan: string;
  /** ISO 4217 currency of every amount. */
  readonly currency: string;
  /** The period corrected. */
  readonly period: { readonly unit: string; readonly start: string; readonly end: string };
  /** The plan version the period was paid under. */
  readonly paidVersion: string;
  /** The plan version the re-run used. */
  readonly rerunVersion: string;
  /** Which plan the re-run used (`asPaid` by default: the rates originally applied). */
  readonly planUsed: 'asPaid' | 'asCorrected';
  /** `true` when the paid result given is what the paid inputs produce today; `null` when the result was recomputed. */
  readonly paidReproduced: boolean | null;
  /** The people with a correction. */
  readonly people: PersonCorrection[];
  /** Σ over everybody: paid + arrears + recoveries = rerun, net = arrears + recoveries. */
  readonly totals: {
    readonly paid: string;
    readonly rerun: string;
    readonly arrears: string;
    readonly recoveries: string;
    readonly net: string;
  };
  /** People corrected, correction lines, and how many of those are arrears and recoveries. */
  readonly counts: {
    readonly people: number;
    readonly lines: number;
    readonly arrears: number;
    readonly recoveries: number;
  };
  /**
   * What each person carries into the next period and the re-run changes: `drawBalance` (owed
   * back at the end) and `held` (Σ commissions still held), ordered by person then field. The next
   * period's `data.drawBalances` and `data.heldCommissions` must then come from `rerun.draws` and
   * `rerun.holds`, not from the result as paid.
   */
  readonly carried: CarriedChange[];
  /** What changed in the inputs (org, data, asOf) between the paid and the corrected scenario. */
  readonly inputChanges: InputChange[];
  /** What changed in the plan; applied only with `plan: 'asCorrected'`. */
  readonly planChanges: InputChange[];
  /** The re-run in full: store it with the corrected scenario as the new paid record. */
  readonly rerun: RunPeriodResult;
  /** The plan used and the totals' reconciliation. */
  readonly trace: TraceStep[];
}
