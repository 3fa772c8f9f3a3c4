import { describe, expect, it } from 'vitest';
import { isSynergyPayError, SynergyPayError } from '../../src/index.js';

const issue = { code: 'NEGATIVE_VALUE', path: ['shares', 0, 'weight'], message: 'is negative' } as const;

describe('SynergyPayError is recognised by its brand, from any build', () => {
  it('isSynergyPayError, SynergyPayError.is and instanceof accept the library’s errors and nothing else', () => {
    const error = new SynergyPayError([issue]);
    expect(isSynergyPayError(error)).toBe(true);
    expect(SynergyPayError.is(error)).toBe(true);
    expect(error instanceof SynergyPayError).toBe(true);
    expect(error instanceof Error).toBe(true);
    const plain = new Error('NEGATIVE_VALUE: shares[0].weight: is negative');
    const lookalike = { name: 'SynergyPayError', code: 'NEGATIVE_VALUE', issues: [issue] };
    for (const value of [plain, lookalike, null, undefined, 'SynergyPayError', 42]) {
      expect(isSynergyPayError(value)).toBe(false);
      expect(SynergyPayError.is(value)).toBe(false);
      expect(value instanceof SynergyPayError).toBe(false);
    }
  });

  it('accepts an error of another copy of the class (the other build), which shares only the Symbol.for brand', () => {
    const otherBuild = Object.defineProperty(new Error('x'), Symbol.for('synergy-pay.error'), { value: true });
    expect(isSynergyPayError(otherBuild)).toBe(true);
    expect(otherBuild instanceof SynergyPayError).toBe(true);
  });

  it('keeps ordinary instanceof for subclasses', () => {
    class ImportError extends SynergyPayError {}
    const sub = new ImportError([issue]);
    const base = new SynergyPayError([issue]);
    expect(sub instanceof ImportError).toBe(true);
    expect(sub instanceof SynergyPayError).toBe(true);
    expect(isSynergyPayError(sub)).toBe(true);
    expect(base instanceof ImportError).toBe(false);
  });

  it('does not show the brand in JSON, keys or spreads', () => {
    const error = new SynergyPayError([issue]);
    expect(Object.keys(error)).toEqual(['code', 'issues', 'name']);
    expect(Object.getOwnPropertyDescriptor(error, Symbol.for('synergy-pay.error'))?.enumerable).toBe(false);
    expect(JSON.parse(JSON.stringify(error))).toEqual(error.toJSON());
  });
});
