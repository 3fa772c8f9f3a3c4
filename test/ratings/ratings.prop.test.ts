import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewRatings, scoreRatings, type ReviewDecisionInput, type ScoreRatingsInput } from '../../src/index.js';
import { runs } from '../helpers.js';
import { decide, group, scenarioArbitrary, shuffle } from './fixtures.js';

// ── an independent oracle: the SPEC §3.3 formulas on exact BigInt fractions ─────────────────
interface Q {
  readonly n: bigint;
  readonly d: bigint;
}
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
function q(n: bigint, d = 1n): Q {
  if (d < 0n) return q(-n, -d);
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
const fromText = (text: string): Q => {
  const [whole, fraction = ''] = text.split('.');
  return q(BigInt(`${whole}${fraction}`), 10n ** BigInt(fraction.length));
};
const add = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
const abs = (a: Q): Q => (a.n < 0n ? q(-a.n, a.d) : a);
const cmp = (a: Q, b: Q): number => {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
};
function median(values: readonly Q[]): Q {
  const sorted = [...values].sort(cmp);
  const n = sorted.length;
  return div(add(sorted[(n - 1) >> 1] as Q, sorted[n >> 1] as Q), q(2n));
}
const Z = fromText('0.6745');
const K = fromText('1.253314');

/** Which scores deviate, by the issue's rules (no extremes): z for n ≥ 5, leave-one-out for 3–4. */
function oracleFlags(scores: readonly string[], threshold: string, delta: string): boolean[] {
  const xs = scores.map(fromText);
  const n = xs.length;
  const T = fromText(threshold);
  if (n >= 5) {
    const med = median(xs);
    const deviations = xs.map((x) => abs(sub(x, med)));
    const mad = median(deviations);
    if (mad.n !== 0n) return xs.map((x) => cmp(abs(div(mul(Z, sub(x, med)), mad)), T) > 0);
    const meanAD = div(deviations.reduce(add, q(0n)), q(BigInt(n)));
    if (meanAD.n === 0n) return xs.map(() => false);
    return xs.map((x) => cmp(abs(div(sub(x, med), mul(K, meanAD))), T) > 0);
  }
  if (n >= 3) return xs.map((x, i) => cmp(abs(sub(x, median(xs.filter((_, j) => j !== i)))), fromText(delta)) >= 0);
  return xs.map(() => false);
}

const scoreText = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map(String),
  fc.integer({ min: 0, max: 1000 }).map((k) => (k / 10).toFixed(1)),
  fc.integer({ min: 60, max: 70 }).map(String),
);
const groupScores = fc.array(scoreText, { minLength: 1, maxLength: 12 });

describe('flag decisions agree with an exact-fraction oracle', () => {
  it('for any group, threshold and Δ, the flagged ratings are those the formulas flag', () => {
    fc.assert(
      fc.property(
        groupScores,
        fc.constantFrom('3.5', '2', '1.5', '0.6745', '3.4999', '1'),
        fc.constantFrom('40', '2', '1.5', '10'),
        (scores, threshold, delta) => {
          const { flags } = reviewRatings({
            ratings: group(scores),
            plan: { modifiedZ: { threshold }, leaveOneOut: { delta } },
          });
          const flagged = new Set(flags.map((f) => f.rating));
          const expected = oracleFlags(scores, threshold, delta);
          expect(scores.map((_, i) => flagged.has(`it-speed-${i}`))).toEqual(expected);
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});

describe('flag decisions stay exact at 13 digits (the bigint side of the comparisons)', () => {
  // scores up to 10^10 with 3 decimals: |x − median| × 6745 × 10 exceeds 2^52, so products go to bigint
  const bigScore = fc.bigInt({ min: 0n, max: 10n ** 13n }).map((k) => {
    const text = k.toString().padStart(4, '0');
    return `${BigInt(text.slice(0, -3)).toString()}.${text.slice(-3)}`;
  });
  const nearby = fc
    .tuple(
      fc.bigInt({ min: 10n ** 12n, max: 10n ** 13n - 10n ** 6n }),
      fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 3, maxLength: 11 }),
    )
    .map(([base, offsets]) =>
      offsets.map((offset) => {
        const text = (base + offset).toString();
        return `${text.slice(0, -3)}.${text.slice(-3)}`;
      }),
    );
  it('agrees with the oracle for large and for tightly clustered scores', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(bigScore, { minLength: 1, maxLength: 12 }), nearby),
        fc.constantFrom('3.5', '0.6745', '1.000001'),
        (scores, threshold) => {
          const delta = '1000';
          const { flags } = reviewRatings({
            ratings: group(scores),
            plan: { scale: { min: 0, max: '10000000000' }, modifiedZ: { threshold }, leaveOneOut: { delta } },
          });
          const flagged = new Set(flags.map((f) => f.rating));
          expect(scores.map((_, i) => flagged.has(`it-speed-${i}`))).toEqual(oracleFlags(scores, threshold, delta));
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});

describe('review properties (issue 4)', () => {
  it('every input rating appears in exactly one outcome, and the counts add up', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ ratings, dimensions }) => {
        const result = scoreRatings({ ratings, plan: { dimensions } });
        expect(result.outcomes.map((o) => o.id).sort()).toEqual(ratings.map((r) => r.id).sort());
        const { counted, pending, dropped, adjusted, rejected } = result.counts;
        expect(counted + pending + dropped + adjusted + rejected).toBe(ratings.length);
        expect(result.counts.included).toBe(result.outcomes.filter((o) => o.included).length);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('a keep decision equals not flagging: keeping every flag scores like a plan that flags nothing', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ ratings, dimensions }) => {
        const plan = { dimensions, minRaters: 1 };
        const review = reviewRatings({ ratings, plan });
        const decisions = review.flags.map((f) => decide(f.rating, 'keep'));
        const kept = scoreRatings({ ratings, plan, decisions });
        const unflagged = scoreRatings({
          ratings,
          plan: { ...plan, modifiedZ: { threshold: '1000000' }, leaveOneOut: { delta: '1000' } },
        });
        expect(unflagged.flags).toEqual([]);
        expect(kept.scores).toEqual(unflagged.scores);
        expect(kept.outcomes.map((o) => [o.id, o.status, o.included])).toEqual(
          unflagged.outcomes.map((o) => [o.id, o.status, o.included]),
        );
      }),
      { numRuns: runs(1000) },
    );
  });

  it('adding a rating equal to the group median never flags that rating and leaves the median as it was', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 12 }), (scores) => {
        const sorted = [...scores].sort((a, b) => a - b);
        const med = ((sorted[(scores.length - 1) >> 1] as number) + (sorted[scores.length >> 1] as number)) / 2;
        const added = { id: 'added', rater: 'newcomer', ratee: 'it', dimension: 'speed', score: String(med) };
        const after = reviewRatings({ ratings: [...group(scores), added] });
        expect(after.flags.map((f) => f.rating)).not.toContain('added');
        for (const flag of after.flags)
          for (const reason of flag.reasons)
            if (reason.code === 'modifiedZ' || reason.code === 'meanDeviation') expect(Number(reason.median)).toBe(med);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('with leniency on, every score stays on the scale (0–100)', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer({ min: 1, max: 3 }), ({ ratings, dimensions }, minRatees) => {
        const result = scoreRatings({ ratings, plan: { dimensions, minRaters: 1, leniency: { minRatees } } });
        for (const score of result.scores) {
          for (const dimension of score.dimensions)
            if (dimension.mean !== null)
              expect(Number(dimension.mean) >= 0 && Number(dimension.mean) <= 100).toBe(true);
          if (score.score !== null) expect(Number(score.score) >= 0 && Number(score.score) <= 100).toBe(true);
        }
      }),
      { numRuns: runs(1000) },
    );
  });

  it('permuting every input list changes nothing: byte-identical JSON', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.boolean(),
        ({ ratings, dimensions }, randoms, dropSome) => {
          const plan = { dimensions, minRaters: 2, leniency: { minRatees: 2 } };
          const review = reviewRatings({ ratings, plan });
          const decisions: ReviewDecisionInput[] = review.flags.map((f, i) =>
            i % 3 === 0
              ? decide(f.rating, dropSome ? 'drop' : 'keep')
              : i % 3 === 1
                ? { rating: f.rating, action: 'adjust', score: 50, reviewer: 'hr', note: 'x' }
                : decide(f.rating, 'keep'),
          );
          const input: ScoreRatingsInput = { ratings, plan, decisions };
          const shuffled: ScoreRatingsInput = {
            ratings: shuffle(ratings, randoms),
            plan: { ...plan, dimensions: shuffle(dimensions, randoms.slice().reverse()) },
            decisions: shuffle(decisions, randoms),
          };
          expect(JSON.stringify(scoreRatings(shuffled))).toBe(JSON.stringify(scoreRatings(input)));
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('permuting parties and tasks changes nothing either (RACI)', () => {
    const parties = [
      { id: 'p0', side: 'front' as const },
      { id: 'p1', side: 'front' as const },
      { id: 'p2', side: 'back' as const },
      { id: 'u0', side: 'back' as const },
      { id: 'u1', side: 'middle' as const },
    ];
    const tasks = [
      {
        id: 't1',
        assignments: [
          { party: 'p0', role: 'A' as const },
          { party: 'u0', role: 'R' as const },
          { party: 'u1', role: 'C' as const },
        ],
      },
      {
        id: 't2',
        assignments: [
          { party: 'p1', role: 'A' as const },
          { party: 'p2', role: 'R' as const },
          { party: 'u0', role: 'R' as const },
        ],
      },
    ];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            rater: fc.constantFrom('p0', 'p1', 'p2', 'u0'),
            ratee: fc.constantFrom('u0', 'u1', 'p1'),
            task: fc.constantFrom('t1', 't2'),
            score: fc.integer({ min: 0, max: 100 }),
          }),
          { maxLength: 30 },
        ),
        fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (rows, randoms) => {
          const seen = new Set<string>();
          const ratings = rows
            .filter((row) => {
              const key = `${row.rater}|${row.ratee}`;
              if (seen.has(key)) return false;
              seen.add(key);
              return true;
            })
            .map((row, i) => ({ id: `r${i}`, dimension: 'speed', ...row }));
          const a = reviewRatings({ ratings, parties, tasks });
          const b = reviewRatings({
            ratings: shuffle(ratings, randoms),
            parties: shuffle(parties, randoms),
            tasks: shuffle(tasks, randoms),
          });
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
          for (const outcome of a.outcomes) if (outcome.status !== 'rejected') expect(outcome.id).toMatch(/^r/);
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});

describe('monotonicity (SPEC §5)', () => {
  it('raising one rating never lowers its ratee’s dimension mean or score when pending ratings count', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        fc.nat(),
        fc.integer({ min: 1, max: 100 }),
        ({ ratings, dimensions }, pick, raise) => {
          const plan = { dimensions, minRaters: 1, includePending: true };
          const k = pick % ratings.length;
          const target = ratings[k]!;
          const raised = ratings.map((r, i) => (i === k ? { ...r, score: Math.min(100, Number(r.score) + raise) } : r));
          const before = scoreRatings({ ratings, plan }).scores.find((s) => s.ratee === target.ratee)!;
          const after = scoreRatings({ ratings: raised, plan }).scores.find((s) => s.ratee === target.ratee)!;
          const mean = (row: typeof before) => row.dimensions.find((d) => d.id === target.dimension)!.mean;
          if (mean(before) !== null) expect(Number(mean(after))).toBeGreaterThanOrEqual(Number(mean(before)));
          if (before.score !== null) expect(Number(after.score)).toBeGreaterThanOrEqual(Number(before.score));
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});

describe('duplicate rating ids', () => {
  it('are reported exactly when an id repeats, whatever the order (hashed path included)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'aa', 'ab'), { minLength: 1, maxLength: 12 }),
        (ids) => {
          const ratings = ids.map((id, i) => ({ id, rater: `p${i}`, ratee: 'it', dimension: 'speed', score: 50 }));
          const repeats = ids.map((id, i) => (ids.indexOf(id) < i ? i : -1)).filter((i) => i >= 0);
          let reported: number[] = [];
          try {
            reviewRatings({ ratings });
          } catch (error) {
            reported = (error as { issues: { code: string; path: (string | number)[] }[] }).issues
              .filter((issue) => issue.code === 'DUPLICATE_ID')
              .map((issue) => issue.path[1] as number);
          }
          expect(reported).toEqual(repeats);
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});

describe('what adding a median rating may do to the others', () => {
  it('it can create a flag elsewhere, because the MAD shrinks: [66, 55, 71, 64, 66, 60] + 65', () => {
    // before: median 65, |x − 65| = 1 10 6 1 1 5 → sorted 1 1 1 5 6 10 → MAD = (1 + 5)/2 = 3;
    //         M(55) = 0.6745 × (−10)/3 = −2.25 → no flag
    // after:  |x − 65| gains a 0 → 0 1 1 1 5 6 10 → MAD = 1; M(55) = −6.745, M(71) = 4.047 → both flagged
    const scores = [66, 55, 71, 64, 66, 60];
    expect(reviewRatings({ ratings: group(scores) }).flags).toEqual([]);
    const after = reviewRatings({
      ratings: [...group(scores), { id: 'added', rater: 'x', ratee: 'it', dimension: 'speed', score: 65 }],
    });
    expect(after.flags.map((f) => [f.score, f.reasons[0]!.statistic])).toEqual([
      ['55', '-6.745'],
      ['71', '4.047'],
    ]);
  });
});
