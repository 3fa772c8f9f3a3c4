import { decimalProblem, decimalText, MAX_DECIMAL_LENGTH, type DecimalInput } from '../core/decimalInput.js';
import { fail, type IssuePath } from '../core/errors.js';
import { formatFixed, mulFixed, parseFixed, type Fixed } from '../core/fixed.js';
import { DURATION_FIELDS } from './schema.js';
import { compileTierTable } from './tierScore.js';
import type { TierBand, TierTable } from './types.js';

/** `value × factor` as an exact plain decimal string, refused when it outgrows the decimal format. */
function scaled(value: DecimalInput, factor: Fixed, path: IssuePath): string {
  const text = formatFixed(mulFixed(parseFixed(decimalText(value)), factor));
  if (text.length > MAX_DECIMAL_LENGTH)
    fail('OUT_OF_RANGE', path, `the scaled bound has more than ${MAX_DECIMAL_LENGTH} characters`);
  return text;
}

/**
 * Returns a copy of a tier table with every bound multiplied by `factor` (> 0), for elastic
 * targets [弹性指标, seed 004]: when demand surges, "answer within 24 h" becomes 48 h — factor 2.
 * Scores, labels, direction and options are unchanged; products are exact (decimal strings).
 * A Duration bound has each of its fields scaled (`{ hours: 24 }` × 2 → `{ hours: "48" }`).
 *
 * Scaling the bounds and the measured value by the same factor leaves the band and the score
 * unchanged (interpolated scores too).
 *
 * @param table - A valid tier table (validated here; issues are reported under `table`).
 * @param factor - The factor, a decimal > 0 (issues under `factor`).
 * @returns A new table; the input is not modified.
 * @throws {@link SynergyPayError} every code of `compileTierTable`; `INVALID_DECIMAL` or
 *   `OUT_OF_RANGE` for a factor that is not a decimal > 0 (or a product beyond 60 characters).
 *
 * @example
 * ```ts
 * const relaxed = scaleTierTable({ direction: 'lowerIsBetter', unit: 'duration', bands: [{ bound: { hours: 24 }, score: 100 }, { score: 0 }] }, 2);
 * // relaxed.bands[0].bound → { hours: '48' }
 * ```
 */
export function scaleTierTable(table: TierTable, factor: DecimalInput): TierTable {
  compileTierTable(table, ['table']);
  const problem = decimalProblem(factor);
  if (problem !== undefined) fail('INVALID_DECIMAL', ['factor'], problem);
  const by = parseFixed(decimalText(factor));
  if (by.n <= 0n) fail('OUT_OF_RANGE', ['factor'], `factor ${formatFixed(by)} must be greater than 0`);
  const bands = table.bands.map((band, i): TierBand => {
    const path = ['table', 'bands', i, 'bound'];
    const { bound } = band;
    if (bound === undefined) return { ...band };
    if (typeof bound !== 'object') return { ...band, bound: scaled(bound, by, path) };
    const fields = DURATION_FIELDS.filter((field) => bound[field] !== undefined);
    return { ...band, bound: Object.fromEntries(fields.map((f) => [f, scaled(bound[f]!, by, [...path, f])])) };
  });
  return { ...table, bands };
}
