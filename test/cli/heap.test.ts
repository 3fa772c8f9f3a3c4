import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  HEAP_ENV,
  HEAP_PER_INPUT_BYTE,
  heapOptions,
  LARGE_INPUT_BYTES,
  MEMORY_SHARE,
  nodeOptionWords,
  SEMI_SPACE_MB,
  type HeapSituation,
} from '../../src/cli/heap.js';

const MIB = 2 ** 20;
const GIB = 2 ** 30;

/** The 1,000,000-person folder of the benchmark on this machine: 820 MB, Node's default limit 4,144 MB, 24 GB. */
const million: HeapSituation = {
  inputs: [{ bytes: 820e6, kind: 'folder' }],
  nodeOptions: [],
  setting: undefined,
  heapLimit: 4144 * MIB,
  memory: 24 * GIB,
};

describe('heapOptions: the Node options a large input is run with', () => {
  it('gives the million-person folder a 64 MB young generation and keeps the heap limit that fits it', () => {
    expect(heapOptions(million)).toEqual(['--max-semi-space-size=64']);
  });

  it('raises the heap limit to the measured need, rounded up to a GB, when Node gives less', () => {
    expect(heapOptions({ ...million, heapLimit: 2 * GIB })).toEqual([
      '--max-semi-space-size=64',
      '--max-old-space-size=4096',
    ]);
  });

  it('asks for no more than three quarters of the memory, and nothing when that is no more than Node gives', () => {
    expect(heapOptions({ ...million, heapLimit: 2 * GIB, memory: 4 * GIB })).toEqual([
      '--max-semi-space-size=64',
      '--max-old-space-size=3072',
    ]);
    expect(heapOptions({ ...million, heapLimit: 3 * GIB, memory: 4 * GIB })).toEqual(['--max-semi-space-size=64']);
  });

  it('leaves a small input to Node, and sums the inputs of a command that reads two', () => {
    const half = { bytes: LARGE_INPUT_BYTES / 2, kind: 'json' } as const;
    expect(heapOptions({ ...million, inputs: [half] })).toEqual([]);
    expect(heapOptions({ ...million, inputs: [] })).toEqual([]);
    expect(heapOptions({ ...million, inputs: [half, half] })).toEqual(['--max-semi-space-size=64']);
  });

  it("keeps the operator's choice: an option given (either spelling, in execArgv or NODE_OPTIONS) is not given again", () => {
    const small = { ...million, heapLimit: 2 * GIB };
    expect(heapOptions({ ...small, nodeOptions: ['--max-old-space-size=3000'] })).toEqual(['--max-semi-space-size=64']);
    expect(heapOptions({ ...small, nodeOptions: ['--max_semi_space_size=8'] })).toEqual(['--max-old-space-size=4096']);
    expect(
      heapOptions({ ...small, nodeOptions: nodeOptionWords(' --max-semi-space-size=32  --max-old-space-size=1000 ') }),
    ).toEqual([]);
  });

  it('does nothing when SYNERGY_PAY_HEAP is keep, or in the process it started (sized)', () => {
    expect(heapOptions({ ...million, heapLimit: GIB, setting: 'keep' })).toEqual([]);
    expect(heapOptions({ ...million, heapLimit: GIB, setting: 'sized' })).toEqual([]);
  });

  it('property: a heap limit it asks for covers the need or the memory share, and is above the limit Node gives', () => {
    const input = fc.record({
      bytes: fc.integer({ min: 0, max: 4 * GIB }),
      kind: fc.constantFrom<keyof typeof HEAP_PER_INPUT_BYTE>('folder', 'json'),
    });
    fc.assert(
      fc.property(
        fc.array(input, { maxLength: 3 }),
        fc.integer({ min: 64, max: 16_384 }),
        fc.integer({ min: 512, max: 65_536 }),
        (inputs, limitMb, memoryMb) => {
          const situation = { ...million, inputs, heapLimit: limitMb * MIB, memory: memoryMb * MIB };
          const options = heapOptions(situation);
          const bytes = inputs.reduce((sum, { bytes }) => sum + bytes, 0);
          const need = inputs.reduce((sum, { bytes, kind }) => sum + bytes * HEAP_PER_INPUT_BYTE[kind], 0);
          expect(options.includes(`--max-semi-space-size=${SEMI_SPACE_MB}`)).toBe(bytes >= LARGE_INPUT_BYTES);
          const old = options.find((option) => option.startsWith('--max-old-space-size='));
          if (old === undefined) {
            expect(need <= limitMb * MIB || Math.floor(memoryMb * MEMORY_SHARE) <= limitMb).toBe(true);
          } else {
            const mb = Number(old.split('=')[1]);
            expect(mb).toBeGreaterThan(limitMb);
            expect(mb * MIB >= need || mb === Math.floor(memoryMb * MEMORY_SHARE)).toBe(true);
            expect(mb).toBeLessThanOrEqual(memoryMb * MEMORY_SHARE);
          }
        },
      ),
    );
  });
});

describe('runSized: the command in a Node process of its own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-heap-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `runSized` in a Node process (as the executable does), its output and exit status returned. */
  function sized(options: string[], child: string, args: string[]) {
    const script = join(dir, `child-${Math.random().toString(36).slice(2)}.mjs`);
    writeFileSync(script, child);
    const heap = new URL('../../src/cli/heap.ts', import.meta.url).href;
    const parent = join(dir, `parent-${Math.random().toString(36).slice(2)}.mjs`);
    writeFileSync(
      parent,
      `const { runSized } = await import(${JSON.stringify(heap)});\n` +
        `process.exitCode = await runSized(${JSON.stringify(options)}, ${JSON.stringify(script)}, ${JSON.stringify(args)});\n`,
    );
    return spawnSync(process.execPath, ['--import', 'tsx', parent], {
      encoding: 'utf8',
      input: 'from the parent',
      env: { ...process.env, [HEAP_ENV]: undefined },
    });
  }

  it('starts the process with the options, its streams and exit code the parent’s, marked sized', () => {
    const child = `
      import { getHeapStatistics } from 'node:v8';
      import { readFileSync } from 'node:fs';
      process.stdout.write(JSON.stringify({
        args: process.argv.slice(2),
        options: process.execArgv.filter((option) => option.startsWith('--max')),
        limit: getHeapStatistics().heap_size_limit,
        heap: process.env.${HEAP_ENV},
        stdin: readFileSync(0, 'utf8'),
      }));
      process.stderr.write('to stderr');
      process.exitCode = 3;`;
    const result = sized(['--max-old-space-size=300', '--max-semi-space-size=8'], child, ['run', 'a b', '--x']);
    expect(result.status).toBe(3);
    expect(result.stderr).toBe('to stderr');
    const seen = JSON.parse(result.stdout) as {
      args: string[];
      options: string[];
      limit: number;
      heap: string;
      stdin: string;
    };
    expect(seen.args).toEqual(['run', 'a b', '--x']);
    expect(seen.options).toEqual(['--max-old-space-size=300', '--max-semi-space-size=8']);
    expect(seen.limit).toBeGreaterThan(300 * MIB);
    expect(seen.limit).toBeLessThan(400 * MIB);
    expect(seen.heap).toBe('sized');
    expect(seen.stdin).toBe('from the parent');
  });

  it('ends with 128 + the signal when a signal ends the process', () => {
    const result = sized([], `process.kill(process.pid, 'SIGTERM');`, []);
    expect(result.status).toBe(128 + 15);
  });
});

describe('the executable sizes its heap for a large input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-sized-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  // A sparse file: 200 MiB to stat, no disk; its NUL bytes are refused once read.
  const big = join(dir, 'big.json');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 200 * MIB);
  closeSync(fd);
  // Imported into every Node process of the run: prints the options each was started with.
  const hook = join(dir, 'hook.mjs');
  writeFileSync(hook, `process.stderr.write('started with ' + JSON.stringify(process.execArgv) + '\\n');\n`);

  function bin(setting: string | undefined) {
    return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'run', big], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: `--import=${pathToFileURL(hook).href}`, [HEAP_ENV]: setting },
    });
  }

  it('runs the command in a second process with the young generation, its exit code and errors passed on', () => {
    const result = bin(undefined);
    const started = result.stderr.split('\n').filter((line) => line.startsWith('started with '));
    expect(started).toHaveLength(2);
    expect(started[0]).not.toContain('--max-semi-space-size');
    expect(started[1]).toContain(`--max-semi-space-size=${SEMI_SPACE_MB}`);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/NUL bytes/);
  }, 60_000);

  it('runs in one process with SYNERGY_PAY_HEAP=keep, with the same refusal', () => {
    const result = bin('keep');
    expect(result.stderr.split('\n').filter((line) => line.startsWith('started with '))).toHaveLength(1);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/NUL bytes/);
  }, 60_000);
});
