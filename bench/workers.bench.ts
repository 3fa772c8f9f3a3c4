/**
 * The period run on worker threads (issue 20 §3): `synergy-pay run <scenario> --format ndjson
 * --out FILE` in one piece, with `--workers 1` and with `--workers 2`, on the demo company at the
 * issue's ratios (5 tickets, 2 ratings, 2 revenue facts a person; 3 commission rows per front-line
 * person) written as a scenario file first. Each run is its own process: the built executable
 * (`dist/cli/bin.js`, as shipped; `npm install` builds it), else the one from the sources; the
 * median of `WORKERS_BENCH_RUNS` runs (default 3) and the ratio to `--workers 1`.
 * `WORKERS_BENCH_PEOPLE` (default 100000). `npx tsx bench/run.ts workers`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoScenario } from '../src/index.js';
import { formatMs } from './harness.js';

export default async function workersBench(): Promise<void> {
  const people = Number(process.env.WORKERS_BENCH_PEOPLE ?? 100_000);
  const runs = Number(process.env.WORKERS_BENCH_RUNS ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-workers-bench-'));
  try {
    const scenario = join(dir, 'scenario.json');
    writeFileSync(
      scenario,
      JSON.stringify(demoScenario({ people, tickets: 5 * people, ratings: 2 * people, revenueFacts: 2 * people })),
    );
    const variants: [string, string[]][] = [
      ['in one piece', []],
      ['--workers 1', ['--workers', '1']],
      ['--workers 2', ['--workers', '2']],
    ];
    const built = existsSync('dist/cli/bin.js');
    const bin = built ? ['dist/cli/bin.js'] : ['--import', 'tsx', 'src/cli/bin.ts'];
    const medians = new Map<string, number>();
    for (const [name, extra] of variants) {
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        const started = performance.now();
        execFileSync(
          process.execPath,
          [...bin, 'run', scenario, '--format', 'ndjson', '--out', join(dir, 'out.ndjson'), ...extra],
          { stdio: 'ignore' },
        );
        times.push(performance.now() - started);
      }
      medians.set(name, times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!);
    }
    const base = medians.get('--workers 1')!;
    console.log(
      `\n## period run to NDJSON on worker threads: ${people.toLocaleString('en')} people, median of ${runs}`,
    );
    console.log('| run | wall | ratio to --workers 1 |');
    console.log('|---|---:|---:|');
    for (const [name, ms] of medians) console.log(`| ${name} | ${formatMs(ms)} | ${(ms / base).toFixed(2)}× |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await Promise.resolve();
}
