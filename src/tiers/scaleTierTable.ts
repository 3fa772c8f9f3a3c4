import { Dec, toDecimal, exactTimes } from '../core/decimal.js';
import { decimalText, MAX_DECIMAL_LENGTH, type DecimalInput } from '../core/decimalInput.js';
import { fail } from '../core/errors.js';
import { DURATION_FIELDS, type DurationBound, type TierBand, type TierTable } from './schema.js';
import { compileTierTable } from './tierScore.js';

/** `value × factor` as an exact plain decimal string, refused when it outgrows the decimal format. */
function scaled(value: DecimalInput, factor: Dec, path: (string | number)[]): string {
  const text = exactTimes(new Dec(decimalText(value)), factor).toFixed();
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
  const by = toDecimal(factor, ['factor']);
  if (!by.greaterThan(0)) fail('OUT_OF_RANGE', ['factor'], `factor ${by.toFixed()} must be greater than 0`);
  const bands = table.bands.map((band, i): TierBand => {
    if (band.bound === undefined) return { ...band };
    const path = ['table', 'bands', i, 'bound'];
    if (typeof band.bound === 'object') {
      const duration: Record<string, string> = {};
      for (const field of DURATION_FIELDS) {
        const amount = band.bound[field];
        if (amount !== undefined) duration[field] = scaled(amount, by, [...path, field]);
      }
      return { ...band, bound: duration };
    }
    return { ...band, bound: scaled(band.bound, by, path) };
  });
  return { ...table, bands };
}
