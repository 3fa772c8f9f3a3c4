import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runPeriod } from '../../src/index.js';
import { golden } from '../period/golden.js';
import { capturedIo } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-cli-'));
const goldenFile = join(dir, 'golden.json');
writeFileSync(goldenFile, JSON.stringify(golden(), null, 2));
afterAll(() => undefined);

/** Runs the CLI in-process against captured streams and the real file system. */
function cli(...argv: string[]): { code: number; out: string; err: string } {
  return cliWith(false, ...argv);
}

function cliWith(progress: boolean, ...argv: string[]): { code: number; out: string; err: string } {
  const { io, captured } = capturedIo(progress);
  const code = main(argv, io);
  return { code, ...captured() };
}

describe('synergy-pay run', () => {
  it('prints a readable summary with the totals and the checks', () => {
    const { code, out, err } = cli('run', goldenFile);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('quarter 2026-04-01 … 2026-06-30 (91 days) · CNY');
    expect(out).toMatch(/statements total\s+CN¥96,215\.99/);
    expect(out).toContain('Checks: 7/7 hold'); // 4 money checks, one ledger check per data list (3)
  });

  it('writes the full result as JSON with --out, identical to runPeriod', () => {
    const file = join(dir, 'result.json');
    const { code, out } = cli('run', goldenFile, '--out', file);
    expect(code).toBe(0);
    expect(out).toContain(`Wrote the full result (JSON) to ${file}`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(JSON.stringify(runPeriod(golden()))));
  });

  it('writes CSV statements: one row per person, a column per line kind', () => {
    const file = join(dir, 'statements.csv');
    expect(cli('run', goldenFile, '--format', 'csv', '--out', file).code).toBe(0);
    const rows = readFileSync(file, 'utf8').trim().split('\n');
    expect(rows[0]).toBe(
      'person,name,department,side,grade,employedDays,coefficient,basePay,performanceBonus,commission,poolAward,interlockReward,interlockDeduction,guaranteeTopUp,drawAdvance,drawRecovery,deduction,total',
    );
    // Hand-computed in test/period/runPeriod.test.ts.
    expect(rows.slice(1)).toEqual([
      'li,,sales,front,P3,91,0.9000,18000.00,4050.00,28749.50,0.00,0.00,0.00,0.00,0.00,0.00,0.00,50799.50',
      'wang,,tech,back,P5,91,1.0500,24000.00,6300.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,-200.00,30100.00',
      'zhao,,tech,back,P5,46,1.0500,12131.87,3184.62,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,15316.49',
    ]);
  });

  it('prints JSON on stdout with --format json and no --out', () => {
    const { code, out } = cli('run', goldenFile, '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(out).totals.statements).toBe('96215.99');
  });
});

describe('progress', () => {
  it('goes to stderr when stderr is a terminal, never to stdout', () => {
    const quiet = cliWith(false, 'run', goldenFile, '--format', 'json');
    const chatty = cliWith(true, 'run', goldenFile, '--format', 'json');
    expect(quiet.err).toBe('');
    expect(chatty.err).toContain(`synergy-pay: reading ${goldenFile}…`);
    expect(chatty.out).toBe(quiet.out);
  });
});

describe('synergy-pay explain', () => {
  it('prints one statement with its trace in words', () => {
    const { code, out } = cli('explain', goldenFile, 'zhao');
    expect(code).toBe(0);
    expect(out).toContain('Pay statement · zhao');
    expect(out).toContain('employed 46 of 91 days');
    expect(out).toMatch(/Base pay \(grade P5\)\s+CN¥12,131\.87/);
    expect(out).toContain('base = monthly base pay × months in period × days employed / days in period');
    expect(out).toContain(
      "with days employed in the line's part of the period: 46; monthly base pay of the grade: 8000.00; months in the period: 3; days in the period: 91 → 12131.87",
    );
    expect(out).toMatch(/Total \(the sum of the lines above\)\s+CN¥15,316\.49/);
  });
  it('refuses an unknown person with exit code 2', () => {
    const { code, err } = cli('explain', goldenFile, 'nobody');
    expect(code).toBe(2);
    expect(err).toContain('no person "nobody"');
  });
});

describe('synergy-pay schema and demo', () => {
  it('prints the JSON Schema of scenario files', () => {
    const { code, out } = cli('schema');
    expect(code).toBe(0);
    const schema = JSON.parse(out);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['plan', 'period', 'org']);
    expect(schema.properties.plan.properties.versions.items.properties.effective.format).toBe('date');
  });
  it('runs the demo company', () => {
    const { code, out } = cli('demo', '--people', '300');
    expect(code).toBe(0);
    expect(out).toContain('People: 300 (front 180, middle 0, back 120)');
    expect(out).toContain(
      'Plan versions, prorated by days: base-2026 2026-04-01…2026-04-30 (30/91); 5g-push 2026-05-01…2026-06-30 (61/91)',
    );
    expect(out).toContain('support pool (5g-push): 0.15 × gross');
    expect(out).toMatch(/Checks: (\d+)\/\1 hold/);
  });
  it('emits the demo scenario, which runs as a file', () => {
    const file = join(dir, 'demo-scenario.json');
    expect(cli('demo', '--people', '40', '--scenario', '--out', file).code).toBe(0);
    expect(cli('run', file).out).toContain('People: 40');
  });
  it('refuses bad arguments with exit code 2', () => {
    expect(cli('demo', '--people', 'many').code).toBe(2);
    expect(cli('run').code).toBe(2);
    expect(cli('frobnicate').code).toBe(2);
    expect(cli('run', goldenFile, '--format', 'xml').code).toBe(2);
    expect(cli('run', goldenFile, '--colour').code).toBe(2);
  });
});

describe('synergy-pay with bad files', () => {
  const files = () => new Set(readdirSync(dir));

  it('reports invalid JSON with its line and column, exit 2, and writes nothing', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "plan": {\n    "id": "x",\n  }\n}\n');
    const out = join(dir, 'never-bad-json.json');
    const before = files();
    const { code, err } = cli('run', bad, '--out', out);
    expect(code).toBe(2);
    expect(err).toContain('bad.json is not valid JSON');
    expect(err).toContain('(line 4, column 3)');
    expect(existsSync(out)).toBe(false);
    expect(files()).toEqual(before);
  });

  it('reports each schema violation with its JSON path, exit 2, and writes nothing', () => {
    const scenario = golden() as unknown as {
      plan: { versions: { effective: string }[] };
      org: { people: { grade: unknown }[] };
    };
    scenario.plan.versions[0]!.effective = '2026-13-01';
    scenario.org.people[1]!.grade = 7;
    const bad = join(dir, 'violations.json');
    writeFileSync(bad, JSON.stringify(scenario));
    const out = join(dir, 'never-violations.json');
    const before = files();
    const { code, err } = cli('run', bad, '--out', out);
    expect(code).toBe(2);
    expect(err).toContain('has 2 problems');
    expect(err).toContain('$.plan.versions[0].effective  INVALID_INPUT');
    expect(err).toContain('$.org.people[1].grade  INVALID_INPUT');
    expect(existsSync(out)).toBe(false);
    expect(files()).toEqual(before);
  });

  it('reports semantic problems (unknown references) with their JSON paths', () => {
    const scenario = golden();
    const bad = join(dir, 'semantic.json');
    writeFileSync(
      bad,
      JSON.stringify({ ...scenario, data: { commissions: [{ id: 'c', person: 'ghost', amount: '1.00' }] } }),
    );
    const { code, err } = cli('explain', bad, 'li');
    expect(code).toBe(2);
    expect(err).toContain('$.data.commissions[0].person  UNKNOWN_REFERENCE  no person "ghost"');
  });

  it('reports a missing file with exit code 2', () => {
    const { code, err } = cli('run', join(dir, 'missing.json'));
    expect(code).toBe(2);
    expect(err).toContain('cannot read');
    expect(err).toContain('ENOENT');
  });
});

describe('the synergy-pay executable', () => {
  const bin = ['--import', 'tsx', 'src/cli/bin.ts'];
  it('exits 0 and prints the summary for a good file', () => {
    const stdout = execFileSync(process.execPath, [...bin, 'run', goldenFile], { encoding: 'utf8' });
    expect(stdout).toMatch(/statements total\s+CN¥96,215\.99/);
  });
  it('exits 2 with the JSON path on stderr for a bad file, and shows no progress when stderr is not a terminal', () => {
    const bad = join(dir, 'bin-bad.json');
    writeFileSync(bad, JSON.stringify({ ...golden(), period: { unit: 'fortnight', start: '2026-04-01' } }));
    const child = spawnSync(process.execPath, [...bin, 'run', bad], { encoding: 'utf8' });
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr).toContain('$.period.unit  INVALID_INPUT');
    expect(child.stderr).not.toContain('reading');
  });
});
