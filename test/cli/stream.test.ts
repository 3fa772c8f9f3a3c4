/**
 * Streamed output at the command line (issue 20 §1): `--format ndjson` writes one statement a
 * line as it is computed, then a last line `{"summary": …}` with the rest of the result; CSV
 * streams too; what they hold equals `runPeriod`'s result; a run refused when it ends leaves no
 * file behind.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statementsCsv, summary } from '../../src/cli/format.js';
import { encoded } from '../../src/cli/stream.js';
import { demoScenario, runPeriod, type RunPeriodInput } from '../../src/index.js';
import { golden } from '../period/golden.js';
import { cli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-stream-'));
const write = (name: string, scenario: RunPeriodInput) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(scenario));
  return file;
};
const goldenFile = write('golden.json', golden());

/** An NDJSON file's statements and its summary line, checked to be one JSON value a line. */
function readNdjson(file: string): { statements: string[]; summary: Record<string, unknown> } {
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  const last = JSON.parse(lines.at(-1)!) as { summary: Record<string, unknown> };
  expect(Object.keys(last)).toEqual(['summary']);
  return { statements: lines.slice(0, -1), summary: last.summary };
}

describe('synergy-pay run --format ndjson', () => {
  it('writes one statement a line, byte for byte runPeriod’s, then {"summary": …} with the rest of the result', () => {
    const file = join(dir, 'golden.ndjson');
    const { code, out, err } = cli('run', goldenFile, '--format', 'ndjson', '--out', file);
    expect(err).toBe('');
    expect(code).toBe(0);
    const { statements, ...whole } = runPeriod(golden());
    const written = readNdjson(file);
    expect(written.statements).toEqual(statements.map((statement) => JSON.stringify(statement)));
    expect(JSON.stringify(written.summary)).toBe(JSON.stringify(whole));
    // The summary printed is the whole run's.
    expect(out).toBe(`${summary(runPeriod(golden()))}Wrote the statements, then the summary, as NDJSON to ${file}\n`);
  });

  it('prints the NDJSON on stdout without --out, and nothing else', () => {
    const { code, out } = cli('run', goldenFile, '--format', 'ndjson');
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines.map((line) => Object.keys(JSON.parse(line) as object)[0])).toEqual([
      'person',
      'person',
      'person',
      'summary',
    ]);
  });

  it('a declared pay total that disagrees is found when the statements end: exit 2, no file written', () => {
    const scenario = golden();
    scenario.controls = { payTotal: '96215.98' };
    const file = write('wrong-total.json', scenario);
    const before = readdirSync(dir).length;
    const out = join(dir, 'wrong-total.ndjson');
    const { code, err } = cli('run', file, '--format', 'ndjson', '--out', out);
    expect(code).toBe(2);
    expect(err).toContain('$.controls.payTotal  RECONCILIATION_FAILED');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toHaveLength(before);
  });

  it('the summary format reads the stream too: the same text as the whole result’s', () => {
    expect(cli('run', goldenFile).out).toBe(summary(runPeriod(golden())));
  });

  it('--format ndjson is refused by the commands that do not write statements', () => {
    const { code, err } = cli('compare', goldenFile, goldenFile, '--format', 'ndjson');
    expect(code).toBe(2);
    expect(err).toContain('--format ndjson is for run and demo');
  });
});

describe('synergy-pay demo --format ndjson and csv', () => {
  it('the demo company streams: 300 statement lines equal to runPeriod’s, then the summary with every check holding', () => {
    const file = join(dir, 'demo.ndjson');
    const { code, out } = cli('demo', '--people', '300', '--format', 'ndjson', '--out', file);
    expect(code).toBe(0);
    expect(out).toContain('People: 300 (front 180, middle 0, back 120)');
    const written = readNdjson(file);
    const whole = runPeriod(demoScenario({ people: 300 }));
    expect(written.statements).toEqual(whole.statements.map((statement) => JSON.stringify(statement)));
    const checks = written.summary.checks as { holds: boolean }[];
    expect(checks.length).toBeGreaterThan(4);
    expect(checks.every((check) => check.holds)).toBe(true);
    expect(written.summary.totals).toEqual(whole.totals);
  });

  it('CSV rows as they come: the same text as the whole result’s CSV, to a file or stdout', () => {
    const file = join(dir, 'demo.csv');
    expect(cli('demo', '--people', '120', '--format', 'csv', '--out', file).code).toBe(0);
    const rows = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(rows).toHaveLength(121);
    expect(rows[0]!.startsWith('person,name,department,side,grade,employedDays,coefficient,basePay,')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(statementsCsv(runPeriod(demoScenario({ people: 120 }))));
    expect(cli('demo', '--people', '120', '--format', 'csv').out).toBe(readFileSync(file, 'utf8'));
  });
});

describe('encoded (the UTF-8 of a streamed run written to a file)', () => {
  it('gives the UTF-8 of the texts joined, in pieces no larger than its buffer unless a text is', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary', maxLength: 40 })), {
          maxLength: 40,
        }),
        fc.integer({ min: 4, max: 64 }),
        (texts, size) => {
          const pieces: Uint8Array[] = [];
          // Each piece copied as it comes: the next one may fill the same buffer again.
          for (const piece of encoded(texts, size)) pieces.push(piece.slice());
          expect(Buffer.concat(pieces).equals(Buffer.from(new TextEncoder().encode(texts.join(''))))).toBe(true);
          expect(pieces.every((piece) => piece.length > 0)).toBe(true);
          const longest = Math.max(0, ...texts.map((text) => new TextEncoder().encode(text).length));
          expect(pieces.every((piece) => piece.length <= Math.max(size, longest))).toBe(true);
        },
      ),
    );
  });

  it('fills one buffer again: a piece kept past the next one is overwritten (the file write reads it first)', () => {
    const pieces = [...encoded(['aaaa', 'bbbb', 'cccc', 'dddd', 'eeee'], 16)];
    expect(pieces).toHaveLength(2);
    expect(pieces[1]!.buffer).toBe(pieces[0]!.buffer);
    // "aaaabbbbccccdddd" went out before "eeee" was encoded into the same bytes.
    expect(new TextDecoder().decode(pieces[0])).toBe('eeeebbbbccccdddd');
    expect(new TextDecoder().decode(pieces[1])).toBe('eeee');
  });
});
