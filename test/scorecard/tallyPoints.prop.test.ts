import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveTargets, tallyPoints } from '../../src/index.js';
import { runs } from '../helpers.js';

const entryArb = fc.record({
  subject: fc.constantFrom('hr', 'it', 'legal'),
  points: fc.integer({ min: -20, max: 10 }),
  evidence: fc.option(fc.constantFrom('memo', ' '), { nil: null }),
  proposer: fc.constantFrom('lead', 'head'),
  approver: fc.option(fc.constantFrom('lead', 'head', 'ceo'), { nil: null }),
});
const ledgerArb = fc
  .array(entryArb, { maxLength: 25 })
  .map((rows) =>
    rows.map((row, i) => ({ id: `e${String(i).padStart(3, '0')}`, reason: 'r', date: '2026-03-01', ...row })),
  );
const scoring = { kind: 'linear' as const, intercept: 80, floor: 0, cap: 100 };

describe('tallyPoints properties', () => {
  it('net = Σ points of the entries that have evidence and an approver other than the proposer (oracle)', () => {
    fc.assert(
      fc.property(ledgerArb, (entries) => {
        const result = tallyPoints({ entries, scoring });
        for (const subject of result.subjects) {
          const net = entries
            .filter(
              (e) =>
                e.subject === subject.id &&
                e.evidence !== null &&
                e.evidence.trim() !== '' &&
                e.approver !== null &&
                e.approver !== e.proposer,
            )
            .reduce((sum, e) => sum + e.points, 0);
          expect(Number(subject.net)).toBe(net);
          expect(Number(subject.score)).toBe(Math.min(100, Math.max(0, 80 + net)));
        }
      }),
      { numRuns: runs(1000) },
    );
  });
  it('is byte-identical whatever the order of the ledger', () => {
    fc.assert(
      fc.property(
        ledgerArb.chain((entries) =>
          fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length })),
        ),
        ([entries, shuffled]) => {
          expect(JSON.stringify(tallyPoints({ entries: shuffled, scoring }))).toBe(
            JSON.stringify(tallyPoints({ entries, scoring })),
          );
        },
      ),
      { numRuns: runs(1000) },
    );
  });
  it('an accepted bonus never lowers a score', () => {
    fc.assert(
      fc.property(
        ledgerArb,
        fc.constantFrom('hr', 'it', 'legal'),
        fc.integer({ min: 0, max: 10 }),
        (entries, subject, points) => {
          const before = tallyPoints({ entries, subjects: [subject], scoring }).subjects.find((s) => s.id === subject);
          const extra = {
            id: 'z',
            subject,
            points,
            reason: 'r',
            evidence: 'memo',
            proposer: 'lead',
            approver: 'head',
            date: '2026-03-02',
          };
          const after = tallyPoints({ entries: [...entries, extra], subjects: [subject], scoring }).subjects.find(
            (s) => s.id === subject,
          );
          expect(Number(after?.score)).toBeGreaterThanOrEqual(Number(before?.score));
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});

describe('deriveTargets properties', () => {
  const monthArb = fc.array(fc.integer({ min: 5, max: 25 }), { maxLength: 8 }).map((values) =>
    values.map((v, i) => ({
      period: `2026-${String(i + 1).padStart(2, '0')}`,
      values: { bugRate: (v / 1000).toFixed(3) },
    })),
  );
  const plan = (step: string) => ({
    metrics: [{ id: 'bugRate', direction: 'lowerIsBetter' as const, scaleWithComplexity: false }],
    baselines: [{ id: 'senior', values: { bugRate: '0.015' } }],
    rules: [{ id: 'steady', metric: 'bugRate', streak: 3, when: 'better' as const, adjust: 'relax' as const, step }],
  });
  it('a relax rule fires exactly when the last 3 months are below baseline, and never tightens', () => {
    fc.assert(
      fc.property(monthArb, (history) => {
        const person = deriveTargets({ ...plan('0.005'), people: [{ id: 'p', level: 'senior', history }] }).people[0];
        const lastThree = history.slice(-3);
        const fires = lastThree.length === 3 && lastThree.every((m) => Number(m.values.bugRate) < 0.015);
        expect(person?.rulesFired.length).toBe(fires ? 1 : 0);
        expect(Number(person?.targets[0]?.target)).toBe(fires ? 0.02 : 0.015);
      }),
      { numRuns: runs(1000) },
    );
  });
  it('the order of the history does not matter', () => {
    fc.assert(
      fc.property(
        monthArb.chain((h) => fc.tuple(fc.constant(h), fc.shuffledSubarray(h, { minLength: h.length }))),
        ([history, shuffled]) => {
          const run = (h: typeof history) =>
            JSON.stringify(deriveTargets({ ...plan('0.005'), people: [{ id: 'p', level: 'senior', history: h }] }));
          expect(run(shuffled)).toBe(run(history));
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});
