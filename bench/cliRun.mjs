/**
 * One run of `bench/million.bench.ts`: `node bench/cliRun.mjs <bin> <args…>` (plain Node) runs the
 * CLI executable `bin` as `node <bin> <args…>` would — in its own process, which may start a sized
 * one of its own (src/cli/heap.ts) — and prints, on its last line of standard error, the peak
 * resident memory of every process of the run (each process's, every thread's, summed: they run
 * at the same time) as JSON: `{"maxRssMB": …, "processes": …}`. Each process of the run reports
 * its own peak when it exits (`bench/peakRss.mjs`, imported through `NODE_OPTIONS`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [bin, ...args] = process.argv.slice(2);
if (bin === undefined) throw new Error('usage: node bench/cliRun.mjs <bin> <args…>');
const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-rss-'));
const report = join(dir, 'peaks.ndjson');
const hook = pathToFileURL(new URL('./peakRss.mjs', import.meta.url).pathname).href;
const run = spawnSync(process.execPath, [bin, ...args], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${hook}`.trim(),
    SYNERGY_PAY_PEAK_RSS: report,
  },
});
let peaks;
try {
  peaks = readFileSync(report, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const maxRssMB = peaks.reduce((sum, peak) => sum + peak.maxRssMB, 0);
process.stderr.write(`\n${JSON.stringify({ maxRssMB, processes: peaks.length })}\n`);
process.exitCode = run.status ?? 1;
