import { minorDigits } from '../core/currency.js';
import { Dec, multiplyMinor } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import { IssueList, SynergyPayError } from '../core/errors.js';
import { formatMinor, parseMinor } from '../core/money.js';
import { resolveRounding } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import { applyRates, checkRateBrackets, type RateBrackets } from '../tiers/rateTable.js';
import { checkTierTable, scoreOf, type CompiledBand, type CompiledTierTable } from '../tiers/tierScore.js';
import { commissionsInputSchema, type CommissionsInput } from './schema.js';
import { orderIds } from '../core/ids.js';

/** One slice of a person's commission: part of the adjusted base at one band's rate. */
export interface CommissionSlice {
  /** Index of the rate table's band (0 = first listed). */
  readonly band: number;
  /** The band's label, or `null`. */
  readonly label: string | null;
  /** The slice of the adjusted base, in major units. */
  readonly from: string;
  readonly to: string;
  /** The rate as written (`"0.08"`). */
  readonly rate: string;
  /** The slice's commission; slices add up to the (uncapped) commission exactly. */
  readonly commission: string;
}

/** One person's row of a {@link computeCommissions} result. */
export interface CommissionRow {
  readonly id: string;
  /** The base as given, with the currency's minor digits. */
  readonly base: string;
  /** The measured value the modifier table read, or `null` without a modifier table. */
  readonly measure: string | null;
  /** The base multiplier (`"1.08"`), rounded to the coefficient decimals; `"1"` without a table. */
  readonly modifier: string;
  /** round(base × modifier) to minor units. */
  readonly adjustedBase: string;
  /** The commission before the cap. */
  readonly uncapped: string;
  /** min(uncapped, cap). */
  readonly commission: string;
  /** Whether the cap bound. */
  readonly capped: boolean;
  readonly slices: CommissionSlice[];
  /** Per-person steps; empty when the input asked for `trace: false`. */
  readonly trace: TraceStep[];
}

/** Result of {@link computeCommissions}. Rows are ordered by id. */
export interface CommissionsResult {
  readonly currency: string;
  readonly method: 'marginal' | 'retroactive';
  /** Σ base. */
  readonly base: string;
  /** Σ commission (after caps): what {@link carvePool} takes as gross. */
  readonly commission: string;
  readonly people: CommissionRow[];
  readonly trace: TraceStep[];
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
  const parsed = parseInput(commissionsInputSchema, input);
  const { currency, method, people } = parsed;
  const policy = resolveRounding(parsed.rounding);
  const mode = policy.mode;
  const digits = minorDigits(currency);
  const withTrace = parsed.trace !== false;
  const issues = new IssueList();

  const rateTable = checkTierTable(parsed.rateTable, ['rateTable'], issues, policy);
  const brackets: RateBrackets | undefined =
    rateTable === undefined ? undefined : checkRateBrackets(rateTable, digits, ['rateTable'], issues);
  // Multipliers are coefficients: the modifier table rounds its scores at the coefficient decimals.
  const modifierPolicy = { ...policy, scoreDecimals: policy.coefficientDecimals };
  const modifierTable =
    parsed.modifierTable === undefined
      ? undefined
      : checkTierTable(parsed.modifierTable, ['modifierTable'], issues, modifierPolicy);
  modifierTable?.bands.forEach((band, i) => {
    if (band.score.isNegative() && !band.score.isZero())
      issues.add('NEGATIVE_VALUE', ['modifierTable', 'bands', i, 'score'], `multiplier ${band.scoreText} is negative`);
  });

  const n = people.length;
  const ids = people.map((person) => person.id);
  const bases: bigint[] = [];
  const caps: (bigint | undefined)[] = [];
  people.forEach((person, i) => {
    bases.push(readMoney(() => parseMinor(person.base, digits, ['people', i, 'base']), issues));
    caps.push(
      person.cap === undefined
        ? undefined
        : readMoney(() => parseMinor(person.cap, digits, ['people', i, 'cap']), issues),
    );
    if (person.currency !== undefined && person.currency !== currency)
      issues.add(
        'CURRENCY_MISMATCH',
        ['people', i, 'currency'],
        `${person.currency} differs from the input's currency ${currency}`,
      );
    if (parsed.modifierTable !== undefined && person.measure === undefined)
      issues.add(
        'INVALID_INPUT',
        ['people', i, 'measure'],
        'with a modifierTable, every person needs the measured value (e.g. the resolution rate)',
      );
  });
  const order = orderIds(ids);
  for (let o = 1; o < n; o++) {
    const i = order[o] as number;
    const previous = order[o - 1] as number;
    if (ids[i] === ids[previous])
      issues.add('DUPLICATE_ID', ['people', i, 'id'], `person "${ids[i]}" already has a row at people[${previous}]`);
  }
  issues.throwIfAny();
  const rates = rateTable as CompiledTierTable;

  const f = (minor: bigint) => formatMinor(minor, digits);
  let baseSum = 0n;
  let commissionSum = 0n;
  const rows: CommissionRow[] = [];
  for (let o = 0; o < n; o++) {
    const i = order[o] as number;
    const person = people[i] as (typeof people)[number];
    const base = bases[i] as bigint;
    let modifier = new Dec(1);
    let measure: string | null = null;
    let modifierBand: CompiledBand | undefined;
    if (modifierTable !== undefined) {
      measure = decimalText(person.measure as string | number);
      const hit = scoreOf(modifierTable, new Dec(measure));
      modifier = hit.score;
      modifierBand = modifierTable.bands[hit.band];
    }
    const adjusted = multiplyMinor(base, modifier, mode);
    const { commission: uncapped, slices } = applyRates(rates, adjusted, digits, method, mode, brackets);
    const cap = caps[i];
    const capped = cap !== undefined && uncapped > cap;
    const commission = capped ? cap : uncapped;
    baseSum += base;
    commissionSum += commission;
    const modifierText = modifier.toFixed();
    const sliceRows = slices.map((slice) => {
      const band = rates.bands[slice.band] as CompiledBand;
      return {
        band: slice.band,
        label: band.label,
        from: f(slice.from),
        to: f(slice.to),
        rate: band.scoreText,
        commission: f(slice.commission),
      };
    });
    const trace: TraceStep[] = [];
    if (withTrace) {
      if (modifierBand !== undefined)
        trace.push(
          traceStep(
            'pool.modifier',
            'modifier = the band of the measure in the modifier table (rounded to the coefficient decimals)',
            { band: modifierBand.label ?? String(modifierBand.index), measure: measure as string },
            modifierText,
          ),
        );
      trace.push(
        traceStep(
          'pool.adjustedBase',
          'adjusted base = round(base × modifier)',
          { base: f(base), mode, modifier: modifierText },
          f(adjusted),
        ),
        traceStep(
          method === 'marginal' ? 'pool.commission.marginal' : 'pool.commission.retroactive',
          method === 'marginal'
            ? 'commission = round(Σ sliceᵢ × rateᵢ)'
            : 'commission = round(adjusted base × rate of the reached band)',
          {
            'adjusted base': f(adjusted),
            slices: sliceRows.map((slice) => `${slice.from}–${slice.to} × ${slice.rate}`).join('; '),
          },
          f(uncapped),
        ),
      );
      if (cap !== undefined)
        trace.push(
          traceStep(
            'pool.commission.cap',
            'commission = min(commission, cap)',
            { cap: f(cap), commission: f(uncapped) },
            f(commission),
          ),
        );
    }
    rows.push({
      id: person.id,
      base: f(base),
      measure,
      modifier: modifierText,
      adjustedBase: f(adjusted),
      uncapped: f(uncapped),
      commission: f(commission),
      capped,
      slices: sliceRows,
      trace,
    });
  }
  return {
    currency,
    method,
    base: f(baseSum),
    commission: f(commissionSum),
    people: rows,
    trace: [
      traceStep(
        'pool.commissions',
        'Σ commission over people',
        { method, people: n, 'Σ base': f(baseSum) },
        f(commissionSum),
      ),
    ],
  };
}

function readMoney(read: () => bigint, issues: IssueList): bigint {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof SynergyPayError)) throw error;
    issues.items.push(...error.issues);
    return 0n;
  }
}
