/**
 * Reusable fast-check arbitraries for period scenarios: valid by construction (unique ids,
 * known references, dated rows inside the period), so properties can run the whole period.
 */
import fc from 'fast-check';
import type { RunPeriodInput } from '../../src/index.js';

const DIGITS: Record<string, number> = { CNY: 2, JPY: 0, KWD: 3 };

/** Minor units as a major-unit string with `digits` decimals. */
export function major(minor: bigint, digits: number): string {
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${whole}` : whole;
}

/** Reads a money string back into minor units (the test's own parser). */
export function minorOf(amount: string, digits: number): bigint {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const value = BigInt(whole + fraction.padEnd(digits, '0'));
  return negative ? -value : value;
}

const dayIn = (start: number, days: number) =>
  fc.integer({ min: 0, max: days - 1 }).map((offset) => new Date(Date.UTC(2026, 3, 1 + start + offset)).toISOString().slice(0, 10));

/** A valid scenario over Q2 2026 (91 days), with an optional 5G-style version change on 1 May. */
export const scenarioArbitrary: fc.Arbitrary<RunPeriodInput> = fc
  .record({
    currency: fc.constantFrom('CNY', 'JPY', 'KWD'),
    change: fc.constantFrom('none', 'report', 'prorate'),
    halfEven: fc.boolean(),
    grades: fc.array(fc.record({ base: fc.bigInt({ min: 0n, max: 10n ** 9n }), target: fc.option(fc.bigInt({ min: 0n, max: 10n ** 8n }), { nil: undefined }) }), {
      minLength: 1,
      maxLength: 3,
    }),
    raise: fc.bigInt({ min: 0n, max: 10n ** 6n }),
    departments: fc.array(fc.record({ side: fc.constantFrom('front', 'middle', 'back'), coefficient: fc.option(fc.integer({ min: 0, max: 30000 }), { nil: undefined }) }), {
      minLength: 1,
      maxLength: 4,
    }),
    people: fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 6 }),
        department: fc.nat(),
        grade: fc.nat(),
        start: fc.option(dayIn(-30, 121), { nil: undefined }),
        length: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
        base: fc.option(fc.bigInt({ min: 0n, max: 10n ** 9n }), { nil: undefined }),
      }),
      { selector: (person) => person.id, maxLength: 12 },
    ),
    commissions: fc.array(fc.record({ person: fc.nat(), amount: fc.bigInt({ min: -(10n ** 8n), max: 10n ** 10n }), date: dayIn(0, 91) }), { maxLength: 20 }),
    deductions: fc.array(fc.record({ person: fc.nat(), amount: fc.bigInt({ min: 0n, max: 10n ** 6n }), date: dayIn(0, 91) }), { maxLength: 8 }),
  })
  .map((r): RunPeriodInput => {
    const digits = DIGITS[r.currency]!;
    const grades = r.grades.map((g, i) => ({ id: `G${i}`, basePay: major(g.base, digits), ...(g.target === undefined ? {} : { targetBonus: major(g.target, digits) }) }));
    const versions = [{ id: 'v1', effective: '2026-01-01', grades }];
    if (r.change !== 'none')
      versions.push({ id: 'v2', effective: '2026-05-01', grades: grades.map((g, i) => ({ ...g, basePay: major(r.grades[i]!.base + r.raise, digits) })) });
    const people = r.people.map((p) => {
      const end = p.start !== undefined && p.length !== undefined ? new Date(Date.parse(p.start) + p.length * 86_400_000).toISOString().slice(0, 10) : undefined;
      return {
        id: p.id,
        department: `d${p.department % r.departments.length}`,
        grade: `G${p.grade % grades.length}`,
        ...(p.start === undefined ? {} : { start: p.start }),
        ...(end === undefined ? {} : { end }),
        ...(p.base === undefined ? {} : { basePay: major(p.base, digits) }),
      };
    });
    const personAt = (n: number) => people[n % people.length]!.id;
    return {
      plan: {
        id: 'arb',
        currency: r.currency,
        rounding: { mode: r.halfEven ? 'halfEven' : 'halfUp' },
        ...(r.change === 'prorate' ? { onVersionChange: 'prorate' as const } : {}),
        versions,
      },
      period: { unit: 'quarter', start: '2026-04-01' },
      org: {
        departments: r.departments.map((d, i) => ({ id: `d${i}`, side: d.side })),
        people,
      },
      data: {
        departmentCoefficients: r.departments.flatMap((d, i) => (d.coefficient === undefined ? [] : [{ department: `d${i}`, coefficient: (d.coefficient / 10000).toString() }])),
        commissions: people.length === 0 ? [] : r.commissions.map((c, i) => ({ id: `c${i}`, person: personAt(c.person), amount: major(c.amount, digits), date: c.date })),
        deductions: people.length === 0 ? [] : r.deductions.map((d, i) => ({ id: `x${i}`, person: personAt(d.person), amount: major(d.amount, digits), reason: 'attendance', date: d.date })),
      },
    };
  });

/** A copy of `scenario` with every array (at any depth) shuffled by a seeded generator. */
export function permuteArrays<T>(value: T, seed: number): T {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      const copy = node.map(walk);
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    }
    if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return walk(value) as T;
}

export { DIGITS };
