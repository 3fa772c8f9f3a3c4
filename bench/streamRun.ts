/**
 * One process of `bench/stream.bench.ts`: `node --import tsx bench/streamRun.ts <people> <whole|stream>`.
 * Builds the demo company at the issue's ratios (issue 20: 5 tickets, 2 ratings, 2 revenue facts
 * a person; 3 commission rows per front-line person), runs it with `runPeriod` (whole) or
 * `runPeriodStream` (stream; the scenario handed over as a function, nothing else keeping it), writes the statements as NDJSON to a temporary file, and prints one
 * JSON line: the phases' times and the process's peak resident memory.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoScenario, runPeriod, runPeriodStream, type PayStatement, type RunPeriodInput } from '../src/index.js';

const people = Number(process.argv[2]);
const mode = process.argv[3];
const started = performance.now();
let scenario: RunPeriodInput | undefined = demoScenario({
  people,
  tickets: 5 * people,
  ratings: 2 * people,
  revenueFacts: 2 * people,
});
const generated = performance.now();
const scenarioRss = process.memoryUsage().rss;
const file = join(tmpdir(), `synergy-pay-stream-bench-${process.pid}.ndjson`);
const fd = openSync(file, 'w');
let pending: string[] = [];
const write = (statement: PayStatement) => {
  pending.push(`${JSON.stringify(statement)}\n`);
  // A few statements a write: larger batches live long enough to be promoted, and double the peak.
  if (pending.length === 16) {
    writeSync(fd, pending.join(''));
    pending = [];
  }
};
let checks: boolean;
if (mode === 'whole') {
  const result = runPeriod(scenario);
  for (const statement of result.statements) write(statement);
  checks = result.checks.every((check) => check.holds);
} else {
  // Handed over as a function, as the CLI does: the run lets the tickets go before its other mechanisms.
  const run = runPeriodStream(() => {
    const given = scenario!;
    scenario = undefined;
    return given;
  });
  for (const statement of run.statements) write(statement);
  checks = run.summary().checks.every((check) => check.holds);
}
writeSync(fd, pending.join(''));
closeSync(fd);
rmSync(file);
console.log(
  JSON.stringify({
    people,
    mode,
    generateMs: Math.round(generated - started),
    runMs: Math.round(performance.now() - generated),
    scenarioRssMB: Math.round(scenarioRss / 2 ** 20),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    checks,
  }),
);
