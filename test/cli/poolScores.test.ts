import { describe, expect, it } from 'vitest';
import { demoScenario, runPeriod } from '../../src/index.js';
import { summary } from '../../src/cli/format.js';

describe('the summary says where the pool awards’ scores came from (issue 17)', () => {
  it('counts the awards per score source, the fallbacks to supportScores and those with pending ratings', () => {
    const result = runPeriod(demoScenario({ people: 300 }));
    const scores = result.statements.flatMap((s) => s.lines.flatMap((line) => (line.score ? [line.score] : [])));
    const line = summary(result)
      .split('\n')
      .find((text) => text.includes('pool award scores'));
    const fallbacks = scores.filter((score) => score.fallbackReason !== null).length;
    expect(fallbacks).toBeGreaterThan(0); // the demo has ratees with too few raters
    expect(line).toContain(`(${scores.length} awards)`);
    expect(line).toContain(`${fallbacks} fell back to data.supportScores`);
    expect(line).toContain(`${scores.filter((score) => score.pending.length > 0).length} with ratings pending review`);
    const rating = scores.filter((score) => score.source === 'rating').length;
    expect(line).toContain(`rating ${rating}`);
  });

  it('prints no such line when the run has no pool', () => {
    const result = runPeriod(demoScenario({ people: 300 }));
    const withoutAwards = {
      ...result,
      statements: result.statements.map((s) => ({ ...s, lines: s.lines.filter((l) => !l.score) })),
    };
    expect(summary(withoutAwards)).not.toContain('pool award scores');
  });
});
