/**
 * decimal.js configured as the library's decimal was before it was written on BigInt (40
 * significant digits, half-up, plain notation within 10^±60): the slow twin that core/decimal.ts,
 * core/fixed.ts and core/power.ts are held to.
 */
import DecimalJs from 'decimal.js';

export const Dec = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});

/** `value` rounded to `places` decimal places with the library's rounding mode. */
export function roundTo(value: DecimalJs, places: number, mode: 'halfUp' | 'halfEven'): DecimalJs {
  return value.toDecimalPlaces(places, mode === 'halfEven' ? DecimalJs.ROUND_HALF_EVEN : DecimalJs.ROUND_HALF_UP);
}
