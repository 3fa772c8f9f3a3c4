import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { golden } from '../period/golden.js';
import { cli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-cli-controls-'));

function scenarioFile(name: string, controls: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ ...golden(), controls }, null, 2));
  return file;
}

describe('synergy-pay run with declared control totals', () => {
  it('prints the controls that hold among the checks', () => {
    // Golden figures: 2 commission rows summing to 28749.50, Σ statements 96215.99 (test/period/runPeriod.test.ts).
    const { code, out } = cli(
      'run',
      scenarioFile('ok.json', { commissions: { rows: 2, gross: '28749.50' }, payTotal: '96215.99' }),
    );
    expect(code).toBe(0);
    expect(out).toContain('Checks: 10/10 hold');
    expect(out).toContain(
      'ok  controls.commissions.gross: Σ commission rows = controls.commissions.gross (declared) (28749.50 = 28749.50)',
    );
    expect(out).toContain(
      'ok  controls.payTotal: Σ statement totals = controls.payTotal (declared) (96215.99 = 96215.99)',
    );
  });

  it('a control mismatch is refused input: exit 2, every mismatch with its JSON path, nothing written', () => {
    const out = join(dir, 'never.json');
    const {
      code,
      out: stdout,
      err,
    } = cli('run', scenarioFile('bad.json', { people: 4, commissions: { gross: '28749.51' } }), '--out', out);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(err).toContain('has 2 problems (RECONCILIATION_FAILED)');
    expect(err).toContain(
      '$.controls.people  RECONCILIATION_FAILED  declared 4 people, the scenario has 3 (1 fewer than declared)',
    );
    expect(err).toContain(
      '$.controls.commissions.gross  RECONCILIATION_FAILED  declared 28749.51 CNY, the 2 commission rows sum to 28749.50 CNY (0.01 less than declared)',
    );
    expect(err).not.toContain('unexpected error');
    expect(existsSync(out)).toBe(false);
  });

  it('a wrong pay total, found only after the run, is refused the same way', () => {
    const { code, err } = cli('explain', scenarioFile('pay.json', { payTotal: '96000.00' }), 'li');
    expect(code).toBe(2);
    expect(err).toContain(
      '$.controls.payTotal  RECONCILIATION_FAILED  declared 96000.00 CNY, the 3 statements total 96215.99 CNY (215.99 more than declared)',
    );
  });

  it('an invalid control value gives its ordinary code, exit 2', () => {
    const { code, err } = cli('run', scenarioFile('value.json', { commissions: { rows: -2, gross: '28749.505' } }));
    expect(code).toBe(2);
    expect(err).toContain('$.controls.commissions.rows  INVALID_INPUT');
  });
});
