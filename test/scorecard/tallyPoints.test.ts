import { describe, expect, it } from 'vitest';
import { tallyPoints } from '../../src/index.js';
import { expectError } from '../helpers.js';

// Seed 000's legal "risk contribution points" [风险贡献积分]: +10, +5, −20.
const catalogue = [
  { id: 'majorRiskAvoided', points: 10, label: 'major contract risk avoided' },
  { id: 'betterTerms', points: 5, label: 'better terms won in negotiation' },
  { id: 'negligentLoss', points: -20, label: 'loss caused by negligence' },
];
const entry = (id: string, fields: Record<string, unknown>) => ({
  id,
  subject: 'legal',
  reason: 'r',
  evidence: 'doc',
  proposer: 'cfo',
  approver: 'ceo',
  date: '2026-03-01',
  ...fields,
});

describe('tallyPoints: seed 000 ledger', () => {
  const result = tallyPoints({
    catalogue,
    entries: [
      entry('e1', { type: 'majorRiskAvoided' }),
      entry('e2', { type: 'betterTerms' }),
      entry('e3', { type: 'betterTerms' }),
      entry('e4', { type: 'negligentLoss' }),
      entry('e5', { type: 'majorRiskAvoided', evidence: '  ' }), // blank evidence
      entry('e6', { type: 'majorRiskAvoided', approver: null }), // not approved
      entry('e7', { type: 'betterTerms', approver: 'cfo' }), // proposer approves own entry
      entry('e8', { type: 'betterTerms', evidence: undefined, approver: 'cfo' }), // two reasons
      entry('h1', { subject: 'hr', points: '2.5' }),
    ],
    subjects: ['it'],
    scoring: { kind: 'linear', intercept: 80, floor: 60, cap: 100 },
  });
  it('legal: bonus 10 + 5 + 5 = 20, penalty −20, net 0 → score 80 + 0 = 80', () => {
    expect(result.subjects.find((s) => s.id === 'legal')).toMatchObject({
      bonus: '20',
      penalty: '-20',
      net: '0',
      accepted: 4,
      rejected: 4,
      score: '80',
    });
  });
  it('rejects with every reason: no evidence, not approved, self-approved', () => {
    const reasons = Object.fromEntries(result.entries.map((e) => [e.id, e.reasons]));
    expect(reasons).toMatchObject({
      e1: [],
      e5: ['noEvidence'],
      e6: ['notApproved'],
      e7: ['selfApproved'],
      e8: ['noEvidence', 'selfApproved'],
    });
    expect(result.rejected).toBe(4);
    expect(result.entries.find((e) => e.id === 'e4')).toMatchObject({
      points: '-20',
      type: 'negligentLoss',
      accepted: true,
    });
  });
  it('untyped points and subjects without entries: hr 80 + 2.5 = 82.5; it 80', () => {
    expect(result.subjects.map((s) => [s.id, s.net, s.score])).toEqual([
      ['hr', '2.5', '82.5'],
      ['it', '0', '80'],
      ['legal', '0', '80'],
    ]);
  });
  it('clamps the score to the plan bounds: 80 − 40 = 40 → 60; 80 + 30 = 110 → 100', () => {
    const clamp = tallyPoints({
      catalogue,
      entries: [
        entry('a', { type: 'negligentLoss' }),
        entry('b', { type: 'negligentLoss' }),
        entry('c', { subject: 'it', type: 'majorRiskAvoided' }),
        entry('d', { subject: 'it', points: 20 }),
      ],
      scoring: { kind: 'linear', intercept: 80, floor: 60, cap: 100 },
    });
    expect(clamp.subjects.map((s) => [s.id, s.net, s.score])).toEqual([
      ['it', '30', '100'],
      ['legal', '-40', '60'],
    ]);
  });
});

const tally = (input: unknown) => () => tallyPoints(input as Parameters<typeof tallyPoints>[0]);
describe('tallyPoints refuses bad input', () => {
  it('UNKNOWN_REFERENCE: an entry typed with no catalogue type', () => {
    expectError(tally({ catalogue, entries: [entry('e1', { type: 'heroics' })] }), 'UNKNOWN_REFERENCE', [
      'entries',
      0,
      'type',
    ]);
  });
  it('DUPLICATE_ID: two entries e1, two catalogue types', () => {
    expectError(tally({ entries: [entry('e1', { points: 1 }), entry('e1', { points: 1 })] }), 'DUPLICATE_ID', [
      'entries',
      1,
      'id',
    ]);
    expectError(tally({ catalogue: [catalogue[0], catalogue[0]], entries: [] }), 'DUPLICATE_ID', [
      'catalogue',
      1,
      'id',
    ]);
  });
  it('INVALID_INPUT: neither points nor type; points differing from the type; a bad date', () => {
    expectError(tally({ entries: [entry('e1', {})] }), 'INVALID_INPUT', ['entries', 0, 'points']);
    expectError(tally({ catalogue, entries: [entry('e1', { type: 'betterTerms', points: 6 })] }), 'INVALID_INPUT', [
      'entries',
      0,
      'points',
    ]);
    expectError(tally({ entries: [entry('e1', { points: 1, date: '2026-02-30' })] }), 'INVALID_INPUT', [
      'entries',
      0,
      'date',
    ]);
  });
  it('INVALID_DECIMAL: points "ten"', () => {
    expectError(tally({ entries: [entry('e1', { points: 'ten' })] }), 'INVALID_DECIMAL', ['entries', 0, 'points']);
  });
  it('NEGATIVE_VALUE: a scoring slope below zero (more points would score less)', () => {
    expectError(tally({ entries: [], scoring: { kind: 'linear', slope: '-1' } }), 'NEGATIVE_VALUE', [
      'scoring',
      'slope',
    ]);
  });
  it('OUT_OF_RANGE: scoring floor above cap', () => {
    expectError(tally({ entries: [], scoring: { kind: 'linear', floor: 100, cap: 60 } }), 'OUT_OF_RANGE', [
      'scoring',
      'floor',
    ]);
  });
});
