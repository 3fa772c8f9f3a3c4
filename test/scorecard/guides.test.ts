import { describe, expect, it } from 'vitest';
import { composeScore } from '../../src/index.js';

// docs/scorecard.md's worked example, exactly as the guide writes it.
describe('docs/scorecard.md worked example', () => {
  const components = [
    { id: 'functional', weight: '0.4' },
    { id: 'support', weight: '0.3' },
    { id: 'company', weight: '0.3' },
  ];
  it('0.4·90 + 0.3·85 + 0.3·80 = 36 + 25.5 + 24 = 85.5 → coefficient 0.01·85.5 = 0.855', () => {
    const { subjects } = composeScore({
      components,
      subjects: [{ id: 'it-li', scores: { functional: 90, support: 85, company: 80 } }],
      coefficient: { kind: 'linear', slope: '0.01' },
    });
    expect(subjects[0]?.score).toBe('85.5');
    expect(subjects[0]?.coefficient).toBe('0.855');
  });
  it('support missing: reweight (36 + 24) ÷ 0.7 = 85.71; neutral 60: 36 + 18 + 24 = 78', () => {
    const scores = { functional: 90, company: 80 };
    expect(composeScore({ components, missing: 'reweight', subjects: [{ id: 'a', scores }] }).subjects[0]?.score).toBe(
      '85.71',
    );
    expect(
      composeScore({ components, missing: 'neutral', neutralScore: 60, subjects: [{ id: 'a', scores }] }).subjects[0]
        ?.score,
    ).toBe('78');
  });
});
