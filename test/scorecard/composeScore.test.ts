import { describe, expect, it } from 'vitest';
import { composeScore } from '../../src/index.js';
import { expectError } from '../helpers.js';

const backOffice = [
  { id: 'functional', weight: '0.4' },
  { id: 'support', weight: '0.3' },
  { id: 'company', weight: '0.3' },
];

describe('composeScore: seed 001 worked examples', () => {
  it('back office: 0.4·90 + 0.3·85 + 0.3·80 = 36 + 25.5 + 24 = 85.5', () => {
    const { subjects } = composeScore({
      components: backOffice,
      subjects: [{ id: 'it-li', scores: { functional: 90, support: 85, company: 80 } }],
    });
    expect(subjects[0]?.score).toBe('85.5');
    expect(subjects[0]?.coefficient).toBeNull();
    expect(subjects[0]?.components.map((c) => [c.id, c.contribution])).toEqual([
      ['company', '24'],
      ['functional', '36'],
      ['support', '25.5'],
    ]);
    expect(subjects[0]?.trace[0]).toMatchObject({ rule: 'scorecard.compose', result: '85.5' });
  });

  it('front line: 0.5·92 + 0.2·85.5 + 0.3·70 = 46 + 17.1 + 21 = 84.1, coefficient 0.841 by slope 0.01', () => {
    const { subjects } = composeScore({
      components: [
        { id: 'business', weight: '0.5' },
        { id: 'backOfficeSupport', weight: '0.2' },
        { id: 'extra', weight: '0.3' },
      ],
      subjects: [{ id: 'cs-zhao', scores: { business: 92, backOfficeSupport: '85.5', extra: 70 } }],
      coefficient: { kind: 'linear', slope: '0.01' },
    });
    expect(subjects[0]).toMatchObject({ score: '84.1', coefficient: '0.841' });
  });
});

describe('composeScore: nesting, missing policies, rounding', () => {
  it('nests a sub-card and rounds it first: support = 0.5·83 + 0.5·88.45 = 85.725 → 85.73; total 36 + 25.719 + 24 = 85.719 → 85.72', () => {
    const { subjects } = composeScore({
      components: [
        { id: 'functional', weight: '0.4' },
        {
          id: 'support',
          weight: '0.3',
          components: [
            { id: 'speed', weight: '0.5' },
            { id: 'quality', weight: '0.5' },
          ],
        },
        { id: 'company', weight: '0.3' },
      ],
      subjects: [{ id: 'a', scores: { functional: 90, speed: 83, quality: '88.45', company: 80 } }],
    });
    const support = subjects[0]?.components.find((c) => c.id === 'support');
    expect(support).toMatchObject({ score: '85.73', source: 'composed', contribution: '25.719' });
    expect(subjects[0]?.score).toBe('85.72');
  });

  it('re-weights a missing component: (0.4·90 + 0.3·80) ÷ 0.7 = 60 ÷ 0.7 = 85.714… → 85.71', () => {
    const { subjects } = composeScore({
      components: backOffice,
      missing: 'reweight',
      subjects: [{ id: 'a', scores: { functional: 90, support: null, company: 80 } }],
    });
    expect(subjects[0]?.score).toBe('85.71');
    expect(subjects[0]?.components.find((c) => c.id === 'support')).toMatchObject({
      score: null,
      source: 'missing',
      contribution: null,
    });
    expect(subjects[0]?.trace[0]).toMatchObject({ rule: 'scorecard.reweight', inputs: { weightUsed: '0.7' } });
  });

  it('uses a neutral score for a missing component: 36 + 0.3·60 + 24 = 78', () => {
    const { subjects } = composeScore({
      components: backOffice,
      missing: 'neutral',
      neutralScore: 60,
      subjects: [{ id: 'a', scores: { functional: 90, company: 80 } }],
    });
    expect(subjects[0]?.score).toBe('78');
    expect(subjects[0]?.components.find((c) => c.id === 'support')?.source).toBe('neutral');
  });

  it('a component may carry its own policy: only support may be missing', () => {
    const card = [
      { id: 'functional', weight: '0.4' },
      { id: 'support', weight: '0.3', missing: 'neutral' as const, neutralScore: 70 },
      { id: 'company', weight: '0.3' },
    ];
    expect(
      composeScore({ components: card, subjects: [{ id: 'a', scores: { functional: 90, company: 80 } }] }).subjects[0]
        ?.score,
    ).toBe('81'); // 36 + 21 + 24
    expectError(
      () => composeScore({ components: card, subjects: [{ id: 'a', scores: { support: 90, company: 80 } }] }),
      'MISSING_COMPONENT',
      ['subjects', 0, 'scores', 'functional'],
    );
  });

  it('a sub-card with every part re-weighted away is itself missing, and its own policy applies', () => {
    const { subjects } = composeScore({
      components: [
        { id: 'functional', weight: '0.5' },
        { id: 'peripheral', weight: '0.5', missing: 'reweight', components: [{ id: 'p1', weight: '1' }] },
      ],
      subjects: [{ id: 'a', scores: { functional: 77 } }],
    });
    expect(subjects[0]?.score).toBe('77');
  });

  it('orders subjects by id and maps score to coefficient with a clamp', () => {
    const { subjects } = composeScore({
      components: [{ id: 'x', weight: 1 }],
      subjects: [
        { id: 'b', scores: { x: 130 } },
        { id: 'a', scores: { x: 40 } },
      ],
      coefficient: { kind: 'linear', slope: '0.01', floor: '0.5', cap: '1.2' },
    });
    expect(subjects.map((s) => [s.id, s.score, s.coefficient])).toEqual([
      ['a', '40', '0.5'],
      ['b', '130', '1.2'],
    ]);
  });
});

// Bad inputs are deliberately off-type: the library must refuse them at run time too.
const compose = (input: unknown) => () => composeScore(input as Parameters<typeof composeScore>[0]);
const ok = { components: backOffice, subjects: [{ id: 'a', scores: { functional: 90, support: 85, company: 80 } }] };

describe('composeScore refuses bad input', () => {
  it('WEIGHTS_DO_NOT_SUM: 0.4 + 0.3 + 0.29 = 0.99 says 0.01 short and lists every weight', () => {
    const error = expectError(
      compose({ ...ok, components: [backOffice[0], backOffice[1], { id: 'company', weight: '0.29' }] }),
      'WEIGHTS_DO_NOT_SUM',
      ['components'],
    );
    expect(error.issues[0]?.message).toBe(
      'weights sum to 0.99, 0.01 short of 1 (functional 0.4, support 0.3, company 0.29)',
    );
  });
  it('WEIGHTS_DO_NOT_SUM: a nested level over 1 is reported at its own path', () => {
    const error = expectError(
      compose({
        ...ok,
        components: [
          backOffice[0],
          {
            id: 'support',
            weight: '0.3',
            components: [
              { id: 's1', weight: '0.6' },
              { id: 's2', weight: '0.5' },
            ],
          },
          backOffice[2],
        ],
      }),
      'WEIGHTS_DO_NOT_SUM',
      ['components', 1, 'components'],
    );
    expect(error.issues[0]?.message).toContain('1.1, 0.1 over 1');
  });
  it('MISSING_COMPONENT: a missing score under the default error policy', () => {
    expectError(
      compose({ ...ok, subjects: [{ id: 'a', scores: { functional: 90, company: 80 } }] }),
      'MISSING_COMPONENT',
      ['subjects', 0, 'scores', 'support'],
    );
    expectError(compose({ ...ok, missing: 'reweight', subjects: [{ id: 'a', scores: {} }] }), 'MISSING_COMPONENT', [
      'subjects',
      0,
      'scores',
    ]);
  });
  it('UNKNOWN_REFERENCE: a score for no component, or for a sub-card', () => {
    expectError(
      compose({ ...ok, subjects: [{ id: 'a', scores: { ...ok.subjects[0]?.scores, peripheral: 1 } }] }),
      'UNKNOWN_REFERENCE',
      ['subjects', 0, 'scores', 'peripheral'],
    );
    expectError(
      compose({
        components: [{ id: 'g', weight: 1, components: [{ id: 'x', weight: 1 }] }],
        subjects: [{ id: 'a', scores: { g: 1, x: 1 } }],
      }),
      'UNKNOWN_REFERENCE',
      ['subjects', 0, 'scores', 'g'],
    );
  });
  it('DUPLICATE_ID: a component id used twice (across levels), a subject twice', () => {
    expectError(
      compose({
        ...ok,
        components: [
          { id: 'a', weight: '0.5', components: [{ id: 'b', weight: 1 }] },
          { id: 'b', weight: '0.5' },
        ],
      }),
      'DUPLICATE_ID',
      ['components', 1, 'id'],
    );
    expectError(compose({ ...ok, subjects: [ok.subjects[0], ok.subjects[0]] }), 'DUPLICATE_ID', ['subjects', 1, 'id']);
  });
  it('INVALID_INPUT: the neutral policy without a neutral score; an unknown policy; an empty card', () => {
    expectError(compose({ ...ok, missing: 'neutral' }), 'INVALID_INPUT', ['components', 0, 'neutralScore']);
    expectError(compose({ ...ok, missing: 'ignore' }), 'INVALID_INPUT', ['missing']);
    expectError(compose({ ...ok, components: [] }), 'INVALID_INPUT', ['components']);
  });
  it('INVALID_DECIMAL and NEGATIVE_VALUE: a score "9O", a weight −0.4', () => {
    expectError(
      compose({ ...ok, subjects: [{ id: 'a', scores: { functional: '9O', support: 85, company: 80 } }] }),
      'INVALID_DECIMAL',
      ['subjects', 0, 'scores', 'functional'],
    );
    expectError(
      compose({ ...ok, components: [{ id: 'functional', weight: '-0.4' }, backOffice[1], backOffice[2]] }),
      'NEGATIVE_VALUE',
      ['components', 0, 'weight'],
    );
  });
  it('INVALID_INPUT: an own __proto__ key among the scores; a component called "constructor" is data', () => {
    expectError(
      compose({
        ...ok,
        subjects: [{ id: 'a', scores: JSON.parse('{"functional":90,"support":85,"company":80,"__proto__":1}') }],
      }),
      'INVALID_INPUT',
      ['subjects', 0, 'scores', '__proto__'],
    );
    expectError(
      compose({ components: [{ id: 'constructor', weight: 1 }], subjects: [{ id: 'a', scores: {} }] }),
      'MISSING_COMPONENT',
      ['subjects', 0, 'scores', 'constructor'],
    );
  });
  it('OUT_OF_RANGE: a coefficient map whose floor is above its cap', () => {
    expectError(compose({ ...ok, coefficient: { kind: 'linear', floor: 2, cap: 1 } }), 'OUT_OF_RANGE', [
      'coefficient',
      'floor',
    ]);
  });
});
