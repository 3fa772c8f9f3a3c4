import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditFacts, type CreditFactsInput } from '../../src/index.js';
import { revenueFactSchema } from '../../src/interlock/schema.js';
import { DECIMAL_PATTERN } from '../../src/core/decimalInput.js';
import { minorNumber } from '../../src/core/money.js';
import { compileCheck } from '../../src/core/rows.js';
import { moneySchema } from '../../src/core/schema.js';
import { runs } from '../helpers.js';
import { fenOf, oracleCredits, scenarioArb, shuffle } from './arbitraries.js';
import { isIsoDate } from '../../src/core/dates.js';

/** The row reader's fast check of a fact, and of an amount: what replaced the hand-written `isFactShape`. */
const factLooksValid = compileCheck(revenueFactSchema)!;
const amountLooksValid = compileCheck(moneySchema)!;

describe('creditFacts properties (issue 6, SPEC §3.2, §5)', () => {
  it('conserves per dimension with random splits, amounts and windows, and matches a BigInt oracle', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const result = creditFacts(input);
        const oracle = oracleCredits(input);
        expect(fenOf(result.total)).toBe(oracle.total);
        let credited = 0n;
        for (const dimension of result.dimensions) {
          let sum = 0n;
          for (const member of dimension.members) {
            const key = `${dimension.id}/${member.id}`;
            expect(fenOf(member.amount), key).toBe(oracle.credit.get(key) ?? 0n);
            expect(fenOf(member.excluded), key).toBe(oracle.excluded.get(key) ?? 0n);
            sum += fenOf(member.amount);
          }
          expect(fenOf(dimension.credited)).toBe(sum);
          // The invariant itself: Σ credits + excluded = Σ facts, in every dimension.
          expect(sum + fenOf(dimension.excluded)).toBe(oracle.total);
          expect(dimension.conserved).toBe(true);
          credited += sum;
        }
        expect(fenOf(result.credited)).toBe(credited);
        const excludedAll = result.exclusions.reduce((s, e) => s + fenOf(e.amount), 0n);
        expect(excludedAll).toBe(result.dimensions.reduce((s, d) => s + fenOf(d.excluded), 0n));
        if (excludedAll === 0n && oracle.total !== 0n) expect(result.factor).toBe(`${input.dimensions.length}.0000`);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('is invariant under permutation of facts, dimensions, members and split parts (byte-identical JSON)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), (input, seeds) => {
        const permuted: CreditFactsInput = {
          currency: input.currency,
          dimensions: shuffle(input.dimensions, seeds).map((d) => ({ ...d, members: shuffle(d.members, seeds) })),
          facts: shuffle(input.facts, seeds).map((fact) => ({
            ...fact,
            members: Object.fromEntries(
              shuffle(Object.entries(fact.members), seeds).map(([key, value]) => [
                key,
                typeof value === 'string' ? value : shuffle(value, seeds),
              ]),
            ),
          })),
        };
        expect(JSON.stringify(creditFacts(permuted))).toBe(JSON.stringify(creditFacts(input)));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('the fast fact check (compiled from revenueFactSchema) accepts nothing that the zod schema refuses', () => {
    // Valid rows with, now and then, one field replaced by a near miss.
    const often = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
      fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: bad });
    const shareArb = often(
      fc.constantFrom('0.5', '1', '0', 0.25, 1),
      fc.oneof(fc.constantFrom('-0', '-0.5', 'a', '.5', '1e1'), fc.double()),
    );
    const partArb = often(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), share: shareArb }),
      fc.record(
        { id: fc.oneof(fc.string({ maxLength: 2 }), fc.integer()), share: shareArb, extra: fc.constant(1) },
        { requiredKeys: [] },
      ),
    );
    const near = fc.record(
      {
        id: often(
          fc.string({ minLength: 1, maxLength: 3 }),
          fc.oneof(fc.constant(''), fc.constant('x'.repeat(201)), fc.integer()),
        ),
        amount: often(
          fc.constantFrom('1', '-0', '1.00', '-1.5', '0.001', 12, -3.25),
          fc.oneof(fc.constantFrom('1e5', '', ' 1', '01', '1.'), fc.double(), fc.constant(null)),
        ),
        currency: often(fc.constantFrom('CNY', undefined), fc.constantFrom('USD', 'XYZ', 5)),
        date: often(
          fc.constantFrom('2026-02-28', '2024-02-29'),
          fc.constantFrom('2026-02-29', '2026-13-01', '26-01-01', 7),
        ),
        members: often(
          fc.dictionary(
            fc.string({ minLength: 1, maxLength: 2 }),
            fc.oneof(fc.string({ minLength: 1, maxLength: 2 }), fc.array(partArb, { minLength: 1, maxLength: 2 })),
          ),
          fc.oneof(
            fc.dictionary(
              fc.string({ maxLength: 2 }),
              fc.oneof(
                fc.string({ maxLength: 2 }),
                fc.array(partArb, { maxLength: 2 }),
                fc.integer(),
                fc.constant(null),
              ),
            ),
            fc.constant([]),
            fc.constant(null),
          ),
        ),
        extra: fc.constant(1),
      },
      { requiredKeys: ['id', 'amount', 'date', 'members'] },
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(near, fc.anything()), (row) => {
        if (factLooksValid(row)) {
          accepted++;
          const parsed = revenueFactSchema.safeParse(row);
          expect(parsed.success).toBe(true);
          expect(parsed.data).toEqual(row); // accepted unchanged: the row is used as given
        }
      }),
      { numRuns: runs(3000) },
    );
    expect(accepted).toBeGreaterThan(20); // the generator does reach rows the fast check accepts
  });

  it('the amount check accepts exactly the plain decimals, and minorNumber reads them to the exact minor unit', () => {
    const digitText = fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), minLength: 1, maxLength: 20 });
    const amountText = fc.oneof(
      fc
        .tuple(
          fc.boolean(),
          digitText,
          fc.option(fc.string({ unit: fc.constantFrom('0', '3', '7'), maxLength: 5 }), { nil: undefined }),
        )
        .map(
          ([negative, whole, fraction]) =>
            `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`,
        ),
      fc.string({ unit: fc.constantFrom('0', '1', '.', '-', 'e', ' ', '+'), maxLength: 8 }),
    );
    fc.assert(
      fc.property(amountText, fc.constantFrom(0, 2, 3), (text, digits) => {
        const plain = DECIMAL_PATTERN.test(text);
        expect(amountLooksValid(text)).toBe(plain);
        const minor = minorNumber(text, digits);
        if (!plain || Number.isNaN(minor)) return;
        // Independent reading: the fraction must fit the currency (else the scanner gives NaN).
        const negative = text.startsWith('-');
        const [whole = '', fraction = ''] = (negative ? text.slice(1) : text).split('.');
        expect(/[1-9]/.test(fraction.slice(digits))).toBe(false);
        const expected = BigInt(whole + fraction.slice(0, digits).padEnd(digits, '0'));
        expect(BigInt(minor)).toBe(negative ? -expected : expected);
        expect(Object.is(minor, -0)).toBe(false);
      }),
      { numRuns: runs(3000) },
    );
  });

  it('the fast fact check agrees with the calendar check of the schema on dates', () => {
    const dateText = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.oneof(dateText, fc.string({ maxLength: 11 })), (date) => {
        const row = { id: 'f', amount: '1', date, members: { d: 'm' } };
        expect(factLooksValid(row)).toBe(isIsoDate(date));
        expect(revenueFactSchema.safeParse(row).success).toBe(isIsoDate(date));
      }),
      { numRuns: runs(3000) },
    );
  });
});
