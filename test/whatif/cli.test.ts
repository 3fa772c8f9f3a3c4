import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPeriod } from '../../src/index.js';
import { baseScenario, correctedScenario, proposedPlan } from './fixtures.js';
import { cli } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-whatif-'));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
};
const live = file('live.json', baseScenario());
const proposed = file('proposed.json', { ...baseScenario(), plan: proposedPlan() });
const liveResult = file('live-result.json', runPeriod(baseScenario()));
const corrected = file('corrected.json', correctedScenario());
const paidRecord = file('paid-record.json', { scenario: baseScenario(), result: runPeriod(baseScenario()) });

describe('synergy-pay compare', () => {
  it('prints a readable diff table of two scenarios that differ in their plan (fixtures.ts figures)', () => {
    const { code, out, err } = cli('compare', live, proposed);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('synergy-pay compare · month 2026-03-01 … 2026-03-31 · CNY');
    expect(out).toContain('plan.versions[v1].grades[P5].targetBonus: "2000.00" → "2500.00"');
    expect(out).toMatch(/statements\s+CN¥30,700\.00\s+CN¥32,000\.00\s+\+CN¥1,300\.00/);
    expect(out).toMatch(/tech\s+2→2\s+CN¥20,350\.00\s+CN¥21,450\.00\s+\+CN¥1,100\.00/);
    expect(out).toContain('Who gains: 3 · who loses: 0 · unchanged: 0 of 3');
    expect(out).toMatch(/wang\s+tech\s+\+CN¥550\.00/);
    expect(out).toMatch(
      /Performance bonus \(target × 1\.1000\)\s+CN¥2,200\.00 →\s+CN¥2,750\.00\s+\+CN¥550\.00\s+\[statement\.targetBonus, statement\.performanceBonus\]/,
    );
  });

  it('compares a saved result with a scenario and says when nothing differs', () => {
    const { code, out } = cli('compare', liveResult, live);
    expect(code).toBe(0);
    expect(out).toContain('No differences');
  });

  it('writes JSON and CSV with --out', () => {
    const jsonOut = join(dir, 'comparison.json');
    expect(cli('compare', live, proposed, '--out', jsonOut).code).toBe(0);
    const comparison = JSON.parse(readFileSync(jsonOut, 'utf8')) as { people: { person: string; delta: string }[] };
    expect(comparison.people.map((p) => [p.person, p.delta])).toEqual([
      ['li', '200.00'],
      ['wang', '550.00'],
      ['zhao', '550.00'],
    ]);
    const csvOut = join(dir, 'comparison.csv');
    const { out } = cli('compare', live, proposed, '--format', 'csv', '--out', csvOut);
    expect(out).toContain(`Wrote the comparison (CSV) to ${csvOut}`);
    expect(readFileSync(csvOut, 'utf8').trim().split('\n')).toEqual([
      'person,department,presence,kind,version,source,label,base,proposed,delta',
      'li,sales,both,basePay,v1,,Base pay (grade P3),6000.00,6200.00,200.00',
      'li,sales,both,total,,,Statement total,10350.00,10550.00,200.00',
      'wang,tech,both,performanceBonus,v1,,Performance bonus (target × 1.1000),2200.00,2750.00,550.00',
      'wang,tech,both,total,,,Statement total,10150.00,10700.00,550.00',
      'zhao,tech,both,performanceBonus,v1,,Performance bonus (target × 1.1000),2200.00,2750.00,550.00',
      'zhao,tech,both,total,,,Statement total,10200.00,10750.00,550.00',
    ]);
  });

  it('exits 2 with the JSON path and code for runs of different periods, and for bad arguments', () => {
    const april = file('april.json', { ...baseScenario(), period: { unit: 'month', start: '2026-04-01' }, data: {} });
    const { code, err } = cli('compare', live, april);
    expect(code).toBe(2);
    expect(err).toContain('RUNS_PERIOD_MISMATCH');
    expect(err).toContain('$.proposed.period');
    expect(cli('compare', live).code).toBe(2);
    expect(cli('compare', live, join(dir, 'missing.json')).err).toContain('cannot read');
  });
});

describe('synergy-pay correct', () => {
  it('prints the corrections of a paid record (fixtures.ts figures)', () => {
    const { code, out, err } = cli('correct', paidRecord, corrected);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('org.people[zhao].grade: "P5" → "P6"');
    expect(out).toContain('Corrections: 4 lines for 3 people (3 arrears, 1 recoveries)');
    expect(out).toMatch(/li\s+CN¥10,350\.00\s+CN¥0\.00\s+-CN¥500\.00\s+CN¥9,850\.00/);
    expect(out).toMatch(/zhao\s+CN¥10,200\.00\s+CN¥1,440\.00\s+CN¥0\.00\s+CN¥11,640\.00/);
    expect(out).toContain(
      'Check: paid CN¥30,700.00 + arrears CN¥1,490.00 + recoveries -CN¥500.00 = re-run CN¥31,690.00',
    );
  });

  it('accepts the paid scenario alone, and writes CSV lines', () => {
    const csvOut = join(dir, 'corrections.csv');
    expect(cli('correct', live, corrected, '--format', 'csv', '--out', csvOut).code).toBe(0);
    expect(readFileSync(csvOut, 'utf8').trim().split('\n')).toEqual([
      'person,department,kind,version,source,label,paid,rerun,amount,type',
      'li,sales,commission,v1,,Commission (net of the support-pool contribution),3000.00,2500.00,-500.00,recovery',
      'wang,tech,deduction,v1,late-wang,Deduction: late,-50.00,0.00,50.00,arrears',
      'zhao,tech,basePay,v1,,Base pay (grade P6),8000.00,9000.00,1000.00,arrears',
      'zhao,tech,performanceBonus,v1,,Performance bonus (target × 1.1000),2200.00,2640.00,440.00,arrears',
    ]);
  });

  it('says when there is nothing to correct, and exits 2 for a paid result with no plan version', () => {
    expect(cli('correct', live, live).out).toContain('No corrections');
    const { version: _version, ...noVersion } = runPeriod(baseScenario());
    const bad = file('no-version.json', { scenario: baseScenario(), result: noVersion });
    const { code, err } = cli('correct', bad, corrected);
    expect(code).toBe(2);
    expect(err).toContain('$.paid.result.version  CORRECTION_PLAN_VERSION_MISSING');
  });
});
