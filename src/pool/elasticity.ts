import { Dec, roundCoefficient } from '../core/decimal.js';
import { decimalText, type DecimalInput } from '../core/decimalInput.js';
import { IssueList, type IssuePath } from '../core/errors.js';
import { type RoundingPolicy, resolveRounding } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import { elasticityExponentInputSchema, type ElasticityExponentInput } from './schema.js';

/** Result of {@link elasticityExponent}. */
export interface ElasticityExponentResult {
  /** The exponent e, rounded to the policy's coefficient decimals (what the allocation uses). */
  readonly exponent: string;
  /** e to 20 decimals, before rounding, for reference. */
  readonly exact: string;
  readonly trace: TraceStep[];
}

/**
 * The exponent e of f(s) = s^e (internal): ln(1 + award) / ln(1 + score), rounded to the
 * policy's coefficient decimals. Adds `OUT_OF_RANGE` issues when a change is ≤ −1 or the score
 * change is zero.
 */
export function exponentOf(
  scoreChange: DecimalInput,
  awardChange: DecimalInput,
  policy: RoundingPolicy,
  path: IssuePath,
  issues: IssueList,
): { exponent: Dec; exact: Dec } | undefined {
  const score = new Dec(decimalText(scoreChange));
  const award = new Dec(decimalText(awardChange));
  let ok = true;
  if (score.lte(-1) || score.isZero()) {
    issues.add(
      'OUT_OF_RANGE',
      [...path, 'scoreChange'],
      `scoreChange ${score.toFixed()} must be above −1 and not zero`,
    );
    ok = false;
  }
  if (award.lte(-1)) {
    issues.add('OUT_OF_RANGE', [...path, 'awardChange'], `awardChange ${award.toFixed()} must be above −1`);
    ok = false;
  }
  if (!ok) return undefined;
  const exact = award.plus(1).ln().dividedBy(score.plus(1).ln());
  return { exponent: roundCoefficient(exact, policy), exact };
}

/**
 * Turns a constant-elasticity rule — "each +10 % of score gives +15 % of award" (seed 001:
 * "支撑效能评分每提高10%，从奖励池中获得的奖励增加15%") — into the exponent e of f(s) = s^e,
 * since (1.10·s)^e = 1.15·s^e exactly when e = ln 1.15 / ln 1.10. The exponent is a coefficient,
 * so it is rounded at the policy's coefficient decimals (default 4: 1.4664), and the allocation
 * uses the rounded figure.
 *
 * **Formula.** e = ln(1 + awardChange) / ln(1 + scoreChange).
 *
 * **References.** Constant elasticity (the elasticity of s^e is e at every s); seed 001.
 *
 * @param input - `scoreChange` (> −1, ≠ 0), `awardChange` (> −1), optional `rounding`.
 * @returns `exponent` (rounded), `exact` (20 decimals) and the trace.
 * @throws {@link SynergyPayError} `INVALID_INPUT`, `INVALID_DECIMAL`, `OUT_OF_RANGE`.
 *
 * @example
 * ```ts
 * import { elasticityExponent } from 'synergy-pay';
 * elasticityExponent({ scoreChange: '0.10', awardChange: '0.15' }).exponent; // '1.4664'
 * ```
 */
export function elasticityExponent(input: ElasticityExponentInput): ElasticityExponentResult {
  const parsed = parseInput(elasticityExponentInputSchema, input);
  const policy = resolveRounding(parsed.rounding);
  const issues = new IssueList();
  const result = exponentOf(parsed.scoreChange, parsed.awardChange, policy, [], issues);
  issues.throwIfAny();
  const { exponent, exact } = result as { exponent: Dec; exact: Dec };
  const text = exponent.toFixed(policy.coefficientDecimals);
  return {
    exponent: text,
    exact: exact.toFixed(20),
    trace: [
      traceStep(
        'pool.elasticity',
        'e = ln(1 + awardChange) / ln(1 + scoreChange), rounded to the coefficient decimals',
        {
          awardChange: decimalText(parsed.awardChange),
          scoreChange: decimalText(parsed.scoreChange),
          decimals: policy.coefficientDecimals,
        },
        text,
      ),
    ],
  };
}
