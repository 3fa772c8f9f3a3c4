import { describe, expect, it } from 'vitest';
import { allocate, SynergyPayError, errorCatalogue } from '../../src/index.js';
import { expectError } from '../helpers.js';

const ok = { total: '10.00', currency: 'CNY', shares: [{ id: 'a', weight: 1 }] };
// Bad inputs are deliberately off-type: the library must refuse them at run time too.
const call = (input: unknown) => () => allocate(input as Parameters<typeof allocate>[0]);

describe('allocate refuses bad input with a code and the path of the bad field', () => {
  it('INVALID_INPUT: missing fields, wrong types, unknown keys, arrays where objects belong', () => {
    expectError(call({ currency: 'CNY', shares: [] }), 'INVALID_INPUT', ['total']);
    expectError(call({ ...ok, shares: 'a' }), 'INVALID_INPUT', ['shares']);
    expectError(call({ ...ok, shraes: [] }), 'INVALID_INPUT');
    expectError(call({ ...ok, shares: [{ id: '', weight: 1 }] }), 'INVALID_INPUT', ['shares', 0, 'id']);
    expectError(call([ok]), 'INVALID_INPUT', []);
    expectError(call(null), 'INVALID_INPUT', []);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an exponent string', '1e5'],
    ['a grouped number', '1,234'],
    ['an empty string', ''],
    ['a padded string', ' 1 '],
    ['hex', '0x10'],
    ['a leading plus', '+1'],
    ['a number beyond 2^53', 2 ** 53],
    ['a boolean', true],
    ['a 10 MB string', '1'.repeat(10_000_000)],
  ])('INVALID_DECIMAL: %s as a weight', (_name, weight) => {
    expectError(call({ ...ok, shares: [{ id: 'a', weight }] }), 'INVALID_DECIMAL', ['shares', 0, 'weight']);
  });

  it('INVALID_DECIMAL: a total written "1,234.00"', () => {
    expectError(call({ ...ok, total: '1,234.00' }), 'INVALID_DECIMAL', ['total']);
  });

  it('INVALID_AMOUNT: more decimals than the currency has', () => {
    expectError(call({ ...ok, total: '8800.005' }), 'INVALID_AMOUNT', ['total']);
    expectError(call({ ...ok, currency: 'JPY', total: '1.5' }), 'INVALID_AMOUNT', ['total']);
    expectError(call({ ...ok, shares: [{ id: 'a', weight: 1, cap: '0.001' }] }), 'INVALID_AMOUNT', [
      'shares',
      0,
      'cap',
    ]);
  });

  it('NEGATIVE_VALUE: negative weights and caps', () => {
    expectError(call({ ...ok, shares: [{ id: 'a', weight: '-1' }] }), 'NEGATIVE_VALUE', ['shares', 0, 'weight']);
    expectError(call({ ...ok, shares: [{ id: 'a', weight: 1, cap: -5 }] }), 'NEGATIVE_VALUE', ['shares', 0, 'cap']);
  });

  it('UNKNOWN_CURRENCY: codes Intl does not know, or not in upper case', () => {
    expectError(call({ ...ok, currency: 'XYZ' }), 'UNKNOWN_CURRENCY', ['currency']);
    expectError(call({ ...ok, currency: 'cny' }), 'UNKNOWN_CURRENCY', ['currency']);
  });

  it('DUPLICATE_ID: two shares with one id, each repeat reported', () => {
    const error = expectError(
      call({
        ...ok,
        shares: [
          { id: 'a', weight: 1 },
          { id: 'a', weight: 2 },
          { id: 'a', weight: 3 },
        ],
      }),
      'DUPLICATE_ID',
      ['shares', 1, 'id'],
    );
    expect(error.issues).toHaveLength(2);
  });

  it('NO_POSITIVE_WEIGHT: all weights zero', () => {
    expectError(call({ ...ok, shares: [{ id: 'a', weight: '0.000' }] }), 'NO_POSITIVE_WEIGHT', ['shares']);
  });

  it('reports every problem at once, with INVALID_INPUT when the codes differ', () => {
    const error = expectError(
      call({ total: 'x', currency: 'XYZ', shares: [{ id: 'a', weight: -1 }] }),
      'INVALID_DECIMAL',
      ['total'],
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues.map((issue) => issue.code).sort()).toEqual([
      'INVALID_DECIMAL',
      'NEGATIVE_VALUE',
      'UNKNOWN_CURRENCY',
    ]);
    expect(error.message).toContain('shares[0].weight');
  });

  it('does not let __proto__ or constructor keys pollute prototypes', () => {
    const input = JSON.parse(
      '{"total":"1.00","currency":"CNY","shares":[{"id":"a","weight":1}],"__proto__":{"polluted":true}}',
    );
    expect(() => allocate(input)).toThrow(SynergyPayError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const share = JSON.parse('{"id":"constructor","weight":1,"constructor":{"prototype":{"x":1}}}');
    expectError(call({ ...ok, shares: [share] }), 'INVALID_INPUT', ['shares', 0]);
  });

  it('errors are plain data when serialised, and every code is in the catalogue', () => {
    const error = expectError(call({ ...ok, currency: 'XYZ' }), 'UNKNOWN_CURRENCY');
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({ name: 'SynergyPayError', code: 'UNKNOWN_CURRENCY', issues: [{ path: ['currency'] }] });
    expect(Object.keys(errorCatalogue)).toContain(error.code);
  });
});
