/**
 * Peripheral ratings at the size issue 4 names: 1,000,000 ratings over 10,000 ratees (4
 * dimensions, 25 raters each, one period), reviewed and scored in one `scoreRatings` call.
 * Target: ≤ 2 s median on the 2-core machines.
 */
import { reviewRatings, scoreRatings, type RatingInput, type ScoreRatingsInput } from '../src/index.js';
import os from 'node:os';
import { benchSuite, prng } from './harness.js';

const DIMENSIONS = ['completeness', 'cooperation', 'responseSpeed', 'solution'];

/** `ratees × 4 dimensions × raters` integer ratings on 0–100, a few of them extreme. */
export function makeRatings(ratees: number, ratersPerRatee: number, seed = 42): RatingInput[] {
  const random = prng(seed);
  const ratings: RatingInput[] = [];
  let id = 0;
  for (let r = 0; r < ratees; r++) {
    const ratee = `unit-${String(r).padStart(5, '0')}`;
    const level = 60 + Math.floor(random() * 30);
    for (const dimension of DIMENSIONS) {
      for (let k = 0; k < ratersPerRatee; k++) {
        const rater = `front-${String((r * 7 + k * 13) % 20_000).padStart(5, '0')}`;
        const extreme = random() < 0.01;
        const score = extreme ? Math.floor(random() * 15) : Math.min(100, level + Math.floor(random() * 16) - 8);
        ratings.push({ id: `r${String(id++).padStart(7, '0')}`, rater, ratee, dimension, score });
      }
    }
  }
  return ratings;
}

const plan: ScoreRatingsInput['plan'] = {
  dimensions: [
    { id: 'completeness', weight: '0.2' },
    { id: 'cooperation', weight: '0.2' },
    { id: 'responseSpeed', weight: '0.3' },
    { id: 'solution', weight: '0.3' },
  ],
};

/** Shuffles a copy (Fisher–Yates with the bench PRNG). */
function shuffled<T>(rows: readonly T[], seed: number): T[] {
  const random = prng(seed);
  const copy = rows.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export default async function ratingsBench(): Promise<void> {
  const small = makeRatings(100, 25);
  const large = makeRatings(10_000, 25);
  // shuffled, then re-read from JSON as a caller's data would be: objects laid out in array order
  const largeShuffled = JSON.parse(JSON.stringify(shuffled(large, 7))) as RatingInput[];
  await benchSuite(
    'ratings: reviewRatings + scoreRatings (4 dimensions, 25 raters per ratee and dimension)',
    [
      {
        name: '10,000 ratings / 100 ratees, scoreRatings',
        run: () => scoreRatings({ ratings: small, plan }),
        iterations: 20,
      },
      { name: '1,000,000 ratings / 10,000 ratees, reviewRatings', run: () => reviewRatings({ ratings: large, plan }) },
      {
        name: '1,000,000 ratings / 10,000 ratees, scoreRatings (review + score)',
        run: () => scoreRatings({ ratings: large, plan }),
      },
      {
        name: '1,000,000 ratings in shuffled order (from JSON), scoreRatings',
        run: () => scoreRatings({ ratings: largeShuffled, plan }),
      },
      {
        name: '1,000,000 ratings, scoreRatings with leniency correction',
        run: () => scoreRatings({ ratings: large, plan: { ...plan, leniency: {} } }),
        iterations: 3,
      },
    ],
    5,
  );
  // The machines are shared: wall-clock medians swing with the load. CPU time of this process
  // (user + system, GC threads included) is the load-independent figure.
  const cpu: number[] = [];
  for (let round = 0; round < 5; round++) {
    const start = process.cpuUsage();
    scoreRatings({ ratings: large, plan });
    const used = process.cpuUsage(start);
    cpu.push((used.user + used.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  console.log(
    `\nCPU time, 1,000,000 ratings scoreRatings: median ${(cpu[2] as number).toFixed(0)} ms (min ${(cpu[0] as number).toFixed(0)}, max ${(cpu[4] as number).toFixed(0)}); load average ${loadAverage()}`,
  );
}

function loadAverage(): string {
  return os.loadavg()[0]?.toFixed(1) ?? '?';
}
