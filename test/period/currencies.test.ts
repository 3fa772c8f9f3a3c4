/**
 * Several currencies (issue 19 §7): commission rows in any ISO currency, converted into the plan
 * currency at the dated rate in force (the row's date or the period's end), rounded once; the
 * statement shows the original amount, the rate and its date; the source currencies' control
 * totals; conservation after conversion on random rate tables; bad input.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPeriod, type RunPeriodInput } from '../../src/index.js';
import { cli } from '../cli/run.js';
import { expectError, runs } from '../helpers.js';

const EXAMPLE = 'examples/scenarios/multi-currency.json';
const example = (): RunPeriodInput => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as RunPeriodInput;
const fen = (text: string): bigint => BigInt(text.replace('.', ''));

describe('examples/scenarios/multi-currency.json', () => {
  const result = runPeriod(example());

  it('converts at the rate in force on each row’s date, rounded once half-up', () => {
    // USD 1,234.57 × 7.1000 (from 1 March) = 8,765.447 → 8,765.45; USD 800.00 × 7.2000 (from 16 March) = 5,760.00
    // HKD 15,000.00 × 0.9133 = 13,699.50
    expect(result.conversions!.filter((c) => c.section === 'commissions')).toEqual([
      { section: 'commissions', currency: 'HKD', rows: 1, amount: '15000.00', converted: '13699.50' },
      { section: 'commissions', currency: 'USD', rows: 2, amount: '2034.57', converted: '14525.45' },
    ]);
    // 10,000.00 + 14,525.45 + 13,699.50 = 38,224.95 of rows, + wu's 4,922.74 computed from sales (salesCurrencies.test.ts)
    expect(result.totals.grossCommission).toBe('43147.69');
  });

  it('the commission line shows each original amount, rate and date', () => {
    const lin = result.statements.find((s) => s.person === 'lin')!;
    const commission = lin.lines.find((l) => l.kind === 'commission')!;
    const conversions = commission.trace.filter((s) => s.rule === 'statement.conversion');
    expect(conversions.map((s) => [s.inputs, s.result])).toEqual([
      [{ amount: '1234.57 USD', date: '2026-03-01', rate: '7.1000' }, '8765.45'],
      [{ amount: '800.00 USD', date: '2026-03-16', rate: '7.2000' }, '5760.00'],
    ]);
    // lin's gross 24,525.45, less 10 % = 2,452.55 carved → 22,072.90
    expect(commission.amount).toBe('22072.90');
  });

  it('every check holds, the source currencies’ controls among them, and the CLI says what it converted', () => {
    expect(result.checks.every((c) => c.holds)).toBe(true);
    expect(result.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'controls.commissions.byCurrency.HKD',
        'controls.commissions.byCurrency.USD',
        'commissionCarve',
      ]),
    );
    const { code, out } = cli('run', EXAMPLE);
    expect(code).toBe(0);
    expect(out).toContain('converted from USD: 2 commission rows, $2,034.57 → CN¥14,525.45');
  });

  it('at "periodEnd" every row takes the rate in force on the period’s last day', () => {
    const scenario = example();
    scenario.plan.conversion = { at: 'periodEnd' };
    const usd = runPeriod(scenario).conversions!.find((c) => c.section === 'commissions' && c.currency === 'USD')!;
    expect(usd.converted).toBe('14648.90'); // 2,034.57 × 7.2000 = 14,648.904 → 14,648.90
  });

  it('half-even rounding is a plan option', () => {
    const scenario = example();
    scenario.data!.commissions![1]!.amount = '1.25';
    scenario.data!.exchangeRates![0]!.rate = '0.1';
    scenario.controls = undefined;
    expect(
      runPeriod(scenario).conversions!.find((c) => c.section === 'commissions' && c.currency === 'USD')!.converted,
    ).toBe('5760.13'); // 0.125 → 0.13 half-up
    scenario.plan.conversion = { rounding: 'halfEven' };
    expect(
      runPeriod(scenario).conversions!.find((c) => c.section === 'commissions' && c.currency === 'USD')!.converted,
    ).toBe('5760.12'); // 0.125 → 0.12
  });
});

describe('conversion then conservation, on random rate tables', () => {
  it('property: Σ gross = Σ plan-currency rows + Σ round(amount × rate in force); every check holds', () => {
    const rateArb = fc.record({ day: fc.integer({ min: 1, max: 31 }), rate: fc.integer({ min: 1, max: 99_999_999 }) });
    const rowArb = fc.record({
      person: fc.constantFrom('lin', 'chan'),
      fen: fc.integer({ min: -1_000_000, max: 100_000_000 }),
      currency: fc.constantFrom('CNY', 'USD', 'JPY', 'KWD'),
      day: fc.integer({ min: 1, max: 31 }),
    });
    const tables = fc.record({
      USD: fc.uniqueArray(rateArb, { selector: (r) => r.day, minLength: 1, maxLength: 4 }),
      JPY: fc.uniqueArray(rateArb, { selector: (r) => r.day, minLength: 1, maxLength: 4 }),
      KWD: fc.uniqueArray(rateArb, { selector: (r) => r.day, minLength: 1, maxLength: 4 }),
    });
    const digitsOf = { CNY: 2, USD: 2, JPY: 0, KWD: 3 } as const;
    fc.assert(
      fc.property(tables, fc.array(rowArb, { maxLength: 12 }), (table, rows) => {
        const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}`;
        const rates = Object.entries(table).flatMap(([currency, list]) =>
          list.map((r) => ({ currency, date: day(r.day), rate: (r.rate / 10_000).toFixed(4) })),
        );
        const text = (n: number, digits: number) => (digits === 0 ? String(n) : (n / 10 ** digits).toFixed(digits));
        // only rows on or after their currency's first rate (the others are refused: tested below)
        const first = (currency: string) => Math.min(...table[currency as keyof typeof table].map((r) => r.day));
        const usable = rows.filter((row) => row.currency === 'CNY' || row.day >= first(row.currency));
        const commissions = usable.map((row, i) => ({
          id: `c${i}`,
          person: row.person,
          amount: text(row.fen, digitsOf[row.currency]),
          date: day(row.day),
          ...(row.currency === 'CNY' ? {} : { currency: row.currency }),
        }));
        const scenario = example();
        scenario.plan.versions[0]!.pool!.clawbackPolicy = 'net';
        const result = runPeriod({
          ...scenario,
          controls: undefined,
          data: { ...scenario.data, commissions, exchangeRates: rates, sales: [] },
        });
        // independent oracle: exact fractions, half-up to the fen
        let expected = 0n;
        for (const row of usable) {
          if (row.currency === 'CNY') {
            expected += BigInt(row.fen);
            continue;
          }
          const inForce = table[row.currency].filter((r) => r.day <= row.day).sort((a, b) => b.day - a.day)[0]!;
          // amount (minor, 10^-d) × rate (10^-4) → fen (10^-2): n = fen × rate × 10^2, q = 10^(d + 4)
          const n = BigInt(row.fen) * BigInt(inForce.rate) * 100n;
          const q = 10n ** BigInt(digitsOf[row.currency] + 4);
          const magnitude = ((n < 0n ? -n : n) * 2n + q) / (2n * q);
          expected += n < 0n ? -magnitude : magnitude;
        }
        expect(fen(result.totals.grossCommission)).toBe(expected);
        expect(result.checks.every((c) => c.holds)).toBe(true);
      }),
      { numRuns: runs(100) },
    );
  });
});

describe('several currencies: bad input', () => {
  it('a currency no rate converts → CURRENCY_NOT_CONVERTIBLE at the row’s currency', () => {
    const scenario = { ...example(), controls: undefined };
    scenario.data!.commissions![3]!.currency = 'EUR';
    expectError(() => runPeriod(scenario), 'CURRENCY_NOT_CONVERTIBLE', ['data', 'commissions', 3, 'currency']);
  });
  it('a row dated before the first rate → EXCHANGE_RATE_MISSING at its date', () => {
    const scenario = example();
    scenario.data!.exchangeRates![2]!.date = '2026-03-15';
    expectError(() => runPeriod(scenario), 'EXCHANGE_RATE_MISSING', ['data', 'commissions', 3, 'date']);
  });
  it('a foreign row without a date when rates are by transaction date → INVALID_INPUT at its date', () => {
    const scenario = example();
    delete scenario.data!.commissions![2]!.date;
    expectError(() => runPeriod(scenario), 'INVALID_INPUT', ['data', 'commissions', 2, 'date']);
  });
  it('an amount with more decimals than its own currency → INVALID_AMOUNT (JPY has none)', () => {
    const scenario = { ...example(), controls: undefined };
    scenario.data!.commissions![3] = { ...scenario.data!.commissions![3]!, currency: 'JPY', amount: '100.5' };
    scenario.data!.exchangeRates!.push({ currency: 'JPY', date: '2026-03-01', rate: '0.0480' });
    expectError(() => runPeriod(scenario), 'INVALID_AMOUNT', ['data', 'commissions', 3, 'amount']);
  });
  it('a zero rate → OUT_OF_RANGE; two rates of one currency on one date → DUPLICATE_ID; a rate for the plan currency → INVALID_INPUT', () => {
    const zero = example();
    zero.data!.exchangeRates![0]!.rate = '0';
    expectError(() => runPeriod(zero), 'OUT_OF_RANGE', ['data', 'exchangeRates', 0, 'rate']);
    const twice = example();
    twice.data!.exchangeRates!.push({ currency: 'USD', date: '2026-03-16', rate: '7.3' });
    expectError(() => runPeriod(twice), 'DUPLICATE_ID', ['data', 'exchangeRates', 3, 'date']);
    const own = example();
    own.data!.exchangeRates!.push({ currency: 'CNY', date: '2026-03-01', rate: '1' });
    expectError(() => runPeriod(own), 'INVALID_INPUT', ['data', 'exchangeRates', 3, 'currency']);
  });
  it('a source-currency control that disagrees → RECONCILIATION_FAILED at its path', () => {
    const scenario = example();
    scenario.controls!.commissions!.byCurrency!.USD = '2034.56';
    expectError(() => runPeriod(scenario), 'RECONCILIATION_FAILED', ['controls', 'commissions', 'byCurrency', 'USD']);
  });
});
