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
  fc
    .integer({ min: 0, max: days - 1 })
    .map((offset) => new Date(Date.UTC(2026, 3, 1 + start + offset)).toISOString().slice(0, 10));

/** A valid scenario over Q2 2026 (91 days), with an optional 5G-style version change on 1 May. */
export const scenarioArbitrary: fc.Arbitrary<RunPeriodInput> = fc
  .record({
    currency: fc.constantFrom('CNY', 'JPY', 'KWD'),
    change: fc.constantFrom('none', 'report', 'prorate'),
    halfEven: fc.boolean(),
    pool: fc.option(
      fc.record({
        rate: fc.constantFrom('0.10', '0.12', '0.15', '0', '1'),
        policy: fc.constantFrom('net' as const, 'reverse' as const),
        floor: fc.constantFrom(0, 40),
        nonContributors: fc.constantFrom('payInFull' as const, 'carve' as const),
        /** The most one person takes from a segment's pool, in whole units (valid in every currency). */
        cap: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
        /** Two levels: the recipients' departments first (every department has a support score). */
        units: fc.boolean(),
      }),
      { nil: undefined },
    ),
    interlock: fc.option(
      fc.record({
        facts: fc.array(
          fc.record({
            amount: fc.bigInt({ min: -(10n ** 6n), max: 10n ** 9n }),
            region: fc.nat(2),
            date: dayIn(0, 91),
          }),
          { maxLength: 10 },
        ),
        target: fc.bigInt({ min: 1n, max: 10n ** 9n }),
        reward: fc.bigInt({ min: 0n, max: 10n ** 8n }),
        deduction: fc.bigInt({ min: 0n, max: 10n ** 7n }),
        parties: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
      }),
      { nil: undefined },
    ),
    scores: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
    grades: fc.array(
      fc.record({
        base: fc.bigInt({ min: 0n, max: 10n ** 9n }),
        target: fc.option(fc.bigInt({ min: 0n, max: 10n ** 8n }), { nil: undefined }),
      }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
    raise: fc.bigInt({ min: 0n, max: 10n ** 6n }),
    departments: fc.array(
      fc.record({
        side: fc.constantFrom('front', 'middle', 'back'),
        coefficient: fc.option(fc.integer({ min: 0, max: 30000 }), { nil: undefined }),
      }),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
    people: fc.uniqueArray(
      fc.record({
        // Any text, but not a department's id (`d0`, `d1`, …): a person may not share one.
        id: fc.string({ minLength: 1, maxLength: 6 }).filter((id) => !/^d\d+$/.test(id)),
        department: fc.nat(),
        grade: fc.nat(),
        start: fc.option(dayIn(-30, 121), { nil: undefined }),
        length: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
        base: fc.option(fc.bigInt({ min: 0n, max: 10n ** 9n }), { nil: undefined }),
      }),
      { selector: (person) => person.id, maxLength: 12 },
    ),
    commissions: fc.array(
      fc.record({ person: fc.nat(), amount: fc.bigInt({ min: -(10n ** 8n), max: 10n ** 10n }), date: dayIn(0, 91) }),
      { maxLength: 20 },
    ),
    deductions: fc.array(
      fc.record({ person: fc.nat(), amount: fc.bigInt({ min: 0n, max: 10n ** 6n }), date: dayIn(0, 91) }),
      { maxLength: 8 },
    ),
  })
  .map((r): RunPeriodInput => {
    const digits = DIGITS[r.currency]!;
    const grades = r.grades.map((g, i) => ({
      id: `G${i}`,
      basePay: major(g.base, digits),
      ...(g.target === undefined ? {} : { targetBonus: major(g.target, digits) }),
    }));
    const pool =
      r.pool === undefined
        ? {}
        : {
            pool: {
              rate: r.pool.rate,
              clawbackPolicy: r.pool.policy,
              floor: r.pool.floor,
              nonContributorCommissions: r.pool.nonContributors,
              ...(r.pool.cap === undefined ? {} : { cap: String(r.pool.cap) }),
              ...(r.pool.units ? { units: 'department' as const } : {}),
            },
          };
    const versions: RunPeriodInput['plan']['versions'] = [{ id: 'v1', effective: '2026-01-01', grades, ...pool }];
    if (r.change !== 'none')
      versions.push({
        id: 'v2',
        effective: '2026-05-01',
        grades: grades.map((g, i) => ({ ...g, basePay: major(r.grades[i]!.base + r.raise, digits) })),
        ...(r.pool === undefined
          ? {}
          : {
              pool: { rate: '0.15', clawbackPolicy: r.pool.policy, nonContributorCommissions: r.pool.nonContributors },
            }),
      });
    const people = r.people.map((p) => {
      const end =
        p.start !== undefined && p.length !== undefined
          ? new Date(Date.parse(p.start) + p.length * 86_400_000).toISOString().slice(0, 10)
          : undefined;
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
    const partyIds =
      r.interlock === undefined || people.length === 0 ? [] : [...new Set(r.interlock.parties.map(personAt))];
    if (r.interlock !== undefined && partyIds.length > 0) {
      const interlock = r.interlock;
      // Weights 1/n with the remainder on the first party, so they sum to exactly 1.
      const each = (1 / partyIds.length).toFixed(4);
      const first = (1 - Number(each) * (partyIds.length - 1)).toFixed(4);
      const section = {
        interlock: {
          dimensions: [{ id: 'region', members: [{ id: 'r0' }, { id: 'r1' }, { id: 'r2' }] }],
          indicators: [
            {
              id: 'joint',
              target: major(interlock.target, digits),
              actual: { dimension: 'region', member: 'r0' },
              parties: partyIds.map((id, k) => ({ id, weight: k === 0 ? first : each })),
              scoreTable: { direction: 'higherIsBetter' as const, bands: [{ bound: '1', score: 100 }, { score: 0 }] },
              reward: { threshold: '1', amount: major(interlock.reward, digits) },
              severeMiss: { threshold: '0.5', deduction: major(interlock.deduction, digits) },
            },
          ],
        },
      };
      for (const version of versions) Object.assign(version, section);
    }
    const revenueFacts =
      r.interlock === undefined || partyIds.length === 0
        ? []
        : r.interlock.facts.map((f, i) => ({
            id: `f${i}`,
            amount: major(f.amount, digits),
            date: f.date,
            members: { region: `r${f.region}` },
          }));
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
        departmentCoefficients: r.departments.flatMap((d, i) =>
          d.coefficient === undefined ? [] : [{ department: `d${i}`, coefficient: (d.coefficient / 10000).toString() }],
        ),
        commissions:
          people.length === 0
            ? []
            : r.commissions.map((c, i) => ({
                id: `c${i}`,
                person: personAt(c.person),
                amount: major(c.amount, digits),
                date: c.date,
                ...(c.amount < 0n ? { rate: '0.1' } : {}),
              })),
        revenueFacts,
        supportScores:
          r.pool === undefined ? [] : r.departments.map((_, i) => ({ subject: `d${i}`, score: r.scores[i]! })),
        deductions:
          people.length === 0
            ? []
            : r.deductions.map((d, i) => ({
                id: `x${i}`,
                person: personAt(d.person),
                amount: major(d.amount, digits),
                reason: 'attendance',
                date: d.date,
              })),
      },
    };
  });

/**
 * Arrays whose order is part of their meaning, by contract: a tier table's `bands` are listed best
 * first. Every other array of a scenario is a set of rows and is shuffled.
 */
const ORDERED = new Set(['bands']);

/** A copy of `scenario` with every row array (at any depth) shuffled by a seeded generator. */
export function permuteArrays<T>(value: T, seed: number): T {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const walk = (node: unknown, key = ''): unknown => {
    if (Array.isArray(node)) {
      const copy = node.map((item) => walk(item));
      if (ORDERED.has(key)) return copy;
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    }
    if (node !== null && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, k)]));
    return node;
  };
  return walk(value) as T;
}

export { DIGITS };
