import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeScore, scorecardSubjectSchema, SynergyPayError } from '../../src/index.js';
import { expectError, runs } from '../helpers.js';

// composeScore reads subjects row by row with core's row reader (zod's copy of a million subjects
// costs more than scoring them); it must accept exactly what the exported scorecardSubjectSchema accepts.
const card = [
  { id: 'x', weight: '0.5' },
  { id: 'y', weight: '0.5' },
];
const scoreValue = fc.oneof(
  fc.integer({ min: -100, max: 200 }),
  fc.constantFrom('85.5', '90', '-1', '1e5', '', ' 1', '1,5', '0x10', 'NaN'),
  fc.constantFrom(null, true, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, {}, []),
);
const subjectArb = fc.oneof(
  fc.record({
    id: fc.constantFrom('a', '', 'x'.repeat(201)),
    scores: fc.dictionary(fc.constantFrom('x', 'y', ''), scoreValue, { maxKeys: 3 }),
  }),
  fc.record({ id: fc.constant('a'), scores: fc.constantFrom([], null, 'x') }),
  fc.record({ id: fc.constant('a'), scores: fc.constant({ x: 1, y: 1 }), extra: fc.constant(1) }),
  fc.constantFrom(null, [], 'a', 1),
);

describe('the row reader of subjects agrees with scorecardSubjectSchema', () => {
  it('schema accepts ⇔ composeScore raises no INVALID_INPUT / INVALID_DECIMAL for the subject', () => {
    fc.assert(
      fc.property(subjectArb, (subject) => {
        const accepted = scorecardSubjectSchema.safeParse(subject).success;
        let shapeError = false;
        try {
          composeScore({ components: card, missing: 'neutral', neutralScore: 0, subjects: [subject as never] });
        } catch (error) {
          expect(error).toBeInstanceOf(SynergyPayError);
          shapeError = (error as SynergyPayError).issues.some(
            (issue) => issue.code === 'INVALID_INPUT' || issue.code === 'INVALID_DECIMAL',
          );
        }
        expect(shapeError).toBe(!accepted);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('paths and codes of refused subjects', () => {
    const run = (subject: unknown) => () => composeScore({ components: card, subjects: [subject as never] });
    expectError(run(null), 'INVALID_INPUT', ['subjects', 0]);
    expectError(run({ id: 'a', scores: {}, extra: 1 }), 'INVALID_INPUT', ['subjects', 0]);
    expectError(run({ id: '', scores: {} }), 'INVALID_INPUT', ['subjects', 0, 'id']);
    expectError(run({ id: 'a', scores: [] }), 'INVALID_INPUT', ['subjects', 0, 'scores']);
    expectError(run({ id: 'a', scores: { x: true, y: 1 } }), 'INVALID_DECIMAL', ['subjects', 0, 'scores', 'x']);
  });
});
