/**
 * Issue 18 point 2: a scenario folder round-trips — folder → scenario (JSON) → folder is the same
 * bytes — and a folder scenario's result is byte-identical to its JSON twin's.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoScenario, runPeriod, SynergyPayError, type RunPeriodInput } from '../../src/index.js';
import { readScenarioFolder, writeScenarioFolder } from '../../src/folder/index.js';
import { fullScenarioArb } from '../arbitraries/scenario.js';
import { cli } from '../cli/run.js';
import { golden } from '../period/golden.js';

const root = mkdtempSync(join(tmpdir(), 'synergy-pay-round-trip-'));
let count = 0;
const freshDir = () => join(root, `folder-${++count}`);

/** Every file of a folder and its bytes. */
const contents = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name)).toString('hex')]),
  );

/** The run's result as JSON, or its refusal (codes and paths): the same for two equal scenarios. */
function outcome(scenario: RunPeriodInput): string {
  try {
    return JSON.stringify(runPeriod(scenario));
  } catch (error) {
    if (!(error instanceof SynergyPayError)) throw error;
    return JSON.stringify(error.issues);
  }
}

/** Writes a scenario as a folder, reads it, writes it again: the two folders and the two outcomes. */
function roundTrip(scenario: RunPeriodInput) {
  const first = freshDir();
  writeScenarioFolder(scenario, first);
  const read = readScenarioFolder(first);
  const second = freshDir();
  writeScenarioFolder(read, second);
  return { first, second, read };
}

describe('folder → JSON → folder', () => {
  it('is byte for byte the same folder, and the read scenario gives the same result as its JSON twin (generated scenarios)', () => {
    fc.assert(
      fc.property(fullScenarioArb, (scenario) => {
        const { first, second, read } = roundTrip(scenario as unknown as RunPeriodInput);
        expect(contents(second)).toEqual(contents(first));
        expect(outcome(read)).toBe(outcome(scenario as unknown as RunPeriodInput));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps every text exactly: commas, quotes, line breaks, "null", empty strings, Chinese, leading spaces', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom(
        '',
        'null',
        '""',
        'a,b',
        'say "hi"',
        'two\r\nlines',
        'cr\ronly',
        ' padded ',
        '张三',
        '=SUM(A1)',
        '#x',
      ),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), (names) => {
        const base = golden();
        const people = names.map((name, i) => ({ id: `p${i}`, name, department: 'tech', grade: 'P5' }));
        const scenario = { ...base, org: { ...base.org, people } };
        const { first, second, read } = roundTrip(scenario);
        expect(read.org.people.map((person) => person.name)).toEqual(names);
        expect(contents(second)).toEqual(contents(first));
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips the 300-person demo company, whose result read from the folder equals the JSON run byte for byte (CLI)', () => {
    const scenario = demoScenario({ people: 300 });
    const { first, second } = roundTrip(scenario);
    expect(contents(second)).toEqual(contents(first));
    const json = join(root, 'demo-300.json');
    writeFileSync(json, JSON.stringify(scenario));
    const fromJson = cli('run', json, '--out', '-');
    const fromFolder = cli('run', first, '--out', '-');
    expect(fromJson.code).toBe(0);
    expect(fromFolder.code).toBe(0);
    expect(fromFolder.out).toBe(fromJson.out);
    expect(JSON.parse(fromFolder.out).statements).toHaveLength(300);
  });

  it.each(readdirSync('examples/scenarios').filter((name) => name.endsWith('.json')))(
    'examples/scenarios/%s as a folder runs to the same result, byte for byte',
    (name) => {
      const json = join('examples/scenarios', name);
      const folder = freshDir();
      expect(cli('export', json, folder).code).toBe(0);
      const fromJson = cli('run', json, '--out', '-');
      expect(fromJson.code, fromJson.err).toBe(0);
      expect(cli('run', folder, '--out', '-').out).toBe(fromJson.out);
    },
  );

  it('exports with the CLI: the folder holds the scenario files, and export refuses a folder that is not empty', () => {
    const json = join(root, 'golden.json');
    writeFileSync(json, JSON.stringify(golden()));
    const folder = freshDir();
    const exported = cli('export', json, folder);
    expect(exported.code).toBe(0);
    expect(exported.out).toContain(`Wrote the scenario folder ${folder}`);
    expect(readdirSync(folder).sort()).toEqual([
      'commissions.csv',
      'deductions.csv',
      'departmentCoefficients.csv',
      'departments.csv',
      'people.csv',
      'period.json',
      'plan.json',
    ]);
    expect(readFileSync(join(folder, 'commissions.csv'), 'utf8')).toBe(
      '\ufeffid,person,amount,currency,date,rate,collected\r\nc1,li,30000.00,,2026-04-20,,\r\nc2,li,-1250.50,,2026-06-02,,\r\n',
    );
    const again = cli('export', json, folder);
    expect(again.code).toBe(2);
    expect(again.err).toBe(`synergy-pay: cannot write ${folder}: it exists and is not an empty folder\n`);
    const bad = join(root, 'unknown-field.json');
    writeFileSync(bad, JSON.stringify({ ...golden(), org: { departments: [], people: [{ id: 'a', hair: 'red' }] } }));
    const refused = cli('export', bad, freshDir());
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(
      '$.org.people[0].hair  INVALID_INPUT  unknown field: people.csv has no column "hair"',
    );
    expect(cli('run', folder).out).toBe(cli('run', json).out);
  });
});
