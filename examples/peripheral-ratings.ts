/**
 * Peripheral ratings [周边绩效, seed 003]: six sales people rate the IT service desk on three
 * dimensions. One speed rating of 20 is far from the rest and goes to HR for review; IT's rating
 * of itself is rejected; legal, rated by two people only, gets no score. Run:
 * `npx tsx examples/peripheral-ratings.ts`.
 */
import { reviewRatings, scoreRatings, type RatingInput, type ScoreRatingsInput } from '../src/index.js';

const raters = ['sales-a', 'sales-b', 'sales-c', 'sales-d', 'sales-e', 'sales-f'];
const given: Record<string, number[]> = {
  speed: [85, 88, 90, 82, 86, 20],
  solution: [80, 84, 78, 82, 90, 86],
  cooperation: [90, 95, 88, 92, 94, 91],
};
const ratings: RatingInput[] = [];
for (const [dimension, scores] of Object.entries(given))
  raters.forEach((rater, i) =>
    ratings.push({ id: `it-${dimension}-${rater}`, rater, ratee: 'it-desk', dimension, score: scores[i] as number }),
  );
ratings.push({ id: 'it-speed-self', rater: 'it-desk', ratee: 'it-desk', dimension: 'speed', score: 100 });
for (const rater of ['sales-a', 'sales-b'])
  for (const dimension of Object.keys(given))
    ratings.push({ id: `legal-${dimension}-${rater}`, rater, ratee: 'legal', dimension, score: 75 });

const plan: ScoreRatingsInput['plan'] = {
  dimensions: [
    { id: 'speed', weight: '0.4' },
    { id: 'solution', weight: '0.4' },
    { id: 'cooperation', weight: '0.2' },
  ],
};

// 1. The review queue: what HR must look at.
const review = reviewRatings({ ratings, plan });
console.log('Review queue:');
for (const flag of review.flags)
  for (const reason of flag.reasons)
    console.log(
      `  ${flag.rating}: score ${flag.score}, ${reason.code} ${reason.statistic} (median ${reason.median}, spread ${reason.spread}, group of ${flag.groupSize}) → ${flag.status}`,
    );
console.log(
  `Rejected: ${review.outcomes
    .filter((o) => o.status === 'rejected')
    .map((o) => `${o.id} (${o.reason})`)
    .join(', ')}`,
);

// 2. Scores while the flag is pending (excluded by default).
const show = (title: string, result: ReturnType<typeof scoreRatings>) => {
  console.log(title);
  for (const row of result.scores) {
    const means = row.dimensions.map((d) => `${d.id} ${d.mean ?? '—'} (${d.raters})`).join(', ');
    console.log(`  ${row.ratee}: ${row.status} ${row.score ?? ''} — ${means}`);
  }
};
show('Scores, 20 pending:', scoreRatings({ ratings, plan }));

// 3. HR decides: the ticket really waited three days — keep the 20.
const decided = scoreRatings({
  ratings,
  plan,
  decisions: [{ rating: 'it-speed-sales-f', action: 'keep', reviewer: 'hr-lin', note: 'ticket #4411 waited 3 days' }],
});
show('Scores, 20 kept after review:', decided);
const { counts } = decided;
console.log(
  `Outcomes: ${counts.ratings} ratings = ${counts.counted} counted + ${counts.pending} pending + ${counts.dropped} dropped + ${counts.adjusted} adjusted + ${counts.rejected} rejected`,
);
