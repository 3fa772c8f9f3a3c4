import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summary } from '../../src/cli/format.js';
import { runPeriod, type ReviewItem } from '../../src/index.js';
import { golden } from '../period/golden.js';
import { cli } from './run.js';

const goldenFile = join(mkdtempSync(join(tmpdir(), 'synergy-pay-cli-review-')), 'golden.json');
writeFileSync(goldenFile, JSON.stringify(golden(), null, 2));

describe('the review queue in the summary', () => {
  const rating = (id: string, ratee: string, reason: string): ReviewItem => ({
    kind: 'rating',
    code: 'flaggedRating',
    id,
    subjects: [ratee],
    reason,
  });
  const high = 'extremeHigh (score ≥ 100: 100)';
  const lowAndOdd = (by: string) => `extremeLow (score ≤ 20: 10); leaveOneOut (|x − median(others)| ≥ 40: ${by})`;

  it('is broken down by kind and reason, largest first, with the first five items of each', () => {
    const queue: ReviewItem[] = [
      ...['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'].map((id, i) => rating(id, `E${i + 1}`, high)),
      rating('R10', 'E10', lowAndOdd('-77')),
      rating('R11', 'E11', lowAndOdd('-83')),
      {
        kind: 'severeMiss',
        code: 'severeMiss',
        id: '5g-revenue',
        subjects: ['front-ops-5g', 'back-tech-network'],
        reason: 'achievement 0.5000 below the severe-miss threshold [严重未达标]: joint review [复盘]',
      },
    ];
    const text = summary({ ...runPeriod(golden()), reviewQueue: queue });
    expect(text.slice(text.indexOf('Review queue:'))).toBe(
      [
        'Review queue: 10 items',
        '  7 × flagged rating awaiting a decision [异常评分复核]: extremeHigh',
        `      R1  E1  ${high}`,
        `      R2  E2  ${high}`,
        `      R3  E3  ${high}`,
        `      R4  E4  ${high}`,
        `      R5  E5  ${high}`,
        '      … and 2 more',
        '  2 × flagged rating awaiting a decision [异常评分复核]: extremeLow; leaveOneOut',
        `      R10  E10  ${lowAndOdd('-77')}`,
        `      R11  E11  ${lowAndOdd('-83')}`,
        '  1 × interlocked indicator for joint review [复盘]: achievement … below the severe-miss threshold [严重未达标]: joint review [复盘]',
        '      5g-revenue  front-ops-5g, back-tech-network  achievement 0.5000 below the severe-miss threshold [严重未达标]: joint review [复盘]',
        '',
      ].join('\n'),
    );
  });

  it('says so when empty, and accounts for every item of the demo queue', () => {
    expect(cli('run', goldenFile).out).toMatch(/Review queue: 0 items\n$/);
    const { out } = cli('demo', '--people', '300');
    const [, total] = /^Review queue: (\d+) items$/m.exec(out) ?? [];
    const groups = [...out.matchAll(/^ {2}(\d+) × (.+)$/gm)].map((m) => Number(m[1]));
    expect(Number(total)).toBeGreaterThan(0);
    expect(groups.reduce((sum, count) => sum + count, 0)).toBe(Number(total));
    expect(groups).toEqual([...groups].sort((a, b) => b - a));
  });
});

describe('plausibility items in the summary', () => {
  it('are grouped by code, in words, with the full reason of each item', () => {
    const scenario = golden();
    scenario.org.people[0] = { ...scenario.org.people[0]!, start: '2026-08-01' };
    scenario.data!.commissions!.push({ id: 'c9', person: 'zhao', amount: '10.00', date: '2026-04-20' });
    scenario.plan.plausibility = { coefficient: { min: '0.95', max: '1.5' } };
    const text = summary(runPeriod(scenario));
    expect(text.slice(text.indexOf('Review queue:'))).toBe(
      [
        'Review queue: 2 items',
        "  1 × implausible figure: coefficient outside the plan's plausible range (coefficientOutOfRange)",
        "      sales  sales  coefficient 0.9000 outside the plan's plausible range 0.95…1.5",
        '  1 × implausible figure: rows attached to a person employed no day of the period (noDaysEmployed)',
        '      zhao  zhao  employed 0 of 91 days (2026-04-01…2026-06-30), yet 1 commission row (c9) attached',
        '',
      ].join('\n'),
    );
  });
});
