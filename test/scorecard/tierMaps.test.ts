import { describe, expect, it } from 'vitest';
import { companyCoefficients, composeScore, linkCoefficients, tallyPoints } from '../../src/index.js';
import { expectError } from '../helpers.js';

// Company-coefficient tiers: achievement ≥ 1.2 → 1.2, ≥ 1.0 → 1.0, ≥ 0.8 → 0.8, else 0.
const achievementTiers = {
  kind: 'tiers' as const,
  table: {
    direction: 'higherIsBetter' as const,
    bands: [
      { bound: '1.2', score: '1.2' },
      { bound: '1.0', score: '1.0' },
      { bound: '0.8', score: '0.8' },
      { score: 0 },
    ],
  },
};
// Grade table [等级]: ≥ 90 → A 1.2, ≥ 80 → B 1.0, ≥ 60 → C 0.8, else D 0.
const grades = {
  kind: 'tiers' as const,
  table: {
    direction: 'higherIsBetter' as const,
    bands: [
      { bound: 90, score: '1.2', label: 'A' },
      { bound: 80, score: '1.0', label: 'B' },
      { bound: 60, score: '0.8', label: 'C' },
      { score: 0, label: 'D' },
    ],
  },
};

describe('company coefficients through a tier table', () => {
  it('inclusive lower bounds: 0.8 → 0.8, 0.7999 → 0, 1.1 → 1.0, 1.25 → 1.2', () => {
    const { kpis } = companyCoefficients({
      kpis: [
        { id: 'a', actual: 800, target: 1000 },
        { id: 'b', actual: 7999, target: 10000 },
        { id: 'c', actual: 110, target: 100 },
        { id: 'd', actual: 125, target: 100 },
      ],
      map: achievementTiers,
    });
    expect(kpis.map((k) => [k.id, k.achievement, k.coefficient])).toEqual([
      ['a', '0.8', '0.8'],
      ['b', '0.7999', '0'],
      ['c', '1.1', '1'],
      ['d', '1.25', '1.2'],
    ]);
    expect(kpis[0]?.trace.map((s) => s.rule)).toContain('tiers.band');
  });
  it('feeds linkCoefficients: profit 1.1 → tier 1.0; sales B = 0.75·0.9 + 0.25·1.0 = 0.925', () => {
    const result = linkCoefficients({
      levels: { strong: '0.25' },
      companyKpis: [{ id: 'profit', actual: 110, target: 100 }],
      achievementMap: achievementTiers,
      departments: [{ id: 'sales', coefficient: '0.9', relevance: { profit: 'strong' } }],
    });
    expect(result.departments[0]).toMatchObject({ blended: '0.925', uniform: '0.9' });
  });
});

describe('composeScore: score → coefficient by a grade table', () => {
  const card = [
    { id: 'functional', weight: '0.4' },
    { id: 'support', weight: '0.3' },
    { id: 'company', weight: '0.3' },
  ];
  it('85.5 is a B → 1.0; exactly 90 is an A → 1.2; 59.99 is a D → 0', () => {
    const { subjects } = composeScore({
      components: card,
      subjects: [
        { id: 'a', scores: { functional: 90, support: 85, company: 80 } }, // 85.5
        { id: 'b', scores: { functional: 90, support: 90, company: 90 } }, // 90
        { id: 'c', scores: { functional: '59.99', support: '59.99', company: '59.99' } }, // 59.99
      ],
      coefficient: grades,
    });
    expect(subjects.map((s) => [s.id, s.score, s.coefficient])).toEqual([
      ['a', '85.5', '1'],
      ['b', '90', '1.2'],
      ['c', '59.99', '0'],
    ]);
    expect(subjects[0]?.trace.find((s) => s.rule === 'tiers.band')?.result).toBe('band 1 (B)');
  });
  it('interpolates between anchors: 85.5 on the line (80, 1.0)–(90, 1.2) → 1.0 + 0.2·5.5/10 = 1.11', () => {
    const { subjects } = composeScore({
      components: card,
      subjects: [{ id: 'a', scores: { functional: 90, support: 85, company: 80 } }],
      coefficient: { kind: 'tiers', table: { ...grades.table, interpolate: true } },
    });
    expect(subjects[0]?.coefficient).toBe('1.11');
  });
});

describe('tallyPoints: net points → score by a tier table', () => {
  it('net ≥ 20 → 100, ≥ 0 → 80, else 60', () => {
    const entry = (id: string, subject: string, points: number) => ({
      id,
      subject,
      points,
      reason: 'r',
      evidence: 'e',
      proposer: 'p',
      approver: 'q',
      date: '2026-01-05',
    });
    const { subjects } = tallyPoints({
      entries: [entry('1', 'a', 25), entry('2', 'b', 5), entry('3', 'c', -5)],
      scoring: {
        kind: 'tiers',
        table: {
          direction: 'higherIsBetter',
          bands: [{ bound: 20, score: 100 }, { bound: 0, score: 80 }, { score: 60 }],
        },
      },
    });
    expect(subjects.map((s) => [s.id, s.score])).toEqual([
      ['a', '100'],
      ['b', '80'],
      ['c', '60'],
    ]);
  });
});

describe('tier maps refuse bad tables with the tier codes, under the map path', () => {
  it('TIER_BOUNDS_NOT_ORDERED: ascending bounds in a higherIsBetter grade table', () => {
    const table = {
      direction: 'higherIsBetter',
      bands: [{ bound: 60, score: 1 }, { bound: 80, score: 1 }, { score: 0 }],
    };
    const error = expectError(
      () =>
        composeScore({
          components: [{ id: 'x', weight: 1 }],
          subjects: [],
          coefficient: { kind: 'tiers', table } as never,
        }),
      'TIER_BOUNDS_NOT_ORDERED',
    );
    expect(error.issues[0]?.path.slice(0, 2)).toEqual(['coefficient', 'table']);
  });
  it('TIER_UNIT_MISMATCH: a duration table as a coefficient map', () => {
    expectError(
      () =>
        companyCoefficients({
          kpis: [],
          map: {
            kind: 'tiers',
            table: { direction: 'lowerIsBetter', unit: 'duration', bands: [{ bound: 60, score: 1 }, { score: 0 }] },
          },
        }),
      'TIER_UNIT_MISMATCH',
      ['map', 'table', 'unit'],
    );
  });
  it('TIER_SCORES_NOT_MONOTONE: a better band scoring less', () => {
    expectError(
      () =>
        tallyPoints({
          entries: [],
          scoring: {
            kind: 'tiers',
            table: { direction: 'higherIsBetter', bands: [{ bound: 20, score: 80 }, { score: 100 }] },
          },
        }),
      'TIER_SCORES_NOT_MONOTONE',
    );
  });
});
