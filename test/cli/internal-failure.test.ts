import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SynergyPayError } from '../../src/core/errors.js';
import { golden } from '../period/golden.js';
import { readInputFile } from '../../src/folder/index.js';

// A failed conservation check of the run's own cannot be produced from input (that is the point of
// the checks), so runPeriod is replaced here by one that fails the way a bug would.
vi.mock('../../src/period/runPeriod.js', async (original) => ({
  ...(await original<typeof import('../../src/period/runPeriod.js')>()),
  runPeriod: () => {
    throw new SynergyPayError([
      { code: 'RECONCILIATION_FAILED', path: [], message: 'statementTotals: 96215.99 ≠ 96216.00' },
    ]);
  },
}));

const { main, isInternalFailure } = await import('../../src/cli/main.js');
const { writeTextAtomically } = await import('../../src/cli/io.js');

describe('the CLI tells a bug from refused input', () => {
  it('a failed internal check exits 1 as an unexpected error, not 2', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'synergy-pay-cli-bug-')), 'golden.json');
    writeFileSync(file, JSON.stringify(golden()));
    let err = '';
    const code = main(['run', file], {
      out: () => undefined,
      err: (text) => void (err += text),
      progress: false,
      readBytes: readInputFile,
      writeTextAtomically,
    });
    expect(code).toBe(1);
    expect(err).toContain('synergy-pay: unexpected error');
    expect(err).toContain('statementTotals: 96215.99 ≠ 96216.00');
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
