import { type DecimalInput, decimalText } from '../core/decimalInput.js';
import { IssueList, type IssuePath } from '../core/errors.js';
import {
  addFixed,
  compareFixed,
  type Fixed,
  fixedText,
  formatFixed,
  parseFixed,
  rescale,
  roundFixed,
} from '../core/fixed.js';
import { divideSignificant, lnSignificant, roundSignificant } from '../core/power.js';
import { type RoundingPolicy, resolveRounding } from '../core/rounding.js';
import { traceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import { elasticityExponentInputSchema } from './schema.js';
import type { ElasticityExponentInput, ElasticityExponentResult } from './types.js';

const ONE: Fixed = { n: 1n, scale: 0 };
const MINUS_ONE: Fixed = { n: -1n, scale: 0 };

/** ln(1 + change) at 40 significant digits (1 + change rounded there first, as decimal.js adds). */
function lnOnePlus(change: Fixed): Fixed {
  const sum = addFixed(ONE, change);
  return lnSignificant(roundSignificant(sum.n, 10n ** BigInt(sum.scale)));
}

/**
 * The exponent e of f(s) = s^e (internal): ln(1 + award) / ln(1 + score) at 40 significant
 * digits, and e rounded to the policy's coefficient decimals. Adds `OUT_OF_RANGE` issues at
 * `[...at, field]` when a change is ≤ −1 or the score change is zero.
 */
export function exponentOf(
  scoreChange: DecimalInput,
  awardChange: DecimalInput,
  policy: RoundingPolicy,
  at: IssuePath,
  issues: IssueList,
): { exponent: Fixed; exact: Fixed } | undefined {
  const score = parseFixed(decimalText(scoreChange));
  const award = parseFixed(decimalText(awardChange));
  const scoreOutside = compareFixed(score, MINUS_ONE) <= 0 || score.n === 0n;
  const awardOutside = compareFixed(award, MINUS_ONE) <= 0;
  if (scoreOutside)
    issues.add(
      'OUT_OF_RANGE',
      [...at, 'scoreChange'],
      `scoreChange ${formatFixed(score)} must be above −1 and not zero`,
    );
  if (awardOutside)
    issues.add('OUT_OF_RANGE', [...at, 'awardChange'], `awardChange ${formatFixed(award)} must be above −1`);
  if (scoreOutside || awardOutside) return undefined;
  const exact = divideSignificant(lnOnePlus(award), lnOnePlus(score));
  return { exponent: roundFixed(exact, policy.coefficientDecimals, policy.mode), exact };
}

/** A decimal's text with exactly `places` decimals. */
export function fixedPlaces(value: Fixed, places: number): string {
  return fixedText(rescale(value, places), places);
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
  const { exponent, exact } = result!;
  const text = fixedPlaces(exponent, policy.coefficientDecimals);
  const inputs = {
    awardChange: decimalText(parsed.awardChange),
    scoreChange: decimalText(parsed.scoreChange),
    decimals: policy.coefficientDecimals,
  };
  return {
    exponent: text,
    exact: fixedPlaces(roundFixed(exact, 20, 'halfUp'), 20),
    trace: [
      traceStep(
        'pool.elasticity',
        'e = ln(1 + awardChange) / ln(1 + scoreChange), rounded to the coefficient decimals',
        inputs,
        text,
      ),
    ],
  };
}
