/**
 * Issue 20 §1: the executable reads scenario folders as streams (`mainAsync`: each folder the
 * command names read first by `readScenarioFolderAsync`), with the same exit codes, output and
 * messages as `main`, which reads them whole — for good folders, bad ones, and command lines
 * refused before any folder is read.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, mainAsync } from '../../src/cli/main.js';
import { loadReportRenderer } from '../../src/cli/report.js';
import { writeScenarioFolder } from '../../src/folder/index.js';
import { demoScenario } from '../../src/index.js';
import { capturedIo } from './run.js';
import { edit, setCell } from '../folder/badFolders.js';

const root = mkdtempSync(join(tmpdir(), 'synergy-pay-main-async-'));
const scenario = demoScenario({ people: 40 });

/** A folder of the 40-person demo, changed by `change`. */
function folder(name: string, change?: (dir: string) => void): string {
  const dir = join(root, name);
  writeScenarioFolder(scenario, dir);
  change?.(dir);
  return dir;
}

/** The CLI's exit code and output, run by `run` (main or mainAsync) against captured streams. */
async function outcome(run: typeof mainAsync, argv: string[], progress = false) {
  const { io, captured } = capturedIo(progress);
  const code = await run(argv, io);
  return { code, ...captured() };
}

const whole = (argv: string[], progress = false) =>
  outcome(async (...args) => Promise.resolve(main(...args)), argv, progress);
const streamed = (argv: string[], progress = false) => outcome(mainAsync, argv, progress);

describe('mainAsync: the CLI with folders read as streams', () => {
  const json = join(root, 'scenario.json');
  let good: string;
  let other: string;
  beforeAll(async () => {
    writeFileSync(json, JSON.stringify(scenario));
    good = folder('good');
    other = folder('other', (dir) => {
      setCell(dir, 'commissions.csv', 0, 'amount', '999999.00');
    });
    await loadReportRenderer();
  });

  const commands: [string, () => string[], number][] = [
    ['run (summary)', () => ['run', good], 0],
    ['run --format json', () => ['run', good, '--format', 'json'], 0],
    ['run --format ndjson', () => ['run', good, '--format', 'ndjson', '--out', '-'], 0],
    ['run --format csv', () => ['run', good, '--format', 'csv'], 0],
    ['explain', () => ['explain', good, 'E07'], 0],
    ['explain an unknown person', () => ['explain', good, 'nobody'], 2],
    ['compare two folders', () => ['compare', good, other], 0],
    ['compare a folder with itself (read twice)', () => ['compare', good, good, '--format', 'json'], 0],
    ['compare a JSON file and a folder', () => ['compare', json, other, '--format', 'csv'], 0],
    ['correct', () => ['correct', good, other], 0],
    ['report', () => ['report', good, '--compare', other], 0],
    ['a bad option (no folder read)', () => ['run', good, '--format', 'xml'], 2],
    ['an argument too many', () => ['run', good, 'extra'], 2],
    ['help', () => ['run', good, '--help'], 0],
  ];

  it.each(commands)('%s: the same exit code and output as main', async (_name, argv, code) => {
    const expected = await whole(argv());
    expect(expected.code, expected.err).toBe(code);
    expect(await streamed(argv())).toEqual(expected);
  });

  const badFolders: [string, (dir: string) => void][] = [
    [
      'a bad cell (found by the run)',
      (dir) => {
        setCell(dir, 'commissions.csv', 2, 'amount', '1,234.50');
      },
    ],
    [
      'a JSON cell that is not JSON (found by the reader)',
      (dir) => {
        setCell(dir, 'tickets.csv', 3, 'pauses', '[');
      },
    ],
    [
      'a quote never closed',
      (dir) => {
        edit(dir, 'deductions.csv', /\r\n(E\d+-D1),/, '\r\n"$1,');
      },
    ],
    [
      'invalid UTF-8',
      (dir) => {
        writeFileSync(join(dir, 'departments.csv'), Buffer.from([0x69, 0x64, 0x0a, 0xff]));
      },
    ],
    [
      'a misspelt file',
      (dir) => {
        writeFileSync(join(dir, 'comissions.csv'), 'id\r\n');
      },
    ],
    [
      'no scenario files',
      (dir) => {
        rmSync(dir, { recursive: true });
        mkdirSync(dir);
      },
    ],
  ];

  it.each(badFolders)('%s: the same refusal (exit 2) for run, explain and compare', async (name, change) => {
    const dir = folder(`bad-${name.replace(/\W+/g, '-')}`, change);
    for (const argv of [
      ['run', dir],
      ['explain', dir, 'E01'],
      ['compare', good, dir],
    ]) {
      const expected = await whole(argv);
      expect(expected.code).toBe(2);
      expect(await streamed(argv)).toEqual(expected);
    }
  });

  it('writes the same statements file, and exports the same folder', async () => {
    const out = join(root, 'statements.ndjson');
    const argv = ['run', good, '--format', 'ndjson', '--out', out];
    expect((await whole(argv)).code).toBe(0);
    const expected = readFileSync(out, 'utf8');
    expect((await streamed(argv)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(expected);
    const exported = join(root, 'exported');
    const export1 = await whole(['export', good, exported]);
    const files = ['people.csv', 'tickets.csv', 'plan.json'].map((file) => readFileSync(join(exported, file), 'utf8'));
    rmSync(exported, { recursive: true });
    expect(await streamed(['export', good, exported])).toEqual(export1);
    expect(
      ['people.csv', 'tickets.csv', 'plan.json'].map((file) => readFileSync(join(exported, file), 'utf8')),
    ).toEqual(files);
    // A target that is not empty is refused before the folder is read, as main refuses it.
    expect(await streamed(['export', good, exported])).toEqual(await whole(['export', good, exported]));
  });

  it('reads the folder of run --workers as streams too: the same NDJSON, the same refusal', () => {
    const bin = (...args: string[]) => {
      const child = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      return { code: child.status, out: child.stdout, err: child.stderr };
    };
    const one = bin('run', good, '--format', 'ndjson');
    expect(one.code, one.err).toBe(0);
    expect(bin('run', good, '--workers', '2', '--format', 'ndjson')).toEqual(one);
    const bad = folder('bad-for-workers', (dir) => {
      setCell(dir, 'tickets.csv', 3, 'pauses', '[');
    });
    const refused = bin('run', bad, '--workers', '2', '--format', 'ndjson');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('tickets.csv line 5 column pauses  INVALID_INPUT  not JSON');
    expect(refused).toEqual(bin('run', bad));
  }, 120_000);

  it('reads each folder once, saying so on a terminal; reads none for a command line main refuses', async () => {
    const { err } = await streamed(['run', good, '--format', 'json', '--out', join(root, 'result.json')], true);
    expect(err.split(`reading the folder ${good}…`)).toHaveLength(2);
    expect(existsSync(join(root, 'result.json'))).toBe(true);
    const refused = await streamed(['run', good, '--format', 'xml'], true);
    expect(refused.code).toBe(2);
    expect(refused.err).not.toContain('reading the folder');
  });
});
