/**
 * Person-level support measures (issue 19 §2): tickets name an `assignee` and may be `reopened`;
 * under `pool.scoreFrom: "supportCard"` each back-office person's pool score is the weighted mean
 * of their own measures — their assigned tickets' mean response and resolution scores, the
 * reopen score (1 − reopened / tickets) × 100 [二次投诉] and their own rating — and the award line
 * shows the measures.
 */
import { describe, expect, it } from 'vitest';
import { runPeriod, type RunPeriodInput, type StatementLine } from '../../src/index.js';
import { expectError } from '../helpers.js';
import { supportedGolden } from './golden.js';

/** The golden quarter with t1, t2 assigned to wang (t2 reopened) and t3 to zhao; seed 001's weights. */
function scenario(): RunPeriodInput {
  const base = supportedGolden({
    scoreFrom: 'supportCard',
    supportCard: { response: '20', resolution: '15', reopen: '10', rating: '10' },
  });
  const assignee: Record<string, string> = { t1: 'wang', t2: 'wang', t3: 'zhao' };
  return {
    ...base,
    data: {
      ...base.data,
      tickets: base.data!.tickets!.map((t) => ({
        ...t,
        assignee: assignee[t.id]!,
        ...(t.id === 't2' ? { reopened: true } : {}),
      })),
    },
  };
}

const award = (person: string, input = scenario()): StatementLine =>
  runPeriod(input)
    .statements.find((s) => s.person === person)!
    .lines.find((l) => l.kind === 'poolAward')!;

describe('the support card: a person’s own measures', () => {
  it('wang: response 90 (30 min → 100, 90 min → 80) × 20, reopen 50 (1 of 2) × 10, rating 85 × 10; no resolution scored → 78.75', () => {
    const line = award('wang');
    expect(line.score).toMatchObject({
      value: '78.75',
      source: 'supportCard',
      subject: 'wang',
      fallbackReason: null,
      components: [
        { id: 'response', weight: '20', score: '90.00' },
        { id: 'resolution', weight: '15', score: null },
        { id: 'reopen', weight: '10', score: '50.00' },
        { id: 'rating', weight: '10', score: '85.00' },
      ],
    });
    expect(line.trace[0]!.inputs.supportCard).toBe(
      'response 90.00 × 20, resolution — × 15, reopen 50.00 × 10, rating 85.00 × 10',
    );
  });

  it('zhao: response 60 (3 h) × 20, reopen 100 × 10, no rating score (too few raters) → 73.33', () => {
    expect(award('zhao').score).toMatchObject({ value: '73.33', source: 'supportCard' });
  });

  it('a person with none of the measures falls back to data.supportScores and says why', () => {
    const input = scenario();
    input.data!.tickets = input.data!.tickets!.map((t) => ({ ...t, assignee: 'wang' }));
    const line = award('zhao', input);
    expect(line.score).toMatchObject({ source: 'supportScores', subject: 'tech' });
    expect(line.score!.fallbackReason).toMatch(/"zhao" has none of the support card's measures/);
  });

  it('other sources carry no components', () => {
    const line = award('wang', supportedGolden({ scoreFrom: 'ratings' }));
    expect(line.score).not.toHaveProperty('components');
  });

  it('an assignee who is not a person → UNKNOWN_REFERENCE at the ticket', () => {
    const input = scenario();
    input.data!.tickets![0]!.assignee = 'nobody';
    expectError(() => runPeriod(input), 'UNKNOWN_REFERENCE', ['data', 'tickets', 0, 'assignee']);
  });

  it('a negative weight → NEGATIVE_VALUE', () => {
    const input = scenario();
    input.plan.versions[0]!.pool!.supportCard = { response: '-1' };
    expectError(() => runPeriod(input), 'NEGATIVE_VALUE', ['plan', 'versions', 0, 'pool', 'supportCard', 'response']);
  });
});
