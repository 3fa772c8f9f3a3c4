/**
 * Issue 20 §1: a list of a scenario folder given as NDJSON (`tickets.ndjson`, one JSON object a
 * line) instead of CSV, read in chunks, each line parsed strictly; bad lines refused with the
 * file and the line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoScenario, runPeriod } from '../../src/index.js';
import { readScenarioFolder, scenarioFolderLocation, writeScenarioFolder } from '../../src/folder/index.js';
import { ndjsonLines, readNdjsonRows } from '../../src/folder/ndjson.js';
import { cli } from '../cli/run.js';
import { refusalOf } from '../helpers.js';

const root = mkdtempSync(join(tmpdir(), 'synergy-pay-ndjson-'));
let count = 0;
const scenario = demoScenario({ people: 30 });

/** A fresh folder of the 30-person demo with `list` of `data` as NDJSON (the CSV file removed) written by `lines`. */
function ndjsonFolder(list = 'tickets', lines?: (rows: readonly object[]) => string): string {
  const dir = join(root, `case-${++count}`);
  writeScenarioFolder(scenario, dir);
  const rows = (scenario.data as unknown as Record<string, object[]>)[list]!;
  expect(rows.length).toBeGreaterThan(3);
  rmSync(join(dir, `${list}.csv`));
  const text = lines ? lines(rows) : rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  writeFileSync(join(dir, `${list}.ndjson`), text);
  return dir;
}

/** A file of `text` in the temporary folder. */
function file(text: string | Buffer): string {
  const path = join(root, `file-${++count}.ndjson`);
  writeFileSync(path, text);
  return path;
}

const refusal = (dir: string) => {
  const { code, out, err } = cli('run', dir);
  expect(code, out).toBe(2);
  return err;
};

describe('a scenario folder with an NDJSON list', () => {
  it('runs tickets.ndjson to the same result as tickets.csv and as the JSON scenario', () => {
    const csvDir = join(root, `case-${++count}`);
    writeScenarioFolder(scenario, csvDir);
    const fromNdjson = readScenarioFolder(ndjsonFolder('tickets'));
    expect(fromNdjson.data?.tickets).toEqual(scenario.data?.tickets);
    const expected = JSON.stringify(runPeriod(scenario));
    expect(JSON.stringify(runPeriod(fromNdjson))).toBe(expected);
    expect(JSON.stringify(runPeriod(readScenarioFolder(csvDir)))).toBe(expected);
  });

  it('runs from the CLI with people and commissions as NDJSON too (CRLF, blank lines, no final line break)', () => {
    const dir = ndjsonFolder('commissions', (rows) => `\r\n${rows.map((row) => JSON.stringify(row)).join('\r\n\r\n')}`);
    rmSync(join(dir, 'people.csv'));
    const people = scenario.org.people.map((row) => JSON.stringify(row)).join('\n');
    writeFileSync(join(dir, 'people.ndjson'), `\uFEFF${people}\n\n`);
    const json = join(root, `scenario-${++count}.json`);
    writeFileSync(json, JSON.stringify(scenario));
    const fromFolder = cli('run', dir, '--format', 'json');
    expect(fromFolder.code, fromFolder.err).toBe(0);
    expect(fromFolder.out).toBe(cli('run', json, '--format', 'json').out);
  });

  it('keeps JSON types: a number stays a number (a CSV cell 12 in a text column is the text), so the schema refuses it', () => {
    const dir = ndjsonFolder('commissions', (rows) =>
      rows.map((row, k) => JSON.stringify(k === 2 ? { ...row, id: 12 } : row)).join('\n'),
    );
    const read = readScenarioFolder(dir);
    expect((read.data!.commissions![2] as unknown as { id: unknown }).id).toBe(12);
    const error = refusalOf(() => runPeriod(read));
    const issue = error.issues[0]!;
    expect(issue.path).toEqual(['data', 'commissions', 2, 'id']);
    expect(scenarioFolderLocation(read, issue.path)).toBe('commissions.ndjson line 3 at id');
  });
});

describe('reading NDJSON in chunks', () => {
  const rows = [{ id: 'a', n: 1 }, { id: '张三', list: [1, 2, { x: null }] }, {}, { id: 'c\\n', text: 'é' }];
  const text = `${JSON.stringify(rows[0])}\r\n\n${rows
    .slice(1)
    .map((row) => JSON.stringify(row))
    .join('\n')}`;

  it('gives the same rows and lines for every chunk size, lines split across chunk boundaries included', () => {
    const path = file(text);
    const whole = readNdjsonRows(path);
    expect(whole).toEqual({ rows, lines: [1, 3, 4, 5], problems: [] });
    for (let chunk = 1; chunk <= Buffer.byteLength(text) + 1; chunk++)
      expect(readNdjsonRows(path, chunk)).toEqual(whole);
  });

  it('carries a line longer than the chunk over several chunks', () => {
    const long = { id: 'x'.repeat(100) };
    const path = file(`${JSON.stringify(long)}\n${JSON.stringify(rows[0])}\n`);
    const lines = [...ndjsonLines(path, 7)].map(({ line, bytes }) => [line, Buffer.from(bytes).toString()]);
    expect(lines).toEqual([
      [1, JSON.stringify(long)],
      [2, JSON.stringify(rows[0])],
    ]);
  });

  it('reads nothing from an empty or blank file', () => {
    expect(readNdjsonRows(file('')).rows).toEqual([]);
    expect(readNdjsonRows(file('\n \r\n\t\n'), 2).rows).toEqual([]);
  });
});

describe('a scenario folder with a bad NDJSON file', () => {
  const badLine = (k: number, line: string) => (rows: readonly object[]) =>
    rows.map((row, at) => (at === k ? line : JSON.stringify(row))).join('\n');

  it('refuses a line that is not JSON with the file and line', () => {
    const dir = ndjsonFolder('tickets', badLine(13, '{"id": "T1",}'));
    expect(refusal(dir)).toContain(
      '\n  tickets.ndjson line 14  INVALID_INPUT  a trailing comma is not allowed in JSON (column 13)',
    );
  });

  it('counts blank lines in the line number', () => {
    const dir = ndjsonFolder('tickets', (rows) => `\n\n${badLine(1, '[1, 2]')(rows)}`);
    expect(refusal(dir)).toContain(
      '\n  tickets.ndjson line 4  INVALID_INPUT  expected a JSON object (one row a line), found an array',
    );
  });

  it('locates a bad field found by validation by its path', () => {
    const dir = ndjsonFolder('commissions', (rows) =>
      rows.map((row, k) => JSON.stringify(k === 2 ? { ...row, amount: '1,234.50' } : row)).join('\n'),
    );
    expect(refusal(dir)).toContain('\n  commissions.ndjson line 3 at amount  INVALID_DECIMAL  "1,234.50"');
  });

  it('refuses a duplicate key, at the key', () => {
    const dir = ndjsonFolder('tickets', badLine(2, '{"id": "T1", "unit": "a", "id": "T2"}'));
    expect(refusal(dir)).toContain('\n  tickets.ndjson line 3 at id  INVALID_INPUT  duplicate key "id" (column 27)');
    const error = refusalOf(() => readScenarioFolder(dir));
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['INVALID_INPUT', ['data', 'tickets', 2, 'id']],
    ]);
    expect(scenarioFolderLocation(error, error.issues[0]!.path)).toBe('tickets.ndjson line 3 at id');
  });

  it('refuses invalid UTF-8 in a line', () => {
    const path = file(
      Buffer.concat([Buffer.from('{"id": "a"}\n{"id": "'), Buffer.from([0xe5, 0x28]), Buffer.from('"}\n')]),
    );
    expect(readNdjsonRows(path, 3).problems).toEqual([
      { index: 1, path: [], message: 'the line is not valid UTF-8: byte 0xe5 at byte offset 8' },
    ]);
  });

  it('refuses a folder with both tickets.csv and tickets.ndjson, naming both', () => {
    const dir = ndjsonFolder('tickets');
    writeFileSync(join(dir, 'tickets.csv'), readFileSync(join(dir, 'tickets.ndjson')));
    expect(refusal(dir)).toContain(
      'INVALID_INPUT  both tickets.csv and tickets.ndjson are in the folder: give the list tickets in one of them',
    );
  });

  it('refuses an unknown NDJSON file name', () => {
    const dir = ndjsonFolder('tickets');
    writeFileSync(join(dir, 'tikets.ndjson'), '{}\n');
    expect(refusal(dir)).toContain('\n  the folder  INVALID_INPUT  tikets.ndjson: not a file of a scenario folder');
  });
});
