import { minorDigits } from '../core/currency.js';
import { Dec, decimalFraction } from '../core/decimal.js';
import type { DecimalInput } from '../core/decimalInput.js';
import { decimalText } from '../core/decimalInput.js';
import { IssueList } from '../core/errors.js';
import { orderIds } from '../core/ids.js';
import { formatMinor, readAmount } from '../core/money.js';
import { divideRounded, type RoundingPolicy, resolveRounding } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import { applyRates, checkRateBrackets, type RateBrackets } from '../tiers/rateTable.js';
import { checkTierTable, scoreOf, type CompiledBand, type CompiledTierTable } from '../tiers/tierScore.js';
import { commissionsInputSchema } from './schema.js';
import type { CommissionBaseInput, CommissionRow, CommissionsInput, CommissionsResult } from './types.js';

/** The rate table (rates 0–1) and the modifier table (multipliers ≥ 0, rounded as coefficients), checked. */
function checkTables(
  input: Pick<CommissionsInput, 'rateTable' | 'modifierTable'>,
  digits: number,
  policy: RoundingPolicy,
  issues: IssueList,
) {
  const rates = checkTierTable(input.rateTable, ['rateTable'], issues, policy);
  const brackets: RateBrackets | undefined =
    rates === undefined ? undefined : checkRateBrackets(rates, digits, ['rateTable'], issues);
  // Multipliers are coefficients: the modifier table rounds its scores at the coefficient decimals.
  const modifierPolicy = { ...policy, scoreDecimals: policy.coefficientDecimals };
  const modifiers =
    input.modifierTable === undefined
      ? undefined
      : checkTierTable(input.modifierTable, ['modifierTable'], issues, modifierPolicy);
  modifiers?.bands.forEach((band, i) => {
    if (band.score.isNegative() && !band.score.isZero())
      issues.add('NEGATIVE_VALUE', ['modifierTable', 'bands', i, 'score'], `multiplier ${band.scoreText} is negative`);
  });
  return { rates, brackets, modifiers };
}

/** Each person's base and cap in minor units; a row in another currency, or without its measure, is refused. */
function readPeople(input: CommissionsInput, digits: number, issues: IssueList) {
  const bases: bigint[] = [];
  const caps: (bigint | undefined)[] = [];
  input.people.forEach((person, i) => {
    bases.push(BigInt(readAmount(person.base, digits, ['people', i, 'base'], issues)));
    caps.push(
      person.cap === undefined ? undefined : BigInt(readAmount(person.cap, digits, ['people', i, 'cap'], issues)),
    );
    if (person.currency !== undefined && person.currency !== input.currency)
      issues.add(
        'CURRENCY_MISMATCH',
        ['people', i, 'currency'],
        `${person.currency} differs from the input's currency ${input.currency}`,
      );
    if (input.modifierTable !== undefined && person.measure === undefined)
      issues.add(
        'INVALID_INPUT',
        ['people', i, 'measure'],
        'with a modifierTable, every person needs the measured value (e.g. the resolution rate)',
      );
  });
  return { bases, caps };
}

/** Row indexes in id order; a `DUPLICATE_ID` issue for a person listed again (naming the row before it). */
function orderPeople(people: readonly CommissionBaseInput[], issues: IssueList): Int32Array {
  const ids = people.map((person) => person.id);
  const order = orderIds(ids);
  for (let o = 1; o < ids.length; o++) {
    const i = order[o]!;
    const previous = order[o - 1]!;
    if (ids[i] === ids[previous])
      issues.add('DUPLICATE_ID', ['people', i, 'id'], `person "${ids[i]}" already has a row at people[${previous}]`);
  }
  return order;
}

/** What the tables and the mode make of one person (internal: the period run compiles them once per plan version). */
export interface CommissionRules {
  readonly rates: CompiledTierTable;
  readonly brackets: RateBrackets | undefined;
  readonly modifiers: CompiledTierTable | undefined;
  readonly method: CommissionsInput['method'];
  readonly mode: RoundingPolicy['mode'];
  readonly digits: number;
  readonly withTrace: boolean;
  /** The modifier of each measure read so far (many people share a measure). */
  readonly modifierOf: Map<string, Modifier>;
}

type Rules = CommissionRules;

/** A measure's base multiplier: the band it fell in and the multiplier as a fraction. */
interface Modifier {
  readonly modifier: Dec;
  readonly band: CompiledBand | undefined;
  readonly fraction: readonly [numerator: bigint, denominator: bigint];
}

const NO_MODIFIER: Modifier = { modifier: /* @__PURE__ */ new Dec(1), band: undefined, fraction: [1n, 1n] };

/**
 * The rules of a commissions input without its people: the tables checked (issues at
 * `rateTable…`, `modifierTable…`), or `undefined` when they are not valid.
 */
export function commissionRules(
  input: Omit<CommissionsInput, 'people'>,
  issues: IssueList,
): CommissionRules | undefined {
  const policy = resolveRounding(input.rounding);
  const digits = minorDigits(input.currency);
  const before = issues.size;
  const { rates, brackets, modifiers } = checkTables(input, digits, policy, issues);
  if (rates === undefined || issues.size > before) return undefined;
  const { method } = input;
  const withTrace = input.trace !== false;
  return { rates, brackets, modifiers, method, mode: policy.mode, digits, withTrace, modifierOf: new Map() };
}

/** The modifier of a measure, from the table (memoised per measure as written). */
function modifierOf(rules: Rules, measure: string | undefined): Modifier {
  if (rules.modifiers === undefined || measure === undefined) return NO_MODIFIER;
  let found = rules.modifierOf.get(measure);
  if (found === undefined) {
    const hit = scoreOf(rules.modifiers, new Dec(measure));
    found = { modifier: hit.score, band: rules.modifiers.bands[hit.band], fraction: decimalFraction(hit.score) };
    rules.modifierOf.set(measure, found);
  }
  return found;
}

/** One person's figures in minor units: adjusted base = round(base × modifier), commission = min(cap, rates applied). */
function figuresOf(base: bigint, measure: string | undefined, cap: bigint | undefined, rules: Rules) {
  const { rates, method, mode, digits } = rules;
  const modifier = modifierOf(rules, measure);
  const [numerator, denominator] = modifier.fraction;
  const adjusted = denominator === 1n && numerator === 1n ? base : divideRounded(base * numerator, denominator, mode);
  const { commission: uncapped, slices } = applyRates(rates, adjusted, digits, method, mode, rules.brackets);
  const capped = cap !== undefined && uncapped > cap;
  return { modifier, adjusted, uncapped, commission: capped ? cap : uncapped, capped, slices };
}

/**
 * One person's commission from a base in minor units, with their steps when the rules keep a
 * trace (internal: the period run, on bases and measures it has read itself).
 */
export function commissionOfBase(
  base: bigint,
  measure: DecimalInput | undefined,
  rules: CommissionRules,
): { commission: bigint; trace: TraceStep[] } {
  if (!rules.withTrace) {
    const text = measure === undefined ? undefined : decimalText(measure);
    return { commission: figuresOf(base, text, undefined, rules).commission, trace: [] };
  }
  const { row, commission } = commissionRow({ id: '', base: '', measure }, base, undefined, rules);
  return { commission, trace: row.trace };
}

/** One person: modifier, adjusted base = round(base × modifier), commission = min(cap, rates applied). */
function commissionRow(
  person: CommissionBaseInput,
  base: bigint,
  cap: bigint | undefined,
  rules: Rules,
): { row: CommissionRow; commission: bigint } {
  const { rates, modifiers, digits } = rules;
  const f = (minor: bigint) => formatMinor(minor, digits);
  const measure = modifiers === undefined ? null : decimalText(person.measure!);
  const figures = figuresOf(base, measure ?? undefined, cap, rules);
  const { adjusted, uncapped, commission, capped, slices } = figures;
  const { modifier, band } = figures.modifier;
  const sliceRows = slices.map((slice) => {
    const rate = rates.bands[slice.band]!;
    const figures = { from: f(slice.from), to: f(slice.to), rate: rate.scoreText, commission: f(slice.commission) };
    return { band: slice.band, label: rate.label, ...figures };
  });
  const row = {
    id: person.id,
    base: f(base),
    measure,
    modifier: modifier.toFixed(),
    adjustedBase: f(adjusted),
    uncapped: f(uncapped),
    commission: f(commission),
    capped,
    slices: sliceRows,
  };
  const trace = rules.withTrace ? personTrace(row, cap === undefined ? undefined : f(cap), band, rules) : [];
  return { row: { ...row, trace }, commission };
}

/** A person's steps: the modifier (with a table), the adjusted base, the commission, the cap (with one). */
function personTrace(
  row: Omit<CommissionRow, 'trace'>,
  cap: string | undefined,
  band: CompiledBand | undefined,
  rules: Rules,
): TraceStep[] {
  const marginal = rules.method === 'marginal';
  const trace: TraceStep[] = [];
  if (band !== undefined) {
    const formula = 'modifier = the band of the measure in the modifier table (rounded to the coefficient decimals)';
    trace.push(
      traceStep(
        'pool.modifier',
        formula,
        { band: band.label ?? String(band.index), measure: row.measure! },
        row.modifier,
      ),
    );
  }
  const adjusted = { base: row.base, mode: rules.mode, modifier: row.modifier };
  trace.push(traceStep('pool.adjustedBase', 'adjusted base = round(base × modifier)', adjusted, row.adjustedBase));
  const slices = row.slices.map((slice) => `${slice.from}–${slice.to} × ${slice.rate}`).join('; ');
  trace.push(
    traceStep(
      marginal ? 'pool.commission.marginal' : 'pool.commission.retroactive',
      marginal
        ? 'commission = round(Σ sliceᵢ × rateᵢ)'
        : 'commission = round(adjusted base × rate of the reached band)',
      { 'adjusted base': row.adjustedBase, slices },
      row.uncapped,
    ),
  );
  if (cap !== undefined)
    trace.push(
      traceStep(
        'pool.commission.cap',
        'commission = min(commission, cap)',
        { cap, commission: row.uncapped },
        row.commission,
      ),
    );
  return trace;
}

/**
 * Front-line commissions (seed 001, SPEC §3.5): each person's base, times a base modifier read
 * from a tier table (seed 001: "用户投诉解决率每提高5%，提成基数增加8%" — each +5 % resolution
 * rate → +8 % base), through a rate table applied marginally (each slice at its band's rate, like
 * tax brackets) or retroactively (the whole base at the reached band's rate), capped per person
 * when a cap is given. The result's `people` feed {@link carvePool} as `{ id, amount: commission }`.
 *
 * **Formula.** adjusted = round(base × modifier(measure)); commission = min(cap,
 * round(Σ sliceᵢ × rateᵢ)) (marginal) or min(cap, round(adjusted × rate of the reached band))
 * (retroactive). The modifier is a coefficient: rounded to the policy's coefficient decimals.
 *
 * **References.** Seed 001; sales-compensation "accelerators" (marginal and retroactive tiers);
 * the rate tables of {@link applyRateTable}.
 *
 * @param input - `currency`, `rateTable`, `method`, `people` (`id`, `base`, optional `currency`,
 *   `measure`, `cap`), optional `modifierTable`, `rounding`, `trace`.
 * @returns Per-person modifier, adjusted base, slices and commission (ordered by id), and totals.
 * @throws {@link SynergyPayError} `INVALID_INPUT` (shape; a missing `measure`), `INVALID_DECIMAL`,
 *   `INVALID_AMOUNT`, `NEGATIVE_VALUE` (a negative base, cap, rate or multiplier), `OUT_OF_RANGE`
 *   (a rate above 1), `UNKNOWN_CURRENCY`, `CURRENCY_MISMATCH`, `DUPLICATE_ID`, and the tier table
 *   codes (`TIER_…`).
 *
 * @example
 * ```ts
 * import { computeCommissions } from 'synergy-pay';
 * const { people } = computeCommissions({
 *   currency: 'CNY',
 *   method: 'retroactive',
 *   rateTable: { direction: 'higherIsBetter', bands: [{ bound: 200000, score: '0.12' }, { score: '0.10' }] },
 *   modifierTable: { direction: 'higherIsBetter', bands: [{ bound: '0.95', score: '1.16' }, { bound: '0.90', score: '1.08' }, { score: '1' }] },
 *   people: [{ id: 'cs-a', base: '250000.00', measure: '0.92' }],
 * });
 * // people[0]: modifier '1.08', adjustedBase '270000.00', commission '32400.00'
 * ```
 */
export function computeCommissions(input: CommissionsInput): CommissionsResult {
  return commissionsOf(parseInput(commissionsInputSchema, input));
}

/**
 * {@link computeCommissions} on an input its schema has already accepted (internal: the period
 * run's `commissions` section, whose tables and measures the scenario schema validated). Issues
 * are thrown at the input's paths (`rateTable…`, `people[i]…`).
 */
export function commissionsOf(parsed: CommissionsInput): CommissionsResult {
  const policy = resolveRounding(parsed.rounding);
  const digits = minorDigits(parsed.currency);
  const issues = new IssueList();
  const { rates, brackets, modifiers } = checkTables(parsed, digits, policy, issues);
  const { bases, caps } = readPeople(parsed, digits, issues);
  const order = orderPeople(parsed.people, issues);
  issues.throwIfAny();
  const rules: Rules = {
    rates: rates!,
    brackets,
    modifiers,
    method: parsed.method,
    mode: policy.mode,
    digits,
    withTrace: parsed.trace !== false,
    modifierOf: new Map(),
  };
  const people = Array.from(order, (i) => commissionRow(parsed.people[i]!, bases[i]!, caps[i], rules));
  const baseSum = bases.reduce((sum, base) => sum + base, 0n);
  const commissionSum = people.reduce((sum, person) => sum + person.commission, 0n);
  const f = (minor: bigint) => formatMinor(minor, digits);
  return {
    currency: parsed.currency,
    method: parsed.method,
    base: f(baseSum),
    commission: f(commissionSum),
    people: people.map((person) => person.row),
    trace: [
      traceStep(
        'pool.commissions',
        'Σ commission over people',
        { method: parsed.method, people: people.length, 'Σ base': f(baseSum) },
        f(commissionSum),
      ),
    ],
  };
}
