/**
 * Peak memory of a streamed period run against `runPeriod` (issue 20 §1): the demo company at
 * the ratios, each run in its own process (`bench/streamRun.ts`) so that each peak is its
 * own; the statements written as NDJSON either way. `STREAM_BENCH_PEOPLE` lists the sizes
 * (default `100000,300000`). `npx tsx bench/run.ts stream`.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMs } from './harness.js';

interface Measure {
  readonly people: number;
  readonly mode: string;
  readonly generateMs: number;
  readonly runMs: number;
  readonly scenarioRssMB: number;
  readonly peakRssMB: number;
  readonly checks: boolean;
}

export default async function streamBench(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const sizes = (process.env.STREAM_BENCH_PEOPLE ?? '100000,300000').split(',').map(Number);
  console.log('\n## period run, streamed or whole: peak resident memory of one process');
  console.log('| people | run | scenario built (RSS) | run + NDJSON written | peak RSS | checks |');
  console.log('|---:|---|---:|---:|---:|---|');
  for (const people of sizes)
    for (const mode of ['whole', 'stream']) {
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', join(here, 'streamRun.ts'), String(people), mode],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        },
      );
      const m = JSON.parse(out.trim().split('\n').at(-1)!) as Measure;
      const name = mode === 'whole' ? 'runPeriod' : 'runPeriodStream';
      console.log(
        `| ${people.toLocaleString('en')} | ${name} | ${m.scenarioRssMB} MB | ${formatMs(m.runMs)} | ${m.peakRssMB} MB | ${m.checks ? 'hold' : 'FAIL'} |`,
      );
    }
  await Promise.resolve();
}
