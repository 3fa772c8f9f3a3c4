/**
 * Issue 20's benchmark: the demo company at the issue's ratios (1,000,000 people, 60 % front line;
 * 5,000,000 tickets, 2,000,000 ratings, 2,000,000 revenue facts, 1,800,000 commission rows),
 * written as a CSV folder (`bench/bigFolder.ts`), then `synergy-pay run <folder> --format ndjson
 * --out FILE` by the built executable (`dist/cli/bin.js`; `npm install` builds it) in a process of
 * its own, as an operator runs it: no Node options (the executable sizes Node's heap for its input,
 * src/cli/heap.ts; docs/scale.md, "How much heap"), or `MILLION_BENCH_NODE_OPTIONS`. Its wall
 * time and the peak resident memory of its processes against the issue's 150 s and 4 GB.
 * `MILLION_BENCH_PEOPLE` (default 1000000).
 * `npx tsx bench/run.ts million`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { folderBytes, issueRatios, writeDemoFolder } from './bigFolder.js';
import { formatMs } from './harness.js';

export default async function millionBench(): Promise<void> {
  const people = Number(process.env.MILLION_BENCH_PEOPLE ?? 1_000_000);
  const options = process.env.MILLION_BENCH_NODE_OPTIONS ?? '';
  const here = dirname(fileURLToPath(import.meta.url));
  const bin = join(here, '..', 'dist', 'cli', 'bin.js');
  if (!existsSync(bin)) throw new Error('build first (npm run build): the benchmark runs dist/cli/bin.js');
  const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-million-bench-'));
  try {
    const folder = join(dir, 'folder');
    await writeDemoFolder(folder, issueRatios(people));
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      [join(here, 'cliRun.mjs'), bin, 'run', folder, '--format', 'ndjson', '--out', join(dir, 'statements.ndjson')],
      {
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: options, SYNERGY_PAY_HEAP: undefined },
        maxBuffer: 1 << 26,
      },
    );
    const wall = performance.now() - started;
    if (run.status !== 0) throw new Error(`the run failed (${run.status ?? run.signal}): ${run.stderr.slice(-2000)}`);
    const { maxRssMB, processes } = JSON.parse(run.stderr.trim().split('\n').at(-1)!) as {
      maxRssMB: number;
      processes: number;
    };
    const given = options === '' ? 'no Node options' : `NODE_OPTIONS="${options}"`;
    console.log(`\n## a CSV folder to an NDJSON statement file: ${people.toLocaleString('en')} people (${given})`);
    console.log('| folder | wall | peak RSS (processes) |');
    console.log('|---:|---:|---:|');
    console.log(
      `| ${Math.round(folderBytes(folder) / 1e6)} MB | ${formatMs(wall)} | ${maxRssMB.toLocaleString('en')} MB (${processes}) |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
