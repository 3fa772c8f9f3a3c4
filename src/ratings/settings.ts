/**
 * The ratings plan with its defaults filled in, and where a run's inputs came from.
 *
 * @module
 */
import { Dec } from '../core/decimal.js';
import { decimalText, type DecimalInput } from '../core/decimalInput.js';
import type { IssueList, IssuePath } from '../core/errors.js';
import { resolveRounding, type RoundingPolicy } from '../core/rounding.js';
import type { RatingPlanInput, RatingSettingsUsed } from './types.js';

/** The modified z-score constant 0.6745 ≈ Φ⁻¹(0.75) (Iglewicz–Hoaglin). */
export const Z_CONSTANT = '0.6745';
/** The mean-absolute-deviation constant 1.253314 ≈ √(π/2), used when MAD = 0. */
export const MEAN_DEVIATION_CONSTANT = '1.253314';

/**
 * Where a ratings run's inputs came from: the caller's path of a field given relative to its list
 * (`at('ratings', 5, 'score')`), so that issues are raised where the caller's rows are.
 */
export type RatingsPaths = (
  list: 'plan' | 'ratings' | 'decisions' | 'parties' | 'tasks',
  ...rest: (string | number)[]
) => IssuePath;

/** The paths of the public functions' input: `['ratings', 5, 'score']`. */
export const inputPaths: RatingsPaths = (list, ...rest) => [list, ...rest];

/** The plan settings in force: as reported (`used`), and the decimals the tests compare with. */
export interface RatingSettings {
  readonly used: RatingSettingsUsed;
  readonly min: Dec;
  readonly max: Dec;
  /** The extremes, `null` when off. */
  readonly low: Dec | null;
  readonly high: Dec | null;
  readonly threshold: Dec;
  readonly delta: Dec;
  readonly rounding: RoundingPolicy;
}

const decimal = (value: DecimalInput): Dec => new Dec(decimalText(value));
const optional = (value: DecimalInput | undefined): Dec | null => (value === undefined ? null : decimal(value));

/** Fills in the plan defaults and checks the settings' ranges (issues at `plan.…`). */
export function resolveSettings(
  plan: RatingPlanInput | undefined,
  at: RatingsPaths,
  issues: IssueList,
): RatingSettings {
  const min = decimal(plan?.scale?.min ?? 0);
  const max = decimal(plan?.scale?.max ?? 100);
  if (!min.lessThan(max))
    issues.add(
      'OUT_OF_RANGE',
      at('plan', 'scale', 'max'),
      `the scale's max (${max.toFixed()}) must be above its min (${min.toFixed()})`,
    );
  const given = optional(plan?.leaveOneOut?.delta);
  if (given !== null && !given.greaterThan(0))
    issues.add('OUT_OF_RANGE', at('plan', 'leaveOneOut', 'delta'), 'the leave-one-out Δ must be above zero');
  const [low, high, delta] = [
    optional(plan?.extremes?.low),
    optional(plan?.extremes?.high),
    given ?? max.minus(min).times('0.4'),
  ];
  const threshold = decimal(plan?.modifiedZ?.threshold ?? '3.5');
  const used: RatingSettingsUsed = {
    scale: { min: min.toFixed(), max: max.toFixed() },
    extremes: { low: low?.toFixed() ?? null, high: high?.toFixed() ?? null },
    modifiedZ: {
      minGroupSize: plan?.modifiedZ?.minGroupSize ?? 5,
      threshold: threshold.toFixed(),
      constant: Z_CONSTANT,
      meanDeviationConstant: MEAN_DEVIATION_CONSTANT,
    },
    leaveOneOut: { minGroupSize: plan?.leaveOneOut?.minGroupSize ?? 3, delta: delta.toFixed() },
    minRaters: plan?.minRaters ?? 3,
    includePending: plan?.includePending ?? false,
    untaskedRatings: plan?.untaskedRatings ?? 'reject',
    leniencyMinRatees: plan?.leniency === undefined ? null : (plan.leniency.minRatees ?? 5),
  };
  return { used, min, max, low, high, threshold, delta, rounding: resolveRounding(plan?.rounding) };
}
