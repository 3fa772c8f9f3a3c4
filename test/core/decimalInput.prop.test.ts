import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECIMAL_PATTERN, MAX_DECIMAL_LENGTH, isDecimal } from '../../src/core/decimalInput.js';
import { runs } from '../helpers.js';

describe('isDecimal (the decimal leaf of every row schema)', () => {
  it('accepts a string exactly when DECIMAL_PATTERN does, up to the length limit', () => {
    const near = fc.string({ unit: fc.constantFrom('0', '1', '9', '.', '-', '+', 'e', ' '), maxLength: 8 });
    fc.assert(
      fc.property(fc.oneof(near, fc.string({ maxLength: 70 }), fc.stringMatching(DECIMAL_PATTERN)), (text) => {
        expect(isDecimal(text)).toBe(text.length <= MAX_DECIMAL_LENGTH && DECIMAL_PATTERN.test(text));
      }),
      { numRuns: runs(5000) },
    );
  });
});
