import DecimalJs from 'decimal.js';

/**
 * synergy-pay's private decimal.js configuration (SPEC §1.1): 40 significant digits, half-up,
 * no exponent notation in `toString`. A clone, so importing the library never touches the host's
 * global `Decimal` settings.
 */
export const Dec = /* @__PURE__ */ DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});

/** A decimal value from the library's private decimal.js clone. */
export type Dec = InstanceType<typeof Dec>;
