/**
 * Issue 20 §3: `synergy-pay run --workers N` runs the period in shards on N worker threads; its
 * NDJSON is byte for byte that of the run in one piece, its printed summary the same, its input
 * errors the same exit code and problems.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { spilledArray } from '../../src/cli/workers.js';
import { demoScenario } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-workers-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The executable from the sources: its exit code and output. */
function bin(...args: string[]) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return { code: child.status, out: child.stdout, err: child.stderr };
}

describe('synergy-pay run --workers', () => {
  const scenario = join(dir, 'demo.json');
  writeFileSync(scenario, JSON.stringify(demoScenario({ people: 400, seed: 11 })));

  it('writes the NDJSON of the run in one piece, byte for byte, and prints the same summary', () => {
    const one = bin('run', scenario, '--format', 'ndjson', '--out', join(dir, 'one.ndjson'));
    expect(one.code).toBe(0);
    for (const workers of ['2', '3']) {
      const out = join(dir, `w${workers}.ndjson`);
      const many = bin('run', scenario, '--workers', workers, '--format', 'ndjson', '--out', out);
      expect(many.err).toBe('');
      expect(many.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(dir, 'one.ndjson'), 'utf8'));
      expect(many.out.replace(out, 'OUT')).toBe(one.out.replace(join(dir, 'one.ndjson'), 'OUT'));
    }
  }, 120_000);

  it('writes the NDJSON on standard output as run does, and refuses a file it cannot write', () => {
    const one = bin('run', scenario, '--format', 'ndjson');
    const many = bin('run', scenario, '--workers', '2', '--format', 'ndjson');
    expect(many.code).toBe(0);
    expect(many.out).toBe(one.out);
    const nowhere = bin(
      'run',
      scenario,
      '--workers',
      '2',
      '--format',
      'ndjson',
      '--out',
      join(dir, 'no', 'such.ndjson'),
    );
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toMatch(/cannot write/);
  }, 60_000);

  it('writes CSV statements as run does, to a file and to standard output', () => {
    const one = bin('run', scenario, '--format', 'csv', '--out', join(dir, 'one.csv'));
    expect(one.code).toBe(0);
    const out = join(dir, 'w2.csv');
    const many = bin('run', scenario, '--workers', '2', '--format', 'csv', '--out', out);
    expect(many.err).toBe('');
    expect(many.code).toBe(0);
    const csv = readFileSync(join(dir, 'one.csv'), 'utf8');
    expect(csv.split('\n')).toHaveLength(402); // the header, 400 statements, the last newline
    expect(readFileSync(out, 'utf8')).toBe(csv);
    expect(many.out.replace(out, 'OUT')).toBe(one.out.replace(join(dir, 'one.csv'), 'OUT'));
    const toStdout = bin('run', scenario, '--workers', '3', '--format', 'csv');
    expect(toStdout.code).toBe(0);
    expect(toStdout.out).toBe(bin('run', scenario, '--format', 'csv').out);
  }, 120_000);

  it('writes the JSON result as run does, byte for byte: to a file and to standard output, with many statements and few', () => {
    const few = join(dir, 'few.json');
    writeFileSync(few, JSON.stringify(demoScenario({ people: 30, seed: 5 })));
    // 400 statements are written one a line; 30 field by field (as jsonChunks writes a short list).
    for (const [input, workers] of [
      [scenario, '3'],
      [few, '2'],
    ] as const) {
      const target = join(dir, 'one.json');
      const one = bin('run', input, '--format', 'json', '--out', target);
      expect(one.code).toBe(0);
      const out = join(dir, `w${workers}.json`);
      const many = bin('run', input, '--workers', workers, '--format', 'json', '--out', out);
      expect(many.err).toBe('');
      expect(many.code).toBe(0);
      const json = readFileSync(target, 'utf8');
      expect(readFileSync(out, 'utf8')).toBe(json);
      expect((JSON.parse(json) as { statements: unknown[] }).statements).toHaveLength(input === few ? 30 : 400);
      expect(many.out.replace(out, 'OUT')).toBe(one.out.replace(target, 'OUT'));
      expect(many.out).toMatch(/Wrote the full result \(JSON\) to /);
      const toStdout = bin('run', input, '--workers', workers, '--format', 'json');
      expect(toStdout.code).toBe(0);
      expect(toStdout.out).toBe(json);
    }
  }, 120_000);

  it('writes the JSON result to --out when no --format is given, as run does', () => {
    const target = join(dir, 'default-one.json');
    const out = join(dir, 'default-many.json');
    const one = bin('run', scenario, '--out', target);
    const many = bin('run', scenario, '--workers', '2', '--out', out);
    expect(one.code).toBe(0);
    expect(many.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(target, 'utf8'));
    expect(many.out).toMatch(/Wrote the full result \(JSON\) to /);
  }, 60_000);

  it('prints the summary alone, as run does', () => {
    const one = bin('run', scenario);
    const many = bin('run', scenario, '--workers', '2');
    expect(many.code).toBe(0);
    expect(many.out).toBe(one.out);
  }, 60_000);

  it('refuses a bad count, a format it does not write, and another command', () => {
    for (const args of [
      ['run', scenario, '--workers', '0'],
      ['run', scenario, '--workers', 'many'],
      ['run', scenario, '--workers', '2', '--format', 'xml'],
      ['demo', '--workers', '2'],
    ]) {
      const child = bin(...args);
      expect(child.code).toBe(2);
      expect(child.err).toMatch(/--workers/);
    }
  }, 60_000);

  it('sends the statements in small chunks, or through each shard’s spill file, and writes the same NDJSON', () => {
    const one = bin('run', scenario, '--format', 'ndjson');
    for (const [chunk, inFlight, batch] of [
      ['4096', '0', '1048576'], // every chunk spilled
      ['20000', '1', '1048576'],
      ['1048576', '16', '1048576'],
      ['20000', '2', '5000'], // writes of 5,000 bytes: a statement (4.7–6.3 KB) longer than that goes on its own
    ]) {
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'test/cli/fixtures/workersFlow.ts', scenario, '3', chunk!, inFlight!, batch!],
        { encoding: 'utf8', maxBuffer: 1 << 26 },
      );
      expect(child.stderr).toBe('');
      expect(child.status).toBe(0);
      expect(child.stdout).toBe(one.out);
    }
  }, 120_000);

  it('shows on a terminal the phases, every tenth of the statements written and each shard done', () => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'test/cli/fixtures/workersFlow.ts', scenario, '2', '20000', '16', 'progress'],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    expect(child.status).toBe(0);
    const lines = child.stderr.trim().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'synergy-pay: planning 2 shards…',
      'synergy-pay: running 2 shards on 2 workers…',
      'synergy-pay: support pool shared; 400 statements to write…',
    ]);
    const counts = lines.flatMap((line) => /^synergy-pay: (\d+) of 400 statements written$/.exec(line)?.[1] ?? []);
    expect(counts.length).toBeGreaterThanOrEqual(2);
    expect(counts.at(-1)).toBe('400');
    expect(counts.map(Number)).toEqual([...counts.map(Number)].sort((a, b) => a - b));
    expect(lines.filter((line) => /^synergy-pay: shard [12] of 2 done$/.test(line))).toHaveLength(2);
  }, 60_000);

  it('refuses a shard’s bad row as the run in one piece does', () => {
    const bad = join(dir, 'bad-row.json');
    const input = demoScenario({ people: 200, seed: 4 });
    const rows = input.data!.commissions!;
    rows[rows.length - 1] = { ...rows[rows.length - 1]!, date: '2020-01-01' };
    writeFileSync(bad, JSON.stringify(input));
    const one = bin('run', bad, '--format', 'ndjson');
    const many = bin('run', bad, '--workers', '2', '--format', 'ndjson');
    expect(one.code).toBe(2);
    expect(one.err).toMatch(/commissions/);
    expect(many.code).toBe(2);
    expect(many.err).toBe(one.err);
  }, 60_000);

  it('refuses bad input as the run in one piece does', () => {
    const bad = join(dir, 'bad.json');
    const input = demoScenario({ people: 50, seed: 2 });
    input.org.people[3] = { ...input.org.people[3]!, grade: 'no-such-grade' };
    writeFileSync(bad, JSON.stringify(input));
    const one = bin('run', bad);
    const many = bin('run', bad, '--workers', '2');
    expect(one.code).toBe(2);
    expect(many.code).toBe(2);
    expect(many.err).toBe(one.err);
  }, 60_000);
});

describe('spilledArray: a file of NDJSON lines as jsonChunks writes a long array', () => {
  it('is `[`, the lines joined by `,` and a line break, `]`, read in pieces of every size (a property)', () => {
    const file = join(dir, 'lines.ndjson');
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        (values, size) => {
          const lines = values.map((value) => JSON.stringify(value));
          writeFileSync(file, lines.map((line) => `${line}\n`).join(''));
          const decoder = new TextDecoder();
          let text = '';
          for (const piece of spilledArray(file, size))
            text += typeof piece === 'string' ? piece : decoder.decode(piece, { stream: true });
          expect(text).toBe(`[\n${lines.join(',\n')}\n]`);
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(values)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
