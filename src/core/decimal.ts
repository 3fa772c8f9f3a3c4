import { fail, type IssuePath } from './errors.js';
import { decimalProblem, decimalText, type DecimalInput } from './decimalInput.js';
import { compareFixed, sumFixed, fixedText, formatFixed, mulFixed, parseFixed, rescale, type Fixed } from './fixed.js';
import { formatMinor, pow10, type Minor } from './money.js';
import { divideSignificant, roundSignificant } from './power.js';
import { defaultRounding, divideRounded, type RoundingMode, type RoundingPolicy } from './rounding.js';

/** What a {@link Dec} is made from or combined with: a decimal, a decimal text or a number. */
export type DecValue = Dec | string | number;

/** Beyond this many significant digits a sum, product or power is rounded (SPEC §1.1: 40). */
const SIGNIFICANT_LIMIT = /* @__PURE__ */ pow10(40);

/** What decimal.js reads as a decimal: sign, digits with an optional point, optional exponent. */
const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Reads a decimal text or a finite number, as decimal.js's constructor does (hex, `NaN` and `Infinity` are not read). */
function read(value: string | number): [fixed: Fixed, negative: boolean] {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return [{ n: BigInt(value), scale: 0 }, value < 0 || Object.is(value, -0)];
    if (!Number.isFinite(value)) throw new RangeError(`Dec: ${String(value)} is not a finite number`);
  }
  const text = String(value);
  const match = DECIMAL_TEXT.exec(text);
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match ?? [];
  if (match === null || whole + fraction === '') throw new RangeError(`Dec: "${text}" is not a decimal`);
  const n = BigInt(whole + fraction);
  const scale = fraction.length - Number(exponent);
  const fixed = scale >= 0 ? { n, scale } : { n: n * pow10(-scale), scale: 0 };
  return sign === '-' ? [{ n: -fixed.n, scale: fixed.scale }, true] : [fixed, false];
}

/** `value` as a {@link Dec} (itself when it is one). */
const dec = (value: DecValue): Dec => (value instanceof Dec ? value : new Dec(value));

/** n × 10^-scale rounded half-up to 40 significant digits, with the sign a zero result keeps. */
function significant(n: bigint, scale: number, negative: boolean): Dec {
  const fits = n < SIGNIFICANT_LIMIT && n > -SIGNIFICANT_LIMIT;
  return new Dec(fits ? { n, scale } : roundSignificant(n, pow10(scale)), negative);
}

/** x + y (y given as its parts, so that minus can pass −y): zero is −0 only as −0 + −0, as in decimal.js. */
function add(x: Dec, y: Fixed, yNegative: boolean): Dec {
  const scale = Math.max(x.scale, y.scale);
  const n = rescale(x, scale) + rescale(y, scale);
  return significant(n, scale, n === 0n ? x.negative && yNegative : n < 0n);
}

/** The larger (`order` −1) or smaller (`order` 1) of `values`, ties resolved on the sign as decimal.js's `max` and `min` do. */
function pick(values: readonly DecValue[], order: number): Dec {
  let x = dec(values[0]!);
  for (const value of values.slice(1)) {
    const y = dec(value);
    const k = x.cmp(y);
    if (k === order || (k === 0 && (x.negative ? -1 : 1) === order)) x = y;
  }
  return x;
}

/**
 * The library's decimal (SPEC §1.1): an exact {@link Fixed} with decimal.js's semantics at 40
 * significant digits, half-up, for the subset of decimal.js the library uses. Values are read
 * exactly (never rounded on construction); `plus`, `minus`, `times`, `div` and `pow` round their
 * result half-up to 40 significant digits, as decimal.js does; `toDecimalPlaces`, `toFixed(dp)`,
 * `floor` and `ceil` round at decimal places. Zero keeps a sign (−0 from `0 × −1`, or a negative
 * value rounded to zero), which only `toNumber` and `valueOf` show. Written on BigInt, so that no
 * import of the library pulls decimal.js into a bundle; held to a decimal.js clone of the same
 * configuration by a property (test/core/decimal.prop.test.ts).
 */
export class Dec implements Fixed {
  /** decimal.js's name of half-up rounding (ties away from zero), for {@link Dec.toDecimalPlaces}. */
  static readonly ROUND_HALF_UP: RoundingMode = 'halfUp';
  /** decimal.js's name of half-even rounding, for {@link Dec.toDecimalPlaces}. */
  static readonly ROUND_HALF_EVEN: RoundingMode = 'halfEven';
  /** The value is n × 10^-scale. */
  readonly n: bigint;
  readonly scale: number;
  /** Whether the value is negative, or a zero with a minus sign. */
  readonly negative: boolean;

  /** Reads a decimal text (`"12.50"`, `"-3"`, `"1e-7"`), a finite number or another `Dec`; from parts when given a {@link Fixed}. */
  constructor(value: DecValue | Fixed, negative?: boolean) {
    const [fixed, sign] =
      value instanceof Dec
        ? [value, value.negative]
        : typeof value === 'object'
          ? [value, negative ?? value.n < 0n]
          : read(value);
    this.n = fixed.n;
    this.scale = fixed.scale;
    this.negative = sign;
  }

  /** The larger of `values`. */
  static max(...values: DecValue[]): Dec {
    return pick(values, -1);
  }

  /** The smaller of `values`. */
  static min(...values: DecValue[]): Dec {
    return pick(values, 1);
  }

  plus(value: DecValue): Dec {
    const y = dec(value);
    return add(this, y, y.negative);
  }

  minus(value: DecValue): Dec {
    const y = dec(value);
    return add(this, { n: -y.n, scale: y.scale }, !y.negative);
  }

  times(value: DecValue): Dec {
    const y = dec(value);
    return significant(this.n * y.n, this.scale + y.scale, this.negative !== y.negative);
  }

  /** this ÷ value, correctly rounded half-up to 40 significant digits; a zero divisor throws. */
  div(value: DecValue): Dec {
    const y = dec(value);
    if (y.n === 0n) throw new RangeError('Dec: division by zero');
    return new Dec(divideSignificant(this, y), this.negative !== y.negative);
  }

  /** decimal.js's long name of {@link Dec.div}. */
  dividedBy(value: DecValue): Dec {
    return this.div(value);
  }

  /** this^exponent for a whole exponent ≥ 0. */
  pow(exponent: number): Dec {
    if (!Number.isSafeInteger(exponent) || exponent < 0) throw new RangeError('Dec: pow takes a whole exponent ≥ 0');
    return significant(this.n ** BigInt(exponent), this.scale * exponent, this.negative && exponent % 2 === 1);
  }

  negated(): Dec {
    return new Dec({ n: -this.n, scale: this.scale }, !this.negative);
  }

  /** Rounded to `places` decimal places with `mode` (half-up by default). */
  toDecimalPlaces(places: number, mode: RoundingMode = 'halfUp'): Dec {
    if (this.scale <= places) return this;
    return new Dec({ n: divideRounded(this.n, pow10(this.scale - places), mode), scale: places }, this.negative);
  }

  /** The whole number at or below. */
  floor(): Dec {
    return this.whole(-1n);
  }

  /** The whole number at or above. */
  ceil(): Dec {
    return this.whole(1n);
  }

  private whole(direction: bigint): Dec {
    if (this.scale === 0) return this;
    const unit = pow10(this.scale);
    const truncated = this.n / unit;
    const away = this.n % unit !== 0n && this.n > 0n === direction > 0n;
    return new Dec({ n: away ? truncated + direction : truncated, scale: 0 }, this.negative);
  }

  /** Negative, zero or positive as this <, = or > value (−0 equals 0). */
  cmp(value: DecValue): number {
    return compareFixed(this, dec(value));
  }

  /** decimal.js's long name of {@link Dec.cmp}. */
  comparedTo(value: DecValue): number {
    return this.cmp(value);
  }

  eq(value: DecValue): boolean {
    return this.cmp(value) === 0;
  }

  /** decimal.js's long name of {@link Dec.eq}. */
  equals(value: DecValue): boolean {
    return this.cmp(value) === 0;
  }

  gt(value: DecValue): boolean {
    return this.cmp(value) > 0;
  }

  /** decimal.js's long name of {@link Dec.gt}. */
  greaterThan(value: DecValue): boolean {
    return this.cmp(value) > 0;
  }

  gte(value: DecValue): boolean {
    return this.cmp(value) >= 0;
  }

  /** decimal.js's long name of {@link Dec.gte}. */
  greaterThanOrEqualTo(value: DecValue): boolean {
    return this.cmp(value) >= 0;
  }

  lt(value: DecValue): boolean {
    return this.cmp(value) < 0;
  }

  /** decimal.js's long name of {@link Dec.lt}. */
  lessThan(value: DecValue): boolean {
    return this.cmp(value) < 0;
  }

  lte(value: DecValue): boolean {
    return this.cmp(value) <= 0;
  }

  /** decimal.js's long name of {@link Dec.lte}. */
  lessThanOrEqualTo(value: DecValue): boolean {
    return this.cmp(value) <= 0;
  }

  isZero(): boolean {
    return this.n === 0n;
  }

  /** Whether the value is negative or −0 (decimal.js's `isNegative`). */
  isNegative(): boolean {
    return this.negative;
  }

  /** The number of decimal places, trailing zeros not counted. */
  decimalPlaces(): number {
    let { n, scale } = this;
    while (scale > 0 && n % 10n === 0n) {
      n /= 10n;
      scale--;
    }
    return n === 0n ? 0 : scale;
  }

  /**
   * Plain notation: without `places`, the shortest text (`"1.1"`, never `"-0"`); with `places`,
   * rounded half-up to exactly that many decimals, signed when the value is negative (`"-0.00"`
   * for −0.001, as decimal.js writes it).
   */
  toFixed(places?: number): string {
    if (places === undefined) return formatFixed(this);
    const n =
      this.scale <= places ? rescale(this, places) : divideRounded(this.n, pow10(this.scale - places), 'halfUp');
    return (this.n < 0n ? '-' : '') + fixedText(n < 0n ? -n : n, places);
  }

  /** As decimal.js at this configuration: plain notation, exponent notation from 10^60 and to 10^-60. */
  toString(): string {
    const text = formatFixed(this);
    const digits = (this.n < 0n ? -this.n : this.n).toString().replace(/0+$/, '');
    const exponent = (this.n < 0n ? -this.n : this.n).toString().length - 1 - this.scale;
    if (this.n === 0n || (exponent > -60 && exponent < 60)) return text;
    const mantissa = digits.length > 1 ? `${digits[0]!}.${digits.slice(1)}` : digits;
    return `${this.n < 0n ? '-' : ''}${mantissa}e${exponent < 0 ? '' : '+'}${String(exponent)}`;
  }

  /** decimal.js's `valueOf`: {@link Dec.toString}, with `"-0"` for a negative zero. */
  valueOf(): string {
    return this.n === 0n && this.negative ? '-0' : this.toString();
  }

  toJSON(): string {
    return this.valueOf();
  }

  toNumber(): number {
    return Number(this.valueOf());
  }
}

/**
 * Reads a decimal input into the private decimal type, refusing anything that is not a plain
 * decimal with `INVALID_DECIMAL` at `path`.
 */
export function toDecimal(value: unknown, path: IssuePath): Dec {
  const problem = decimalProblem(value);
  if (problem !== undefined) fail('INVALID_DECIMAL', path, problem);
  return new Dec(decimalText(value as DecimalInput));
}

/** Rounds a decimal to `places` decimal places with `mode`. */
export function roundTo(value: Dec, places: number, mode: RoundingMode): Dec {
  return value.toDecimalPlaces(places, mode);
}

/** Rounds a score at the policy's score rounding point. */
export function roundScore(value: Dec, policy: RoundingPolicy = defaultRounding): Dec {
  return roundTo(value, policy.scoreDecimals, policy.mode);
}

/** Rounds a coefficient at the policy's coefficient rounding point. */
export function roundCoefficient(value: Dec, policy: RoundingPolicy = defaultRounding): Dec {
  return roundTo(value, policy.coefficientDecimals, policy.mode);
}

/** Minor units as an exact decimal of major units. */
export function minorToDecimal(minor: bigint | number, digits: number): Dec {
  return new Dec(formatMinor(minor, digits));
}

/** A decimal amount of major units rounded to minor units with `mode`. */
export function decimalToMinor(amount: Dec, digits: number, mode: RoundingMode): Minor {
  const [numerator, denominator] = decimalFraction(amount);
  return divideRounded(numerator * pow10(digits), denominator, mode);
}

/** A finite decimal as an exact fraction `numerator / 10^k` (denominator a power of ten). */
export function decimalFraction(value: Dec): [numerator: bigint, denominator: bigint] {
  const text = value.toFixed();
  const negative = text.startsWith('-');
  const unsigned = negative ? text.slice(1) : text;
  const dot = unsigned.indexOf('.');
  const fraction = dot === -1 ? '' : unsigned.slice(dot + 1);
  const whole = dot === -1 ? unsigned : unsigned.slice(0, dot);
  const numerator = BigInt(whole + fraction);
  return [negative ? -numerator : numerator, pow10(fraction.length)];
}

/**
 * `minor × factor`, rounded to whole minor units with `mode`, computed exactly (the factor's
 * decimal expansion is used as a fraction, never a float). E.g. 12 % of 7,333,333 fen.
 */
export function multiplyMinor(minor: Minor, factor: Dec, mode: RoundingMode): Minor {
  const [numerator, denominator] = decimalFraction(factor);
  return divideRounded(minor * numerator, denominator, mode);
}

/** a × b, exactly (decimal.js would round the product to its 40 significant digits). */
export function exactTimes(a: Dec, b: Dec): Dec {
  return new Dec(formatFixed(mulFixed(parseFixed(a.toFixed()), parseFixed(b.toFixed()))));
}

/** Σ terms, exactly. */
export function exactSum(terms: readonly Dec[]): Dec {
  return new Dec(formatFixed(sumFixed(terms.map((term) => parseFixed(term.toFixed())))));
}
