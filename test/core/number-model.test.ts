import DecimalJs from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Dec, decimalToMinor, multiplyMinor, roundTo, toDecimal } from '../../src/core/decimal.js';
import { minorDigits } from '../../src/index.js';
import { formatMinor, parseMinor } from '../../src/core/money.js';
import { divideRounded } from '../../src/core/rounding.js';
import { decimalProblem } from '../../src/core/decimalInput.js';
import { expectError } from '../helpers.js';

describe('the private decimal configuration', () => {
  it('importing the library leaves the host global Decimal untouched', async () => {
    const before = { precision: DecimalJs.precision, rounding: DecimalJs.rounding, toExpPos: DecimalJs.toExpPos };
    await import('../../src/index.js');
    expect({ precision: DecimalJs.precision, rounding: DecimalJs.rounding, toExpPos: DecimalJs.toExpPos }).toEqual(
      before,
    );
    expect(Dec).not.toBe(DecimalJs);
  });

  it('a host that changes its global Decimal settings does not change our figures', () => {
    const saved = DecimalJs.precision;
    DecimalJs.set({ precision: 3 });
    try {
      expect(new Dec(1).dividedBy(3).toFixed(10)).toBe('0.3333333333');
    } finally {
      DecimalJs.set({ precision: saved });
    }
  });
});

describe('decimal inputs', () => {
  it.each(['0', '-0', '12.50', '-3', '0.000001', '123456789012345678901234567890'])('accepts %s', (text) => {
    expect(decimalProblem(text)).toBeUndefined();
  });
  it.each(['', ' 1', '1 ', '1,234', '1e5', '1E5', '0x1f', '+1', '.5', '1.', '01', 'NaN', 'Infinity', '--1'])(
    'refuses %j',
    (text) => {
      expect(decimalProblem(text)).toBeDefined();
      expectError(() => toDecimal(text, ['x']), 'INVALID_DECIMAL', ['x']);
    },
  );
  it('reads small numbers written in exponent form by JavaScript exactly', () => {
    expect(toDecimal(1e-7, []).toFixed()).toBe('0.0000001');
    expect(toDecimal(0.1, []).toFixed()).toBe('0.1');
  });
  it('refuses numbers that cannot be read exactly', () => {
    expectError(() => toDecimal(2 ** 53, ['n']), 'INVALID_DECIMAL', ['n']);
    expectError(() => toDecimal(Number.NaN, ['n']), 'INVALID_DECIMAL', ['n']);
  });
});

describe('currencies and money', () => {
  it('takes minor digits from Intl: CNY 2, JPY 0, KWD 3', () => {
    expect([minorDigits('CNY'), minorDigits('JPY'), minorDigits('KWD'), minorDigits('USD')]).toEqual([2, 0, 3, 2]);
  });
  it('refuses unknown codes', () => {
    expectError(() => minorDigits('ABC'), 'UNKNOWN_CURRENCY', ['currency']);
  });
  it('formats with exactly the minor digits', () => {
    expect(formatMinor(880000n, 2)).toBe('8800.00');
    expect(formatMinor(1200n, 0)).toBe('1200');
    expect(formatMinor(1250n, 3)).toBe('1.250');
    expect(formatMinor(-5n, 2)).toBe('-0.05');
    expect(formatMinor(0, 2)).toBe('0.00');
  });
  it('parses to minor units, allowing trailing zeros but not extra digits', () => {
    expect(parseMinor('8800', 2, [])).toBe(880000n);
    expect(parseMinor('8800.100', 2, [])).toBe(880010n);
    expect(parseMinor(-0.05, 2, [])).toBe(-5n);
    expectError(() => parseMinor('0.001', 2, ['amount']), 'INVALID_AMOUNT', ['amount']);
  });
});

describe('rounding at declared points', () => {
  it('half-up rounds ties away from zero [四舍五入]; half-even to the even neighbour', () => {
    expect(roundTo(new Dec('2.345'), 2, 'halfUp').toFixed()).toBe('2.35');
    expect(roundTo(new Dec('-2.345'), 2, 'halfUp').toFixed()).toBe('-2.35');
    expect(roundTo(new Dec('2.345'), 2, 'halfEven').toFixed()).toBe('2.34');
    expect(roundTo(new Dec('2.355'), 2, 'halfEven').toFixed()).toBe('2.36');
  });
  it('divides integers with exact rounding', () => {
    expect(divideRounded(5n, 2n, 'halfUp')).toBe(3n);
    expect(divideRounded(-5n, 2n, 'halfUp')).toBe(-3n);
    expect(divideRounded(5n, 2n, 'halfEven')).toBe(2n);
    expect(divideRounded(7n, 2n, 'halfEven')).toBe(4n);
    expect(divideRounded(7n, 3n, 'halfUp')).toBe(2n);
  });
  it('multiplies money by a rate exactly: 12 % of 73,333.33 is 8,800.00 (8,799.9996 rounded)', () => {
    expect(multiplyMinor(7_333_333n, new Dec('0.12'), 'halfUp')).toBe(879_999n + 1n);
    expect(decimalToMinor(new Dec('8799.9996'), 2, 'halfUp')).toBe(880_000n);
  });
});

describe('calendar dates and instants', () => {
  it('reads years 0000–0099 as themselves, not as 1900–1999', async () => {
    const { isIsoDate, parseInstant } = await import('../../src/core/dates.js');
    expect(isIsoDate('0004-02-29')).toBe(true); // year 4 is a leap year; 1904 would be too, 1900 not
    expect(isIsoDate('0100-02-29')).toBe(false);
    expect(parseInstant('0050-01-01T00:00:00Z')).toBe(-60_589_296_000_000);
    expect(parseInstant('2026-03-06T17:30:00+08:00')).toBe(Date.parse('2026-03-06T09:30:00Z'));
  });
});
