import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SynergyPayError } from '../../src/core/errors.js';
import type { PayStatement } from '../../src/index.js';
import { golden } from '../period/golden.js';

// A failed conservation check of the run's own cannot be produced from input (that is the point of
// the checks), so runPeriod is replaced here by one that fails the way a bug would, and
// runPeriodStream by one whose statements come out before the checks fail at their end.
const bug = () =>
  new SynergyPayError([{ code: 'RECONCILIATION_FAILED', path: [], message: 'statementTotals: 96215.99 ≠ 96216.00' }]);
vi.mock('../../src/period/runPeriod.js', async (original) => {
  const real = await original<typeof import('../../src/period/runPeriod.js')>();
  return {
    ...real,
    runPeriod: () => {
      throw bug();
    },
    runPeriodStream: (input: Parameters<typeof real.runPeriodStream>[0]) => {
      const statements = real.runPeriodStream(input).statements;
      const failing: IterableIterator<PayStatement> = {
        next: () => {
          const step = statements.next();
          if (step.done === true) throw bug();
          return step;
        },
        [Symbol.iterator]: () => failing,
      };
      return {
        statements: failing,
        summary: () => {
          throw bug();
        },
      };
    },
  };
});

const { main, isInternalFailure } = await import('../../src/cli/main.js');
const { capturedIo } = await import('./run.js');

describe('the CLI tells a bug from refused input', () => {
  it('a failed internal check exits 1 as an unexpected error, not 2', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'synergy-pay-cli-bug-')), 'golden.json');
    writeFileSync(file, JSON.stringify(golden()));
    const { io, captured } = capturedIo();
    const code = main(['run', file], io);
    const { err } = captured();
    expect(code).toBe(1);
    expect(err).toContain('synergy-pay: unexpected error');
    expect(err).toContain('statementTotals: 96215.99 ≠ 96216.00');
  });

  it('so does one found when a streamed run ends (--format ndjson --out): exit 1, and no file is left', () => {
    const folder = mkdtempSync(join(tmpdir(), 'synergy-pay-cli-bug-'));
    const file = join(folder, 'golden.json');
    writeFileSync(file, JSON.stringify(golden()));
    const { io, captured } = capturedIo();
    const code = main(['run', file, '--format', 'ndjson', '--out', join(folder, 'statements.ndjson')], io);
    const { err } = captured();
    expect(code).toBe(1);
    expect(err).toContain('synergy-pay: unexpected error');
    expect(err).toContain('statementTotals: 96215.99 ≠ 96216.00');
    expect(readdirSync(folder)).toEqual(['golden.json']);
  });

  it('only RECONCILIATION_FAILED outside controls is internal, whatever the path prefix', () => {
    const error = (
      path: (string | number)[],
      code: 'RECONCILIATION_FAILED' | 'INVALID_INPUT' = 'RECONCILIATION_FAILED',
    ) => new SynergyPayError([{ code, path, message: 'x' }]);
    expect(isInternalFailure(error([]))).toBe(true);
    expect(isInternalFailure(error(['scenario']))).toBe(true); // compareRuns re-paths a scenario's errors
    expect(isInternalFailure(error(['controls', 'payTotal']))).toBe(false);
    expect(isInternalFailure(error(['corrected', 'controls', 'commissions', 'gross']))).toBe(false);
    expect(isInternalFailure(error([], 'INVALID_INPUT'))).toBe(false);
  });
});
