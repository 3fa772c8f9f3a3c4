import { describe, expect, it } from 'vitest';
import { creditFacts, type CreditFactsInput } from '../../src/index.js';
import { expectError } from '../helpers.js';

const dimensions: CreditFactsInput['dimensions'] = [
  { id: 'region', members: [{ id: 'East' }, { id: 'West' }] },
  { id: 'product', members: [{ id: '5G' }, { id: 'Broadband' }] },
];
const base: CreditFactsInput = {
  currency: 'CNY',
  dimensions,
  facts: [
    { id: 'f1', amount: '100', date: '2026-03-02', members: { region: 'East', product: '5G' } },
    { id: 'f2', amount: '50', date: '2026-03-03', members: { region: 'East', product: 'Broadband' } },
    { id: 'f3', amount: '70', date: '2026-03-04', members: { region: 'West', product: '5G' } },
  ],
};
const amounts = (result: ReturnType<typeof creditFacts>, dimension: string) =>
  Object.fromEntries((result.dimensions.find((d) => d.id === dimension)?.members ?? []).map((m) => [m.id, m.amount]));
const call = (input: unknown) => () => creditFacts(input as CreditFactsInput);

describe('creditFacts: double crediting (issue 6, SPEC §3.2)', () => {
  it('issue 6 example: region = Σ product lines, product line = Σ regions', () => {
    const result = creditFacts(base);
    // East = 100 + 50, West = 70; 5G = 100 + 70, Broadband = 50.
    expect(amounts(result, 'region')).toEqual({ East: '150.00', West: '70.00' });
    expect(amounts(result, 'product')).toEqual({ '5G': '170.00', Broadband: '50.00' });
    // Each dimension carries the whole 220; the scorecards see 2 × 220 = 440.
    expect(result.dimensions.map((d) => [d.id, d.credited, d.excluded, d.conserved])).toEqual([
      ['product', '220.00', '0.00', true],
      ['region', '220.00', '0.00', true],
    ]);
    expect(result.total).toBe('220.00');
    expect(result.credited).toBe('440.00');
    expect(result.factor).toBe('2.0000');
    expect(result.dimensionCount).toBe(2);
    expect(result.conserved).toBe(true);
    expect(result.exclusions).toEqual([]);
    expect(result.dimensions[1]?.members[0]?.facts).toBe(2);
  });

  it('splits a fact 60/40 within a dimension without losing a fen', () => {
    // x: 5 fen split 0.6/0.4 → exactly 3 and 2 fen.
    // y: 10001 fen by 0.3333 (a), 0.3333 (b), 0.3334 (c) → exact 3333.3333, 3333.3333, 3334.3334;
    // floors 3333 + 3333 + 3334 = 10000, one fen left for the largest remainder (c's .3334).
    // a = 3 + 3333 = 33.36, b = 2 + 3333 = 33.35, c = 3335 = 33.35; Σ = 100.06 = 0.05 + 100.01.
    const result = creditFacts({
      currency: 'CNY',
      dimensions: [{ id: 'team', members: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] }],
      facts: [
        {
          id: 'x',
          amount: '0.05',
          date: '2026-01-01',
          members: {
            team: [
              { id: 'a', share: '0.6' },
              { id: 'b', share: '0.4' },
            ],
          },
        },
        {
          id: 'y',
          amount: '100.01',
          date: '2026-01-01',
          members: {
            team: [
              { id: 'c', share: '0.3334' },
              { id: 'b', share: '0.3333' },
              { id: 'a', share: '0.3333' },
            ],
          },
        },
      ],
    });
    expect(amounts(result, 'team')).toEqual({ a: '33.36', b: '33.35', c: '33.35' });
    expect(result.dimensions[0]?.credited).toBe('100.06');
    expect(result.total).toBe('100.06');
    expect(result.factor).toBe('1.0000');
    expect(result.dimensions[0]?.members.map((m) => [m.facts, m.splitFacts])).toEqual([
      [2, 2],
      [2, 2],
      [1, 1],
    ]);
  });

  it('handles many distinct splits and repeats of them alike (cache by first member, then by text)', () => {
    // 60 facts of 0.10 yuan; fact k splits East k/100 and West (100 − k)/100, every split twice.
    // 10 fen × k/100 = k/10 fen: floors ⌊k/10⌋ and ⌊(100 − k)/10⌋, the odd fen (when k is not a
    // multiple of 10) to the larger remainder: East's k mod 10 vs West's (10 − k mod 10); on the
    // 5 / 5 tie the smaller share wins. Summed here by the same rule, independently.
    const facts: CreditFactsInput['facts'] = [];
    let east = 0;
    for (let i = 0; i < 60; i++) {
      const k = 1 + (i % 30) * 3; // 1, 4, …, 88, each twice
      facts.push({
        id: `f${String(i).padStart(2, '0')}`,
        amount: '0.10',
        date: '2026-01-01',
        members: {
          team: [
            { id: 'East', share: (k / 100).toFixed(2) },
            { id: 'West', share: ((100 - k) / 100).toFixed(2) },
          ],
        },
      });
      const r = k % 10;
      east += Math.floor(k / 10) + (r > 10 - r || (r === 5 && k < 100 - k) ? 1 : 0);
    }
    const result = creditFacts({
      currency: 'CNY',
      dimensions: [{ id: 'team', members: [{ id: 'East' }, { id: 'West' }] }],
      facts,
    });
    const team = result.dimensions[0]!;
    expect(team.members.map((m) => m.amount)).toEqual([(east / 100).toFixed(2), ((600 - east) / 100).toFixed(2)]);
    expect(team.credited).toBe('6.00');
  });

  it('reports what an assignment window excludes instead of dropping it', () => {
    // West's rep is assigned from 2026-03-04: f3 (03-04) counts, f0 (03-01) does not.
    const result = creditFacts({
      ...base,
      dimensions: [
        {
          id: 'region',
          members: [
            { id: 'East', end: '2026-03-02' },
            { id: 'West', start: '2026-03-04' },
          ],
        },
        dimensions[1]!,
      ],
      facts: [
        ...base.facts,
        { id: 'f0', amount: '30.50', date: '2026-03-01', members: { region: 'West', product: '5G' } },
      ],
    });
    // East: f1 (03-02, inside) 100; f2 (03-03, after its end) 50 excluded. West: f3 70; f0 30.50 excluded.
    expect(amounts(result, 'region')).toEqual({ East: '100.00', West: '70.00' });
    const region = result.dimensions.find((d) => d.id === 'region')!;
    expect(region.excluded).toBe('80.50');
    expect(region.members.map((m) => m.excluded)).toEqual(['50.00', '30.50']);
    expect(region.conserved).toBe(true); // 170 + 80.50 = 250.50
    expect(result.total).toBe('250.50');
    expect(result.credited).toBe('420.50'); // product 250.50 + region 170.00
    expect(result.factor).toBe('1.6786'); // 420.50 / 250.50 = 1.678642…
    expect(result.exclusions).toEqual([
      {
        fact: 'f0',
        dimension: 'region',
        member: 'West',
        date: '2026-03-01',
        amount: '30.50',
        reason: 'beforeStart',
        start: '2026-03-04',
        end: null,
      },
      {
        fact: 'f2',
        dimension: 'region',
        member: 'East',
        date: '2026-03-03',
        amount: '50.00',
        reason: 'afterEnd',
        start: null,
        end: '2026-03-02',
      },
    ]);
  });

  it('gives member achievement = credit / target, rounded to 4 decimals', () => {
    const result = creditFacts({
      ...base,
      dimensions: [
        {
          id: 'region',
          members: [
            { id: 'East', target: '200' },
            { id: 'West', target: '90' },
          ],
        },
        dimensions[1]!,
      ],
    });
    const region = result.dimensions.find((d) => d.id === 'region')!;
    // 150 / 200 = 0.75; 70 / 90 = 0.77777… → 0.7778.
    expect(region.members.map((m) => [m.target, m.achievement])).toEqual([
      ['200.00', '0.7500'],
      ['90.00', '0.7778'],
    ]);
    expect(region.members[1]?.trace.at(-1)).toMatchObject({ rule: 'interlock.achievement', result: '0.7778' });
  });

  it('handles negative facts (returns), JPY, and amounts beyond 2^53 minor units', () => {
    const result = creditFacts({
      currency: 'JPY',
      dimensions: [{ id: 'd', members: [{ id: 'a' }, { id: 'b' }] }],
      facts: [
        { id: '1', amount: '90071992547409930', date: '2026-01-01', members: { d: 'a' } },
        {
          id: '2',
          amount: '-5',
          date: '2026-01-01',
          members: {
            d: [
              { id: 'a', share: '0.5' },
              { id: 'b', share: '0.5' },
            ],
          },
        },
        { id: '3', amount: 90071992547409, date: '2026-01-01', members: { d: 'a' } },
      ],
    });
    // −5 split 0.5/0.5 by magnitude: 2.5 each, tie on remainder and weight → "a" gets the odd yen: a −3, b −2.
    expect(amounts(result, 'd')).toEqual({ a: String(90071992547409930n - 3n + 90071992547409n), b: '-2' });
    expect(result.total).toBe(String(90071992547409930n - 5n + 90071992547409n));
  });

  it('orders output by id and gives byte-identical JSON whatever the input order', () => {
    const shuffled: CreditFactsInput = {
      currency: 'CNY',
      dimensions: [...dimensions].reverse().map((d) => ({ ...d, members: [...d.members].reverse() })),
      facts: [...base.facts].reverse(),
    };
    expect(JSON.stringify(creditFacts(shuffled))).toBe(JSON.stringify(creditFacts(base)));
  });

  it('reports a zero factor as null when the facts sum to zero', () => {
    expect(creditFacts({ ...base, facts: [] }).factor).toBeNull();
  });
});

describe('creditFacts refuses bad input with a code and the path', () => {
  it('WEIGHTS_DO_NOT_SUM: split shares not summing to 1', () => {
    const facts = [
      {
        id: 'f1',
        amount: '10',
        date: '2026-03-02',
        members: {
          region: [
            { id: 'East', share: '0.6' },
            { id: 'West', share: '0.3' },
          ],
          product: '5G',
        },
      },
    ];
    expectError(call({ ...base, facts }), 'WEIGHTS_DO_NOT_SUM', ['facts', 0, 'members', 'region']);
  });
  it('MISSING_DIMENSION: a fact missing a dimension', () => {
    expectError(
      call({ ...base, facts: [{ id: 'f1', amount: '10', date: '2026-03-02', members: { region: 'East' } }] }),
      'MISSING_DIMENSION',
      ['facts', 0, 'members'],
    );
  });
  it('UNKNOWN_REFERENCE: an unknown member, in full or in a split, and an unknown dimension', () => {
    expectError(
      call({
        ...base,
        facts: [{ id: 'f1', amount: '10', date: '2026-03-02', members: { region: 'South', product: '5G' } }],
      }),
      'UNKNOWN_REFERENCE',
      ['facts', 0, 'members', 'region'],
    );
    const split = [
      { id: 'East', share: '0.5' },
      { id: 'Mars', share: '0.5' },
    ];
    expectError(
      call({
        ...base,
        facts: [{ id: 'f1', amount: '10', date: '2026-03-02', members: { region: split, product: '5G' } }],
      }),
      'UNKNOWN_REFERENCE',
      ['facts', 0, 'members', 'region', 1, 'id'],
    );
    expectError(
      call({
        ...base,
        facts: [
          { id: 'f1', amount: '10', date: '2026-03-02', members: { region: 'East', product: '5G', channel: 'Web' } },
        ],
      }),
      'UNKNOWN_REFERENCE',
      ['facts', 0, 'members', 'channel'],
    );
  });
  it('DUPLICATE_ID: a duplicate fact id (ascending or not), dimension, member, split member', () => {
    expectError(call({ ...base, facts: [...base.facts, { ...base.facts[0]! }] }), 'DUPLICATE_ID', ['facts', 3, 'id']);
    expectError(call({ ...base, facts: [base.facts[2]!, base.facts[1]!, { ...base.facts[2]! }] }), 'DUPLICATE_ID', [
      'facts',
      2,
      'id',
    ]);
    expectError(call({ ...base, dimensions: [...dimensions, dimensions[0]!] }), 'DUPLICATE_ID', [
      'dimensions',
      2,
      'id',
    ]);
    expectError(
      call({ ...base, dimensions: [{ id: 'region', members: [{ id: 'East' }, { id: 'East' }] }, dimensions[1]!] }),
      'DUPLICATE_ID',
      ['dimensions', 0, 'members', 1, 'id'],
    );
    const split = [
      { id: 'East', share: '0.5' },
      { id: 'East', share: '0.5' },
    ];
    expectError(
      call({
        ...base,
        facts: [{ id: 'f1', amount: '10', date: '2026-03-02', members: { region: split, product: '5G' } }],
      }),
      'DUPLICATE_ID',
      ['facts', 0, 'members', 'region', 1, 'id'],
    );
  });
  it('CURRENCY_MISMATCH: a fact in another currency', () => {
    expectError(call({ ...base, facts: [{ ...base.facts[0]!, currency: 'USD' }] }), 'CURRENCY_MISMATCH', [
      'facts',
      0,
      'currency',
    ]);
  });
  it('INVALID_AMOUNT, INVALID_DECIMAL, NEGATIVE_VALUE, UNKNOWN_CURRENCY, INVALID_INPUT', () => {
    expectError(call({ ...base, facts: [{ ...base.facts[0]!, amount: '1.005' }] }), 'INVALID_AMOUNT', [
      'facts',
      0,
      'amount',
    ]);
    expectError(call({ ...base, facts: [{ ...base.facts[0]!, amount: '1e5' }] }), 'INVALID_DECIMAL', [
      'facts',
      0,
      'amount',
    ]);
    expectError(call({ ...base, facts: [{ ...base.facts[0]!, amount: Number.NaN }] }), 'INVALID_DECIMAL', [
      'facts',
      0,
      'amount',
    ]);
    const split = [
      { id: 'East', share: '1.5' },
      { id: 'West', share: '-0.5' },
    ];
    expectError(
      call({
        ...base,
        facts: [{ id: 'f1', amount: '10', date: '2026-03-02', members: { region: split, product: '5G' } }],
      }),
      'NEGATIVE_VALUE',
      ['facts', 0, 'members', 'region', 1, 'share'],
    );
    expectError(call({ ...base, currency: 'XYZ' }), 'UNKNOWN_CURRENCY', ['currency']);
    expectError(call({ ...base, facts: [{ ...base.facts[0]!, currency: 'XYZ' }] }), 'UNKNOWN_CURRENCY', [
      'facts',
      0,
      'currency',
    ]);
    expectError(call({ ...base, facts: [{ ...base.facts[0]!, date: '2026-02-30' }] }), 'INVALID_INPUT', [
      'facts',
      0,
      'date',
    ]);
    expectError(call({ ...base, facts: [{ ...base.facts[0]!, amuont: '1' }] }), 'INVALID_INPUT', ['facts', 0]);
    expectError(
      call({ ...base, facts: [{ ...base.facts[0]!, members: { region: [], product: '5G' } }] }),
      'INVALID_INPUT',
      ['facts', 0, 'members', 'region'],
    );
    expectError(call({ ...base, facts: 'none' }), 'INVALID_INPUT', ['facts']);
    expectError(call(null), 'INVALID_INPUT', []);
    expectError(call({ ...base, dimensions: [] }), 'INVALID_INPUT', ['dimensions']);
  });
  it('OUT_OF_RANGE: a target of zero or less; DATES_OUT_OF_ORDER: a window ending before it starts', () => {
    expectError(
      call({
        ...base,
        dimensions: [{ id: 'region', members: [{ id: 'East', target: '0' }, { id: 'West' }] }, dimensions[1]!],
      }),
      'OUT_OF_RANGE',
      ['dimensions', 0, 'members', 0, 'target'],
    );
    expectError(
      call({
        ...base,
        dimensions: [
          { id: 'region', members: [{ id: 'East', start: '2026-03-05', end: '2026-03-04' }, { id: 'West' }] },
          dimensions[1]!,
        ],
      }),
      'DATES_OUT_OF_ORDER',
      ['dimensions', 0, 'members', 0, 'end'],
    );
  });
  it('reports every problem at once, header and facts alike', () => {
    const error = expectError(
      call({ ...base, currency: 'XYZ', facts: [{ ...base.facts[0]!, amount: 'x' }] }),
      'UNKNOWN_CURRENCY',
      ['currency'],
    );
    expect(error.code).toBe('INVALID_INPUT'); // mixed codes
    expect(error.issues.map((issue) => issue.code).sort()).toEqual(['INVALID_DECIMAL', 'UNKNOWN_CURRENCY']);
  });
});
