import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { golden, supportedGolden } from '../period/golden.js';
import { cli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-ledger-'));

/** The supported golden quarter with a self-rating by wang, written to a scenario file. */
function selfRatingFile(): string {
  const scenario = supportedGolden();
  scenario.data!.ratings!.push({ id: 'r7', rater: 'wang', ratee: 'wang', dimension: 'speed', score: 100 });
  const file = join(dir, 'self-rating.json');
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

describe('the input ledger in the text output (issue 17)', () => {
  it("explain lists the exclusions that concern the person: a self-rating on the ratee's statement", () => {
    const { code, out } = cli('explain', selfRatingFile(), 'wang');
    expect(code).toBe(0);
    const lines = out.split('\n');
    // wang rated zhao in r6 (pending) and himself in r7.
    const start = lines.indexOf('Data rows about wang that fed nothing (2)');
    expect(start).toBeGreaterThan(lines.findIndex((line) => line.startsWith('Total (the sum of the lines above)')));
    expect(lines.slice(start + 1, start + 5)).toEqual([
      '  awaitingReview: flagged and awaiting a review decision; the plan does not include pending ratings',
      '    $.data.ratings[5] (ratings r6)',
      '  selfRating: the rater rated themselves',
      '    $.data.ratings[6] (ratings r7)',
    ]);
  });

  it("explain lists a rater's excluded rating too, and prints no block when nothing concerns the person", () => {
    const { out } = cli('explain', selfRatingFile(), 'li');
    expect(out).toContain('Data rows about li that fed nothing (1)'); // li rated zhao in r4: too few raters
    expect(out).toContain('  belowMinRaters: too few raters for a score of "zhao" (speed: fewer than minRaters)');
    const file = join(dir, 'golden.json');
    writeFileSync(file, JSON.stringify(golden()));
    expect(cli('explain', file, 'li').out).not.toContain('fed nothing');
  });

  it('the summary prints one ledger line per data list: rows, used, excluded by code', () => {
    const { code, out } = cli('run', selfRatingFile());
    expect(code).toBe(0);
    const lines = out.split('\n');
    const start = lines.indexOf('Input ledger: every data row used or excluded (4 excluded)');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 1, start + 7)).toEqual([
      '  departmentCoefficients   2 rows: 2 used, 0 excluded',
      '  commissions              2 rows: 2 used, 0 excluded',
      '  deductions               1 rows: 1 used, 0 excluded',
      '  tickets                  3 rows: 3 used, 0 excluded',
      '  ratings                  7 rows: 3 used, 4 excluded (awaitingReview 1, belowMinRaters 2, selfRating 1)',
      '  supportScores            1 rows: 1 used, 0 excluded',
    ]);
    expect(out).toContain('ok  ledger.ratings: rows of data.ratings = used + excluded (7 = 7)');
  });
});
