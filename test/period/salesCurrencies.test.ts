/**
 * Sales in other currencies (issue 19 §7 applied to §4): a sale may carry its ISO `currency`; it
 * is converted into the plan currency by the run's converter — the rate in force on its date or
 * the period's end, the exact product rounded once — before it joins the person's base. The
 * commission line shows each currency and rate its sales were converted at; `controls.sales`
 * holds the source system's totals; conservation holds on random rate tables; the output does not
 * depend on the order of the sales.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPeriod, traceInputWords, type RunPeriodInput, type SaleInput } from '../../src/index.js';
import { cli } from '../cli/run.js';
import { expectError, orderFreeLedger, runs } from '../helpers.js';
import { permuteArrays } from './arbitraries.js';

const EXAMPLE = 'examples/scenarios/multi-currency.json';
const example = (): RunPeriodInput => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as RunPeriodInput;
const fen = (text: string): bigint => BigInt(text.replace('.', ''));
/** An amount in its own currency's minor units (the text has exactly the currency's digits). */
const ownMinor = (text: string): bigint => BigInt(text.replace('.', ''));
const commissionOf = (input: RunPeriodInput, person: string) =>
  runPeriod(input)
    .statements.find((s) => s.person === person)!
    .lines.find((l) => l.kind === 'commission')!;

describe('examples/scenarios/multi-currency.json: wu’s sales in CNY, USD and HKD', () => {
  const result = runPeriod(example());

  it('converts each sale at the rate in force on its date, rounded once, before it joins the base', () => {
    // w2 USD 3,000.00 × 7.1000 (from 1 March) = 21,300.00; w3 USD 1,234.56 × 7.2000 (from 16 March)
    // = 8,888.832 → 8,888.83; w4 HKD 20,000.00 × 0.9133 = 18,266.00
    expect(result.conversions!.filter((c) => c.section === 'sales')).toEqual([
      { section: 'sales', currency: 'HKD', rows: 1, amount: '20000.00', converted: '18266.00' },
      { section: 'sales', currency: 'USD', rows: 2, amount: '4234.56', converted: '30188.83' },
    ]);
    // base 50,000.00 + 21,300.00 + 8,888.83 + 18,266.00 = 98,454.83 < 100,000: 5 % = 4,922.7415 → 4,922.74;
    // 10 % carved: 492.274 → 492.27; net 4,430.47
    const line = commissionOf(example(), 'wu');
    expect(line.amount).toBe('4430.47');
    expect(result.totals.grossCommission).toBe('43147.69'); // 38,224.95 of rows + 4,922.74
  });

  it('the commission line shows, per currency and rate, the original amount, the rate, its date and the sales', () => {
    const line = commissionOf(example(), 'wu');
    expect(line.trace.map((s) => s.rule).slice(0, 4)).toEqual([
      'statement.salesConversion',
      'statement.salesConversion',
      'statement.salesConversion',
      'statement.sales',
    ]);
    expect(line.trace.slice(0, 4).map((s) => [s.inputs, s.result])).toEqual([
      [{ amount: '20000.00 HKD', date: '2026-03-01', rate: '0.9133', sales: '1 (w4)' }, '18266.00'],
      [{ amount: '3000.00 USD', date: '2026-03-01', rate: '7.1000', sales: '1 (w2)' }, '21300.00'],
      [{ amount: '1234.56 USD', date: '2026-03-16', rate: '7.2000', sales: '1 (w3)' }, '8888.83'],
      [{ sales: '4 (w1, w2, w3, w4)' }, '98454.83'],
    ]);
    for (const step of line.trace)
      for (const input of Object.keys(step.inputs))
        expect(traceInputWords(step.rule, input), `${step.rule} ${input}`).not.toBeNull();
  });

  it('every check holds, the sales’ control totals among them; the CLI says what it converted', () => {
    expect(result.checks.every((c) => c.holds)).toBe(true);
    const sales = result.checks.filter((c) => c.id.startsWith('controls.sales'));
    expect(sales.map((c) => [c.id, c.left])).toEqual([
      ['controls.sales.rows', '4'],
      ['controls.sales.total', '50000.00'],
      ['controls.sales.byCurrency.HKD', '20000.00'],
      ['controls.sales.byCurrency.USD', '4234.56'],
    ]);
    expect(result.ledger.find((s) => s.section === 'sales')).toMatchObject({ rows: 4, used: 4, excluded: 0 });
    const { code, out } = cli('run', EXAMPLE);
    expect(code).toBe(0);
    expect(out).toContain('converted from USD: 2 commission rows, $2,034.57 → CN¥14,525.45');
    expect(out).toContain('converted from USD: 2 sales, $4,234.56 → CN¥30,188.83');
    expect(out).toContain('converted from HKD: 1 sale, HK$20,000.00 → CN¥18,266.00');
  });

  it('at "periodEnd" every sale takes the rate in force on the period’s last day', () => {
    const scenario = example();
    scenario.plan.conversion = { at: 'periodEnd' };
    const usd = runPeriod(scenario).conversions!.find((c) => c.section === 'sales' && c.currency === 'USD')!;
    // 3,000.00 × 7.2 = 21,600.00; 1,234.56 × 7.2 = 8,888.832 → 8,888.83 (each sale rounded once)
    expect(usd.converted).toBe('30488.83');
  });

  it('each sale is rounded once, not their sum: two sales of USD 0.05 at 7.1000 give 0.36 + 0.36', () => {
    const scenario = { ...example(), controls: undefined };
    scenario.data!.sales = [
      { id: 'x1', person: 'wu', amount: '0.05', currency: 'USD', date: '2026-03-02' },
      { id: 'x2', person: 'wu', amount: '0.05', currency: 'USD', date: '2026-03-03' },
    ];
    // 0.355 → 0.36 each: 0.72, where round(0.10 × 7.1) would be 0.71
    const sales = commissionOf(scenario, 'wu').trace.find((s) => s.rule === 'statement.sales')!;
    expect(sales.result).toBe('0.72');
  });

  it('the trace stays bounded: many sales at one rate are one step, their ids listed in id order, the rest counted', () => {
    const scenario = { ...example(), controls: undefined };
    scenario.data!.sales = Array.from({ length: 12 }, (_, i) => ({
      id: `u${String(12 - i).padStart(2, '0')}`,
      person: 'wu',
      amount: '100.00',
      currency: 'USD',
      date: '2026-03-02',
    }));
    const trace = commissionOf(scenario, 'wu').trace;
    const steps = trace.filter((s) => s.rule === 'statement.salesConversion');
    expect(steps).toHaveLength(1);
    expect(steps[0]!.inputs).toEqual({
      amount: '1200.00 USD',
      date: '2026-03-01',
      rate: '7.1000',
      sales: '12 (u01, u02, u03, u04, u05, … 7 more)',
    });
    expect(steps[0]!.result).toBe('8520.00');
  });

  it('an exchange rate only a sale was converted at is used; a foreign sale in a version that computes no commission needs no rate', () => {
    const scenario = { ...example(), controls: undefined };
    scenario.data!.exchangeRates!.push({ currency: 'JPY', date: '2026-03-01', rate: '0.0480' });
    scenario.data!.sales!.push({ id: 'w5', person: 'wu', amount: '100000', currency: 'JPY', date: '2026-03-20' });
    const result = runPeriod(scenario);
    expect(result.exclusions).toEqual([]);
    expect(result.conversions).toContainEqual({
      section: 'sales',
      currency: 'JPY',
      rows: 1,
      amount: '100000',
      converted: '4800.00',
    });
    const none = { ...example(), controls: undefined };
    delete none.plan.versions[0]!.commissions;
    none.data!.sales![1]!.currency = 'EUR'; // no EUR rate: not needed, the sale is not read
    const quiet = runPeriod(none);
    expect(quiet.conversions!.every((c) => c.section === 'commissions')).toBe(true);
    expect(quiet.exclusions.filter((e) => e.section === 'sales').map((e) => e.code)).toEqual(
      Array(4).fill('notReadByPlan'),
    );
  });
});

describe('sales in other currencies: bad input', () => {
  const bare = (): RunPeriodInput => ({ ...example(), controls: undefined });
  it('a currency no rate converts → CURRENCY_NOT_CONVERTIBLE at the sale’s currency', () => {
    const scenario = bare();
    scenario.data!.sales![3]!.currency = 'EUR';
    expectError(() => runPeriod(scenario), 'CURRENCY_NOT_CONVERTIBLE', ['data', 'sales', 3, 'currency']);
  });
  it('a sale dated before its currency’s first rate → EXCHANGE_RATE_MISSING at its date', () => {
    const scenario = bare();
    scenario.data!.exchangeRates![2]!.date = '2026-03-15';
    expectError(() => runPeriod(scenario), 'EXCHANGE_RATE_MISSING', ['data', 'sales', 3, 'date']);
  });
  it('an unknown currency code → UNKNOWN_CURRENCY at the sale’s currency', () => {
    const scenario = bare();
    scenario.data!.sales![1]!.currency = 'XYZ';
    expectError(() => runPeriod(scenario), 'UNKNOWN_CURRENCY', ['data', 'sales', 1, 'currency']);
  });
  it('a foreign sale without a date when rates go by transaction date → INVALID_INPUT at its date', () => {
    const scenario = bare();
    delete scenario.data!.sales![2]!.date;
    expectError(() => runPeriod(scenario), 'INVALID_INPUT', ['data', 'sales', 2, 'date']);
  });
  it('more decimals than the sale’s own currency → INVALID_AMOUNT (JPY has none)', () => {
    const scenario = bare();
    scenario.data!.exchangeRates!.push({ currency: 'JPY', date: '2026-03-01', rate: '0.0480' });
    scenario.data!.sales![1] = { ...scenario.data!.sales![1]!, currency: 'JPY', amount: '100.5' };
    expectError(() => runPeriod(scenario), 'INVALID_AMOUNT', ['data', 'sales', 1, 'amount']);
  });
  it('sales controls that disagree → RECONCILIATION_FAILED at each, together', () => {
    const scenario = example();
    scenario.controls!.sales = { rows: 5, total: '50000.01', byCurrency: { USD: '4234.56', HKD: '19999.99' } };
    const error = expectError(() => runPeriod(scenario), 'RECONCILIATION_FAILED');
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'controls.sales.rows',
      'controls.sales.total',
      'controls.sales.byCurrency.HKD',
    ]);
    expect(error.issues[2]!.message).toBe(
      'declared 19999.99 HKD, the 1 sale in HKD sum to 20000.00 HKD (0.01 more than declared)',
    );
  });
});

/** The plan currency and the sales' currencies, with their minor digits. */
const DIGITS = { CNY: 2, USD: 2, HKD: 2, JPY: 0 } as const;
type Currency = keyof typeof DIGITS;
const FOREIGN = ['USD', 'HKD', 'JPY'] as const;

const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}`;
const major = (minor: number, digits: number) =>
  digits === 0
    ? String(minor)
    : `${Math.trunc(minor / 10 ** digits)}.${String(minor % 10 ** digits).padStart(digits, '0')}`;

/** A random rate table for the foreign currencies (each with a rate on day 1, so every sale has one) and random sales. */
const ratesArb = fc.record(
  Object.fromEntries(
    FOREIGN.map((c) => [
      c,
      fc.uniqueArray(
        fc.record({ day: fc.integer({ min: 2, max: 31 }), rate: fc.integer({ min: 1, max: 99_999_999 }) }),
        {
          selector: (r) => r.day,
          maxLength: 3,
        },
      ),
    ]),
  ) as Record<(typeof FOREIGN)[number], fc.Arbitrary<{ day: number; rate: number }[]>>,
);
const firstRate = fc.record(
  Object.fromEntries(FOREIGN.map((c) => [c, fc.integer({ min: 1, max: 99_999_999 })])) as Record<
    (typeof FOREIGN)[number],
    fc.Arbitrary<number>
  >,
);
const saleArb = fc.record({
  person: fc.constantFrom('lin', 'chan', 'wu'),
  minor: fc.integer({ min: 0, max: 1_000_000_000 }),
  currency: fc.constantFrom<Currency>('CNY', 'USD', 'HKD', 'JPY'),
  day: fc.integer({ min: 1, max: 31 }),
});

describe('sales conversion then conservation, on random rate tables', () => {
  it('property: each person’s base = Σ of each sale’s own rounded conversion; every check holds; shuffling the sales and rates changes no byte', () => {
    fc.assert(
      fc.property(
        firstRate,
        ratesArb,
        fc.array(saleArb, { maxLength: 15 }),
        fc.constantFrom('transactionDate' as const, 'periodEnd' as const),
        fc.nat(),
        (first, later, rows, at, seed) => {
          const table = Object.fromEntries(
            FOREIGN.map((c) => [c, [{ day: 1, rate: first[c] }, ...later[c]].sort((a, b) => a.day - b.day)]),
          ) as Record<(typeof FOREIGN)[number], { day: number; rate: number }[]>;
          const sales: SaleInput[] = rows.map((row, i) => ({
            id: `s${i}`,
            person: row.person,
            amount: major(row.minor % 10 ** (DIGITS[row.currency] + 7), DIGITS[row.currency]),
            date: day(row.day),
            ...(row.currency === 'CNY' ? {} : { currency: row.currency }),
          }));
          const scenario = example();
          scenario.plan.conversion = { at };
          // a flat 100 % rate: the commission is the base, so the carve and the pool see every fen of it
          scenario.plan.versions[0]!.commissions = {
            method: 'retroactive',
            rateTable: { direction: 'higherIsBetter', bands: [{ score: '1' }] },
          };
          const rates = FOREIGN.flatMap((currency) =>
            table[currency].map((r) => ({ currency, date: day(r.day), rate: (r.rate / 10_000).toFixed(4) })),
          );
          const input: RunPeriodInput = {
            ...scenario,
            controls: undefined,
            data: { ...scenario.data, sales, exchangeRates: rates },
          };
          const result = runPeriod(input);
          // independent oracle: exact fractions, half-up to the fen, each row on its own
          const convert = (own: bigint, currency: Currency, on: number): bigint => {
            if (currency === 'CNY') return own;
            const inForce = table[currency].filter((r) => r.day <= (at === 'periodEnd' ? 31 : on)).at(-1)!;
            // amount (10^-d) × rate (10^-4) → fen (10^-2): n = amount × rate × 10^2, q = 10^(d + 4)
            const n = own * BigInt(inForce.rate) * 100n;
            const q = 10n ** BigInt(DIGITS[currency] + 4);
            return (n * 2n + q) / (2n * q);
          };
          const expected = new Map<string, bigint>();
          rows.forEach((row, i) => {
            const converted = convert(ownMinor(sales[i]!.amount as string), row.currency, row.day);
            expected.set(row.person, (expected.get(row.person) ?? 0n) + converted);
          });
          for (const statement of result.statements) {
            const line = statement.lines.find((l) => l.kind === 'commission');
            const base = line?.trace.find((s) => s.rule === 'statement.sales')?.result;
            expect(base === undefined ? 0n : fen(base), statement.person).toBe(expected.get(statement.person) ?? 0n);
          }
          // conservation after conversion: Σ gross = Σ converted commission rows + Σ bases (a 100 % rate)
          const rowsGross = input.data!.commissions!.reduce(
            (sum, row) =>
              sum +
              convert(ownMinor(row.amount as string), (row.currency ?? 'CNY') as Currency, Number(row.date!.slice(8))),
            0n,
          );
          const salesGross = [...expected.values()].reduce((a, b) => a + b, 0n);
          expect(fen(result.totals.grossCommission)).toBe(rowsGross + salesGross);
          // per source currency: the sales' count and Σ as given
          for (const currency of FOREIGN) {
            const own = rows.filter((row) => row.currency === currency);
            const conversion = result.conversions?.find((c) => c.section === 'sales' && c.currency === currency);
            expect(conversion?.rows ?? 0).toBe(own.length);
            const sum = sales
              .filter((sale) => sale.currency === currency)
              .reduce((a, sale) => a + ownMinor(sale.amount as string), 0n);
            if (conversion !== undefined) expect(ownMinor(conversion.amount)).toBe(sum);
          }
          expect(result.checks.every((c) => c.holds)).toBe(true);
          const json = JSON.stringify(orderFreeLedger(result));
          expect(JSON.stringify(orderFreeLedger(runPeriod(permuteArrays(input, seed))))).toBe(json);
        },
      ),
      { numRuns: runs(150) },
    );
  });
});
